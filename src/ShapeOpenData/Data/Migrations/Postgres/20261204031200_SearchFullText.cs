using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ShapeOpenData.Data.Migrations.Postgres
{
    /// <summary>
    /// Written by hand, apart from the model: the site search's full-text index, a stored generated tsvector
    /// (title in weight A, body in weight B, English stemming) with a GIN index. PostgreSQL computes it in the
    /// same statement as every change to a document. It must run after the SearchDocuments migration.
    /// </summary>
    [DbContext(typeof(PostgresAppDbContext))]
    [Migration("20261204031200_SearchFullText")]
    public partial class SearchFullText : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER TABLE "SearchDocuments" ADD COLUMN "Terms" tsvector GENERATED ALWAYS AS
                    (setweight(to_tsvector('english', "Title"), 'A') || setweight(to_tsvector('english', "Body"), 'B')) STORED;
                CREATE INDEX "IX_SearchDocuments_Terms" ON "SearchDocuments" USING GIN ("Terms");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP INDEX "IX_SearchDocuments_Terms";
                ALTER TABLE "SearchDocuments" DROP COLUMN "Terms";
                """);
        }
    }
}
