using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mutuality.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Issue17Questions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DailyQuestions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CoupleId = table.Column<Guid>(type: "uuid", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    QuestionId = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    AskedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    BroughtToMonthlyByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    BroughtToMonthlyAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DailyQuestions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DailyQuestions_Couples_CoupleId",
                        column: x => x.CoupleId,
                        principalTable: "Couples",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "QuestionFavourites",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CoupleId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    QuestionId = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuestionFavourites", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QuestionFavourites_Couples_CoupleId",
                        column: x => x.CoupleId,
                        principalTable: "Couples",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "QuestionAnswers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CoupleId = table.Column<Guid>(type: "uuid", nullable: false),
                    DailyQuestionId = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorId = table.Column<Guid>(type: "uuid", nullable: false),
                    Passed = table.Column<bool>(type: "boolean", nullable: false),
                    Text = table.Column<string>(type: "text", nullable: false),
                    Choice = table.Column<int>(type: "integer", nullable: true),
                    Guess = table.Column<int>(type: "integer", nullable: true),
                    PrivateNote = table.Column<string>(type: "text", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuestionAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QuestionAnswers_DailyQuestions_DailyQuestionId",
                        column: x => x.DailyQuestionId,
                        principalTable: "DailyQuestions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "QuestionReactions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CoupleId = table.Column<Guid>(type: "uuid", nullable: false),
                    DailyQuestionId = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "text", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuestionReactions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QuestionReactions_DailyQuestions_DailyQuestionId",
                        column: x => x.DailyQuestionId,
                        principalTable: "DailyQuestions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DailyQuestions_CoupleId_Day",
                table: "DailyQuestions",
                columns: new[] { "CoupleId", "Day" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_QuestionAnswers_AuthorId",
                table: "QuestionAnswers",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_QuestionAnswers_CoupleId",
                table: "QuestionAnswers",
                column: "CoupleId");

            migrationBuilder.CreateIndex(
                name: "IX_QuestionAnswers_DailyQuestionId_AuthorId",
                table: "QuestionAnswers",
                columns: new[] { "DailyQuestionId", "AuthorId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_QuestionFavourites_CoupleId",
                table: "QuestionFavourites",
                column: "CoupleId");

            migrationBuilder.CreateIndex(
                name: "IX_QuestionFavourites_UserId_CoupleId_QuestionId",
                table: "QuestionFavourites",
                columns: new[] { "UserId", "CoupleId", "QuestionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_QuestionReactions_AuthorId",
                table: "QuestionReactions",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_QuestionReactions_CoupleId",
                table: "QuestionReactions",
                column: "CoupleId");

            migrationBuilder.CreateIndex(
                name: "IX_QuestionReactions_DailyQuestionId_AuthorId_Kind",
                table: "QuestionReactions",
                columns: new[] { "DailyQuestionId", "AuthorId", "Kind" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "QuestionAnswers");

            migrationBuilder.DropTable(
                name: "QuestionFavourites");

            migrationBuilder.DropTable(
                name: "QuestionReactions");

            migrationBuilder.DropTable(
                name: "DailyQuestions");
        }
    }
}
