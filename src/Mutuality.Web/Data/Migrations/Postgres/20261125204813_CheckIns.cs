using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mutuality.Web.Data.Migrations.Postgres
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
                    CoupleId = table.Column<Guid>(type: "uuid", nullable: false),
                    Cadence = table.Column<int>(type: "integer", nullable: false),
                    ProposedCadence = table.Column<int>(type: "integer", nullable: true),
                    ProposedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CheckInCoupleSettings", x => x.CoupleId);
                });

            migrationBuilder.CreateTable(
                name: "CheckInPersonSettings",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    CoupleId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReminderTime = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    EmailReminders = table.Column<bool>(type: "boolean", nullable: false),
                    LastEmailReminderDay = table.Column<DateOnly>(type: "date", nullable: true),
                    FeedTokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CheckInPersonSettings", x => x.UserId);
                });

            migrationBuilder.CreateTable(
                name: "CheckInReplies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CoupleId = table.Column<Guid>(type: "uuid", nullable: false),
                    CheckInId = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CheckInReplies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CheckIns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CoupleId = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorId = table.Column<Guid>(type: "uuid", nullable: false),
                    Cadence = table.Column<int>(type: "integer", nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodLabel = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    ContentJson = table.Column<string>(type: "text", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SubmittedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
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
