using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ShapeOpenData.Data.Migrations.Postgres
{
    /// <summary>
    /// Supports become a foundation module: one table for every kind of item (requests' "I need this too" and
    /// quality reports' "I have this problem too"), keyed by item type and id. The new table is made, the old rows
    /// are copied into it in their order, and the old tables are dropped; the items' counts are unchanged.
    /// </summary>
    public partial class Supports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The new table takes the old one's name: keep the old rows aside until they are copied.
            migrationBuilder.Sql("""
                CREATE TABLE "RequestSupportsBefore" AS SELECT "Id", "RequestId", "UserId", "Use", "Sector", "CreatedAt" FROM "Supports";
                """);
            migrationBuilder.DropTable(
                name: "Supports");

            CreateSupports(migrationBuilder);
            migrationBuilder.Sql("""
                INSERT INTO "Supports" ("TargetType", "TargetId", "UserId", "Use", "Sector", "CreatedAt")
                SELECT 'request', "RequestId", "UserId", "Use", "Sector", "CreatedAt" FROM "RequestSupportsBefore" ORDER BY "Id";
                """);
            migrationBuilder.Sql("""
                INSERT INTO "Supports" ("TargetType", "TargetId", "UserId", "Use", "Sector", "CreatedAt")
                SELECT 'quality_report', "ReportId", "UserId", NULL, NULL, "CreatedAt" FROM "ReportsAffected" ORDER BY "Id";
                """);
            // Indexed once the rows are in: quicker than keeping the indexes up to date row by row.
            migrationBuilder.CreateIndex(
                name: "IX_Supports_TargetType_TargetId_Sector",
                table: "Supports",
                columns: new[] { "TargetType", "TargetId", "Sector" });

            migrationBuilder.CreateIndex(
                name: "IX_Supports_TargetType_TargetId_UserId",
                table: "Supports",
                columns: new[] { "TargetType", "TargetId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Supports_UserId",
                table: "Supports",
                column: "UserId");

            migrationBuilder.DropTable(
                name: "RequestSupportsBefore");

            migrationBuilder.DropTable(
                name: "ReportsAffected");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE "SupportsAfter" AS SELECT "Id", "TargetType", "TargetId", "UserId", "Use", "Sector", "CreatedAt" FROM "Supports";
                """);
            migrationBuilder.DropTable(
                name: "Supports");

            migrationBuilder.CreateTable(
                name: "Supports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RequestId = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<int>(type: "integer", nullable: false),
                    Use = table.Column<string>(type: "character varying(280)", maxLength: 280, nullable: true),
                    Sector = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Supports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Supports_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Supports_DatasetRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "DatasetRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReportsAffected",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReportId = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportsAffected", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReportsAffected_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ReportsAffected_QualityReports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "QualityReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.Sql("""
                INSERT INTO "Supports" ("RequestId", "UserId", "Use", "Sector", "CreatedAt")
                SELECT "TargetId", "UserId", "Use", "Sector", "CreatedAt" FROM "SupportsAfter" WHERE "TargetType" = 'request' ORDER BY "Id";
                """);
            migrationBuilder.Sql("""
                INSERT INTO "ReportsAffected" ("ReportId", "UserId", "CreatedAt")
                SELECT "TargetId", "UserId", "CreatedAt" FROM "SupportsAfter" WHERE "TargetType" = 'quality_report' ORDER BY "Id";
                """);
            migrationBuilder.DropTable(
                name: "SupportsAfter");

            migrationBuilder.CreateIndex(
                name: "IX_Supports_RequestId_Sector",
                table: "Supports",
                columns: new[] { "RequestId", "Sector" });

            migrationBuilder.CreateIndex(
                name: "IX_Supports_RequestId_UserId",
                table: "Supports",
                columns: new[] { "RequestId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Supports_UserId",
                table: "Supports",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_ReportsAffected_ReportId_UserId",
                table: "ReportsAffected",
                columns: new[] { "ReportId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReportsAffected_UserId",
                table: "ReportsAffected",
                column: "UserId");
        }

        private static void CreateSupports(MigrationBuilder migrationBuilder) =>
            migrationBuilder.CreateTable(
                name: "Supports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TargetType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    TargetId = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<int>(type: "integer", nullable: false),
                    Use = table.Column<string>(type: "character varying(280)", maxLength: 280, nullable: true),
                    Sector = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Supports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Supports_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
    }
}
