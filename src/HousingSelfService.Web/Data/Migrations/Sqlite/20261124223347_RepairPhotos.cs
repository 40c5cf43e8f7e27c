using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HousingSelfService.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RepairPhotos : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "BlockReference",
                table: "RepairDrafts",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ConfirmationAttempts",
                table: "RepairDrafts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "ConfirmationRetryAt",
                table: "RepairDrafts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "RepairPhotos",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DraftId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Thumbnail = table.Column<byte[]>(type: "BLOB", nullable: false),
                    AddedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CouncilImageId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RepairPhotos", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RepairPhotos_RepairDrafts_DraftId",
                        column: x => x.DraftId,
                        principalTable: "RepairDrafts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RepairDrafts_ConfirmationRetryAt",
                table: "RepairDrafts",
                column: "ConfirmationRetryAt");

            migrationBuilder.CreateIndex(
                name: "IX_RepairPhotos_DraftId_Position",
                table: "RepairPhotos",
                columns: new[] { "DraftId", "Position" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RepairPhotos");

            migrationBuilder.DropIndex(
                name: "IX_RepairDrafts_ConfirmationRetryAt",
                table: "RepairDrafts");

            migrationBuilder.DropColumn(
                name: "BlockReference",
                table: "RepairDrafts");

            migrationBuilder.DropColumn(
                name: "ConfirmationAttempts",
                table: "RepairDrafts");

            migrationBuilder.DropColumn(
                name: "ConfirmationRetryAt",
                table: "RepairDrafts");
        }
    }
}
