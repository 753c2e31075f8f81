using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kinerja.Modules.Pemberdayaan.Data.Migrations
{
    /// <inheritdoc />
    internal partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "pemberdayaan_institutions",
                columns: table => new
                {
                    RegistrationNumber = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Type = table.Column<string>(type: "TEXT", nullable: false),
                    Desa = table.Column<string>(type: "TEXT", nullable: false),
                    Kecamatan = table.Column<string>(type: "TEXT", nullable: false),
                    ActiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ActiveUntil = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pemberdayaan_institutions", x => x.RegistrationNumber);
                });

            migrationBuilder.CreateTable(
                name: "pemberdayaan_person_categories",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Nik = table.Column<string>(type: "TEXT", nullable: false),
                    Category = table.Column<int>(type: "INTEGER", nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pemberdayaan_person_categories", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "pemberdayaan_persons",
                columns: table => new
                {
                    Nik = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Sex = table.Column<string>(type: "TEXT", nullable: false),
                    BirthDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Desa = table.Column<string>(type: "TEXT", nullable: false),
                    Kecamatan = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pemberdayaan_persons", x => x.Nik);
                });

            migrationBuilder.CreateTable(
                name: "pemberdayaan_register_version",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pemberdayaan_register_version", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "pemberdayaan_stock_counts",
                columns: table => new
                {
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    At = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Measure = table.Column<string>(type: "TEXT", nullable: false),
                    Kecamatan = table.Column<string>(type: "TEXT", nullable: false),
                    Count = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pemberdayaan_stock_counts", x => new { x.Version, x.At, x.Measure, x.Kecamatan });
                });

            migrationBuilder.CreateIndex(
                name: "IX_pemberdayaan_institutions_Kind_ActiveFrom",
                table: "pemberdayaan_institutions",
                columns: new[] { "Kind", "ActiveFrom" });

            migrationBuilder.CreateIndex(
                name: "IX_pemberdayaan_person_categories_Nik_Category_StartedOn",
                table: "pemberdayaan_person_categories",
                columns: new[] { "Nik", "Category", "StartedOn" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_pemberdayaan_person_categories_Nik_StartedOn_EndedOn_Category",
                table: "pemberdayaan_person_categories",
                columns: new[] { "Nik", "StartedOn", "EndedOn", "Category" });

            migrationBuilder.CreateIndex(
                name: "IX_pemberdayaan_persons_Nik_Kecamatan",
                table: "pemberdayaan_persons",
                columns: new[] { "Nik", "Kecamatan" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "pemberdayaan_institutions");

            migrationBuilder.DropTable(
                name: "pemberdayaan_person_categories");

            migrationBuilder.DropTable(
                name: "pemberdayaan_persons");

            migrationBuilder.DropTable(
                name: "pemberdayaan_register_version");

            migrationBuilder.DropTable(
                name: "pemberdayaan_stock_counts");
        }
    }
}
