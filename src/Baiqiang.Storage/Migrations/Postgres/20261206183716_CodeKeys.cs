using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Baiqiang.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CodeKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "code_key",
                table: "targets",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "code_key",
                table: "projects",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "code_key",
                table: "enterprise_requests",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "code_key",
                table: "deals",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            Data.CodeKeysData.Up(migrationBuilder);

            migrationBuilder.CreateIndex(
                name: "ix_targets_code_key",
                table: "targets",
                column: "code_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_projects_region_code_code_key",
                table: "projects",
                columns: new[] { "region_code", "code_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_enterprise_requests_code_key",
                table: "enterprise_requests",
                column: "code_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_deals_code_key",
                table: "deals",
                column: "code_key",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            Data.CodeKeysData.Down(migrationBuilder);

            migrationBuilder.DropIndex(
                name: "ix_targets_code_key",
                table: "targets");

            migrationBuilder.DropIndex(
                name: "ix_projects_region_code_code_key",
                table: "projects");

            migrationBuilder.DropIndex(
                name: "ix_enterprise_requests_code_key",
                table: "enterprise_requests");

            migrationBuilder.DropIndex(
                name: "ix_deals_code_key",
                table: "deals");

            migrationBuilder.DropColumn(
                name: "code_key",
                table: "targets");

            migrationBuilder.DropColumn(
                name: "code_key",
                table: "projects");

            migrationBuilder.DropColumn(
                name: "code_key",
                table: "enterprise_requests");

            migrationBuilder.DropColumn(
                name: "code_key",
                table: "deals");
        }
    }
}
