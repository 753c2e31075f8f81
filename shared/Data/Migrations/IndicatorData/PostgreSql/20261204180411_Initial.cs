using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Kinerja.Shared.Data.Migrations.IndicatorData.PostgreSql
{
    /// <inheritdoc />
    internal partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // No EnsureSchema: its existence check names the placeholder, not the module's schema, which the history
            // table's creation has made before any migration runs.
            migrationBuilder.CreateTable(
                name: "tableprefix_base_measures",
                schema: "tableprefix",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Measure = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Quarter = table.Column<int>(type: "integer", nullable: false),
                    Value = table.Column<double>(type: "double precision", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tableprefix_base_measures", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "tableprefix_indicators",
                schema: "tableprefix",
                columns: table => new
                {
                    Code = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Unit = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Level = table.Column<string>(type: "text", nullable: false),
                    Kind = table.Column<string>(type: "text", nullable: false),
                    Goal = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Name = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Numerator = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Denominator = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    Source = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    RollupNumerator = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    RollupDenominator = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    Note = table.Column<string>(type: "text", nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tableprefix_indicators", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "tableprefix_realizations",
                schema: "tableprefix",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Indicator = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Quarter = table.Column<int>(type: "integer", nullable: false),
                    Numerator = table.Column<double>(type: "double precision", nullable: true),
                    Denominator = table.Column<double>(type: "double precision", nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    State = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    EnteredBy = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    ReviewedBy = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    ReturnReason = table.Column<string>(type: "text", nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tableprefix_realizations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "tableprefix_targets",
                schema: "tableprefix",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Indicator = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Quarter = table.Column<int>(type: "integer", nullable: false),
                    Value = table.Column<double>(type: "double precision", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tableprefix_targets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "tableprefix_units",
                schema: "tableprefix",
                columns: table => new
                {
                    Code = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Name = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Kind = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Parent = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    Head = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Tugas = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Fungsi = table.Column<List<string>>(type: "text[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tableprefix_units", x => x.Code);
                });

            migrationBuilder.CreateIndex(
                name: "IX_tableprefix_base_measures_Measure_Year_Quarter",
                schema: "tableprefix",
                table: "tableprefix_base_measures",
                columns: new[] { "Measure", "Year", "Quarter" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_tableprefix_realizations_Indicator_Year_Quarter",
                schema: "tableprefix",
                table: "tableprefix_realizations",
                columns: new[] { "Indicator", "Year", "Quarter" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_tableprefix_realizations_Year",
                schema: "tableprefix",
                table: "tableprefix_realizations",
                column: "Year");

            migrationBuilder.CreateIndex(
                name: "IX_tableprefix_targets_Indicator_Year_Quarter",
                schema: "tableprefix",
                table: "tableprefix_targets",
                columns: new[] { "Indicator", "Year", "Quarter" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "tableprefix_base_measures",
                schema: "tableprefix");

            migrationBuilder.DropTable(
                name: "tableprefix_indicators",
                schema: "tableprefix");

            migrationBuilder.DropTable(
                name: "tableprefix_realizations",
                schema: "tableprefix");

            migrationBuilder.DropTable(
                name: "tableprefix_targets",
                schema: "tableprefix");

            migrationBuilder.DropTable(
                name: "tableprefix_units",
                schema: "tableprefix");
        }
    }
}
