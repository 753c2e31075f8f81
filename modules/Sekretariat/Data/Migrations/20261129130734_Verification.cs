using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kinerja.Modules.Sekretariat.Data.Migrations
{
    /// <inheritdoc />
    internal partial class Verification : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "EnteredBy",
                table: "sekretariat_realizations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReturnReason",
                table: "sekretariat_realizations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewedBy",
                table: "sekretariat_realizations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "State",
                table: "sekretariat_realizations",
                type: "TEXT",
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "EnteredBy",
                table: "sekretariat_realizations");

            migrationBuilder.DropColumn(
                name: "ReturnReason",
                table: "sekretariat_realizations");

            migrationBuilder.DropColumn(
                name: "ReviewedBy",
                table: "sekretariat_realizations");

            migrationBuilder.DropColumn(
                name: "State",
                table: "sekretariat_realizations");
        }
    }
}
