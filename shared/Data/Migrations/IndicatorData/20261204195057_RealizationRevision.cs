using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kinerja.Shared.Data.Migrations.IndicatorData
{
    /// <inheritdoc />
    internal partial class RealizationRevision : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Revision",
                table: "tableprefix_realizations",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Revision",
                table: "tableprefix_realizations");
        }
    }
}
