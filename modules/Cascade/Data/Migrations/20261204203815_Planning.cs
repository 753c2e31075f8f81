using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kinerja.Modules.Cascade.Data.Migrations
{
    /// <inheritdoc />
    internal partial class Planning : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "cascade_agreements",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Unit = table.Column<string>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    SignedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RevisedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", nullable: true),
                    ChangedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cascade_agreements", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "cascade_budget_lines",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", nullable: false),
                    Unit = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Pagu = table.Column<double>(type: "REAL", nullable: false),
                    Indicators = table.Column<string>(type: "TEXT", nullable: false),
                    ChangedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cascade_budget_lines", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "cascade_renstra_targets",
                columns: table => new
                {
                    Indicator = table.Column<string>(type: "TEXT", nullable: false),
                    FromYear = table.Column<int>(type: "INTEGER", nullable: false),
                    ToYear = table.Column<int>(type: "INTEGER", nullable: false),
                    Target = table.Column<double>(type: "REAL", nullable: false),
                    ChangedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cascade_renstra_targets", x => new { x.Indicator, x.FromYear });
                });

            migrationBuilder.CreateTable(
                name: "cascade_agreement_targets",
                columns: table => new
                {
                    AgreementId = table.Column<long>(type: "INTEGER", nullable: false),
                    Indicator = table.Column<string>(type: "TEXT", nullable: false),
                    Target = table.Column<double>(type: "REAL", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cascade_agreement_targets", x => new { x.AgreementId, x.Indicator });
                    table.ForeignKey(
                        name: "FK_cascade_agreement_targets_cascade_agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "cascade_agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "cascade_budget_realizations",
                columns: table => new
                {
                    LineId = table.Column<long>(type: "INTEGER", nullable: false),
                    Quarter = table.Column<int>(type: "INTEGER", nullable: false),
                    Amount = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cascade_budget_realizations", x => new { x.LineId, x.Quarter });
                    table.ForeignKey(
                        name: "FK_cascade_budget_realizations_cascade_budget_lines_LineId",
                        column: x => x.LineId,
                        principalTable: "cascade_budget_lines",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_cascade_agreements_Unit_Year_Revision",
                table: "cascade_agreements",
                columns: new[] { "Unit", "Year", "Revision" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_cascade_budget_lines_Year_Code",
                table: "cascade_budget_lines",
                columns: new[] { "Year", "Code" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cascade_agreement_targets");

            migrationBuilder.DropTable(
                name: "cascade_budget_realizations");

            migrationBuilder.DropTable(
                name: "cascade_renstra_targets");

            migrationBuilder.DropTable(
                name: "cascade_agreements");

            migrationBuilder.DropTable(
                name: "cascade_budget_lines");
        }
    }
}
