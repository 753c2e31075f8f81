using System;
using Microsoft.EntityFrameworkCore.Migrations;

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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "linjamsos_taman_makam_pahlawan",
                schema: "linjamsos");
        }
    }
}
