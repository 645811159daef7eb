using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mutuality.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InsightsFacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "FactsState",
                table: "CheckIns",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "GuessAbleToGive",
                table: "CheckIns",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "GuessAgreement",
                table: "CheckIns",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "GuessStress",
                table: "CheckIns",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "GuessSupported",
                table: "CheckIns",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MeAbleToGive",
                table: "CheckIns",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MeStress",
                table: "CheckIns",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MeSupported",
                table: "CheckIns",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "InsightDismissals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    PeriodKey = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DismissedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InsightDismissals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InsightDismissals_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SupportRequests_CoupleId_DoneAtUtc",
                table: "SupportRequests",
                columns: new[] { "CoupleId", "DoneAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_CheckIns_CoupleId_PeriodStart",
                table: "CheckIns",
                columns: new[] { "CoupleId", "PeriodStart" });

            migrationBuilder.CreateIndex(
                name: "IX_InsightDismissals_UserId_Kind_PeriodKey",
                table: "InsightDismissals",
                columns: new[] { "UserId", "Kind", "PeriodKey" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "InsightDismissals");

            migrationBuilder.DropIndex(
                name: "IX_SupportRequests_CoupleId_DoneAtUtc",
                table: "SupportRequests");

            migrationBuilder.DropIndex(
                name: "IX_CheckIns_CoupleId_PeriodStart",
                table: "CheckIns");

            migrationBuilder.DropColumn(
                name: "FactsState",
                table: "CheckIns");

            migrationBuilder.DropColumn(
                name: "GuessAbleToGive",
                table: "CheckIns");

            migrationBuilder.DropColumn(
                name: "GuessAgreement",
                table: "CheckIns");

            migrationBuilder.DropColumn(
                name: "GuessStress",
                table: "CheckIns");

            migrationBuilder.DropColumn(
                name: "GuessSupported",
                table: "CheckIns");

            migrationBuilder.DropColumn(
                name: "MeAbleToGive",
                table: "CheckIns");

            migrationBuilder.DropColumn(
                name: "MeStress",
                table: "CheckIns");

            migrationBuilder.DropColumn(
                name: "MeSupported",
                table: "CheckIns");
        }
    }
}
