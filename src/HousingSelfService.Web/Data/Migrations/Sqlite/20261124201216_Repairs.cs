using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HousingSelfService.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Repairs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RepairDrafts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    PropertyReference = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Emergency = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    RepairType = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    TriagePath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SorCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Priority = table.Column<int>(type: "INTEGER", nullable: true),
                    Issue = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    ContactName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ContactPhone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    ConfirmBy = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    ContactEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    AccessNotes = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    SlotReference = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    SlotDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SlotStart = table.Column<string>(type: "TEXT", maxLength: 5, nullable: true),
                    SlotEnd = table.Column<string>(type: "TEXT", maxLength: 5, nullable: true),
                    LocalReference = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    WorkOrderReference = table.Column<int>(type: "INTEGER", nullable: true),
                    AppointmentBooked = table.Column<bool>(type: "INTEGER", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ConfirmationSentAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RepairDrafts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RepairDrafts_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RepairOutbox",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DraftId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Payload = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LeaseOwner = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    LeaseUntil = table.Column<DateTime>(type: "TEXT", nullable: true),
                    NextAttemptAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DeliveredAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RepairOutbox", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RepairOutbox_RepairDrafts_DraftId",
                        column: x => x.DraftId,
                        principalTable: "RepairDrafts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RepairDrafts_IdempotencyKey",
                table: "RepairDrafts",
                column: "IdempotencyKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RepairDrafts_LocalReference",
                table: "RepairDrafts",
                column: "LocalReference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RepairDrafts_StartedUser",
                table: "RepairDrafts",
                column: "UserId",
                unique: true,
                filter: "\"State\" = 'Started'");

            migrationBuilder.CreateIndex(
                name: "IX_RepairOutbox_DeliveredAt",
                table: "RepairOutbox",
                column: "DeliveredAt");

            migrationBuilder.CreateIndex(
                name: "IX_RepairOutbox_DraftId",
                table: "RepairOutbox",
                column: "DraftId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RepairOutbox");

            migrationBuilder.DropTable(
                name: "RepairDrafts");
        }
    }
}
