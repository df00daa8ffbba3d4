using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ShapeOpenData.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class EthicsAssessments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EthicsAssessments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Slug = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ProjectName = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    Description = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: false),
                    OrganisationId = table.Column<int>(type: "integer", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EthicsAssessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EthicsAssessments_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EthicsStageAssessments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AssessmentId = table.Column<int>(type: "integer", nullable: false),
                    Stage = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    AssessedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    AssessedById = table.Column<int>(type: "integer", nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EthicsStageAssessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EthicsStageAssessments_AspNetUsers_AssessedById",
                        column: x => x.AssessedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_EthicsStageAssessments_EthicsAssessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "EthicsAssessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EthicsTeamMembers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AssessmentId = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<int>(type: "integer", nullable: false),
                    AddedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EthicsTeamMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EthicsTeamMembers_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EthicsTeamMembers_EthicsAssessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "EthicsAssessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EthicsItemScores",
                columns: table => new
                {
                    StageAssessmentId = table.Column<int>(type: "integer", nullable: false),
                    Item = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Score = table.Column<int>(type: "integer", nullable: false),
                    Notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EthicsItemScores", x => new { x.StageAssessmentId, x.Item });
                    table.CheckConstraint("CK_EthicsItemScores_Score", "\"Score\" BETWEEN 0 AND 5");
                    table.ForeignKey(
                        name: "FK_EthicsItemScores_EthicsStageAssessments_StageAssessmentId",
                        column: x => x.StageAssessmentId,
                        principalTable: "EthicsStageAssessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EthicsAssessments_OrganisationId",
                table: "EthicsAssessments",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_EthicsAssessments_PublishedAt",
                table: "EthicsAssessments",
                column: "PublishedAt");

            migrationBuilder.CreateIndex(
                name: "IX_EthicsAssessments_Slug",
                table: "EthicsAssessments",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EthicsStageAssessments_AssessedById",
                table: "EthicsStageAssessments",
                column: "AssessedById");

            migrationBuilder.CreateIndex(
                name: "IX_EthicsStageAssessments_AssessmentId_Stage_RecordedAt",
                table: "EthicsStageAssessments",
                columns: new[] { "AssessmentId", "Stage", "RecordedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_EthicsTeamMembers_AssessmentId_UserId",
                table: "EthicsTeamMembers",
                columns: new[] { "AssessmentId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EthicsTeamMembers_UserId",
                table: "EthicsTeamMembers",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EthicsItemScores");

            migrationBuilder.DropTable(
                name: "EthicsTeamMembers");

            migrationBuilder.DropTable(
                name: "EthicsStageAssessments");

            migrationBuilder.DropTable(
                name: "EthicsAssessments");
        }
    }
}
