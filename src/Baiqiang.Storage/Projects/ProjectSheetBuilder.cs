using Baiqiang.Core.Periods;
using Baiqiang.Core.Projects;
using Baiqiang.Core.Regions;
using Microsoft.EntityFrameworkCore;

namespace Baiqiang.Storage.Projects;

/// <summary>Builds the rows of <see cref="ProjectSheet"/> from the store: the ledger as of a period, or a monthly form.</summary>
public static class ProjectSheetBuilder
{
    /// <summary>
    /// One row per project (in scope of <paramref name="region"/>), by code. The plan is the period's year; 本月 is the
    /// period's last month. For the ledger (<paramref name="form"/> false) the figures are the approved ones (累计 = the
    /// latest approved month ≤ the last month). For a form they are the latest revision of that month in any state, or
    /// blank when <paramref name="blank"/> or nothing was filled yet. 存在问题 lists the problems still open at the month's
    /// end (so open problems roll over into the next month's form), then the report's own.
    /// </summary>
    public static async Task<List<ProjectSheetRow>> BuildAsync(BaiqiangDbContext db, StatPeriod period, RegionCode? region, bool form, bool blank, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var projects = await ProjectStore.ListAsync(db, region, ct);
        var year = period.Year;
        var last = period.LastMonth;
        var reports = await db.MonthlyReports.AsNoTracking()
            .Where(r => r.Year == year && r.Month <= last && (r.IsCurrent || r.Month == last))
            .Select(r => new { r.ProjectCode, r.Month, r.Revision, r.IsCurrent, r.CompletedThisMonth, r.CumulativeThisYear, r.Progress, r.Problems })
            .ToListAsync(ct);
        var approved = reports.Where(r => r.IsCurrent).GroupBy(r => r.ProjectCode, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.MaxBy(r => r.Month)!, StringComparer.Ordinal);
        var latestOfMonth = reports.Where(r => r.Month == last).GroupBy(r => r.ProjectCode, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.MaxBy(r => r.Revision)!, StringComparer.Ordinal);
        var end = new ReportingMonth(year, last).End;
        var open = (await ProjectStore.ProblemsAsync(db, region, ct)).Where(q => q.IsOpenOn(end))
            .GroupBy(q => q.ProjectCode, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => string.Join("；", g.Select(q => $"{q.Description}({q.ResponsibleDepartment})")), StringComparer.Ordinal);

        var rows = new List<ProjectSheetRow>(projects.Count);
        foreach (var p in projects)
        {
            decimal? thisMonth = null;
            decimal? cumulative = null;
            var progress = string.Empty;
            var problems = string.Empty;
            if (!blank)
            {
                if (form)
                {
                    if (latestOfMonth.TryGetValue(p.Code, out var r))
                    {
                        (thisMonth, cumulative, progress, problems) = (r.CompletedThisMonth, r.CumulativeThisYear, r.Progress, r.Problems);
                    }
                }
                else if (approved.TryGetValue(p.Code, out var a))
                {
                    thisMonth = a.Month == last ? a.CompletedThisMonth : 0m;
                    cumulative = a.CumulativeThisYear;
                    (progress, problems) = (a.Progress, a.Problems);
                }
                else
                {
                    (thisMonth, cumulative) = (0m, 0m);
                }
            }

            var plan = p.AnnualPlanFor(year);
            var openText = open.GetValueOrDefault(p.Code, string.Empty);
            var allProblems = string.Join("；", new[] { openText, problems.Replace('\n', '；') }.Where(s => s.Length > 0));
            rows.Add(new ProjectSheetRow(
                p.Code, p.Name, p.Region.ToString(), p.OwnerEnterprise, p.ConstructionContent, p.TotalInvestment, year, plan,
                thisMonth, cumulative, cumulative is { } c && plan > 0 ? c / plan * 100m : null, progress, allProblems, p.Leader, p.LeadDepartment,
                p.PlannedStart, p.PlannedFinish, ProjectText.Name(p.Category), ProjectText.Name(p.Kind), p.IndustryChain ?? string.Empty,
                ProjectText.Name(p.Status), string.Join("、", p.Tags.Order(StringComparer.Ordinal)), string.Join("、", p.WorkGroup), p.WorkGroupName));
        }

        return rows;
    }
}
