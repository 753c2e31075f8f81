using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Kinerja.Modules.Pemberdayaan.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    internal partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "pemberdayaan");

            migrationBuilder.CreateTable(
                name: "pemberdayaan_base_measures",
                schema: "pemberdayaan",
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
                    table.PrimaryKey("PK_pemberdayaan_base_measures", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "pemberdayaan_indicators",
                schema: "pemberdayaan",
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
                    table.PrimaryKey("PK_pemberdayaan_indicators", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "pemberdayaan_institutions",
                schema: "pemberdayaan",
                columns: table => new
                {
                    RegistrationNumber = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Name = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Type = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Desa = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Kecamatan = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    ActiveFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    ActiveUntil = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pemberdayaan_institutions", x => x.RegistrationNumber);
                });

            migrationBuilder.CreateTable(
                name: "pemberdayaan_person_categories",
                schema: "pemberdayaan",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Nik = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Category = table.Column<int>(type: "integer", nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pemberdayaan_person_categories", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "pemberdayaan_persons",
                schema: "pemberdayaan",
                columns: table => new
                {
                    Nik = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Name = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Sex = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    BirthDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Desa = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Kecamatan = table.Column<string>(type: "text", nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pemberdayaan_persons", x => x.Nik);
                });

            migrationBuilder.CreateTable(
                name: "pemberdayaan_realizations",
                schema: "pemberdayaan",
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
                    table.PrimaryKey("PK_pemberdayaan_realizations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "pemberdayaan_register_version",
                schema: "pemberdayaan",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pemberdayaan_register_version", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "pemberdayaan_services",
                schema: "pemberdayaan",
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
                    table.PrimaryKey("PK_pemberdayaan_services", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "pemberdayaan_stock_counts",
                schema: "pemberdayaan",
                columns: table => new
                {
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    At = table.Column<DateOnly>(type: "date", nullable: false),
                    Measure = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Kecamatan = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Count = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pemberdayaan_stock_counts", x => new { x.Version, x.At, x.Measure, x.Kecamatan });
                });

            migrationBuilder.CreateTable(
                name: "pemberdayaan_targets",
                schema: "pemberdayaan",
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
                    table.PrimaryKey("PK_pemberdayaan_targets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "pemberdayaan_units",
                schema: "pemberdayaan",
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
                    table.PrimaryKey("PK_pemberdayaan_units", x => x.Code);
                });

            migrationBuilder.CreateIndex(
                name: "IX_pemberdayaan_base_measures_Measure_Year_Quarter",
                schema: "pemberdayaan",
                table: "pemberdayaan_base_measures",
                columns: new[] { "Measure", "Year", "Quarter" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_pemberdayaan_institutions_Kind_ActiveFrom",
                schema: "pemberdayaan",
                table: "pemberdayaan_institutions",
                columns: new[] { "Kind", "ActiveFrom" });

            migrationBuilder.CreateIndex(
                name: "IX_pemberdayaan_person_categories_Nik_Category_StartedOn",
                schema: "pemberdayaan",
                table: "pemberdayaan_person_categories",
                columns: new[] { "Nik", "Category", "StartedOn" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_pemberdayaan_person_categories_Nik_StartedOn_EndedOn_Catego~",
                schema: "pemberdayaan",
                table: "pemberdayaan_person_categories",
                columns: new[] { "Nik", "StartedOn", "EndedOn", "Category" });

            migrationBuilder.CreateIndex(
                name: "IX_pemberdayaan_persons_Nik_Kecamatan",
                schema: "pemberdayaan",
                table: "pemberdayaan_persons",
                columns: new[] { "Nik", "Kecamatan" });

            migrationBuilder.CreateIndex(
                name: "IX_pemberdayaan_realizations_Indicator_Year_Quarter",
                schema: "pemberdayaan",
                table: "pemberdayaan_realizations",
                columns: new[] { "Indicator", "Year", "Quarter" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_pemberdayaan_realizations_Year",
                schema: "pemberdayaan",
                table: "pemberdayaan_realizations",
                column: "Year");

            migrationBuilder.CreateIndex(
                name: "IX_pemberdayaan_services_Indicator_ServedOn_Subject",
                schema: "pemberdayaan",
                table: "pemberdayaan_services",
                columns: new[] { "Indicator", "ServedOn", "Subject" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_pemberdayaan_targets_Indicator_Year_Quarter",
                schema: "pemberdayaan",
                table: "pemberdayaan_targets",
                columns: new[] { "Indicator", "Year", "Quarter" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "pemberdayaan_base_measures",
                schema: "pemberdayaan");

            migrationBuilder.DropTable(
                name: "pemberdayaan_indicators",
                schema: "pemberdayaan");

            migrationBuilder.DropTable(
                name: "pemberdayaan_institutions",
                schema: "pemberdayaan");

            migrationBuilder.DropTable(
                name: "pemberdayaan_person_categories",
                schema: "pemberdayaan");

            migrationBuilder.DropTable(
                name: "pemberdayaan_persons",
                schema: "pemberdayaan");

            migrationBuilder.DropTable(
                name: "pemberdayaan_realizations",
                schema: "pemberdayaan");

            migrationBuilder.DropTable(
                name: "pemberdayaan_register_version",
                schema: "pemberdayaan");

            migrationBuilder.DropTable(
                name: "pemberdayaan_services",
                schema: "pemberdayaan");

            migrationBuilder.DropTable(
                name: "pemberdayaan_stock_counts",
                schema: "pemberdayaan");

            migrationBuilder.DropTable(
                name: "pemberdayaan_targets",
                schema: "pemberdayaan");

            migrationBuilder.DropTable(
                name: "pemberdayaan_units",
                schema: "pemberdayaan");
        }
    }
}
