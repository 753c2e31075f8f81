using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kinerja.Shared.Data.Migrations.DataVersion.PostgreSql
{
    /// <inheritdoc />
    internal partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "kinerja");

            migrationBuilder.CreateTable(
                name: "host_data_version",
                schema: "kinerja",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_host_data_version", x => x.Id);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "host_data_version",
                schema: "kinerja");
        }
    }
}
