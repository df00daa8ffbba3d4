using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ShapeOpenData.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OutcomeLinks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "OutcomeLinks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InputType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    InputId = table.Column<int>(type: "integer", nullable: false),
                    OutcomeType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    OutcomeId = table.Column<int>(type: "integer", nullable: false),
                    Reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    LinkedById = table.Column<int>(type: "integer", nullable: true),
                    LinkedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutcomeLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OutcomeLinks_AspNetUsers_LinkedById",
                        column: x => x.LinkedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OutcomeLinks_InputType_InputId_OutcomeType_OutcomeId",
                table: "OutcomeLinks",
                columns: new[] { "InputType", "InputId", "OutcomeType", "OutcomeId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutcomeLinks_LinkedById",
                table: "OutcomeLinks",
                column: "LinkedById");

            migrationBuilder.CreateIndex(
                name: "IX_OutcomeLinks_OutcomeType_OutcomeId",
                table: "OutcomeLinks",
                columns: new[] { "OutcomeType", "OutcomeId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OutcomeLinks");
        }
    }
}
