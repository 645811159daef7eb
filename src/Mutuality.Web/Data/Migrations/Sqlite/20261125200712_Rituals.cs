using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mutuality.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Rituals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ConflictRecords",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CoupleId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OpenedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", nullable: false),
                    OpenedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    ResolvedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ResolvedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    BreakEndsAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConflictRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConflictRecords_Couples_CoupleId",
                        column: x => x.CoupleId,
                        principalTable: "Couples",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GuideReflections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Guide = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    PromptKey = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GuideReflections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GuideReflections_AspNetUsers_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MonthlyCheckIns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CoupleId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StarterId = table.Column<Guid>(type: "TEXT", nullable: true),
                    TalkStartedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    TopicIndex = table.Column<int>(type: "INTEGER", nullable: false),
                    Speaker = table.Column<int>(type: "INTEGER", nullable: false),
                    FinishedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    BreakEndsAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MonthlyCheckIns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MonthlyCheckIns_Couples_CoupleId",
                        column: x => x.CoupleId,
                        principalTable: "Couples",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MonthlyRhythms",
                columns: table => new
                {
                    CoupleId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DayOfMonth = table.Column<int>(type: "INTEGER", nullable: false),
                    ChosenById = table.Column<Guid>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MonthlyRhythms", x => x.CoupleId);
                    table.ForeignKey(
                        name: "FK_MonthlyRhythms_Couples_CoupleId",
                        column: x => x.CoupleId,
                        principalTable: "Couples",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RitualAgreements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CoupleId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    What = table.Column<string>(type: "TEXT", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CheckInId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ConflictId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CarriedOnFromId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Outcome = table.Column<int>(type: "INTEGER", nullable: true),
                    CarriedOn = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReviewedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReviewedById = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RitualAgreements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RitualAgreements_Couples_CoupleId",
                        column: x => x.CoupleId,
                        principalTable: "Couples",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ConflictSides",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConflictId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CoupleId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FeelingsAndNeeds = table.Column<string>(type: "TEXT", nullable: false),
                    HowYouSawIt = table.Column<string>(type: "TEXT", nullable: false),
                    MyImpactOnYou = table.Column<string>(type: "TEXT", nullable: false),
                    YourImpactOnMe = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SharedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConflictSides", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConflictSides_ConflictRecords_ConflictId",
                        column: x => x.ConflictId,
                        principalTable: "ConflictRecords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RepairAttempts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConflictId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CoupleId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    SentAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    BreakEndsAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RepairAttempts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RepairAttempts_ConflictRecords_ConflictId",
                        column: x => x.ConflictId,
                        principalTable: "ConflictRecords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MonthlyPreparations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CheckInId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CoupleId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Appreciations = table.Column<string>(type: "TEXT", nullable: false),
                    WentWell = table.Column<string>(type: "TEXT", nullable: false),
                    HardThing = table.Column<string>(type: "TEXT", nullable: false),
                    NeedNextMonth = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SharedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MonthlyPreparations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MonthlyPreparations_MonthlyCheckIns_CheckInId",
                        column: x => x.CheckInId,
                        principalTable: "MonthlyCheckIns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ConflictRecords_CoupleId",
                table: "ConflictRecords",
                column: "CoupleId");

            migrationBuilder.CreateIndex(
                name: "IX_ConflictSides_ConflictId_AuthorId",
                table: "ConflictSides",
                columns: new[] { "ConflictId", "AuthorId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ConflictSides_CoupleId",
                table: "ConflictSides",
                column: "CoupleId");

            migrationBuilder.CreateIndex(
                name: "IX_GuideReflections_AuthorId_Guide_PromptKey",
                table: "GuideReflections",
                columns: new[] { "AuthorId", "Guide", "PromptKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MonthlyCheckIns_CoupleId_Month",
                table: "MonthlyCheckIns",
                columns: new[] { "CoupleId", "Month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MonthlyPreparations_CheckInId_AuthorId",
                table: "MonthlyPreparations",
                columns: new[] { "CheckInId", "AuthorId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MonthlyPreparations_CoupleId",
                table: "MonthlyPreparations",
                column: "CoupleId");

            migrationBuilder.CreateIndex(
                name: "IX_RepairAttempts_ConflictId",
                table: "RepairAttempts",
                column: "ConflictId");

            migrationBuilder.CreateIndex(
                name: "IX_RepairAttempts_CoupleId",
                table: "RepairAttempts",
                column: "CoupleId");

            migrationBuilder.CreateIndex(
                name: "IX_RitualAgreements_CheckInId",
                table: "RitualAgreements",
                column: "CheckInId");

            migrationBuilder.CreateIndex(
                name: "IX_RitualAgreements_ConflictId",
                table: "RitualAgreements",
                column: "ConflictId");

            migrationBuilder.CreateIndex(
                name: "IX_RitualAgreements_CoupleId",
                table: "RitualAgreements",
                column: "CoupleId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ConflictSides");

            migrationBuilder.DropTable(
                name: "GuideReflections");

            migrationBuilder.DropTable(
                name: "MonthlyPreparations");

            migrationBuilder.DropTable(
                name: "MonthlyRhythms");

            migrationBuilder.DropTable(
                name: "RepairAttempts");

            migrationBuilder.DropTable(
                name: "RitualAgreements");

            migrationBuilder.DropTable(
                name: "MonthlyCheckIns");

            migrationBuilder.DropTable(
                name: "ConflictRecords");
        }
    }
}
