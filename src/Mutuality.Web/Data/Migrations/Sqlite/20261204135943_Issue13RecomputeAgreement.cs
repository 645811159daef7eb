using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mutuality.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Issue13RecomputeAgreement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Issue 13: M5 feelings credit now uses the best one-to-one pairing. Forget the stored agreement of every
            // revealed check-in so that the insights recompute it (FillCheckInFactsAsync) from the encrypted content
            // the next time its period is read. Plain SQL, the same on SQLite and PostgreSQL.
            migrationBuilder.Sql("UPDATE \"CheckIns\" SET \"GuessAgreement\" = NULL, \"FactsState\" = NULL WHERE \"FactsState\" IS NOT NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Nothing to undo: the facts are recomputed from the content whenever they are missing.
        }
    }
}
