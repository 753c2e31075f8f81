using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Kinerja.Modules.Rehabilitasi.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    internal partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "rehabilitasi");

            migrationBuilder.CreateTable(
                name: "rehabilitasi_base_measures",
                schema: "rehabilitasi",
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
                    table.PrimaryKey("PK_rehabilitasi_base_measures", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "rehabilitasi_indicators",
                schema: "rehabilitasi",
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
                    table.PrimaryKey("PK_rehabilitasi_indicators", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "rehabilitasi_realizations",
                schema: "rehabilitasi",
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
                    table.PrimaryKey("PK_rehabilitasi_realizations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "rehabilitasi_services",
                schema: "rehabilitasi",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Indicator = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    ServedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Subject = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Kecamatan = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Note = table.Column<string>(type: "text", nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rehabilitasi_services", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "rehabilitasi_targets",
                schema: "rehabilitasi",
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
                    table.PrimaryKey("PK_rehabilitasi_targets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "rehabilitasi_units",
                schema: "rehabilitasi",
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
                    table.PrimaryKey("PK_rehabilitasi_units", x => x.Code);
                });

            migrationBuilder.CreateIndex(
                name: "IX_rehabilitasi_base_measures_Measure_Year_Quarter",
                schema: "rehabilitasi",
                table: "rehabilitasi_base_measures",
                columns: new[] { "Measure", "Year", "Quarter" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_rehabilitasi_realizations_Indicator_Year_Quarter",
                schema: "rehabilitasi",
                table: "rehabilitasi_realizations",
                columns: new[] { "Indicator", "Year", "Quarter" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_rehabilitasi_realizations_Year",
                schema: "rehabilitasi",
                table: "rehabilitasi_realizations",
                column: "Year");

            migrationBuilder.CreateIndex(
                name: "IX_rehabilitasi_services_Indicator_ServedOn_Subject",
                schema: "rehabilitasi",
                table: "rehabilitasi_services",
                columns: new[] { "Indicator", "ServedOn", "Subject" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_rehabilitasi_targets_Indicator_Year_Quarter",
                schema: "rehabilitasi",
                table: "rehabilitasi_targets",
                columns: new[] { "Indicator", "Year", "Quarter" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "rehabilitasi_base_measures",
                schema: "rehabilitasi");

            migrationBuilder.DropTable(
                name: "rehabilitasi_indicators",
                schema: "rehabilitasi");

            migrationBuilder.DropTable(
                name: "rehabilitasi_realizations",
                schema: "rehabilitasi");

            migrationBuilder.DropTable(
                name: "rehabilitasi_services",
                schema: "rehabilitasi");

            migrationBuilder.DropTable(
                name: "rehabilitasi_targets",
                schema: "rehabilitasi");

            migrationBuilder.DropTable(
                name: "rehabilitasi_units",
                schema: "rehabilitasi");
        }
    }
}
