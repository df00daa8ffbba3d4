using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ShapeOpenData.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ModerationReportsAndJoinMessages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Moderation_AwaitingApproval",
                table: "QualityReports",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTime>(
                name: "Moderation_HiddenAt",
                table: "QualityReports",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Moderation_HiddenReason",
                table: "QualityReports",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "Moderation_RedactedAt",
                table: "QualityReports",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Moderation_AwaitingApproval",
                table: "GroupMembers",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTime>(
                name: "Moderation_HiddenAt",
                table: "GroupMembers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Moderation_HiddenReason",
                table: "GroupMembers",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "Moderation_RedactedAt",
                table: "GroupMembers",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Moderation_AwaitingApproval",
                table: "QualityReports");

            migrationBuilder.DropColumn(
                name: "Moderation_HiddenAt",
                table: "QualityReports");

            migrationBuilder.DropColumn(
                name: "Moderation_HiddenReason",
                table: "QualityReports");

            migrationBuilder.DropColumn(
                name: "Moderation_RedactedAt",
                table: "QualityReports");

            migrationBuilder.DropColumn(
                name: "Moderation_AwaitingApproval",
                table: "GroupMembers");

            migrationBuilder.DropColumn(
                name: "Moderation_HiddenAt",
                table: "GroupMembers");

            migrationBuilder.DropColumn(
                name: "Moderation_HiddenReason",
                table: "GroupMembers");

            migrationBuilder.DropColumn(
                name: "Moderation_RedactedAt",
                table: "GroupMembers");
        }
    }
}
