using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HousingSelfService.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Officers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AssistSessions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OfficerUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    OfficerName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    OfficerEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ResidentUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ResidentName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastActivityAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    EndReason = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssistSessions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ResidentUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AssistSessionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Action = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    StatusCode = table.Column<int>(type: "INTEGER", nullable: true),
                    CorrelationId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AssistSessions_OfficerUserId_EndedAt",
                table: "AssistSessions",
                columns: new[] { "OfficerUserId", "EndedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_AssistSessionId",
                table: "AuditEntries",
                column: "AssistSessionId");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_ResidentUserId_At",
                table: "AuditEntries",
                columns: new[] { "ResidentUserId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AssistSessions");

            migrationBuilder.DropTable(
                name: "AuditEntries");
        }
    }
}
