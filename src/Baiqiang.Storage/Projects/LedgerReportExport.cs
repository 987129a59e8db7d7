using System.Globalization;
using System.Text;
using Baiqiang.Core.Projects;
using Baiqiang.Storage.Export;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Baiqiang.Storage.Projects;

/// <summary>
/// A project's 前期手续 for the ledger export: its current status and its 前期手续 steps (立项, 用地 … as
/// <see cref="MilestoneKind.Preliminary"/> milestones, by step name).
/// </summary>
public sealed record ProjectPreliminary(ProjectStatus Status, IReadOnlyDictionary<string, Milestone> Steps);

/// <summary>
/// How the ledger export is written: the 前期手续 of each project by code (<see cref="LedgerReportExport.PreliminaryAsync"/>;
/// null leaves those columns empty), the day a step is judged overdue on, and English headers and words.
/// </summary>
public sealed record LedgerExportOptions(IReadOnlyDictionary<string, ProjectPreliminary>? Preliminary = null, DateOnly Today = default, bool English = false);

/// <summary>Writes consolidated ledger rows (<see cref="LedgerReport"/>) as CSV or XLSX: one row per group and a 合计 row per grouping.</summary>
/// <remarks>Money columns are 万元; percentages are rounded to 2 decimals (half away from zero); 计算式 shows how completion was computed;
/// 亮灯 is 绿/黄/红/无 and 亮灯原因 says why in words (both empty when the ledger was consolidated without thresholds).
/// The 前期手续 columns (<c>立项状态</c> … <c>施工许可状态</c> and the summary <c>前期手续</c>) are filled on project rows only (a group row has
/// no single status): 已办结 2022-03-01, 计划2022-09-30, 逾期(计划2022-05-31) — overdue by Core's rule for 前期手续 as of
/// <see cref="LedgerExportOptions.Today"/> (past its date, or not done once construction started) — or empty when the step is
/// not tracked; the summary counts the tracked steps done and overdue. With <see cref="LedgerExportOptions.English"/> the headers
/// (<see cref="ColumnsEn"/>) and the words (合计, statuses, 是/否, lights and their reasons, step states) are English.</remarks>
public static class LedgerReportExport
{
    /// <summary>The 前期手续 columns at the end of a row: one per step and the summary.</summary>
    private static readonly int PreliminaryStepCount = PreliminarySteps.Names.Count + 1;

