using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kinerja.Shared.Data.Migrations.IndicatorData
{
    /// <inheritdoc />
    internal partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "tableprefix_base_measures",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Measure = table.Column<string>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Quarter = table.Column<int>(type: "INTEGER", nullable: false),
                    Value = table.Column<double>(type: "REAL", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tableprefix_base_measures", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "tableprefix_indicators",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", nullable: false),
                    Unit = table.Column<string>(type: "TEXT", nullable: false),
                    Level = table.Column<string>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", nullable: false),
                    Goal = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Numerator = table.Column<string>(type: "TEXT", nullable: false),
                    Denominator = table.Column<string>(type: "TEXT", nullable: true),
                    Source = table.Column<string>(type: "TEXT", nullable: false),
                    RollupNumerator = table.Column<string>(type: "TEXT", nullable: false),
                    RollupDenominator = table.Column<string>(type: "TEXT", nullable: true),
                    Note = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tableprefix_indicators", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "tableprefix_realizations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Indicator = table.Column<string>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Quarter = table.Column<int>(type: "INTEGER", nullable: false),
                    Numerator = table.Column<double>(type: "REAL", nullable: true),
                    Denominator = table.Column<double>(type: "REAL", nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", nullable: false),
                    EnteredBy = table.Column<string>(type: "TEXT", nullable: true),
                    ReviewedBy = table.Column<string>(type: "TEXT", nullable: true),
                    ReturnReason = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tableprefix_realizations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "tableprefix_targets",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Indicator = table.Column<string>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Quarter = table.Column<int>(type: "INTEGER", nullable: false),
                    Value = table.Column<double>(type: "REAL", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tableprefix_targets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "tableprefix_units",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", nullable: false),
                    Parent = table.Column<string>(type: "TEXT", nullable: true),
                    Head = table.Column<string>(type: "TEXT", nullable: false),
                    Tugas = table.Column<string>(type: "TEXT", nullable: false),
                    Fungsi = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tableprefix_units", x => x.Code);
                });

            migrationBuilder.CreateIndex(
                name: "IX_tableprefix_base_measures_Measure_Year_Quarter",
                table: "tableprefix_base_measures",
                columns: new[] { "Measure", "Year", "Quarter" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_tableprefix_realizations_Indicator_Year_Quarter",
                table: "tableprefix_realizations",
                columns: new[] { "Indicator", "Year", "Quarter" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_tableprefix_realizations_Year",
                table: "tableprefix_realizations",
                column: "Year");

            migrationBuilder.CreateIndex(
                name: "IX_tableprefix_targets_Indicator_Year_Quarter",
                table: "tableprefix_targets",
                columns: new[] { "Indicator", "Year", "Quarter" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "tableprefix_base_measures");

            migrationBuilder.DropTable(
                name: "tableprefix_indicators");

            migrationBuilder.DropTable(
                name: "tableprefix_realizations");

            migrationBuilder.DropTable(
                name: "tableprefix_targets");

            migrationBuilder.DropTable(
                name: "tableprefix_units");
        }
    }
}
