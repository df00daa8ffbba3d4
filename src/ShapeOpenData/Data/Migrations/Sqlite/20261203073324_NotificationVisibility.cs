using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ShapeOpenData.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NotificationVisibility : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "LinkRoot",
                table: "OutboxEmails");

            migrationBuilder.AddColumn<int>(
                name: "AboutId",
                table: "OutboxEmails",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AboutType",
                table: "OutboxEmails",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            // Email waiting to go when this runs is checked when sent like any other: its item is the one it follows.
            migrationBuilder.Sql("""
                UPDATE "OutboxEmails" SET
                    "AboutType" = substr("UnsubscribeScope", 8, instr(substr("UnsubscribeScope", 8), ':') - 1),
                    "AboutId" = CAST(substr(substr("UnsubscribeScope", 8), instr(substr("UnsubscribeScope", 8), ':') + 1) AS INTEGER)
                WHERE "SentAt" IS NULL AND "UnsubscribeScope" LIKE 'follow:%:%'
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AboutId",
                table: "OutboxEmails");

            migrationBuilder.DropColumn(
                name: "AboutType",
                table: "OutboxEmails");

            migrationBuilder.AddColumn<string>(
                name: "LinkRoot",
                table: "OutboxEmails",
                type: "TEXT",
                maxLength: 500,
                nullable: false,
                defaultValue: "");
        }
    }
}
