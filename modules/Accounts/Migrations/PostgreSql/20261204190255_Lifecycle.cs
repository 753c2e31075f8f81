using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kinerja.Modules.Accounts.Migrations.PostgreSql
{
    /// <inheritdoc />
    internal partial class Lifecycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ChangedAt",
                schema: "kinerja",
                table: "host_accounts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Disabled",
                schema: "kinerja",
                table: "host_accounts",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "Stamp",
                schema: "kinerja",
                table: "host_accounts",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ChangedAt",
                schema: "kinerja",
                table: "host_accounts");

            migrationBuilder.DropColumn(
                name: "Disabled",
                schema: "kinerja",
                table: "host_accounts");

            migrationBuilder.DropColumn(
                name: "Stamp",
                schema: "kinerja",
                table: "host_accounts");
        }
    }
}
