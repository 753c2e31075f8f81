using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kinerja.Modules.Cascade.Data.Migrations
{
    /// <inheritdoc />
    internal partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "cascade_analyses",
                columns: table => new
                {
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Indicator = table.Column<string>(type: "TEXT", nullable: false),
                    FaktorPendukung = table.Column<string>(type: "TEXT", nullable: true),
                    FaktorPenghambat = table.Column<string>(type: "TEXT", nullable: true),
                    UpayaTindakLanjut = table.Column<string>(type: "TEXT", nullable: true),
                    ChangedBy = table.Column<string>(type: "TEXT", nullable: false),
                    ChangedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cascade_analyses", x => new { x.Year, x.Indicator });
                });

            migrationBuilder.CreateTable(
                name: "cascade_officials",
                columns: table => new
                {
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<string>(type: "TEXT", nullable: false),
                    Nama = table.Column<string>(type: "TEXT", nullable: false),
                    Jabatan = table.Column<string>(type: "TEXT", nullable: false),
                    Pangkat = table.Column<string>(type: "TEXT", nullable: true),
                    Nip = table.Column<string>(type: "TEXT", nullable: true),
                    ChangedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cascade_officials", x => new { x.Year, x.Position });
                });

            migrationBuilder.CreateTable(
                name: "cascade_polarities",
                columns: table => new
                {
                    Indicator = table.Column<string>(type: "TEXT", nullable: false),
                    LessIsBetter = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cascade_polarities", x => x.Indicator);
                });

            migrationBuilder.CreateTable(
                name: "cascade_quarter_closures",
                columns: table => new
                {
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Quarter = table.Column<int>(type: "INTEGER", nullable: false),
                    Closed = table.Column<bool>(type: "INTEGER", nullable: false),
                    ChangedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cascade_quarter_closures", x => new { x.Year, x.Quarter });
                });

            migrationBuilder.CreateTable(
                name: "cascade_rule_overrides",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Indicator = table.Column<string>(type: "TEXT", nullable: false),
                    Numerator = table.Column<string>(type: "TEXT", nullable: false),
                    Denominator = table.Column<string>(type: "TEXT", nullable: true),
                    ChangedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cascade_rule_overrides", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "cascade_snapshots",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Quarter = table.Column<int>(type: "INTEGER", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Trigger = table.Column<string>(type: "TEXT", nullable: false),
                    Fingerprint = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cascade_snapshots", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "cascade_value_sources",
                columns: table => new
                {
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", nullable: false),
                    ChangedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cascade_value_sources", x => new { x.Year, x.Code });
                });

            migrationBuilder.CreateTable(
                name: "cascade_snapshot_values",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SnapshotId = table.Column<long>(type: "INTEGER", nullable: false),
                    Indicator = table.Column<string>(type: "TEXT", nullable: false),
                    Cumulative = table.Column<bool>(type: "INTEGER", nullable: false),
                    Numerator = table.Column<double>(type: "REAL", nullable: true),
                    Denominator = table.Column<double>(type: "REAL", nullable: true),
                    Value = table.Column<double>(type: "REAL", nullable: true),
                    Target = table.Column<double>(type: "REAL", nullable: true),
                    Achievement = table.Column<double>(type: "REAL", nullable: true),
                    Predicate = table.Column<string>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", nullable: false),
                    NumeratorRule = table.Column<string>(type: "TEXT", nullable: false),
                    DenominatorRule = table.Column<string>(type: "TEXT", nullable: true),
                    Source = table.Column<string>(type: "TEXT", nullable: true),
                    DenominatorSource = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cascade_snapshot_values", x => x.Id);
                    table.ForeignKey(
                        name: "FK_cascade_snapshot_values_cascade_snapshots_SnapshotId",
                        column: x => x.SnapshotId,
                        principalTable: "cascade_snapshots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_cascade_rule_overrides_Year_Indicator",
                table: "cascade_rule_overrides",
                columns: new[] { "Year", "Indicator" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_cascade_snapshot_values_SnapshotId",
                table: "cascade_snapshot_values",
                column: "SnapshotId");

            migrationBuilder.CreateIndex(
                name: "IX_cascade_snapshots_Year_Quarter_Revision",
                table: "cascade_snapshots",
                columns: new[] { "Year", "Quarter", "Revision" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cascade_analyses");

            migrationBuilder.DropTable(
                name: "cascade_officials");

            migrationBuilder.DropTable(
                name: "cascade_polarities");

            migrationBuilder.DropTable(
                name: "cascade_quarter_closures");

            migrationBuilder.DropTable(
                name: "cascade_rule_overrides");

            migrationBuilder.DropTable(
                name: "cascade_snapshot_values");

            migrationBuilder.DropTable(
                name: "cascade_value_sources");

            migrationBuilder.DropTable(
                name: "cascade_snapshots");
        }
    }
}
