using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kinerja.Modules.Cascade.Data.Migrations
{
    /// <inheritdoc />
    internal partial class TargetReadings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "TargetWarning",
                table: "cascade_snapshot_values",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "cascade_target_readings",
                columns: table => new
                {
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Indicator = table.Column<string>(type: "TEXT", nullable: false),
                    Reading = table.Column<string>(type: "TEXT", nullable: false),
                    ChangedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cascade_target_readings", x => new { x.Year, x.Indicator });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cascade_target_readings");

            migrationBuilder.DropColumn(
                name: "TargetWarning",
                table: "cascade_snapshot_values");
        }
    }
}
