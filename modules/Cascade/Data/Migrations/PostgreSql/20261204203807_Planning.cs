using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Kinerja.Modules.Cascade.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    internal partial class Planning : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "cascade_agreements",
                schema: "cascade",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Unit = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    SignedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RevisedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Reason = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    ChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cascade_agreements", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "cascade_budget_lines",
                schema: "cascade",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Unit = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Name = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Pagu = table.Column<double>(type: "double precision", nullable: false),
                    Indicators = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    ChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cascade_budget_lines", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "cascade_renstra_targets",
                schema: "cascade",
                columns: table => new
                {
                    Indicator = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    FromYear = table.Column<int>(type: "integer", nullable: false),
                    ToYear = table.Column<int>(type: "integer", nullable: false),
                    Target = table.Column<double>(type: "double precision", nullable: false),
                    ChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cascade_renstra_targets", x => new { x.Indicator, x.FromYear });
                });

            migrationBuilder.CreateTable(
                name: "cascade_agreement_targets",
                schema: "cascade",
                columns: table => new
                {
                    AgreementId = table.Column<long>(type: "bigint", nullable: false),
                    Indicator = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Target = table.Column<double>(type: "double precision", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cascade_agreement_targets", x => new { x.AgreementId, x.Indicator });
                    table.ForeignKey(
                        name: "FK_cascade_agreement_targets_cascade_agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalSchema: "cascade",
                        principalTable: "cascade_agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "cascade_budget_realizations",
                schema: "cascade",
                columns: table => new
                {
                    LineId = table.Column<long>(type: "bigint", nullable: false),
                    Quarter = table.Column<int>(type: "integer", nullable: false),
                    Amount = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cascade_budget_realizations", x => new { x.LineId, x.Quarter });
                    table.ForeignKey(
                        name: "FK_cascade_budget_realizations_cascade_budget_lines_LineId",
                        column: x => x.LineId,
                        principalSchema: "cascade",
                        principalTable: "cascade_budget_lines",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_cascade_agreements_Unit_Year_Revision",
                schema: "cascade",
                table: "cascade_agreements",
                columns: new[] { "Unit", "Year", "Revision" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_cascade_budget_lines_Year_Code",
                schema: "cascade",
                table: "cascade_budget_lines",
                columns: new[] { "Year", "Code" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cascade_agreement_targets",
                schema: "cascade");

            migrationBuilder.DropTable(
                name: "cascade_budget_realizations",
                schema: "cascade");

            migrationBuilder.DropTable(
                name: "cascade_renstra_targets",
                schema: "cascade");

            migrationBuilder.DropTable(
                name: "cascade_agreements",
                schema: "cascade");

            migrationBuilder.DropTable(
                name: "cascade_budget_lines",
                schema: "cascade");
        }
    }
}
