using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kinerja.Modules.Rehabilitasi.Data.Migrations
{
    /// <inheritdoc />
    internal partial class Verification : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "EnteredBy",
                table: "rehabilitasi_realizations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReturnReason",
                table: "rehabilitasi_realizations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewedBy",
                table: "rehabilitasi_realizations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "State",
                table: "rehabilitasi_realizations",
                type: "TEXT",
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "EnteredBy",
                table: "rehabilitasi_realizations");

            migrationBuilder.DropColumn(
                name: "ReturnReason",
                table: "rehabilitasi_realizations");

            migrationBuilder.DropColumn(
                name: "ReviewedBy",
                table: "rehabilitasi_realizations");

            migrationBuilder.DropColumn(
                name: "State",
                table: "rehabilitasi_realizations");
        }
    }
}
