using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mutuality.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Issue21InsightVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "InsightVersions",
                columns: table => new
                {
                    CoupleId = table.Column<Guid>(type: "uuid", nullable: false),
                    Month = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InsightVersions", x => new { x.CoupleId, x.Month });
                });

            // Issue 21: the change counters behind the monthly rollup are kept by triggers, so that every write path
            // (pages, imports, account deletion, bulk updates) marks the months it touched.
            foreach (var sql in Mutuality.Web.Features.Insights.Data.InsightVersionTriggers.PostgresUp())
            {
                migrationBuilder.Sql(sql);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in Mutuality.Web.Features.Insights.Data.InsightVersionTriggers.PostgresDown())
            {
                migrationBuilder.Sql(sql);
            }

            migrationBuilder.DropTable(
                name: "InsightVersions");
        }
    }
}
