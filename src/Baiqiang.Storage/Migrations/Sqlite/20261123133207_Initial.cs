using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Baiqiang.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "audit_entries",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    user = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    entity = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    key = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    field = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    old_value = table.Column<string>(type: "TEXT", nullable: true),
                    new_value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_entries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "closed_months",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    region_code = table.Column<int>(type: "INTEGER", nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    month = table.Column<int>(type: "INTEGER", nullable: false),
                    closed_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    closed_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_closed_months", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "indicators",
                columns: table => new
                {
                    code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    name_zh = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    name_en = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    unit = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    direction = table.Column<int>(type: "INTEGER", nullable: false),
                    published_cumulatively = table.Column<bool>(type: "INTEGER", nullable: false),
                    allows_negative = table.Column<bool>(type: "INTEGER", nullable: false),
                    aliases = table.Column<string>(type: "TEXT", nullable: false),
                    is_builtin = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_indicators", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "observations",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    region_code = table.Column<int>(type: "INTEGER", nullable: false),
                    indicator_code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    period = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    period_year = table.Column<int>(type: "INTEGER", nullable: false),
                    period_first_month = table.Column<int>(type: "INTEGER", nullable: false),
                    period_last_month = table.Column<int>(type: "INTEGER", nullable: false),
                    value = table.Column<decimal>(type: "TEXT", precision: 28, scale: 8, nullable: true),
                    unit = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    growth_percent = table.Column<decimal>(type: "TEXT", precision: 28, scale: 8, nullable: true),
                    qualifier = table.Column<int>(type: "INTEGER", nullable: false),
                    source_kind = table.Column<int>(type: "INTEGER", nullable: false),
                    source_reference = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    source_row = table.Column<int>(type: "INTEGER", nullable: true),
                    source_column = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    revision = table.Column<int>(type: "INTEGER", nullable: false),
                    is_current = table.Column<bool>(type: "INTEGER", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    superseded_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_observations", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "peer_groups",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    name_zh = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    name_en = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_peer_groups", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "projects",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    region_code = table.Column<int>(type: "INTEGER", nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    category = table.Column<int>(type: "INTEGER", nullable: false),
                    industry_chain = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    owner_enterprise = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    construction_content = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    total_investment = table.Column<decimal>(type: "TEXT", precision: 28, scale: 8, nullable: false),
                    planned_start = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    planned_finish = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    tags = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    leader = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    lead_department = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    work_group = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    initial_status = table.Column<int>(type: "INTEGER", nullable: false),
                    initial_status_since = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    status_since = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_projects", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "regions",
                columns: table => new
                {
                    code = table.Column<int>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    parent_code = table.Column<int>(type: "INTEGER", nullable: true),
                    valid_from = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    valid_to = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    successor_code = table.Column<int>(type: "INTEGER", nullable: true),
                    vintage = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_regions", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "targets",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    subject_kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    subject = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    region_code = table.Column<int>(type: "INTEGER", nullable: false),
                    deadline = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    comparator = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    value = table.Column<decimal>(type: "TEXT", precision: 28, scale: 8, nullable: true),
                    qualifier = table.Column<int>(type: "INTEGER", nullable: false),
                    unit = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    multiple_of_base = table.Column<decimal>(type: "TEXT", precision: 28, scale: 8, nullable: true),
                    base_period = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    description_zh = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_targets", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "peer_group_members",
                columns: table => new
                {
                    peer_group_id = table.Column<string>(type: "TEXT", nullable: false),
                    region_code = table.Column<int>(type: "INTEGER", nullable: false),
                    rank = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_peer_group_members", x => new { x.peer_group_id, x.region_code });
                    table.ForeignKey(
                        name: "fk_peer_group_members_peer_groups",
                        column: x => x.peer_group_id,
                        principalTable: "peer_groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "monthly_reports",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    region_code = table.Column<int>(type: "INTEGER", nullable: false),
                    project_id = table.Column<long>(type: "INTEGER", nullable: false),
                    project_code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    month = table.Column<int>(type: "INTEGER", nullable: false),
                    revision = table.Column<int>(type: "INTEGER", nullable: false),
                    completed_this_month = table.Column<decimal>(type: "TEXT", precision: 28, scale: 8, nullable: false),
                    cumulative_this_year = table.Column<decimal>(type: "TEXT", precision: 28, scale: 8, nullable: false),
                    previous_cumulative = table.Column<decimal>(type: "TEXT", precision: 28, scale: 8, nullable: false),
                    progress = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    problems = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    state = table.Column<int>(type: "INTEGER", nullable: false),
                    reviewer = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    review_comment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    correction_reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    is_current = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_monthly_reports", x => x.id);
                    table.ForeignKey(
                        name: "fk_monthly_reports_projects",
                        column: x => x.project_id,
                        principalTable: "projects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "project_agreements",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    region_code = table.Column<int>(type: "INTEGER", nullable: false),
                    project_id = table.Column<long>(type: "INTEGER", nullable: false),
                    project_code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    signed_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    new_completion_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    tax_commitment = table.Column<decimal>(type: "TEXT", precision: 28, scale: 8, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_project_agreements", x => x.id);
                    table.ForeignKey(
                        name: "fk_project_agreements_projects",
                        column: x => x.project_id,
                        principalTable: "projects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "project_milestones",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    region_code = table.Column<int>(type: "INTEGER", nullable: false),
                    project_id = table.Column<long>(type: "INTEGER", nullable: false),
                    project_code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    deadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    completed_on = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_project_milestones", x => x.id);
                    table.ForeignKey(
                        name: "fk_project_milestones_projects",
                        column: x => x.project_id,
                        principalTable: "projects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "project_plans",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    region_code = table.Column<int>(type: "INTEGER", nullable: false),
                    project_id = table.Column<long>(type: "INTEGER", nullable: false),
                    project_code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    amount = table.Column<decimal>(type: "TEXT", precision: 28, scale: 8, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_project_plans", x => x.id);
                    table.ForeignKey(
                        name: "fk_project_plans_projects",
                        column: x => x.project_id,
                        principalTable: "projects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "project_problems",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    region_code = table.Column<int>(type: "INTEGER", nullable: false),
                    project_id = table.Column<long>(type: "INTEGER", nullable: false),
                    project_code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    category = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    responsible_department = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    raised_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    due_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    resolution = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    resolved_on = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_project_problems", x => x.id);
                    table.ForeignKey(
                        name: "fk_project_problems_projects",
                        column: x => x.project_id,
                        principalTable: "projects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "project_status_changes",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    region_code = table.Column<int>(type: "INTEGER", nullable: false),
                    project_id = table.Column<long>(type: "INTEGER", nullable: false),
                    project_code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    from = table.Column<int>(type: "INTEGER", nullable: false),
                    to = table.Column<int>(type: "INTEGER", nullable: false),
                    on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_project_status_changes", x => x.id);
                    table.ForeignKey(
                        name: "fk_project_status_changes_projects",
                        column: x => x.project_id,
                        principalTable: "projects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_entity_key",
                table: "audit_entries",
                columns: new[] { "entity", "key" });

            migrationBuilder.CreateIndex(
                name: "ix_closed_months_region_code_year_month",
                table: "closed_months",
                columns: new[] { "region_code", "year", "month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_monthly_reports_project_id",
                table: "monthly_reports",
                column: "project_id");

            migrationBuilder.CreateIndex(
                name: "ix_monthly_reports_region_code_project_id_year_month_revision",
                table: "monthly_reports",
                columns: new[] { "region_code", "project_id", "year", "month", "revision" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_monthly_reports_region_code_year_month_is_current",
                table: "monthly_reports",
                columns: new[] { "region_code", "year", "month", "is_current" });

            migrationBuilder.CreateIndex(
                name: "ix_observations_cross_section",
                table: "observations",
                columns: new[] { "indicator_code", "period", "region_code" },
                filter: "is_current = 1");

            migrationBuilder.CreateIndex(
                name: "ux_observations_current",
                table: "observations",
                columns: new[] { "region_code", "indicator_code", "period" },
                unique: true,
                filter: "is_current = 1");

            migrationBuilder.CreateIndex(
                name: "ux_observations_revision",
                table: "observations",
                columns: new[] { "region_code", "indicator_code", "period", "revision" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_peer_group_members_region_code",
                table: "peer_group_members",
                column: "region_code");

            migrationBuilder.CreateIndex(
                name: "ix_project_agreements_project_id",
                table: "project_agreements",
                column: "project_id");

            migrationBuilder.CreateIndex(
                name: "ix_project_agreements_region_code_project_id",
                table: "project_agreements",
                columns: new[] { "region_code", "project_id" });

            migrationBuilder.CreateIndex(
                name: "ix_project_milestones_project_id",
                table: "project_milestones",
                column: "project_id");

            migrationBuilder.CreateIndex(
                name: "ix_project_milestones_region_code_project_id",
                table: "project_milestones",
                columns: new[] { "region_code", "project_id" });

            migrationBuilder.CreateIndex(
                name: "ix_project_plans_project_id",
                table: "project_plans",
                column: "project_id");

            migrationBuilder.CreateIndex(
                name: "ix_project_plans_region_code_project_id_year",
                table: "project_plans",
                columns: new[] { "region_code", "project_id", "year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_project_plans_region_code_year",
                table: "project_plans",
                columns: new[] { "region_code", "year" });

            migrationBuilder.CreateIndex(
                name: "ix_project_problems_project_id",
                table: "project_problems",
                column: "project_id");

            migrationBuilder.CreateIndex(
                name: "ix_project_problems_region_code_key",
                table: "project_problems",
                columns: new[] { "region_code", "key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_project_problems_region_code_project_id",
                table: "project_problems",
                columns: new[] { "region_code", "project_id" });

            migrationBuilder.CreateIndex(
                name: "ix_project_status_changes_project_id",
                table: "project_status_changes",
                column: "project_id");

            migrationBuilder.CreateIndex(
                name: "ix_project_status_changes_region_code_on",
                table: "project_status_changes",
                columns: new[] { "region_code", "on" });

            migrationBuilder.CreateIndex(
                name: "ix_project_status_changes_region_code_project_id_sequence",
                table: "project_status_changes",
                columns: new[] { "region_code", "project_id", "sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_projects_code",
                table: "projects",
                column: "code");

            migrationBuilder.CreateIndex(
                name: "ix_projects_region_code_code",
                table: "projects",
                columns: new[] { "region_code", "code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_regions_name",
                table: "regions",
                column: "name");

            migrationBuilder.CreateIndex(
                name: "ix_regions_parent_code",
                table: "regions",
                column: "parent_code");

            migrationBuilder.CreateIndex(
                name: "ix_targets_key",
                table: "targets",
                column: "key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_targets_region_code_deadline",
                table: "targets",
                columns: new[] { "region_code", "deadline" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit_entries");

            migrationBuilder.DropTable(
                name: "closed_months");

            migrationBuilder.DropTable(
                name: "indicators");

            migrationBuilder.DropTable(
                name: "monthly_reports");

            migrationBuilder.DropTable(
                name: "observations");

            migrationBuilder.DropTable(
                name: "peer_group_members");

            migrationBuilder.DropTable(
                name: "project_agreements");

            migrationBuilder.DropTable(
                name: "project_milestones");

            migrationBuilder.DropTable(
                name: "project_plans");

            migrationBuilder.DropTable(
                name: "project_problems");

            migrationBuilder.DropTable(
                name: "project_status_changes");

            migrationBuilder.DropTable(
                name: "regions");

            migrationBuilder.DropTable(
                name: "targets");

            migrationBuilder.DropTable(
                name: "peer_groups");

            migrationBuilder.DropTable(
                name: "projects");
        }
    }
}
