using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Kinerja.Modules.Cascade.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    internal partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "cascade");

            migrationBuilder.CreateTable(
                name: "cascade_analyses",
                schema: "cascade",
                columns: table => new
                {
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Indicator = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    FaktorPendukung = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    FaktorPenghambat = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    UpayaTindakLanjut = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    ChangedBy = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    ChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cascade_analyses", x => new { x.Year, x.Indicator });
                });

            migrationBuilder.CreateTable(
                name: "cascade_officials",
                schema: "cascade",
                columns: table => new
                {
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Position = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Nama = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Jabatan = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Pangkat = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    Nip = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    ChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cascade_officials", x => new { x.Year, x.Position });
                });

            migrationBuilder.CreateTable(
                name: "cascade_polarities",
                schema: "cascade",
                columns: table => new
                {
                    Indicator = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    LessIsBetter = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cascade_polarities", x => x.Indicator);
                });

            migrationBuilder.CreateTable(
                name: "cascade_quarter_closures",
                schema: "cascade",
                columns: table => new
                {
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Quarter = table.Column<int>(type: "integer", nullable: false),
                    Closed = table.Column<bool>(type: "boolean", nullable: false),
                    ChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cascade_quarter_closures", x => new { x.Year, x.Quarter });
                });

            migrationBuilder.CreateTable(
                name: "cascade_rule_overrides",
                schema: "cascade",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Indicator = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Numerator = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Denominator = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    ChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cascade_rule_overrides", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "cascade_snapshots",
                schema: "cascade",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Quarter = table.Column<int>(type: "integer", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Trigger = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Fingerprint = table.Column<string>(type: "text", nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cascade_snapshots", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "cascade_value_sources",
                schema: "cascade",
                columns: table => new
                {
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Source = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    ChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cascade_value_sources", x => new { x.Year, x.Code });
                });

            migrationBuilder.CreateTable(
                name: "cascade_snapshot_values",
                schema: "cascade",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SnapshotId = table.Column<long>(type: "bigint", nullable: false),
                    Indicator = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Cumulative = table.Column<bool>(type: "boolean", nullable: false),
                    Numerator = table.Column<double>(type: "double precision", nullable: true),
                    Denominator = table.Column<double>(type: "double precision", nullable: true),
                    Value = table.Column<double>(type: "double precision", nullable: true),
                    Target = table.Column<double>(type: "double precision", nullable: true),
                    Achievement = table.Column<double>(type: "double precision", nullable: true),
                    Predicate = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    Status = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    NumeratorRule = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    DenominatorRule = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    Source = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    DenominatorSource = table.Column<string>(type: "text", nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cascade_snapshot_values", x => x.Id);
                    table.ForeignKey(
                        name: "FK_cascade_snapshot_values_cascade_snapshots_SnapshotId",
                        column: x => x.SnapshotId,
                        principalSchema: "cascade",
                        principalTable: "cascade_snapshots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_cascade_rule_overrides_Year_Indicator",
                schema: "cascade",
                table: "cascade_rule_overrides",
                columns: new[] { "Year", "Indicator" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_cascade_snapshot_values_SnapshotId",
                schema: "cascade",
                table: "cascade_snapshot_values",
                column: "SnapshotId");

            migrationBuilder.CreateIndex(
                name: "IX_cascade_snapshots_Year_Quarter_Revision",
                schema: "cascade",
                table: "cascade_snapshots",
                columns: new[] { "Year", "Quarter", "Revision" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cascade_analyses",
                schema: "cascade");

            migrationBuilder.DropTable(
                name: "cascade_officials",
                schema: "cascade");

            migrationBuilder.DropTable(
                name: "cascade_polarities",
                schema: "cascade");

            migrationBuilder.DropTable(
                name: "cascade_quarter_closures",
                schema: "cascade");

            migrationBuilder.DropTable(
                name: "cascade_rule_overrides",
                schema: "cascade");

            migrationBuilder.DropTable(
                name: "cascade_snapshot_values",
                schema: "cascade");

            migrationBuilder.DropTable(
                name: "cascade_value_sources",
                schema: "cascade");

            migrationBuilder.DropTable(
                name: "cascade_snapshots",
                schema: "cascade");
        }
    }
}
