using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HousingSelfService.CouncilApi.Data.Migrations
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Alerts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PropertyReference = table.Column<string>(type: "TEXT", nullable: true),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Type = table.Column<string>(type: "TEXT", nullable: false),
                    Comments = table.Column<string>(type: "TEXT", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Alerts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Assets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PropertyReference = table.Column<string>(type: "TEXT", nullable: false),
                    AssetType = table.Column<string>(type: "TEXT", nullable: false),
                    Uprn = table.Column<string>(type: "TEXT", nullable: false),
                    AddressLine1 = table.Column<string>(type: "TEXT", nullable: false),
                    AddressLine2 = table.Column<string>(type: "TEXT", nullable: true),
                    AddressLine3 = table.Column<string>(type: "TEXT", nullable: true),
                    PostCode = table.Column<string>(type: "TEXT", nullable: false),
                    IsTmoManaged = table.Column<bool>(type: "INTEGER", nullable: false),
                    ManagingOrganisation = table.Column<string>(type: "TEXT", nullable: true),
                    NumberOfBedrooms = table.Column<int>(type: "INTEGER", nullable: true),
                    NumberOfLifts = table.Column<int>(type: "INTEGER", nullable: true),
                    YearConstructed = table.Column<int>(type: "INTEGER", nullable: true),
                    ParentAssetId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Assets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ContactDetails",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TargetId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TargetType = table.Column<string>(type: "TEXT", nullable: false),
                    ContactType = table.Column<string>(type: "TEXT", nullable: false),
                    SubType = table.Column<string>(type: "TEXT", nullable: true),
                    Value = table.Column<string>(type: "TEXT", nullable: false),
                    Description = table.Column<string>(type: "TEXT", nullable: true),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedByName = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedByEmail = table.Column<string>(type: "TEXT", nullable: true),
                    LastModified = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContactDetails", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IdempotencyKeys",
                columns: table => new
                {
                    Scope = table.Column<string>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", nullable: false),
                    RequestHash = table.Column<string>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", nullable: false),
                    ResponseStatus = table.Column<int>(type: "INTEGER", nullable: true),
                    ResponseBody = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdempotencyKeys", x => new { x.Scope, x.Key });
                });

            migrationBuilder.CreateTable(
                name: "Persons",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", nullable: true),
                    PreferredTitle = table.Column<string>(type: "TEXT", nullable: true),
                    FirstName = table.Column<string>(type: "TEXT", nullable: false),
                    MiddleName = table.Column<string>(type: "TEXT", nullable: true),
                    Surname = table.Column<string>(type: "TEXT", nullable: false),
                    PreferredFirstName = table.Column<string>(type: "TEXT", nullable: true),
                    PreferredSurname = table.Column<string>(type: "TEXT", nullable: true),
                    DateOfBirth = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Persons", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Tenures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PaymentReference = table.Column<string>(type: "TEXT", nullable: false),
                    AssetId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenureTypeCode = table.Column<string>(type: "TEXT", nullable: false),
                    StartOfTenureDate = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndOfTenureDate = table.Column<DateTime>(type: "TEXT", nullable: true),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    Rent = table.Column<decimal>(type: "TEXT", nullable: false),
                    ServiceCharge = table.Column<decimal>(type: "TEXT", nullable: false),
                    OtherCharges = table.Column<decimal>(type: "TEXT", nullable: false),
                    Balance = table.Column<decimal>(type: "TEXT", nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Tenures", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Transactions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenureId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    TransactionDate = table.Column<DateTime>(type: "TEXT", nullable: false),
                    TransactionType = table.Column<string>(type: "TEXT", nullable: false),
                    TransactionAmount = table.Column<decimal>(type: "TEXT", nullable: false),
                    PaidAmount = table.Column<decimal>(type: "TEXT", nullable: false),
                    ChargedAmount = table.Column<decimal>(type: "TEXT", nullable: false),
                    BalanceAmount = table.Column<decimal>(type: "TEXT", nullable: false),
                    HousingBenefitAmount = table.Column<decimal>(type: "TEXT", nullable: false),
                    PaymentReference = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Transactions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WorkOrders",
                columns: table => new
                {
                    Reference = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DateRaised = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastUpdated = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PriorityCode = table.Column<int>(type: "INTEGER", nullable: false),
                    PropertyReference = table.Column<string>(type: "TEXT", nullable: false),
                    Description = table.Column<string>(type: "TEXT", nullable: false),
                    Target = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StatusCode = table.Column<int>(type: "INTEGER", nullable: false),
                    SorCode = table.Column<string>(type: "TEXT", nullable: false),
                    TradeDescription = table.Column<string>(type: "TEXT", nullable: true),
                    LocationOfRepair = table.Column<string>(type: "TEXT", nullable: true),
                    AccessInformation = table.Column<string>(type: "TEXT", nullable: true),
                    CallerName = table.Column<string>(type: "TEXT", nullable: true),
                    CallerNumber = table.Column<string>(type: "TEXT", nullable: true),
                    AppointmentDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AppointmentDayId = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkOrders", x => x.Reference);
                });

            migrationBuilder.CreateTable(
                name: "TenureMembers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenureId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FullName = table.Column<string>(type: "TEXT", nullable: false),
                    IsResponsible = table.Column<bool>(type: "INTEGER", nullable: false),
                    DateOfBirth = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Type = table.Column<string>(type: "TEXT", nullable: false),
                    PersonTenureType = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TenureMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TenureMembers_Tenures_TenureId",
                        column: x => x.TenureId,
                        principalTable: "Tenures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WorkOrderNotes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WorkOrderReference = table.Column<int>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", nullable: false),
                    Time = table.Column<DateTime>(type: "TEXT", nullable: false),
                    User = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkOrderNotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WorkOrderNotes_WorkOrders_WorkOrderReference",
                        column: x => x.WorkOrderReference,
                        principalTable: "WorkOrders",
                        principalColumn: "Reference",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_PersonId",
                table: "Alerts",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_PropertyReference",
                table: "Alerts",
                column: "PropertyReference");

            migrationBuilder.CreateIndex(
                name: "IX_Assets_PropertyReference",
                table: "Assets",
                column: "PropertyReference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ContactDetails_TargetId",
                table: "ContactDetails",
                column: "TargetId");

            migrationBuilder.CreateIndex(
                name: "IX_TenureMembers_PersonId",
                table: "TenureMembers",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_TenureMembers_TenureId_PersonId",
                table: "TenureMembers",
                columns: new[] { "TenureId", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Tenures_AssetId",
                table: "Tenures",
                column: "AssetId");

            migrationBuilder.CreateIndex(
                name: "IX_Tenures_PaymentReference",
                table: "Tenures",
                column: "PaymentReference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Transactions_TenureId_TransactionDate",
                table: "Transactions",
                columns: new[] { "TenureId", "TransactionDate" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkOrderNotes_WorkOrderReference",
                table: "WorkOrderNotes",
                column: "WorkOrderReference");

            migrationBuilder.CreateIndex(
                name: "IX_WorkOrders_AppointmentDate_AppointmentDayId",
                table: "WorkOrders",
                columns: new[] { "AppointmentDate", "AppointmentDayId" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkOrders_PropertyReference",
                table: "WorkOrders",
                column: "PropertyReference");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Alerts");

            migrationBuilder.DropTable(
                name: "Assets");

            migrationBuilder.DropTable(
                name: "ContactDetails");

            migrationBuilder.DropTable(
                name: "IdempotencyKeys");

            migrationBuilder.DropTable(
                name: "Persons");

            migrationBuilder.DropTable(
                name: "TenureMembers");

            migrationBuilder.DropTable(
                name: "Transactions");

            migrationBuilder.DropTable(
                name: "WorkOrderNotes");

            migrationBuilder.DropTable(
                name: "Tenures");

            migrationBuilder.DropTable(
                name: "WorkOrders");
        }
    }
}
