using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kinerja.Modules.Linjamsos.Data.Migrations
{
    /// <inheritdoc />
    internal partial class Verification : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "EnteredBy",
                table: "linjamsos_realizations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReturnReason",
                table: "linjamsos_realizations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewedBy",
                table: "linjamsos_realizations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "State",
                table: "linjamsos_realizations",
                type: "TEXT",
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "EnteredBy",
                table: "linjamsos_realizations");

            migrationBuilder.DropColumn(
                name: "ReturnReason",
                table: "linjamsos_realizations");

            migrationBuilder.DropColumn(
                name: "ReviewedBy",
                table: "linjamsos_realizations");

            migrationBuilder.DropColumn(
                name: "State",
                table: "linjamsos_realizations");
        }
    }
}
