using Microsoft.EntityFrameworkCore.Migrations;

namespace Baiqiang.Storage.Migrations.Data;

/// <summary>
/// Hand-written part of migration <c>CitusKeys</c> (PostgreSQL only), run before its generated steps: every child row
/// takes its parent's <c>region_code</c>, so the new foreign keys <c>(region_code, parent_id)</c> → <c>(region_code, id)</c>
/// hold for rows stored before (every child already carried a region, copied from its parent when written; this only
/// repairs a row that disagrees). Parents before their children: problems before their 督办 steps, attachments before
/// their contents.
/// </summary>
internal static class CitusKeysData
{
    private static readonly (string Child, string ParentId, string Parent)[] Children =
    [
        ("project_plans", "project_id", "projects"),
        ("project_status_changes", "project_id", "projects"),
        ("project_milestones", "project_id", "projects"),
        ("project_agreements", "project_id", "projects"),
        ("milestone_replans", "project_id", "projects"),
        ("monthly_reports", "project_id", "projects"),
        ("project_problems", "project_id", "projects"),
        ("project_attachments", "project_id", "projects"),
        ("problem_supervision_steps", "problem_id", "project_problems"),
        ("project_attachment_contents", "attachment_id", "project_attachments"),
    ];

    public static void Up(MigrationBuilder migrationBuilder)
    {
        foreach (var (child, parentId, parent) in Children)
        {
            migrationBuilder.Sql(
                $"UPDATE {child} AS c SET region_code = p.region_code FROM {parent} AS p WHERE p.id = c.{parentId} AND c.region_code <> p.region_code;");
        }
    }
}
