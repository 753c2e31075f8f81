using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Kinerja.Modules.Accounts.Migrations.PostgreSql
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
                name: "host_accounts",
                schema: "kinerja",
                columns: table => new
                {
                    UserName = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    PasswordHash = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Roles = table.Column<List<string>>(type: "text[]", nullable: false),
                    Unit = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    FailedLogins = table.Column<int>(type: "integer", nullable: false),
                    LockedUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_host_accounts", x => x.UserName);
                });

            migrationBuilder.CreateTable(
                name: "host_audit_trail",
                schema: "kinerja",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    User = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Action = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Unit = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    Code = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    Year = table.Column<int>(type: "integer", nullable: true),
                    Quarter = table.Column<int>(type: "integer", nullable: true),
                    Before = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    After = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    Origin = table.Column<string>(type: "text", nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_host_audit_trail", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_host_audit_trail_AtUtc",
                schema: "kinerja",
                table: "host_audit_trail",
                column: "AtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_host_audit_trail_Unit_Code",
                schema: "kinerja",
                table: "host_audit_trail",
                columns: new[] { "Unit", "Code" });

            migrationBuilder.CreateIndex(
                name: "IX_host_audit_trail_User",
                schema: "kinerja",
                table: "host_audit_trail",
                column: "User");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "host_accounts",
                schema: "kinerja");

            migrationBuilder.DropTable(
                name: "host_audit_trail",
                schema: "kinerja");
        }
    }
}
