using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mutuality.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InsightsCoveringIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SupportMoments_CoupleId_OccurredAtUtc",
                table: "SupportMoments");

            migrationBuilder.DropIndex(
                name: "IX_CheckIns_CoupleId_PeriodStart",
                table: "CheckIns");

            migrationBuilder.CreateIndex(
                name: "IX_SupportMoments_CoupleId_OccurredAtUtc_Insights",
                table: "SupportMoments",
                columns: new[] { "CoupleId", "OccurredAtUtc", "AuthorId", "Visibility", "Direction", "Kind", "ResponseKind", "ResponseRating" });

            migrationBuilder.CreateIndex(
                name: "IX_CheckIns_Insights",
                table: "CheckIns",
                columns: new[] { "CoupleId", "PeriodStart", "AuthorId", "Cadence", "SubmittedAtUtc", "FactsState", "MeSupported", "MeAbleToGive", "MeStress", "GuessSupported", "GuessAbleToGive", "GuessStress", "GuessAgreement" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SupportMoments_CoupleId_OccurredAtUtc_Insights",
                table: "SupportMoments");

            migrationBuilder.DropIndex(
                name: "IX_CheckIns_Insights",
                table: "CheckIns");

            migrationBuilder.CreateIndex(
                name: "IX_SupportMoments_CoupleId_OccurredAtUtc",
                table: "SupportMoments",
                columns: new[] { "CoupleId", "OccurredAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_CheckIns_CoupleId_PeriodStart",
                table: "CheckIns",
                columns: new[] { "CoupleId", "PeriodStart" });
        }
    }
}
