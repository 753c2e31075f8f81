using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kinerja.Modules.Cascade.Data.Migrations
{
    /// <inheritdoc />
    internal partial class ValueSources : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DenominatorSource",
                table: "cascade_snapshot_values",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Source",
                table: "cascade_snapshot_values",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "cascade_value_sources",
                columns: table => new
                {
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", nullable: false),
                    ChangedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cascade_value_sources", x => new { x.Year, x.Code });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cascade_value_sources");

            migrationBuilder.DropColumn(
                name: "DenominatorSource",
                table: "cascade_snapshot_values");

            migrationBuilder.DropColumn(
                name: "Source",
                table: "cascade_snapshot_values");
        }
    }
}
