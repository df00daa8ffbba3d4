using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ShapeOpenData.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NotificationPreferences : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AwaitingDigest",
                table: "Notices",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DigestKey",
                table: "Notices",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Asked",
                table: "Follows",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            // What people support they asked for: they keep hearing about it straight away, as before.
            migrationBuilder.Sql("""
                UPDATE "Follows" SET "Asked" = TRUE
                WHERE EXISTS (SELECT 1 FROM "Supports" s
                              WHERE s."TargetType" = "Follows"."TargetType" AND s."TargetId" = "Follows"."TargetId" AND s."UserId" = "Follows"."UserId")
                """);

            migrationBuilder.CreateTable(
                name: "NotificationPreferences",
                columns: table => new
                {
                    UserId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Choice = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NotificationPreferences", x => new { x.UserId, x.Kind });
                    table.ForeignKey(
                        name: "FK_NotificationPreferences_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PendingNotifications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    UnsubscribeScope = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    AboutType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    AboutId = table.Column<int>(type: "INTEGER", nullable: true),
                    FollowedType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    FollowedId = table.Column<int>(type: "INTEGER", nullable: false),
                    AlsoTell = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Except = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Cursor = table.Column<int>(type: "INTEGER", nullable: false),
                    Done = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PendingNotifications", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Notices_AwaitingDigest_UserId_CreatedAt",
                table: "Notices",
                columns: new[] { "AwaitingDigest", "UserId", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "NotificationPreferences");

            migrationBuilder.DropTable(
                name: "PendingNotifications");

            migrationBuilder.DropIndex(
                name: "IX_Notices_AwaitingDigest_UserId_CreatedAt",
                table: "Notices");

            migrationBuilder.DropColumn(
                name: "AwaitingDigest",
                table: "Notices");

            migrationBuilder.DropColumn(
                name: "DigestKey",
                table: "Notices");

            migrationBuilder.DropColumn(
                name: "Asked",
                table: "Follows");
        }
    }
}
