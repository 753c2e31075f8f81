using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kinerja.Modules.Cascade.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    internal partial class TargetReadings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "TargetWarning",
                schema: "cascade",
                table: "cascade_snapshot_values",
                type: "text",
                nullable: true,
                collation: "C");

            migrationBuilder.CreateTable(
                name: "cascade_target_readings",
                schema: "cascade",
                columns: table => new
                {
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Indicator = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Reading = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    ChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                name: "cascade_target_readings",
                schema: "cascade");

            migrationBuilder.DropColumn(
                name: "TargetWarning",
                schema: "cascade",
                table: "cascade_snapshot_values");
        }
    }
}