    /// <summary>The Chinese headers (the default).</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "分组方式", "分组", "名称", "项目数", "状态分布", "总投资(万元)", "年度计划投资(万元)", "本期完成投资(万元)", "累计完成投资(万元)",
        "占年度计划%", "时间进度%", "差距(百分点)", "时间过半任务过半", "新开工", "竣工", "计算式", "亮灯", "亮灯原因",
        .. PreliminarySteps.Names.Select(n => n + "状态"), "前期手续",
    ];

    /// <summary>The English headers (<c>--lang en</c>), column for column with <see cref="Columns"/>.</summary>
    public static IReadOnlyList<string> ColumnsEn { get; } =
    [
        "grouping", "group", "name", "projects", "by status", "total investment (10k yuan)", "annual plan (10k yuan)", "done in period (10k yuan)",
        "done this year (10k yuan)", "% of plan", "time elapsed %", "gap (points)", "on track", "new starts", "completions", "formula", "light", "light reason",
        .. PreliminarySteps.Names.Select(n => PreliminarySteps.En(n) + " status"), "pre-construction procedures",
    ];

    /// <summary>The headers in the language of <paramref name="english"/>.</summary>
    public static IReadOnlyList<string> Headers(bool english) => english ? ColumnsEn : Columns;

    /// <summary>
    /// The 前期手续 steps of every project (or those in scope of <paramref name="region"/>) that tracks any, by project code,
    /// with the project's current status (which Core's overdue rule for 前期手续 needs).
    /// </summary>
    public static async Task<Dictionary<string, ProjectPreliminary>> PreliminaryAsync(BaiqiangDbContext db, Core.Regions.RegionCode? region, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var steps = (await db.Set<ProjectMilestoneEntity>().AsNoTracking().Where(m => m.Kind == MilestoneKind.Preliminary).ToListAsync(ct))
            .Where(m => ProjectStore.InScope(m.RegionCode, region)).ToList();
        var ids = steps.Select(m => m.ProjectId).Distinct().ToList();
        var statuses = new Dictionary<long, ProjectStatus>();
        foreach (var chunk in ids.Chunk(5000))
        {
            var list = chunk.ToList();
            foreach (var s in await db.Projects.AsNoTracking().Where(p => list.Contains(p.Id)).Select(p => new { p.Id, p.Status }).ToListAsync(ct))
            {
                statuses[s.Id] = s.Status;
            }
        }

        return steps.GroupBy(m => (m.ProjectCode, m.ProjectId)).ToDictionary(
            g => g.Key.ProjectCode,
            g => new ProjectPreliminary(
                statuses.GetValueOrDefault(g.Key.ProjectId),
                g.GroupBy(m => m.Name, StringComparer.Ordinal).ToDictionary(
                    n => n.Key, n => n.Select(m => new Milestone(m.Name, m.Deadline, m.CompletedOn) { Kind = m.Kind }).First(), StringComparer.Ordinal)),
            StringComparer.Ordinal);
    }

    /// <summary>The cells of every row of <paramref name="reports"/> (groups, then 合计), named by <paramref name="label"/>.</summary>
    public static List<object?[]> Cells(IEnumerable<LedgerReport> reports, Func<LedgerGrouping, LedgerRow, string> label, LedgerExportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(label);
        var o = options ?? new LedgerExportOptions();
        var en = o.English;
        var result = new List<object?[]>();
        foreach (var report in reports)
        {
            foreach (var (r, isTotal) in report.Rows.Select(r => (r, false)).Append((report.Total, true)))
            {
                result.Add(
                [
                    report.GroupBy.ToString().ToLowerInvariant(), r.GroupKey, isTotal ? (en ? "Total" : "合计") : label(report.GroupBy, r),
                    r.ProjectCount, string.Join(";", r.CountByStatus.OrderBy(k => k.Key).Select(k => en ? $"{k.Key} {k.Value}" : $"{ProjectText.Name(k.Key)}{k.Value}")),
                    Import.ImportText.Trim(r.TotalInvestment), Import.ImportText.Trim(r.AnnualPlan), Import.ImportText.Trim(r.CompletedInPeriod),
                    Import.ImportText.Trim(r.CompletedYearToDate), Round(r.CompletionPercent), Round(r.TimeElapsedPercent), Round(r.GapPoints),
                    r.OnTrack ? (en ? "yes" : "是") : (en ? "no" : "否"), r.NewStarts, r.Completions, r.Formula,
                    r.Light is { } l ? (en ? ProjectLights.En(l.Color) : l.ColorZh) : null, en ? r.Light?.Reason.En : r.Light?.Reason.Zh,
                    .. isTotal || report.GroupBy != LedgerGrouping.Project ? new string?[PreliminaryStepCount] : PreliminaryCells(r.GroupKey, o),
                ]);
            }
        }

        return result;
    }

    /// <summary>The 前期手续 headers (one per step, then the summary) in the language of <paramref name="english"/>.</summary>
    public static IReadOnlyList<string> PreliminaryColumns(bool english) => [.. Headers(english).TakeLast(PreliminaryStepCount)];

    /// <summary>
    /// The 前期手续 cells of project <paramref name="code"/> (one per step, then the summary), as the export writes them; all
    /// null when the project tracks no step (or <see cref="LedgerExportOptions.Preliminary"/> is null).
    /// </summary>
    public static string?[] PreliminaryCells(string code, LedgerExportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Preliminary is not { } all || !all.TryGetValue(code, out var p))
        {
            return new string?[PreliminaryStepCount];
        }

        return
        [
            .. PreliminarySteps.Names.Select(n => p.Steps.TryGetValue(n, out var m) ? StepText(m, p.Status, options.Today, options.English) : null),
            Summary(p, options.Today, options.English),
        ];
    }

    /// <summary>已办结 2022-03-01 / 计划2022-09-30 / 逾期(计划2022-05-31), or in English done / planned / overdue (planned …).</summary>
    public static string StepText(Milestone step, ProjectStatus status, DateOnly today, bool english)
    {
        ArgumentNullException.ThrowIfNull(step);
        var planned = step.Deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (step.CompletedOn is { } done)
        {
            var d = done.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            return english ? "done " + d : "已办结 " + d;
        }

        return step.IsOverdue(today, status)
            ? (english ? $"overdue (planned {planned})" : $"逾期(计划{planned})")
            : (english ? "planned " + planned : "计划" + planned);
    }

    /// <summary>已办结4/6项,逾期1项 (of the tracked steps) / 4 of 6 done, 1 overdue.</summary>
    private static string Summary(ProjectPreliminary p, DateOnly today, bool english)
    {
        var tracked = p.Steps.Values.Where(m => PreliminarySteps.Resolve(m.Name) is not null).ToList();
        var done = tracked.Count(m => m.CompletedOn is not null);
        var overdue = tracked.Count(m => m.IsOverdue(today, p.Status));
        return english
            ? string.Create(CultureInfo.InvariantCulture, $"{done} of {tracked.Count} done, {overdue} overdue")
            : string.Create(CultureInfo.InvariantCulture, $"已办结{done}/{tracked.Count}项,逾期{overdue}项");
    }

    public static Task WriteCsvAsync(Stream stream, List<object?[]> cells, CancellationToken ct) => WriteCsvAsync(stream, cells, english: false, ct);

    /// <summary>The cells as CSV under the headers of <paramref name="english"/> (<see cref="Headers"/>).</summary>
    public static async Task WriteCsvAsync(Stream stream, List<object?[]> cells, bool english, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(cells);
        var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(Csv(Headers(english), cells).ToString());
        await stream.WriteAsync(bytes, ct).ConfigureAwait(false);
    }

    /// <summary>A header row of <paramref name="columns"/> and one CRLF line per row of <paramref name="cells"/>: numbers invariant, text quoted as needed.</summary>
    internal static StringBuilder Csv(IReadOnlyList<string> columns, List<object?[]> cells)
    {
        var sb = new StringBuilder();
        sb.AppendJoin(',', columns).Append("\r\n");
        foreach (var c in cells)
        {
            for (var i = 0; i < c.Length; i++)
            {
                if (i > 0)
                {
                    sb.Append(',');
                }

                _ = c[i] switch
                {
                    null => sb,
                    IFormattable f => ObservationExporter.Number(sb, f.ToString(null, CultureInfo.InvariantCulture)),
                    var other => ObservationExporter.Field(sb, other.ToString()),
                };
            }

            sb.Append("\r\n");
        }

        return sb;
    }

    public static Task WriteXlsxAsync(Stream stream, List<object?[]> cells, CancellationToken ct) => WriteXlsxAsync(stream, cells, english: false, ct);

    /// <summary>The cells as one XLSX sheet under the headers of <paramref name="english"/> (<see cref="Headers"/>).</summary>
    public static async Task WriteXlsxAsync(Stream stream, List<object?[]> cells, bool english, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var headers = Headers(english);
        var sheet = cells.Select(c => headers.Select((h, i) => (h, c[i])).ToDictionary(k => k.h, k => k.Item2, StringComparer.Ordinal));
        await MiniExcel.SaveAsAsync(stream, sheet, sheetName: english ? "Ledger" : "台账汇总", excelType: ExcelType.XLSX, cancellationToken: ct).ConfigureAwait(false);
    }

    private static decimal? Round(decimal? v) => v is { } x ? Import.ImportText.Trim(Math.Round(x, 2, MidpointRounding.AwayFromZero)) : null;
}
