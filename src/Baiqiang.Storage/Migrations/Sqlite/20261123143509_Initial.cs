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
                name: "cash_outs",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    programme = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    beneficiary_kind = table.Column<int>(type: "INTEGER", nullable: false),
                    beneficiary = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    credit_code = table.Column<string>(type: "TEXT", maxLength: 18, nullable: true),
                    region_code = table.Column<int>(type: "INTEGER", nullable: false),
                    amount = table.Column<decimal>(type: "TEXT", precision: 28, scale: 8, nullable: false),
                    on = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cash_outs", x => x.id);
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
                name: "deals",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    region_code = table.Column<int>(type: "INTEGER", nullable: false),
                    investor_name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    investor_type = table.Column<int>(type: "INTEGER", nullable: false),
                    origin_region = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    origin_place = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    industry_chain = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    source = table.Column<int>(type: "INTEGER", nullable: false),
                    planned_investment = table.Column<decimal>(type: "TEXT", precision: 28, scale: 8, nullable: false),
                    responsible = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    department = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    stage = table.Column<int>(type: "INTEGER", nullable: false),
                    lead_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    negotiating_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    signed_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    landed_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    started_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    producing_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    lost_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    lost_reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    project_code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_deals", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "enterprise_requests",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    credit_code = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    region_code = table.Column<int>(type: "INTEGER", nullable: false),
                    category = table.Column<int>(type: "INTEGER", nullable: false),
                    department = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    raised_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    raised_month = table.Column<int>(type: "INTEGER", nullable: false),
                    deadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    started_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    closed_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    resolution = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    satisfaction = table.Column<int>(type: "INTEGER", nullable: true),
                    days_to_resolve = table.Column<int>(type: "INTEGER", nullable: true),
                    visit_key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_enterprise_requests", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "enterprises",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    credit_code = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    region_code = table.Column<int>(type: "INTEGER", nullable: false),
                    park_code = table.Column<int>(type: "INTEGER", nullable: true),
                    industry = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    size = table.Column<int>(type: "INTEGER", nullable: true),
                    tags = table.Column<int>(type: "INTEGER", nullable: false),
                    contacts = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_enterprises", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "evaluation_framework_versions",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    document = table.Column<string>(type: "TEXT", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_evaluation_framework_versions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "extraction_documents",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    text = table.Column<string>(type: "TEXT", nullable: false),
                    reference_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    main_region_code = table.Column<int>(type: "INTEGER", nullable: true),
                    stored_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    stored_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_extraction_documents", x => x.id);
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
                name: "visits",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    visitors = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    credit_code = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    region_code = table.Column<int>(type: "INTEGER", nullable: false),
                    notes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_visits", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "pending_facts",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    document_id = table.Column<long>(type: "INTEGER", nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    region = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    region_code = table.Column<int>(type: "INTEGER", nullable: true),
                    indicator = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    indicator_raw = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    indicator_code = table.Column<string>(type: "TEXT", nullable: true),
                    period = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    value = table.Column<decimal>(type: "TEXT", precision: 28, scale: 8, nullable: true),
                    unit = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    qualifier = table.Column<int>(type: "INTEGER", nullable: false),
                    high = table.Column<decimal>(type: "TEXT", precision: 28, scale: 8, nullable: true),
                    growth_pct = table.Column<decimal>(type: "TEXT", precision: 28, scale: 8, nullable: true),
                    plan_share_pct = table.Column<decimal>(type: "TEXT", precision: 28, scale: 8, nullable: true),
                    sentence = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    offset = table.Column<int>(type: "INTEGER", nullable: false),
                    length = table.Column<int>(type: "INTEGER", nullable: false),
                    sentence_offset = table.Column<int>(type: "INTEGER", nullable: false),
                    check_notes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    reviewed_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    reviewed_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    review_note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pending_facts", x => x.id);
                    table.ForeignKey(
                        name: "fk_pending_facts_extraction_documents",
                        column: x => x.document_id,
                        principalTable: "extraction_documents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
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
                name: "ix_cash_outs_key",
                table: "cash_outs",
                column: "key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_cash_outs_on_programme",
                table: "cash_outs",
                columns: new[] { "on", "programme" });

            migrationBuilder.CreateIndex(
                name: "ix_closed_months_region_code_year_month",
                table: "closed_months",
                columns: new[] { "region_code", "year", "month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_deals_code",
                table: "deals",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_deals_region_code_signed_on",
                table: "deals",
                columns: new[] { "region_code", "signed_on" });

            migrationBuilder.CreateIndex(
                name: "ix_enterprise_requests_department_status",
                table: "enterprise_requests",
                columns: new[] { "department", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_enterprise_requests_key",
                table: "enterprise_requests",
                column: "key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_enterprise_requests_raised_month_days_to_resolve",
                table: "enterprise_requests",
                columns: new[] { "raised_month", "days_to_resolve" });

            migrationBuilder.CreateIndex(
                name: "ix_enterprise_requests_raised_month_department_category_status_deadline_closed_on",
                table: "enterprise_requests",
                columns: new[] { "raised_month", "department", "category", "status", "deadline", "closed_on" });

            migrationBuilder.CreateIndex(
                name: "ix_enterprises_credit_code",
                table: "enterprises",
                column: "credit_code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_enterprises_region_code",
                table: "enterprises",
                column: "region_code");

            migrationBuilder.CreateIndex(
                name: "ix_evaluation_framework_versions_name_version",
                table: "evaluation_framework_versions",
                columns: new[] { "name", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_extraction_documents_sha256",
                table: "extraction_documents",
                column: "sha256",
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
                name: "ix_pending_facts_document_id",
                table: "pending_facts",
                column: "document_id");

            migrationBuilder.CreateIndex(
                name: "ix_pending_facts_status_document_id",
                table: "pending_facts",
                columns: new[] { "status", "document_id" });

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

            migrationBuilder.CreateIndex(
                name: "ix_visits_key",
                table: "visits",
                column: "key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_visits_on",
                table: "visits",
                column: "on");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit_entries");

            migrationBuilder.DropTable(
                name: "cash_outs");

            migrationBuilder.DropTable(
                name: "closed_months");

            migrationBuilder.DropTable(
                name: "deals");

            migrationBuilder.DropTable(
                name: "enterprise_requests");

            migrationBuilder.DropTable(
                name: "enterprises");

            migrationBuilder.DropTable(
                name: "evaluation_framework_versions");

            migrationBuilder.DropTable(
                name: "indicators");

            migrationBuilder.DropTable(
                name: "monthly_reports");

            migrationBuilder.DropTable(
                name: "observations");

            migrationBuilder.DropTable(
                name: "peer_group_members");

            migrationBuilder.DropTable(
                name: "pending_facts");

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
                name: "visits");

            migrationBuilder.DropTable(
                name: "peer_groups");

            migrationBuilder.DropTable(
                name: "extraction_documents");

            migrationBuilder.DropTable(
                name: "projects");
        }
    }
}
