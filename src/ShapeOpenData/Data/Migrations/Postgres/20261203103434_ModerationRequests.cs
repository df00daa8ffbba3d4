using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ShapeOpenData.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ModerationRequests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DatasetRequests_Public_SupportCount",
                table: "DatasetRequests");

            migrationBuilder.AddColumn<bool>(
                name: "Moderation_AwaitingApproval",
                table: "DatasetRequests",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTime>(
                name: "Moderation_HiddenAt",
                table: "DatasetRequests",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Moderation_HiddenReason",
                table: "DatasetRequests",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "Moderation_RedactedAt",
                table: "DatasetRequests",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_DatasetRequests_Public_SupportCount",
                table: "DatasetRequests",
                columns: new[] { "SupportCount", "Id" },
                filter: "NOT \"IsConfidential\" AND \"Moderation_HiddenAt\" IS NULL AND NOT \"Moderation_AwaitingApproval\"");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DatasetRequests_Public_SupportCount",
                table: "DatasetRequests");

            migrationBuilder.DropColumn(
                name: "Moderation_AwaitingApproval",
                table: "DatasetRequests");

            migrationBuilder.DropColumn(
                name: "Moderation_HiddenAt",
                table: "DatasetRequests");

            migrationBuilder.DropColumn(
                name: "Moderation_HiddenReason",
                table: "DatasetRequests");

            migrationBuilder.DropColumn(
                name: "Moderation_RedactedAt",
                table: "DatasetRequests");

            migrationBuilder.CreateIndex(
                name: "IX_DatasetRequests_Public_SupportCount",
                table: "DatasetRequests",
                columns: new[] { "SupportCount", "Id" },
                filter: "NOT \"IsConfidential\"");
        }
    }
}
