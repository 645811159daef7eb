using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mutuality.Web.Data.Migrations.Postgres
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CoupleId = table.Column<Guid>(type: "uuid", nullable: false),
                    OpenedById = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "text", nullable: false),
                    OpenedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    ResolvedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ResolvedById = table.Column<Guid>(type: "uuid", nullable: true),
                    BreakEndsAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorId = table.Column<Guid>(type: "uuid", nullable: false),
                    Guide = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    PromptKey = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Text = table.Column<string>(type: "text", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CoupleId = table.Column<Guid>(type: "uuid", nullable: false),
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    StarterId = table.Column<Guid>(type: "uuid", nullable: true),
                    TalkStartedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    TopicIndex = table.Column<int>(type: "integer", nullable: false),
                    Speaker = table.Column<int>(type: "integer", nullable: false),
                    FinishedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    BreakEndsAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
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
                    CoupleId = table.Column<Guid>(type: "uuid", nullable: false),
                    DayOfMonth = table.Column<int>(type: "integer", nullable: false),
                    ChosenById = table.Column<Guid>(type: "uuid", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CoupleId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedById = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerId = table.Column<Guid>(type: "uuid", nullable: true),
                    What = table.Column<string>(type: "text", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CheckInId = table.Column<Guid>(type: "uuid", nullable: true),
                    ConflictId = table.Column<Guid>(type: "uuid", nullable: true),
                    CarriedOnFromId = table.Column<Guid>(type: "uuid", nullable: true),
                    Outcome = table.Column<int>(type: "integer", nullable: true),
                    CarriedOn = table.Column<bool>(type: "boolean", nullable: false),
                    ReviewedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReviewedById = table.Column<Guid>(type: "uuid", nullable: true)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ConflictId = table.Column<Guid>(type: "uuid", nullable: false),
                    CoupleId = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorId = table.Column<Guid>(type: "uuid", nullable: false),
                    FeelingsAndNeeds = table.Column<string>(type: "text", nullable: false),
                    HowYouSawIt = table.Column<string>(type: "text", nullable: false),
                    MyImpactOnYou = table.Column<string>(type: "text", nullable: false),
                    YourImpactOnMe = table.Column<string>(type: "text", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SharedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ConflictId = table.Column<Guid>(type: "uuid", nullable: false),
                    CoupleId = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "text", nullable: false),
                    SentAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    BreakEndsAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CheckInId = table.Column<Guid>(type: "uuid", nullable: false),
                    CoupleId = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorId = table.Column<Guid>(type: "uuid", nullable: false),
                    Appreciations = table.Column<string>(type: "text", nullable: false),
                    WentWell = table.Column<string>(type: "text", nullable: false),
                    HardThing = table.Column<string>(type: "text", nullable: false),
                    NeedNextMonth = table.Column<string>(type: "text", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SharedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
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
