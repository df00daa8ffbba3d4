using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ShapeOpenData.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PublicListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Supports_Sector_RequestId",
                table: "Supports");

            migrationBuilder.CreateIndex(
                name: "IX_Supports_RequestId_Sector",
                table: "Supports",
                columns: new[] { "RequestId", "Sector" });

            migrationBuilder.CreateIndex(
                name: "IX_DatasetRequests_Public_SupportCount",
                table: "DatasetRequests",
                columns: new[] { "SupportCount", "Id" },
                filter: "NOT \"IsConfidential\"");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Supports_RequestId_Sector",
                table: "Supports");

            migrationBuilder.DropIndex(
                name: "IX_DatasetRequests_Public_SupportCount",
                table: "DatasetRequests");

            migrationBuilder.CreateIndex(
                name: "IX_Supports_Sector_RequestId",
                table: "Supports",
                columns: new[] { "Sector", "RequestId" });
        }
    }
}
