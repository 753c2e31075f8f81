using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Kinerja.Modules.Linjamsos.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    internal partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "linjamsos");

            migrationBuilder.CreateTable(
                name: "linjamsos_base_measures",
                schema: "linjamsos",
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
                    table.PrimaryKey("PK_linjamsos_base_measures", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "linjamsos_indicators",
                schema: "linjamsos",
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
                    table.PrimaryKey("PK_linjamsos_indicators", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "linjamsos_realizations",
                schema: "linjamsos",
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
                    table.PrimaryKey("PK_linjamsos_realizations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "linjamsos_services",
                schema: "linjamsos",
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
                    table.PrimaryKey("PK_linjamsos_services", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "linjamsos_taman_makam_pahlawan",
                schema: "linjamsos",
                columns: table => new
                {
                    Code = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Name = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Desa = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Kecamatan = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    RegisteredOn = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_linjamsos_taman_makam_pahlawan", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "linjamsos_targets",
                schema: "linjamsos",
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
                    table.PrimaryKey("PK_linjamsos_targets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "linjamsos_units",
                schema: "linjamsos",
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
                    table.PrimaryKey("PK_linjamsos_units", x => x.Code);
                });

            migrationBuilder.CreateIndex(
                name: "IX_linjamsos_base_measures_Measure_Year_Quarter",
                schema: "linjamsos",
                table: "linjamsos_base_measures",
                columns: new[] { "Measure", "Year", "Quarter" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_linjamsos_realizations_Indicator_Year_Quarter",
                schema: "linjamsos",
                table: "linjamsos_realizations",
                columns: new[] { "Indicator", "Year", "Quarter" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_linjamsos_realizations_Year",
                schema: "linjamsos",
                table: "linjamsos_realizations",
                column: "Year");

            migrationBuilder.CreateIndex(
                name: "IX_linjamsos_services_Indicator_ServedOn_Subject",
                schema: "linjamsos",
                table: "linjamsos_services",
                columns: new[] { "Indicator", "ServedOn", "Subject" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_linjamsos_targets_Indicator_Year_Quarter",
                schema: "linjamsos",
                table: "linjamsos_targets",
                columns: new[] { "Indicator", "Year", "Quarter" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "linjamsos_base_measures",
                schema: "linjamsos");

            migrationBuilder.DropTable(
                name: "linjamsos_indicators",
                schema: "linjamsos");

            migrationBuilder.DropTable(
                name: "linjamsos_realizations",
                schema: "linjamsos");

            migrationBuilder.DropTable(
                name: "linjamsos_services",
                schema: "linjamsos");

            migrationBuilder.DropTable(
                name: "linjamsos_taman_makam_pahlawan",
                schema: "linjamsos");

            migrationBuilder.DropTable(
                name: "linjamsos_targets",
                schema: "linjamsos");

            migrationBuilder.DropTable(
                name: "linjamsos_units",
                schema: "linjamsos");
        }
    }
}
