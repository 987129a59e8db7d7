using Baiqiang.Core.Access;
using Baiqiang.Core.Projects;
using Baiqiang.Core.Regions;
using Baiqiang.Core.Text;
using Microsoft.EntityFrameworkCore;
using static Baiqiang.Storage.Projects.ProjectFileImporter;

namespace Baiqiang.Storage.Projects;

/// <summary>The monthly-form half of <see cref="ProjectFileImporter"/>: validates every row, then stores all reports in one save.</summary>
internal static class FormImport
{
    public static async Task<ProjectImportResult> RunAsync(BaiqiangDbContext db, Sheet sheet, ProjectImportOptions options, Actor actor, Errors errors, CancellationToken ct)
    {
        var kind = ProjectFileKind.Form;
        if (!sheet.Has(SheetColumn.ReportMonth) && options.Period is null)
        {
            errors.Add(1, null, new Bilingual("月报表需要“填报月份”列或 --period 参数", "a monthly form needs a 填报月份 (report month) column or a --period option"));
            return errors.Result(kind, sheet.Rows.Count);
        }

        if (!sheet.Has(SheetColumn.ThisMonth) && !sheet.Has(SheetColumn.Cumulative))
        {
            errors.Add(1, null, new Bilingual("月报表缺少“本月完成投资”和“1-N月累计完成投资”列", "a monthly form needs a 本月完成投资 or a 1-N月累计完成投资 column"));
            return errors.Result(kind, sheet.Rows.Count);
        }

        var (byCode, byName) = await LoadInfoAsync(db, ct);

        // A row without 项目编号 is matched by name within 所属地区, which may be a region's name: the names are loaded only then.
        var lookups = sheet.Has(SheetColumn.Region) && sheet.Rows.Any(r => sheet.Cell(r.Cells, SheetColumn.Code).Length == 0
                && sheet.Cell(r.Cells, SheetColumn.Region) is { Length: > 0 } t && !RegionCode.TryParse(t, out _))
            ? await Lookups.StoreLookups.LoadAsync(db, ct)
            : null;
        var spanMonth = sheet.Header(SheetColumn.Cumulative)?.SpanLastMonth;

        // Pass 1: parse each row.
        var parsed = new List<Parsed>(sheet.Rows.Count);
        var skipped = 0;
        foreach (var (row, cells) in sheet.Rows)
        {
            var before = errors.Count;
            var p = Match(sheet, cells, row, byCode, byName, errors, reportMissing: true, lookups);
            ReportingMonth month = default;
            if (sheet.Has(SheetColumn.ReportMonth) && sheet.Cell(cells, SheetColumn.ReportMonth) is { Length: > 0 } mt)
            {
                var m = ParseMonth(mt);
                if (m.Error is { } e)
                {
                    errors.Add(row, sheet.HeaderText(SheetColumn.ReportMonth), e);
                }
                else
                {
                    month = m.Value;
                }
            }
            else if (options.Period is { } period)
            {
                month = new ReportingMonth(period.Year, period.LastMonth);
            }
            else
            {
                errors.Add(row, sheet.HeaderText(SheetColumn.ReportMonth), new Bilingual("填报月份为空", "the report month is empty"));
            }

            if (month != default && spanMonth is { } n && n != month.Month)
            {
                errors.Add(row, sheet.HeaderText(SheetColumn.Cumulative), new Bilingual(
                    $"表头为1-{n}月累计,但填报月份为{month}", $"the header is cumulative to month {n} but the report month is {month}"));
            }

            var thisMonth = sheet.Has(SheetColumn.ThisMonth) ? sheet.Money(cells, SheetColumn.ThisMonth, row, errors) : null;
            var cumulative = sheet.Has(SheetColumn.Cumulative) ? sheet.Money(cells, SheetColumn.Cumulative, row, errors) : null;

            // Informational columns are still checked, so a bad cell is reported rather than silently ignored.
            foreach (var c in new[] { SheetColumn.TotalInvestment, SheetColumn.AnnualPlan })
            {
                if (sheet.Has(c))
                {
                    _ = sheet.Money(cells, c, row, errors);
                }
            }

            foreach (var c in new[] { SheetColumn.Start, SheetColumn.Finish })
            {
                if (sheet.Has(c))
                {
                    _ = sheet.Date(cells, c, row, errors);
                }
            }

            if (errors.Count > before || p is null)
            {
                continue;
            }

            if (thisMonth is null && cumulative is null)
            {
                skipped++;
                continue;
            }

            if (!actor.CanEdit(p.Region, p.LeadDepartment))
            {
                errors.Refuse(row, sheet.HeaderText(SheetColumn.Code), new Bilingual(
                    $"用户“{actor.Name}”无权填报{p.Region}的项目{p.Code}", $"user '{actor.Name}' may not report for project {p.Code} of {p.Region}"));
                continue;
            }

            if (options.Approve && !actor.CanReview(p.Region))
            {
                errors.Refuse(row, sheet.HeaderText(SheetColumn.Code), new Bilingual(
                    $"用户“{actor.Name}”无权审核{p.Region}的报表", $"user '{actor.Name}' may not approve reports of {p.Region}"));
                continue;
            }

            var problems = ProjectFileImporter.SplitList(sheet.Cell(cells, SheetColumn.Problems).Replace('\n', '；'));
            parsed.Add(new Parsed(row, p, month, thisMonth, cumulative, sheet.Cell(cells, SheetColumn.Progress), problems));
        }

        if (errors.Count > 0)
        {
            return errors.Result(kind, sheet.Rows.Count);
        }

        if (parsed.Count == 0)
        {
            return new ProjectImportResult(kind, sheet.Rows.Count, [], 0, 0, 0, skipped);
        }

        // Pass 2: check against the store (closed months, previous cumulatives, existing reports).
        var months = parsed.Select(p => p.Month).Distinct().ToList();
        var closed = (await db.ClosedMonths.AsNoTracking().Select(c => new { c.RegionCode, c.Year, c.Month }).ToListAsync(ct))
            .Select(c => (c.RegionCode, new ReportingMonth(c.Year, c.Month))).ToHashSet();
        var years = months.Select(m => m.Year).Distinct().ToList();
        var monthKeys = months.Select(m => (m.Year * 100) + m.Month).ToList();
        var ids = parsed.Select(p => p.Project.Id).ToHashSet();

        // Cumulatives of approved months, read only; the rows of the form's own months are tracked (edited, approved or superseded).
        var approvedRows = await db.MonthlyReports.AsNoTracking().Where(r => r.IsCurrent && years.Contains(r.Year))
            .Select(r => new { r.ProjectId, r.Year, r.Month, r.CumulativeThisYear }).ToListAsync(ct);
        var sameMonths = await db.MonthlyReports.Where(r => monthKeys.Contains((r.Year * 100) + r.Month)).ToListAsync(ct);
        var current = sameMonths.Where(r => r.IsCurrent && ids.Contains(r.ProjectId)).ToList();
        var latestOf = sameMonths.Where(r => ids.Contains(r.ProjectId))
            .GroupBy(r => (r.ProjectId, r.Year, r.Month))
            .ToDictionary(g => g.Key, g => g.MaxBy(r => r.Revision)!);
        // The first stored month of each project-year (any state): a first report of the year may carry an opening balance.
        var firstStored = (await db.MonthlyReports.AsNoTracking().Where(r => years.Contains(r.Year))
                .GroupBy(r => new { r.ProjectId, r.Year }).Select(g => new { g.Key.ProjectId, g.Key.Year, First = g.Min(r => r.Month) }).ToListAsync(ct))
            .Where(x => ids.Contains(x.ProjectId)).ToDictionary(x => (x.ProjectId, x.Year), x => x.First);
        var currentCumulative = approvedRows.Where(r => ids.Contains(r.ProjectId)).GroupBy(r => (r.ProjectId, r.Year))
            .ToDictionary(g => g.Key, g => g.OrderBy(r => r.Month).Select(r => (r.Month, r.CumulativeThisYear)).ToList());

        var seen = new HashSet<(long, ReportingMonth)>();
        var fromFile = new Dictionary<(long, int), List<(int Month, decimal Cumulative)>>();
        var toAdd = new List<MonthlyReportEntity>();
        var toApprove = new List<MonthlyReportEntity>();
        var updated = 0;
        var unchanged = 0;
        foreach (var r in parsed.OrderBy(p => p.Month).ThenBy(p => p.Row))
        {
            var p = r.Project;
            var cumulativeHeader = sheet.Has(SheetColumn.Cumulative) ? sheet.HeaderText(SheetColumn.Cumulative) : sheet.HeaderText(SheetColumn.ThisMonth);
            if (!seen.Add((p.Id, r.Month)))
            {
                errors.Add(r.Row, sheet.HeaderText(SheetColumn.Code), new Bilingual($"项目{p.Code}在{r.Month}重复出现", $"project {p.Code} appears twice for {r.Month}"));
                continue;
            }

            if (closed.Contains((p.Region, r.Month)))
            {
                errors.Add(r.Row, sheet.Has(SheetColumn.ReportMonth) ? sheet.HeaderText(SheetColumn.ReportMonth) : cumulativeHeader, new Bilingual(
                    $"{p.Region}的{r.Month}已关账,不能再填报;请用更正生成新版本", $"{r.Month} is closed for {p.Region}; corrections only, as a new revision"));
                continue;
            }

            var previous = Previous(currentCumulative, fromFile, p.Id, r.Month, options.Approve);
            var thisMonth = r.ThisMonth ?? (r.Cumulative!.Value - previous);
            var cumulative = r.Cumulative ?? (previous + r.ThisMonth!.Value);
            if (r.Month.Month == 1)
            {
                previous = 0;
            }

            // 期初累计: the project's first report of the year (nothing stored or earlier in the file) with both figures given.
            var hasEarlier = (firstStored.TryGetValue((p.Id, r.Month.Year), out var first) && first < r.Month.Month)
                || (fromFile.TryGetValue((p.Id, r.Month.Year), out var earlier) && earlier.Exists(e => e.Month < r.Month.Month));
            var opening = r.ThisMonth is not null && r.Cumulative is not null
                ? MonthlyReport.OpeningFor(r.Month.Month, thisMonth, cumulative, hasEarlier) : null;
            if (opening is { } o)
            {
                previous = o;
            }

            if (MonthlyReport.ValidateFigures(thisMonth, cumulative, previous) is { } figureError)
            {
                var column = cumulative < previous || !sheet.Has(SheetColumn.ThisMonth) ? cumulativeHeader : sheet.HeaderText(SheetColumn.ThisMonth);
                errors.Add(r.Row, column, figureError);
                continue;
            }

            var domain = MonthlyReport.Create(p.Code, r.Month.Year, r.Month.Month, thisMonth, cumulative, previous, new ProjectLedgerCalendar(), r.Progress, r.Problems,
                opening is not null);
            if (latestOf.TryGetValue((p.Id, r.Month.Year, r.Month.Month), out var existing))
            {
                if (existing.CompletedThisMonth == thisMonth && existing.CumulativeThisYear == cumulative && existing.Progress == domain.Progress
                    && existing.State is ReportState.Submitted or ReportState.Approved)
                {
                    if (options.Approve && existing.State == ReportState.Submitted)
                    {
                        Approve(existing, actor);
                        toApprove.Add(existing);
                        updated++;
                    }
                    else
                    {
                        unchanged++;
                    }

                    Remember(fromFile, p.Id, r.Month, cumulative);
                    continue;
                }

                if (existing.State is ReportState.Submitted or ReportState.Approved)
                {
                    errors.Add(r.Row, cumulativeHeader, new Bilingual(
                        $"项目{p.Code}的{r.Month}月报已{ProjectText.Name(existing.State)},不能用导入覆盖;请先退回,或关账后更正",
                        $"the {r.Month} report of {p.Code} is already {existing.State} and cannot be overwritten by an import; return it first, or correct it after closing"));
                    continue;
                }

                var old = ReportMapping.ToReport(existing);
                old.Edit(new ProjectLedgerCalendar(), thisMonth, cumulative, previous, r.Progress, r.Problems, opening is not null);
                old.Submit(new ProjectLedgerCalendar());
                ReportMapping.CopyFigures(old, existing);
                ReportMapping.CopyState(old, existing);
                if (options.Approve)
                {
                    Approve(existing, actor);
                    toApprove.Add(existing);
                }

                updated++;
            }
            else
            {
                domain.Submit(new ProjectLedgerCalendar());
                var entity = ReportMapping.ToEntity(domain, new ProjectEntity { Id = p.Id, Code = p.Code, RegionCode = p.Region });
                if (options.Approve)
                {
                    Approve(entity, actor);
                    toApprove.Add(entity);
                }

                toAdd.Add(entity);
            }

            Remember(fromFile, p.Id, r.Month, cumulative);
        }

        if (errors.Count > 0 || options.DryRun)
        {
            db.ChangeTracker.Clear();
            return errors.Count > 0 ? errors.Result(kind, sheet.Rows.Count) : new ProjectImportResult(kind, sheet.Rows.Count, [], toAdd.Count, updated, unchanged, skipped);
        }

        var bulk = toAdd.Count >= MonthlyReportBulk.Threshold;
        if (!bulk)
        {
            db.MonthlyReports.AddRange(toAdd);
        }

        if (toApprove.Count > 0)
        {
            // Clear the previous current row of each approved project-month (a lower approved revision).
            var keys = toApprove.Select(a => (a.ProjectId, a.Year, a.Month)).ToHashSet();
            foreach (var c in current.Where(c => keys.Contains((c.ProjectId, c.Year, c.Month))))
            {
                c.IsCurrent = false;
            }

            foreach (var a in toApprove)
            {
                a.IsCurrent = true;
            }
        }

        if (bulk)
        {
            await MonthlyReportBulk.SaveAsync(db, toAdd, actor.Name, sheet.FileName, ct);
        }
        else
        {
            await ProjectStore.SaveAsync(db, actor, ct);
        }

        return new ProjectImportResult(kind, sheet.Rows.Count, [], toAdd.Count, updated, unchanged, skipped);
    }

