using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Baiqiang.Storage.Migrations.Postgres
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
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    user = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    entity = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    key = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    field = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    old_value = table.Column<string>(type: "text", nullable: true),
                    new_value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_entries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "closed_months",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    region_code = table.Column<int>(type: "integer", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    month = table.Column<int>(type: "integer", nullable: false),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    closed_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_closed_months", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "indicators",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    name_zh = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    name_en = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    unit = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    direction = table.Column<int>(type: "integer", nullable: false),
                    published_cumulatively = table.Column<bool>(type: "boolean", nullable: false),
                    allows_negative = table.Column<bool>(type: "boolean", nullable: false),
                    aliases = table.Column<string>(type: "text", nullable: false),
                    is_builtin = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_indicators", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "observations",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    region_code = table.Column<int>(type: "integer", nullable: false),
                    indicator_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    period = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    period_year = table.Column<int>(type: "integer", nullable: false),
                    period_first_month = table.Column<int>(type: "integer", nullable: false),
                    period_last_month = table.Column<int>(type: "integer", nullable: false),
                    value = table.Column<decimal>(type: "numeric(28,8)", precision: 28, scale: 8, nullable: true),
                    unit = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    growth_percent = table.Column<decimal>(type: "numeric(28,8)", precision: 28, scale: 8, nullable: true),
                    qualifier = table.Column<int>(type: "integer", nullable: false),
                    source_kind = table.Column<int>(type: "integer", nullable: false),
                    source_reference = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    source_row = table.Column<int>(type: "integer", nullable: true),
                    source_column = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    revision = table.Column<int>(type: "integer", nullable: false),
                    is_current = table.Column<bool>(type: "boolean", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    superseded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_observations", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "peer_groups",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    name_zh = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    name_en = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_peer_groups", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "projects",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    region_code = table.Column<int>(type: "integer", nullable: false),
                    code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    category = table.Column<int>(type: "integer", nullable: false),
                    industry_chain = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    owner_enterprise = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    construction_content = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    total_investment = table.Column<decimal>(type: "numeric(28,8)", precision: 28, scale: 8, nullable: false),
                    planned_start = table.Column<DateOnly>(type: "date", nullable: true),
                    planned_finish = table.Column<DateOnly>(type: "date", nullable: true),
                    tags = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    leader = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    lead_department = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    work_group = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    initial_status = table.Column<int>(type: "integer", nullable: false),
                    initial_status_since = table.Column<DateOnly>(type: "date", nullable: true),
                    status = table.Column<int>(type: "integer", nullable: false),
                    status_since = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_projects", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "regions",
                columns: table => new
                {
                    code = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    parent_code = table.Column<int>(type: "integer", nullable: true),
                    valid_from = table.Column<DateOnly>(type: "date", nullable: true),
                    valid_to = table.Column<DateOnly>(type: "date", nullable: true),
                    successor_code = table.Column<int>(type: "integer", nullable: true),
                    vintage = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_regions", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "targets",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    subject_kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    subject = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    region_code = table.Column<int>(type: "integer", nullable: false),
                    deadline = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    comparator = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    value = table.Column<decimal>(type: "numeric(28,8)", precision: 28, scale: 8, nullable: true),
                    qualifier = table.Column<int>(type: "integer", nullable: false),
                    unit = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    multiple_of_base = table.Column<decimal>(type: "numeric(28,8)", precision: 28, scale: 8, nullable: true),
                    base_period = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    description_zh = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_targets", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "peer_group_members",
                columns: table => new
                {
                    peer_group_id = table.Column<string>(type: "character varying(100)", nullable: false),
                    region_code = table.Column<int>(type: "integer", nullable: false),
                    rank = table.Column<int>(type: "integer", nullable: true)
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
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    region_code = table.Column<int>(type: "integer", nullable: false),
                    project_id = table.Column<long>(type: "bigint", nullable: false),
                    project_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    month = table.Column<int>(type: "integer", nullable: false),
                    revision = table.Column<int>(type: "integer", nullable: false),
                    completed_this_month = table.Column<decimal>(type: "numeric(28,8)", precision: 28, scale: 8, nullable: false),
                    cumulative_this_year = table.Column<decimal>(type: "numeric(28,8)", precision: 28, scale: 8, nullable: false),
                    previous_cumulative = table.Column<decimal>(type: "numeric(28,8)", precision: 28, scale: 8, nullable: false),
                    progress = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    problems = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    state = table.Column<int>(type: "integer", nullable: false),
                    reviewer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    review_comment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    correction_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    is_current = table.Column<bool>(type: "boolean", nullable: false)
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
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    region_code = table.Column<int>(type: "integer", nullable: false),
                    project_id = table.Column<long>(type: "bigint", nullable: false),
                    project_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    signed_on = table.Column<DateOnly>(type: "date", nullable: false),
                    new_completion_date = table.Column<DateOnly>(type: "date", nullable: false),
                    tax_commitment = table.Column<decimal>(type: "numeric(28,8)", precision: 28, scale: 8, nullable: true)
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
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    region_code = table.Column<int>(type: "integer", nullable: false),
                    project_id = table.Column<long>(type: "bigint", nullable: false),
                    project_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    completed_on = table.Column<DateOnly>(type: "date", nullable: true)
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
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    region_code = table.Column<int>(type: "integer", nullable: false),
                    project_id = table.Column<long>(type: "bigint", nullable: false),
                    project_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    amount = table.Column<decimal>(type: "numeric(28,8)", precision: 28, scale: 8, nullable: false)
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
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    region_code = table.Column<int>(type: "integer", nullable: false),
                    project_id = table.Column<long>(type: "bigint", nullable: false),
                    project_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    category = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    responsible_department = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    raised_on = table.Column<DateOnly>(type: "date", nullable: false),
                    due_on = table.Column<DateOnly>(type: "date", nullable: true),
                    status = table.Column<int>(type: "integer", nullable: false),
                    resolution = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    resolved_on = table.Column<DateOnly>(type: "date", nullable: true)
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
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    region_code = table.Column<int>(type: "integer", nullable: false),
                    project_id = table.Column<long>(type: "bigint", nullable: false),
                    project_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    from = table.Column<int>(type: "integer", nullable: false),
                    to = table.Column<int>(type: "integer", nullable: false),
                    on = table.Column<DateOnly>(type: "date", nullable: false),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
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
                filter: "is_current");

            migrationBuilder.CreateIndex(
                name: "ux_observations_current",
                table: "observations",
                columns: new[] { "region_code", "indicator_code", "period" },
                unique: true,
                filter: "is_current");

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
