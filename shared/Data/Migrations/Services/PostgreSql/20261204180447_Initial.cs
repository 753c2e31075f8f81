using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Kinerja.Shared.Data.Migrations.Services.PostgreSql
{
    /// <inheritdoc />
    internal partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // No EnsureSchema: its existence check names the placeholder, not the module's schema, which the history
            // table's creation has made before any migration runs.
            migrationBuilder.CreateTable(
                name: "tableprefix_services",
                schema: "tableprefix",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Indicator = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    ServedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Subject = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Kecamatan = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Note = table.Column<string>(type: "text", nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tableprefix_services", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_tableprefix_services_Indicator_ServedOn_Subject",
                schema: "tableprefix",
                table: "tableprefix_services",
                columns: new[] { "Indicator", "ServedOn", "Subject" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "tableprefix_services",
                schema: "tableprefix");
        }
    }
}