    private static void Approve(MonthlyReportEntity e, Actor actor)
    {
        var d = ReportMapping.ToReport(e);
        d.Approve(actor.Name);
        ReportMapping.CopyState(d, e);
    }

    private static void Remember(Dictionary<(long, int), List<(int Month, decimal Cumulative)>> fromFile, long id, ReportingMonth month, decimal cumulative)
    {
        if (!fromFile.TryGetValue((id, month.Year), out var list))
        {
            list = [];
            fromFile[(id, month.Year)] = list;
        }

        list.Add((month.Month, cumulative));
    }

    /// <summary>Last month's cumulative: the latest current (approved) report before the month; with approval, rows of
    /// earlier months in the same file count too (they are approved in the same import).</summary>
    private static decimal Previous(
        Dictionary<(long, int), List<(int Month, decimal Cumulative)>> stored, Dictionary<(long, int), List<(int Month, decimal Cumulative)>> fromFile,
        long id, ReportingMonth month, bool approving)
    {
        var bestMonth = 0;
        var value = 0m;
        if (stored.TryGetValue((id, month.Year), out var s))
        {
            foreach (var (m, c) in s)
            {
                if (m < month.Month && m >= bestMonth)
                {
                    bestMonth = m;
                    value = c;
                }
            }
        }

        if (approving && fromFile.TryGetValue((id, month.Year), out var f))
        {
            foreach (var (m, c) in f)
            {
                if (m < month.Month && m >= bestMonth)
                {
                    bestMonth = m;
                    value = c;
                }
            }
        }

        return value;
    }

    private sealed record Parsed(int Row, ProjectInfo Project, ReportingMonth Month, decimal? ThisMonth, decimal? Cumulative, string Progress, string[] Problems);
}
