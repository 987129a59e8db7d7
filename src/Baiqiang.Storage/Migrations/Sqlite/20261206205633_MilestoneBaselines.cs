using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Baiqiang.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MilestoneBaselines : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "baseline",
                table: "project_milestones",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "kind",
                table: "project_milestones",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "milestone_replans",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    region_code = table.Column<int>(type: "INTEGER", nullable: false),
                    project_id = table.Column<long>(type: "INTEGER", nullable: false),
                    project_code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    milestone_name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    from_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    to_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_milestone_replans", x => x.id);
                    table.ForeignKey(
                        name: "fk_milestone_replans_projects",
                        column: x => x.project_id,
                        principalTable: "projects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "plan_approvals",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    region_code = table.Column<int>(type: "INTEGER", nullable: true),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    approved_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    approved_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    milestone_count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_plan_approvals", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_milestone_replans_project_id",
                table: "milestone_replans",
                column: "project_id");

            migrationBuilder.CreateIndex(
                name: "ix_milestone_replans_region_code_project_id",
                table: "milestone_replans",
                columns: new[] { "region_code", "project_id" });

            migrationBuilder.CreateIndex(
                name: "ix_plan_approvals_region_code_year",
                table: "plan_approvals",
                columns: new[] { "region_code", "year" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "milestone_replans");

            migrationBuilder.DropTable(
                name: "plan_approvals");

            migrationBuilder.DropColumn(
                name: "baseline",
                table: "project_milestones");

            migrationBuilder.DropColumn(
                name: "kind",
                table: "project_milestones");
        }
    }
}
