using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ShapeOpenData.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PolicyUpdates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PolicyUpdates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Slug = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Title = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    Summary = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Body = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    OrganisationId = table.Column<int>(type: "integer", nullable: false),
                    AuthorId = table.Column<int>(type: "integer", nullable: true),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PolicyUpdates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PolicyUpdates_AspNetUsers_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_PolicyUpdates_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "UpdateSuggestions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UpdateId = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    AuthorId = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Answer = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    AnsweredById = table.Column<int>(type: "integer", nullable: true),
                    AnsweredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UpdateSuggestions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_UpdateSuggestions_AspNetUsers_AnsweredById",
                        column: x => x.AnsweredById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_UpdateSuggestions_AspNetUsers_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_UpdateSuggestions_PolicyUpdates_UpdateId",
                        column: x => x.UpdateId,
                        principalTable: "PolicyUpdates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "UpdateTags",
                columns: table => new
                {
                    UpdateId = table.Column<int>(type: "integer", nullable: false),
                    Tag = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UpdateTags", x => new { x.UpdateId, x.Tag });
                    table.ForeignKey(
                        name: "FK_UpdateTags_PolicyUpdates_UpdateId",
                        column: x => x.UpdateId,
                        principalTable: "PolicyUpdates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PolicyUpdates_AuthorId",
                table: "PolicyUpdates",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_PolicyUpdates_OrganisationId",
                table: "PolicyUpdates",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_PolicyUpdates_PublishedAt",
                table: "PolicyUpdates",
                column: "PublishedAt");

            migrationBuilder.CreateIndex(
                name: "IX_PolicyUpdates_Slug",
                table: "PolicyUpdates",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_UpdateSuggestions_AnsweredById",
                table: "UpdateSuggestions",
                column: "AnsweredById");

            migrationBuilder.CreateIndex(
                name: "IX_UpdateSuggestions_AuthorId",
                table: "UpdateSuggestions",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_UpdateSuggestions_UpdateId",
                table: "UpdateSuggestions",
                column: "UpdateId");

            migrationBuilder.CreateIndex(
                name: "IX_UpdateTags_Tag",
                table: "UpdateTags",
                column: "Tag");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "UpdateSuggestions");

            migrationBuilder.DropTable(
                name: "UpdateTags");

            migrationBuilder.DropTable(
                name: "PolicyUpdates");
        }
    }
}
