using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kinerja.Modules.Cascade.Data.Migrations
{
    /// <inheritdoc />
    internal partial class Reports : Migration
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cascade_analyses");

            migrationBuilder.DropTable(
                name: "cascade_officials");
        }
    }
}
