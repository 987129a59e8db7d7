using Baiqiang.Core.Periods;
using Baiqiang.Core.Projects;
using Baiqiang.Core.Regions;
using Microsoft.EntityFrameworkCore;

namespace Baiqiang.Storage.Projects;

/// <summary>A region's projects with their approved reports of a year and their problems, as Core's ledger and warnings take them.</summary>
public sealed record ProjectSnapshot(IReadOnlyList<Project> Projects, IReadOnlyList<MonthlyReport> ApprovedReports, IReadOnlyList<ProjectProblem> Problems);

/// <summary>Loads what the briefing's key-project section consolidates: full projects (milestones and agreements
/// included, for the warnings), only the current approved reports of the period's year, and the problems.</summary>
public static class ProjectSnapshotQuery
{
    public static async Task<ProjectSnapshot> LoadAsync(BaiqiangDbContext db, RegionCode region, StatPeriod period, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var projects = await ProjectStore.ListAsync(db, region, ct);
        if (projects.Count == 0)
        {
            return new ProjectSnapshot([], [], []);
        }

        var codes = projects.Select(p => p.Code).ToHashSet(StringComparer.Ordinal);
        var year = period.Year;
        var rows = await db.MonthlyReports.AsNoTracking()
            .Where(r => r.IsCurrent && r.Year == year && r.State == ReportState.Approved)
            .ToListAsync(ct);
        var reports = rows.Where(r => codes.Contains(r.ProjectCode)).Select(ReportMapping.ToReport).ToList();
        var problems = await ProjectStore.ProblemsAsync(db, region, ct);
        return new ProjectSnapshot(projects, reports, problems);
    }
}
