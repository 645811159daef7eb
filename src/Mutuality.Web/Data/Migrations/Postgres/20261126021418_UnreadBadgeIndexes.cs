using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mutuality.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class UnreadBadgeIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_SupportMoments_Unread",
                table: "SupportMoments",
                columns: new[] { "CoupleId", "AuthorId", "Visibility", "CreatedAtUtc", "RespondedAtUtc", "ReactedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_RequestEvents_CoupleId_ActorId_AtUtc",
                table: "RequestEvents",
                columns: new[] { "CoupleId", "ActorId", "AtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SupportMoments_Unread",
                table: "SupportMoments");

            migrationBuilder.DropIndex(
                name: "IX_RequestEvents_CoupleId_ActorId_AtUtc",
                table: "RequestEvents");
        }
    }
}
