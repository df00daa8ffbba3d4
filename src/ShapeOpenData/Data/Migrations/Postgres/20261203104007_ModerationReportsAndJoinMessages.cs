using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ShapeOpenData.Data.Migrations.Postgres
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
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTime>(
                name: "Moderation_HiddenAt",
                table: "QualityReports",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Moderation_HiddenReason",
                table: "QualityReports",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "Moderation_RedactedAt",
                table: "QualityReports",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Moderation_AwaitingApproval",
                table: "GroupMembers",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTime>(
                name: "Moderation_HiddenAt",
                table: "GroupMembers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Moderation_HiddenReason",
                table: "GroupMembers",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "Moderation_RedactedAt",
                table: "GroupMembers",
                type: "timestamp with time zone",
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
