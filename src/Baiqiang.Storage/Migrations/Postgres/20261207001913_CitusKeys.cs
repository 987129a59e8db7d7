using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Baiqiang.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CitusKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            Data.CitusKeysData.Up(migrationBuilder);

            migrationBuilder.DropForeignKey(
                name: "fk_milestone_replans_projects",
                table: "milestone_replans");

            migrationBuilder.DropForeignKey(
                name: "fk_monthly_reports_projects",
                table: "monthly_reports");

            migrationBuilder.DropForeignKey(
                name: "fk_problem_supervision_steps_project_problems",
                table: "problem_supervision_steps");

            migrationBuilder.DropForeignKey(
                name: "fk_project_agreements_projects",
                table: "project_agreements");

            migrationBuilder.DropForeignKey(
                name: "fk_project_attachment_contents_project_attachments",
                table: "project_attachment_contents");

            migrationBuilder.DropForeignKey(
                name: "fk_project_attachments_projects",
                table: "project_attachments");

            migrationBuilder.DropForeignKey(
                name: "fk_project_milestones_projects",
                table: "project_milestones");

            migrationBuilder.DropForeignKey(
                name: "fk_project_plans_projects",
                table: "project_plans");

            migrationBuilder.DropForeignKey(
                name: "fk_project_problems_projects",
                table: "project_problems");

            migrationBuilder.DropForeignKey(
                name: "fk_project_status_changes_projects",
                table: "project_status_changes");

            migrationBuilder.DropPrimaryKey(
                name: "pk_visits",
                table: "visits");

            migrationBuilder.DropIndex(
                name: "ix_visits_key",
                table: "visits");

            migrationBuilder.DropPrimaryKey(
                name: "pk_targets",
                table: "targets");

            migrationBuilder.DropIndex(
                name: "ix_targets_code_key",
                table: "targets");

            migrationBuilder.DropIndex(
                name: "ix_targets_key",
                table: "targets");

            migrationBuilder.DropPrimaryKey(
                name: "pk_projects",
                table: "projects");

            migrationBuilder.DropPrimaryKey(
                name: "pk_project_status_changes",
                table: "project_status_changes");

            migrationBuilder.DropPrimaryKey(
                name: "pk_project_problems",
                table: "project_problems");

            migrationBuilder.DropPrimaryKey(
                name: "pk_project_plans",
                table: "project_plans");

            migrationBuilder.DropPrimaryKey(
                name: "pk_project_milestones",
                table: "project_milestones");

            migrationBuilder.DropPrimaryKey(
                name: "pk_project_attachments",
                table: "project_attachments");

            migrationBuilder.DropPrimaryKey(
                name: "pk_project_attachment_contents",
                table: "project_attachment_contents");

            migrationBuilder.DropPrimaryKey(
                name: "pk_project_agreements",
                table: "project_agreements");

            migrationBuilder.DropPrimaryKey(
                name: "pk_problem_supervision_steps",
                table: "problem_supervision_steps");

            migrationBuilder.DropPrimaryKey(
                name: "pk_observations",
                table: "observations");

            migrationBuilder.DropPrimaryKey(
                name: "pk_monthly_reports",
                table: "monthly_reports");

            migrationBuilder.DropPrimaryKey(
                name: "pk_milestone_replans",
                table: "milestone_replans");

            migrationBuilder.DropPrimaryKey(
                name: "pk_enterprises",
                table: "enterprises");

            migrationBuilder.DropIndex(
                name: "ix_enterprises_credit_code",
                table: "enterprises");

            migrationBuilder.DropPrimaryKey(
                name: "pk_enterprise_requests",
                table: "enterprise_requests");

            migrationBuilder.DropIndex(
                name: "ix_enterprise_requests_code_key",
                table: "enterprise_requests");

            migrationBuilder.DropIndex(
                name: "ix_enterprise_requests_key",
                table: "enterprise_requests");

            migrationBuilder.DropPrimaryKey(
                name: "pk_deals",
                table: "deals");

            migrationBuilder.DropIndex(
                name: "ix_deals_code",
                table: "deals");

            migrationBuilder.DropIndex(
                name: "ix_deals_code_key",
                table: "deals");

            migrationBuilder.DropPrimaryKey(
                name: "pk_deal_milestones",
                table: "deal_milestones");

            migrationBuilder.DropIndex(
                name: "ix_deal_milestones_deal_id_kind",
                table: "deal_milestones");

            migrationBuilder.DropPrimaryKey(
                name: "pk_deal_funds",
                table: "deal_funds");

            migrationBuilder.DropIndex(
                name: "ix_deal_funds_deal_id_month",
                table: "deal_funds");

            migrationBuilder.DropPrimaryKey(
                name: "pk_closed_months",
                table: "closed_months");

            migrationBuilder.DropPrimaryKey(
                name: "pk_cash_outs",
                table: "cash_outs");

            migrationBuilder.DropIndex(
                name: "ix_cash_outs_key",
                table: "cash_outs");

            migrationBuilder.AddPrimaryKey(
                name: "pk_visits",
                table: "visits",
                columns: new[] { "region_code", "id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_targets",
                table: "targets",
                columns: new[] { "region_code", "id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_projects",
                table: "projects",
                columns: new[] { "region_code", "id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_project_status_changes",
                table: "project_status_changes",
                columns: new[] { "region_code", "id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_project_problems",
                table: "project_problems",
                columns: new[] { "region_code", "id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_project_plans",
                table: "project_plans",
                columns: new[] { "region_code", "id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_project_milestones",
                table: "project_milestones",
                columns: new[] { "region_code", "id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_project_attachments",
                table: "project_attachments",
                columns: new[] { "region_code", "id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_project_attachment_contents",
                table: "project_attachment_contents",
                columns: new[] { "region_code", "attachment_id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_project_agreements",
                table: "project_agreements",
                columns: new[] { "region_code", "id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_problem_supervision_steps",
                table: "problem_supervision_steps",
                columns: new[] { "region_code", "id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_observations",
                table: "observations",
                columns: new[] { "region_code", "id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_monthly_reports",
                table: "monthly_reports",
                columns: new[] { "region_code", "id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_milestone_replans",
                table: "milestone_replans",
                columns: new[] { "region_code", "id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_enterprises",
                table: "enterprises",
                columns: new[] { "region_code", "id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_enterprise_requests",
                table: "enterprise_requests",
                columns: new[] { "region_code", "id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_deals",
                table: "deals",
                columns: new[] { "region_code", "id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_deal_milestones",
                table: "deal_milestones",
                columns: new[] { "region_code", "id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_deal_funds",
                table: "deal_funds",
                columns: new[] { "region_code", "id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_closed_months",
                table: "closed_months",
                columns: new[] { "region_code", "id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_cash_outs",
                table: "cash_outs",
                columns: new[] { "region_code", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_visits_key",
                table: "visits",
                column: "key");

            migrationBuilder.CreateIndex(
                name: "ix_visits_region_code_key",
                table: "visits",
                columns: new[] { "region_code", "key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_targets_code_key",
                table: "targets",
                column: "code_key");

            migrationBuilder.CreateIndex(
                name: "ix_targets_key",
                table: "targets",
                column: "key");

            migrationBuilder.CreateIndex(
                name: "ix_targets_region_code_code_key",
                table: "targets",
                columns: new[] { "region_code", "code_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_targets_region_code_key",
                table: "targets",
                columns: new[] { "region_code", "key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_enterprises_credit_code",
                table: "enterprises",
                column: "credit_code");

            migrationBuilder.CreateIndex(
                name: "ix_enterprises_region_code_credit_code",
                table: "enterprises",
                columns: new[] { "region_code", "credit_code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_enterprise_requests_code_key",
                table: "enterprise_requests",
                column: "code_key");

            migrationBuilder.CreateIndex(
                name: "ix_enterprise_requests_key",
                table: "enterprise_requests",
                column: "key");

            migrationBuilder.CreateIndex(
                name: "ix_enterprise_requests_region_code_code_key",
                table: "enterprise_requests",
                columns: new[] { "region_code", "code_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_enterprise_requests_region_code_key",
                table: "enterprise_requests",
                columns: new[] { "region_code", "key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_deals_code",
                table: "deals",
                column: "code");

            migrationBuilder.CreateIndex(
                name: "ix_deals_code_key",
                table: "deals",
                column: "code_key");

            migrationBuilder.CreateIndex(
                name: "ix_deals_region_code_code",
                table: "deals",
                columns: new[] { "region_code", "code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_deals_region_code_code_key",
                table: "deals",
                columns: new[] { "region_code", "code_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_deal_milestones_deal_id_kind",
                table: "deal_milestones",
                columns: new[] { "deal_id", "kind" });

            migrationBuilder.CreateIndex(
                name: "ix_deal_milestones_region_code_deal_id_kind",
                table: "deal_milestones",
                columns: new[] { "region_code", "deal_id", "kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_deal_funds_deal_id_month",
                table: "deal_funds",
                columns: new[] { "deal_id", "month" });

            migrationBuilder.CreateIndex(
                name: "ix_deal_funds_region_code_deal_id_month",
                table: "deal_funds",
                columns: new[] { "region_code", "deal_id", "month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_cash_outs_key",
                table: "cash_outs",
                column: "key");

            migrationBuilder.CreateIndex(
                name: "ix_cash_outs_region_code_key",
                table: "cash_outs",
                columns: new[] { "region_code", "key" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "fk_milestone_replans_projects",
                table: "milestone_replans",
                columns: new[] { "region_code", "project_id" },
                principalTable: "projects",
                principalColumns: new[] { "region_code", "id" },
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_monthly_reports_projects",
                table: "monthly_reports",
                columns: new[] { "region_code", "project_id" },
                principalTable: "projects",
                principalColumns: new[] { "region_code", "id" },
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_problem_supervision_steps_project_problems",
                table: "problem_supervision_steps",
                columns: new[] { "region_code", "problem_id" },
                principalTable: "project_problems",
                principalColumns: new[] { "region_code", "id" },
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_project_agreements_projects",
                table: "project_agreements",
                columns: new[] { "region_code", "project_id" },
                principalTable: "projects",
                principalColumns: new[] { "region_code", "id" },
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_project_attachment_contents_project_attachments",
                table: "project_attachment_contents",
                columns: new[] { "region_code", "attachment_id" },
                principalTable: "project_attachments",
                principalColumns: new[] { "region_code", "id" },
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_project_attachments_projects",
                table: "project_attachments",
                columns: new[] { "region_code", "project_id" },
                principalTable: "projects",
                principalColumns: new[] { "region_code", "id" },
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_project_milestones_projects",
                table: "project_milestones",
                columns: new[] { "region_code", "project_id" },
                principalTable: "projects",
                principalColumns: new[] { "region_code", "id" },
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_project_plans_projects",
                table: "project_plans",
                columns: new[] { "region_code", "project_id" },
                principalTable: "projects",
                principalColumns: new[] { "region_code", "id" },
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_project_problems_projects",
                table: "project_problems",
                columns: new[] { "region_code", "project_id" },
                principalTable: "projects",
                principalColumns: new[] { "region_code", "id" },
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_project_status_changes_projects",
                table: "project_status_changes",
                columns: new[] { "region_code", "project_id" },
                principalTable: "projects",
                principalColumns: new[] { "region_code", "id" },
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_milestone_replans_projects",
                table: "milestone_replans");

            migrationBuilder.DropForeignKey(
                name: "fk_monthly_reports_projects",
                table: "monthly_reports");

            migrationBuilder.DropForeignKey(
                name: "fk_problem_supervision_steps_project_problems",
                table: "problem_supervision_steps");

            migrationBuilder.DropForeignKey(
                name: "fk_project_agreements_projects",
                table: "project_agreements");

            migrationBuilder.DropForeignKey(
                name: "fk_project_attachment_contents_project_attachments",
                table: "project_attachment_contents");

            migrationBuilder.DropForeignKey(
                name: "fk_project_attachments_projects",
                table: "project_attachments");

            migrationBuilder.DropForeignKey(
                name: "fk_project_milestones_projects",
                table: "project_milestones");

            migrationBuilder.DropForeignKey(
                name: "fk_project_plans_projects",
                table: "project_plans");

            migrationBuilder.DropForeignKey(
                name: "fk_project_problems_projects",
                table: "project_problems");

            migrationBuilder.DropForeignKey(
                name: "fk_project_status_changes_projects",
                table: "project_status_changes");

            migrationBuilder.DropPrimaryKey(
                name: "pk_visits",
                table: "visits");

            migrationBuilder.DropIndex(
                name: "ix_visits_key",
                table: "visits");

            migrationBuilder.DropIndex(
                name: "ix_visits_region_code_key",
                table: "visits");

            migrationBuilder.DropPrimaryKey(
                name: "pk_targets",
                table: "targets");

            migrationBuilder.DropIndex(
                name: "ix_targets_code_key",
                table: "targets");

            migrationBuilder.DropIndex(
                name: "ix_targets_key",
                table: "targets");

            migrationBuilder.DropIndex(
                name: "ix_targets_region_code_code_key",
                table: "targets");

            migrationBuilder.DropIndex(
                name: "ix_targets_region_code_key",
                table: "targets");

            migrationBuilder.DropPrimaryKey(
                name: "pk_projects",
                table: "projects");

            migrationBuilder.DropPrimaryKey(
                name: "pk_project_status_changes",
                table: "project_status_changes");

            migrationBuilder.DropPrimaryKey(
                name: "pk_project_problems",
                table: "project_problems");

            migrationBuilder.DropPrimaryKey(
                name: "pk_project_plans",
                table: "project_plans");

            migrationBuilder.DropPrimaryKey(
                name: "pk_project_milestones",
                table: "project_milestones");

            migrationBuilder.DropPrimaryKey(
                name: "pk_project_attachments",
                table: "project_attachments");

            migrationBuilder.DropPrimaryKey(
                name: "pk_project_attachment_contents",
                table: "project_attachment_contents");

            migrationBuilder.DropPrimaryKey(
                name: "pk_project_agreements",
                table: "project_agreements");

            migrationBuilder.DropPrimaryKey(
                name: "pk_problem_supervision_steps",
                table: "problem_supervision_steps");

            migrationBuilder.DropPrimaryKey(
                name: "pk_observations",
                table: "observations");

            migrationBuilder.DropPrimaryKey(
                name: "pk_monthly_reports",
                table: "monthly_reports");

            migrationBuilder.DropPrimaryKey(
                name: "pk_milestone_replans",
                table: "milestone_replans");

            migrationBuilder.DropPrimaryKey(
                name: "pk_enterprises",
                table: "enterprises");

            migrationBuilder.DropIndex(
                name: "ix_enterprises_credit_code",
                table: "enterprises");

            migrationBuilder.DropIndex(
                name: "ix_enterprises_region_code_credit_code",
                table: "enterprises");

            migrationBuilder.DropPrimaryKey(
                name: "pk_enterprise_requests",
                table: "enterprise_requests");

            migrationBuilder.DropIndex(
                name: "ix_enterprise_requests_code_key",
                table: "enterprise_requests");

            migrationBuilder.DropIndex(
                name: "ix_enterprise_requests_key",
                table: "enterprise_requests");

            migrationBuilder.DropIndex(
                name: "ix_enterprise_requests_region_code_code_key",
                table: "enterprise_requests");

            migrationBuilder.DropIndex(
                name: "ix_enterprise_requests_region_code_key",
                table: "enterprise_requests");

            migrationBuilder.DropPrimaryKey(
                name: "pk_deals",
                table: "deals");

            migrationBuilder.DropIndex(
                name: "ix_deals_code",
                table: "deals");

            migrationBuilder.DropIndex(
                name: "ix_deals_code_key",
                table: "deals");

            migrationBuilder.DropIndex(
                name: "ix_deals_region_code_code",
                table: "deals");

            migrationBuilder.DropIndex(
                name: "ix_deals_region_code_code_key",
                table: "deals");

            migrationBuilder.DropPrimaryKey(
                name: "pk_deal_milestones",
                table: "deal_milestones");

            migrationBuilder.DropIndex(
                name: "ix_deal_milestones_deal_id_kind",
                table: "deal_milestones");

            migrationBuilder.DropIndex(
                name: "ix_deal_milestones_region_code_deal_id_kind",
                table: "deal_milestones");

            migrationBuilder.DropPrimaryKey(
                name: "pk_deal_funds",
                table: "deal_funds");

            migrationBuilder.DropIndex(
                name: "ix_deal_funds_deal_id_month",
                table: "deal_funds");

            migrationBuilder.DropIndex(
                name: "ix_deal_funds_region_code_deal_id_month",
                table: "deal_funds");

            migrationBuilder.DropPrimaryKey(
                name: "pk_closed_months",
                table: "closed_months");

            migrationBuilder.DropPrimaryKey(
                name: "pk_cash_outs",
                table: "cash_outs");

            migrationBuilder.DropIndex(
                name: "ix_cash_outs_key",
                table: "cash_outs");

            migrationBuilder.DropIndex(
                name: "ix_cash_outs_region_code_key",
                table: "cash_outs");

            migrationBuilder.AddPrimaryKey(
                name: "pk_visits",
                table: "visits",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_targets",
                table: "targets",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_projects",
                table: "projects",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_project_status_changes",
                table: "project_status_changes",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_project_problems",
                table: "project_problems",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_project_plans",
                table: "project_plans",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_project_milestones",
                table: "project_milestones",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_project_attachments",
                table: "project_attachments",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_project_attachment_contents",
                table: "project_attachment_contents",
                column: "attachment_id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_project_agreements",
                table: "project_agreements",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_problem_supervision_steps",
                table: "problem_supervision_steps",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_observations",
                table: "observations",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_monthly_reports",
                table: "monthly_reports",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_milestone_replans",
                table: "milestone_replans",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_enterprises",
                table: "enterprises",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_enterprise_requests",
                table: "enterprise_requests",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_deals",
                table: "deals",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_deal_milestones",
                table: "deal_milestones",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_deal_funds",
                table: "deal_funds",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_closed_months",
                table: "closed_months",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_cash_outs",
                table: "cash_outs",
                column: "id");

            migrationBuilder.CreateIndex(
                name: "ix_visits_key",
                table: "visits",
                column: "key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_targets_code_key",
                table: "targets",
                column: "code_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_targets_key",
                table: "targets",
                column: "key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_enterprises_credit_code",
                table: "enterprises",
                column: "credit_code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_enterprise_requests_code_key",
                table: "enterprise_requests",
                column: "code_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_enterprise_requests_key",
                table: "enterprise_requests",
                column: "key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_deals_code",
                table: "deals",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_deals_code_key",
                table: "deals",
                column: "code_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_deal_milestones_deal_id_kind",
                table: "deal_milestones",
                columns: new[] { "deal_id", "kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_deal_funds_deal_id_month",
                table: "deal_funds",
                columns: new[] { "deal_id", "month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_cash_outs_key",
                table: "cash_outs",
                column: "key",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "fk_milestone_replans_projects",
                table: "milestone_replans",
                column: "project_id",
                principalTable: "projects",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_monthly_reports_projects",
                table: "monthly_reports",
                column: "project_id",
                principalTable: "projects",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_problem_supervision_steps_project_problems",
                table: "problem_supervision_steps",
                column: "problem_id",
                principalTable: "project_problems",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_project_agreements_projects",
                table: "project_agreements",
                column: "project_id",
                principalTable: "projects",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_project_attachment_contents_project_attachments",
                table: "project_attachment_contents",
                column: "attachment_id",
                principalTable: "project_attachments",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_project_attachments_projects",
                table: "project_attachments",
                column: "project_id",
                principalTable: "projects",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_project_milestones_projects",
                table: "project_milestones",
                column: "project_id",
                principalTable: "projects",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_project_plans_projects",
                table: "project_plans",
                column: "project_id",
                principalTable: "projects",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_project_problems_projects",
                table: "project_problems",
                column: "project_id",
                principalTable: "projects",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_project_status_changes_projects",
                table: "project_status_changes",
                column: "project_id",
                principalTable: "projects",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
