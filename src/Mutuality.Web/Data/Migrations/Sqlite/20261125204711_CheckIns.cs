using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mutuality.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CheckIns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CheckInCoupleSettings",
                columns: table => new
                {
                    CoupleId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Cadence = table.Column<int>(type: "INTEGER", nullable: false),
                    ProposedCadence = table.Column<int>(type: "INTEGER", nullable: true),
                    ProposedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CheckInCoupleSettings", x => x.CoupleId);
                });

            migrationBuilder.CreateTable(
                name: "CheckInPersonSettings",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CoupleId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReminderTime = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    EmailReminders = table.Column<bool>(type: "INTEGER", nullable: false),
                    LastEmailReminderDay = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FeedTokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CheckInPersonSettings", x => x.UserId);
                });

            migrationBuilder.CreateTable(
                name: "CheckInReplies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CoupleId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CheckInId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CheckInReplies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CheckIns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CoupleId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Cadence = table.Column<int>(type: "INTEGER", nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodLabel = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    ContentJson = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SubmittedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CheckIns", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CheckInPersonSettings_CoupleId",
                table: "CheckInPersonSettings",
                column: "CoupleId");

            migrationBuilder.CreateIndex(
                name: "IX_CheckInPersonSettings_FeedTokenHash",
                table: "CheckInPersonSettings",
                column: "FeedTokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CheckInReplies_CheckInId_AuthorId_Kind",
                table: "CheckInReplies",
                columns: new[] { "CheckInId", "AuthorId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CheckInReplies_CoupleId",
                table: "CheckInReplies",
                column: "CoupleId");

            migrationBuilder.CreateIndex(
                name: "IX_CheckIns_AuthorId_Cadence_PeriodStart",
                table: "CheckIns",
                columns: new[] { "AuthorId", "Cadence", "PeriodStart" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CheckIns_CoupleId",
                table: "CheckIns",
                column: "CoupleId");

            migrationBuilder.CreateIndex(
                name: "IX_CheckIns_CoupleId_Cadence_PeriodStart",
                table: "CheckIns",
                columns: new[] { "CoupleId", "Cadence", "PeriodStart" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CheckInCoupleSettings");

            migrationBuilder.DropTable(
                name: "CheckInPersonSettings");

            migrationBuilder.DropTable(
                name: "CheckInReplies");

            migrationBuilder.DropTable(
                name: "CheckIns");
        }
    }
}
