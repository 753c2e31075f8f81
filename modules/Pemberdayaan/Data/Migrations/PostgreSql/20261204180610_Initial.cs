using System;
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
                name: "pemberdayaan_register_version",
                schema: "pemberdayaan");

            migrationBuilder.DropTable(
                name: "pemberdayaan_stock_counts",
                schema: "pemberdayaan");
        }
    }
}
