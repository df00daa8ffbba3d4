using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ShapeOpenData.Data.Migrations.Sqlite
{
    /// <summary>
    /// Written by hand, apart from the model: the site search's full-text index, an FTS5 table over the search
    /// documents' title and body with the porter stemmer, kept in step by triggers in the same transaction as
    /// every change to a document. It must run after the SearchDocuments migration.
    /// </summary>
    [DbContext(typeof(SqliteAppDbContext))]
    [Migration("20261204031200_SearchFullText")]
    public partial class SearchFullText : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "SearchText" USING fts5("Title", "Body", content='SearchDocuments', content_rowid='Id', tokenize='porter unicode61');
                CREATE TRIGGER "SearchDocuments_Inserted" AFTER INSERT ON "SearchDocuments" BEGIN
                    INSERT INTO "SearchText"(rowid, "Title", "Body") VALUES (new."Id", new."Title", new."Body");
                END;
                CREATE TRIGGER "SearchDocuments_Deleted" AFTER DELETE ON "SearchDocuments" BEGIN
                    INSERT INTO "SearchText"("SearchText", rowid, "Title", "Body") VALUES ('delete', old."Id", old."Title", old."Body");
                END;
                CREATE TRIGGER "SearchDocuments_Updated" AFTER UPDATE OF "Title", "Body" ON "SearchDocuments" BEGIN
                    INSERT INTO "SearchText"("SearchText", rowid, "Title", "Body") VALUES ('delete', old."Id", old."Title", old."Body");
                    INSERT INTO "SearchText"(rowid, "Title", "Body") VALUES (new."Id", new."Title", new."Body");
                END;
                INSERT INTO "SearchText"("SearchText") VALUES ('rebuild');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER "SearchDocuments_Updated";
                DROP TRIGGER "SearchDocuments_Deleted";
                DROP TRIGGER "SearchDocuments_Inserted";
                DROP TABLE "SearchText";
                """);
        }
    }
}
