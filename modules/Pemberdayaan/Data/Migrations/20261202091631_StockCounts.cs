using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kinerja.Modules.Pemberdayaan.Data.Migrations
{
    /// <inheritdoc />
    internal partial class StockCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_pemberdayaan_person_categories_Category_StartedOn",
                table: "pemberdayaan_person_categories");

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
                name: "IX_pemberdayaan_persons_Nik_Kecamatan",
                table: "pemberdayaan_persons",
                columns: new[] { "Nik", "Kecamatan" });

            migrationBuilder.CreateIndex(
                name: "IX_pemberdayaan_person_categories_Nik_StartedOn_EndedOn_Category",
                table: "pemberdayaan_person_categories",
                columns: new[] { "Nik", "StartedOn", "EndedOn", "Category" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "pemberdayaan_stock_counts");

            migrationBuilder.DropIndex(
                name: "IX_pemberdayaan_persons_Nik_Kecamatan",
                table: "pemberdayaan_persons");

            migrationBuilder.DropIndex(
                name: "IX_pemberdayaan_person_categories_Nik_StartedOn_EndedOn_Category",
                table: "pemberdayaan_person_categories");

            migrationBuilder.CreateIndex(
                name: "IX_pemberdayaan_person_categories_Category_StartedOn",
                table: "pemberdayaan_person_categories",
                columns: new[] { "Category", "StartedOn" });
        }
    }
}
