using Baiqiang.Core.Periods;
using Baiqiang.Core.Regions;

namespace Baiqiang.Core.Projects;

/// <summary>How <see cref="Ledger.Consolidate(IEnumerable{Project}, IEnumerable{MonthlyReport}, StatPeriod, LedgerGrouping)"/> groups projects.</summary>
public enum LedgerGrouping
{
    /// <summary>One row per project (key: code, label: name).</summary>
    Project = 1,

    /// <summary>By <see cref="Projects.Project.Region"/> (key and label: the region code).</summary>
    Region = 2,

    /// <summary>By 牵头部门.</summary>
    Department = 3,

    /// <summary>By 挂点领导.</summary>
    Leader = 4,

    /// <summary>By <see cref="ProjectCategory"/> (label: Chinese name).</summary>
    Category = 5,

    /// <summary>By 产业链 (projects without one form the group with key "").</summary>
    IndustryChain = 6,

    /// <summary>By tag; a project with several tags counts in each (projects without tags form the group with key "").</summary>
    Tag = 7,

    /// <summary>By <see cref="ProjectKind"/> (label: Chinese name).</summary>
    Kind = 8,

    /// <summary>By 工作推进组 (<see cref="Projects.Project.WorkGroupName"/>; projects without one form the group with key "").</summary>
    WorkGroup = 9,
}

/// <summary>One consolidated row of the ledger. Money in 万元.</summary>
/// <param name="GroupKey">The group's key (code, department, enum member name …; "" for "none").</param>
/// <param name="GroupLabel">What to print (project name, Chinese category name …).</param>
/// <param name="ProjectCount">Projects in the group.</param>
/// <param name="CountByStatus">Projects per current status (only statuses present).</param>
/// <param name="TotalInvestment">Sum of 总投资.</param>
/// <param name="AnnualPlan">Sum of the annual plans for the period's year.</param>
/// <param name="CompletedInPeriod">Investment completed within the period's months (for a span from January, equal to <paramref name="CompletedYearToDate"/>).</param>
/// <param name="CompletedYearToDate">Cumulative completed from January to the period's last month.</param>
/// <param name="CompletionPercent">CompletedYearToDate ÷ AnnualPlan × 100, unrounded; null when the plan is 0.</param>
/// <param name="TimeElapsedPercent">period.YearElapsedShare × 100.</param>
/// <param name="GapPoints">CompletionPercent − TimeElapsedPercent; null when the plan is 0.</param>
/// <param name="OnTrack">时间过半、任务过半: completion ≥ time elapsed (false when the plan is 0).</param>
/// <param name="NewStarts">Transitions to 开工 dated within the period.</param>
/// <param name="Completions">Transitions to 竣工 dated within the period.</param>
/// <param name="Formula">How completion was computed, e.g. "176.8亿元 ÷ 335.7亿元 = 52.67%".</param>
public sealed record LedgerRow(
    string GroupKey,
    string GroupLabel,
    int ProjectCount,
    IReadOnlyDictionary<ProjectStatus, int> CountByStatus,
    decimal TotalInvestment,
    decimal AnnualPlan,
    decimal CompletedInPeriod,
    decimal CompletedYearToDate,
    decimal? CompletionPercent,
    decimal TimeElapsedPercent,
    decimal? GapPoints,
    bool OnTrack,
    int NewStarts,
    int Completions,
    string Formula)
{
    /// <summary>亮灯 (序时进度) of the row, with its reason; null when the ledger was consolidated without thresholds.</summary>
    public ProjectLight? Light { get; init; }
}

/// <summary>The result of <see cref="Ledger.Consolidate(IEnumerable{Project}, IEnumerable{MonthlyReport}, StatPeriod, LedgerGrouping)"/>: the group rows (in group order) and the total over all projects (each once).</summary>
public sealed record LedgerReport(StatPeriod Period, LedgerGrouping GroupBy, IReadOnlyList<LedgerRow> Rows, LedgerRow Total)
{
    /// <summary>The row with <paramref name="groupKey"/>, or null.</summary>
    public LedgerRow? Row(string groupKey)
    {
        foreach (var r in Rows)
        {
            if (string.Equals(r.GroupKey, groupKey, StringComparison.Ordinal))
            {
                return r;
            }
        }

        return null;
    }
}

/// <summary>
/// One project's figures for one period, flat: what <see cref="Ledger"/> groups and sums. A store can compute these in
/// one pass over its rows (latest approved cumulative per project, plan of the year, transitions in the period) without
/// building <see cref="Project"/> and <see cref="MonthlyReport"/> values; <see cref="Ledger.Consolidate(IEnumerable{LedgerFigures}, StatPeriod, LedgerGrouping)"/>
/// then gives exactly the rows the full path gives. Money in 万元.
/// </summary>
/// <param name="Code">项目编号 (unique).</param>
/// <param name="Name">项目名称.</param>
/// <param name="Region">The project's region.</param>
/// <param name="Category">项目类别.</param>
/// <param name="IndustryChain">产业链, null when none.</param>
/// <param name="Kind">新开工/续建 ….</param>
/// <param name="LeadDepartment">牵头部门 ("" when none).</param>
/// <param name="Leader">挂点领导 ("" when none).</param>
/// <param name="Tags">Tags (a repeated tag counts once).</param>
/// <param name="Status">The project's current status.</param>
/// <param name="TotalInvestment">总投资.</param>
/// <param name="AnnualPlan">The annual plan for the period's year (0 when none).</param>
/// <param name="CompletedInPeriod">Completed within the period's months: cumulative at the last month − cumulative at the month before the first (0 for a span from January).</param>
/// <param name="CompletedYearToDate">Cumulative of the latest approved report of the year for a month ≤ the period's last month (0 when none).</param>
/// <param name="NewStarts">Transitions to 开工 dated within the period.</param>
/// <param name="Completions">Transitions to 竣工 dated within the period.</param>
/// <param name="WorkGroupName">工作推进组 ("" when none).</param>
/// <param name="RedFlags">Reasons that turn the project's light red whatever its progress (problems open past their deadline,
/// overdue milestones …; see <see cref="ProjectLights"/>); null or empty when none.</param>
public readonly record struct LedgerFigures(
    string Code,
    string Name,
    RegionCode Region,
    ProjectCategory Category,
    string? IndustryChain,
    ProjectKind Kind,
    string LeadDepartment,
    string Leader,
    IReadOnlyCollection<string> Tags,
    ProjectStatus Status,
    decimal TotalInvestment,
    decimal AnnualPlan,
    decimal CompletedInPeriod,
    decimal CompletedYearToDate,
    int NewStarts,
    int Completions,
    string WorkGroupName = "",
    IReadOnlyList<Text.Bilingual>? RedFlags = null);

/// <summary>
/// Consolidates the project ledger (台账汇总) for a statistical period.
/// </summary>
/// <remarks>
/// <para>Only reports in state 已审核 count; for each project-month the highest approved revision wins. A project's
/// cumulative at month m is the cumulative of its latest approved report in the period's year for a month ≤ m (0
/// when none) — so a project with no report for the last month contributes its latest earlier month.</para>
/// <para>Runs in one pass over reports and one over projects with dictionaries (100,000 projects × 12 reports well
/// under a second). Duplicate project codes throw <see cref="ArgumentException"/>; reports of unknown projects are ignored.</para>
/// <para>Both overloads go through the same per-project <see cref="LedgerFigures"/>: the <see cref="Project"/> overload
/// computes them with <see cref="Figures"/>, a store's light path reads them flat from its rows.</para>
/// </remarks>
public static class Ledger
{
    private const int StatusSlots = 9;

    /// <summary>Consolidates <paramref name="projects"/> with <paramref name="approvedReports"/> for <paramref name="period"/>, grouped by <paramref name="groupBy"/>.</summary>
    public static LedgerReport Consolidate(IEnumerable<Project> projects, IEnumerable<MonthlyReport> approvedReports, StatPeriod period, LedgerGrouping groupBy)
    {
        ArgumentNullException.ThrowIfNull(projects);
        ArgumentNullException.ThrowIfNull(approvedReports);
        return Consolidate(Figures(projects, approvedReports, period), period, groupBy, nameof(projects));
    }

    /// <summary>
    /// Consolidates per-project <paramref name="figures"/> already computed for <paramref name="period"/> (the light
    /// path of a store), grouped by <paramref name="groupBy"/>: the same rows as the <see cref="Project"/> overload
    /// gives for the projects and reports the figures were computed from. Duplicate codes throw <see cref="ArgumentException"/>.
    /// </summary>
    public static LedgerReport Consolidate(IEnumerable<LedgerFigures> figures, StatPeriod period, LedgerGrouping groupBy)
    {
        ArgumentNullException.ThrowIfNull(figures);
        return Consolidate(figures, period, groupBy, nameof(figures));
    }

    /// <summary>
    /// As <see cref="Consolidate(IEnumerable{LedgerFigures}, StatPeriod, LedgerGrouping)"/>, and each row (and the total)
    /// gets its 亮灯 (<see cref="LedgerRow.Light"/>) by <paramref name="thresholds"/>; a project row also turns red for
    /// its <see cref="LedgerFigures.RedFlags"/>.
    /// </summary>
    public static LedgerReport Consolidate(IEnumerable<LedgerFigures> figures, StatPeriod period, LedgerGrouping groupBy, LightThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(thresholds);
        return Consolidate(figures, period, groupBy, nameof(figures), thresholds);
    }

    /// <summary>
    /// The flat figures of each of <paramref name="projects"/> for <paramref name="period"/>, from <paramref name="approvedReports"/>
    /// (only approved reports count; for each project-month the highest revision wins), in the order of <paramref name="projects"/>.
    /// </summary>
    public static IEnumerable<LedgerFigures> Figures(IEnumerable<Project> projects, IEnumerable<MonthlyReport> approvedReports, StatPeriod period)
    {
        ArgumentNullException.ThrowIfNull(projects);
        ArgumentNullException.ThrowIfNull(approvedReports);
        var index = ReportIndex.Build(approvedReports, period.Year, period.LastMonth);
        return FiguresOf(projects, index, period);
    }

    private static IEnumerable<LedgerFigures> FiguresOf(IEnumerable<Project> projects, ReportIndex index, StatPeriod period)
    {
        var start = period.Start;
        var end = period.End;
        foreach (var p in projects)
        {
            var row = index.Find(p.Code);
            var ytd = index.CumulativeAt(row, period.LastMonth);
            var inPeriod = ytd - (period.FirstMonth > 1 ? index.CumulativeAt(row, period.FirstMonth - 1) : 0m);

            var newStarts = 0;
            var completions = 0;
            foreach (var c in p.History)
            {
                if (c.On >= start && c.On <= end)
                {
                    if (c.To == ProjectStatus.Started)
                    {
                        newStarts++;
                    }
                    else if (c.To == ProjectStatus.Completed)
                    {
                        completions++;
                    }
                }
            }

            yield return new LedgerFigures(p.Code, p.Name, p.Region, p.Category, p.IndustryChain, p.Kind, p.LeadDepartment, p.Leader, p.Tags,
                p.Status, p.TotalInvestment, p.AnnualPlanFor(period.Year), inPeriod, ytd, newStarts, completions, p.WorkGroupName);
        }
    }

    private static LedgerReport Consolidate(IEnumerable<LedgerFigures> figures, StatPeriod period, LedgerGrouping groupBy, string paramName,
        LightThresholds? thresholds = null)
    {
        var groups = new Dictionary<string, Acc>(StringComparer.Ordinal);
        var total = new Acc(string.Empty, "合计", 0);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in figures)
        {
            if (!seen.Add(f.Code))
            {
                throw new ArgumentException($"项目编号{f.Code}重复 / duplicate project code {f.Code}", paramName);
            }

            total.Add(f);
            switch (groupBy)
            {
                case LedgerGrouping.Tag:
                    if (f.Tags.Count == 0)
                    {
                        Group(groups, string.Empty, "无标签", 0).Add(f);
                    }

                    // A set has no repeats; a flat list from a store might, and a tag counts once per project.
                    List<string>? counted = f.Tags is IReadOnlySet<string> || f.Tags.Count < 2 ? null : new(f.Tags.Count);
                    foreach (var tag in f.Tags)
                    {
                        if (counted is null || !counted.Contains(tag, StringComparer.Ordinal))
                        {
                            counted?.Add(tag);
                            Group(groups, tag, tag, 0).Add(f);
                        }
                    }

                    break;
                default:
                    var (key, label, order) = KeyOf(f, groupBy);
                    Group(groups, key, label, order).Add(f, ownRow: groupBy == LedgerGrouping.Project);
                    break;
            }
        }

        var accs = new List<Acc>(groups.Values);
        accs.Sort(static (a, b) => a.Order != b.Order ? a.Order.CompareTo(b.Order) : string.CompareOrdinal(a.Key, b.Key));
        var rows = new List<LedgerRow>(accs.Count);
        foreach (var a in accs)
        {
            rows.Add(a.ToRow(period, thresholds));
        }

        return new LedgerReport(period, groupBy, rows, total.ToRow(period, thresholds));
    }

    private static Acc Group(Dictionary<string, Acc> groups, string key, string label, int order)
    {
        if (!groups.TryGetValue(key, out var acc))
        {
            acc = new Acc(key, label, order);
            groups.Add(key, acc);
        }

        return acc;
    }

    private static (string Key, string Label, int Order) KeyOf(in LedgerFigures p, LedgerGrouping groupBy) => groupBy switch
    {
        LedgerGrouping.Project => (p.Code, p.Name, 0),
        LedgerGrouping.Region => (p.Region.ToString(), p.Region.ToString(), 0),
        LedgerGrouping.Department => (p.LeadDepartment, p.LeadDepartment.Length == 0 ? "未指定牵头部门" : p.LeadDepartment, 0),
        LedgerGrouping.Leader => (p.Leader, p.Leader.Length == 0 ? "未指定挂点领导" : p.Leader, 0),
        LedgerGrouping.Category => (p.Category.ToString(), ProjectText.Name(p.Category), (int)p.Category),
        LedgerGrouping.IndustryChain => (p.IndustryChain ?? string.Empty, string.IsNullOrEmpty(p.IndustryChain) ? "未标注产业链" : p.IndustryChain, 0),
        LedgerGrouping.Kind => (p.Kind.ToString(), ProjectText.Name(p.Kind), (int)p.Kind),
        LedgerGrouping.WorkGroup => (p.WorkGroupName, p.WorkGroupName.Length == 0 ? "未指定工作推进组" : p.WorkGroupName, 0),
        _ => throw new ArgumentOutOfRangeException(nameof(groupBy), groupBy, "未知分组方式 / unknown grouping"),
    };

    /// <summary>Completion formula in 亿元, e.g. "176.8亿元 ÷ 335.7亿元 = 52.67%".</summary>
    internal static string CompletionFormula(decimal completedWan, decimal planWan, decimal percent)
        => $"{Fmt.Yi(completedWan)} ÷ {Fmt.Yi(planWan)} = {Fmt.P(percent)}%";

    private sealed class Acc(string key, string label, int order)
    {
        private readonly int[] _status = new int[StatusSlots];

        public string Key { get; } = key;

        public string Label { get; } = label;

        public int Order { get; } = order;

        private int _count;
        private decimal _investment;
        private decimal _plan;
        private decimal _period;
        private decimal _ytd;
        private int _newStarts;
        private int _completions;
        private List<Text.Bilingual>? _flags;

        public void Add(in LedgerFigures f, bool ownRow = false)
        {
            _count++;
            if (ownRow && f.RedFlags is { Count: > 0 } flags)
            {
                // Only a project's own row carries its flags; a group's colour is its progress against time.
                (_flags ??= []).AddRange(flags);
            }

            _status[(int)f.Status]++;
            _investment += f.TotalInvestment;
            _plan += f.AnnualPlan;
            _period += f.CompletedInPeriod;
            _ytd += f.CompletedYearToDate;
            _newStarts += f.NewStarts;
            _completions += f.Completions;
        }

        public LedgerRow ToRow(StatPeriod period, LightThresholds? thresholds)
        {
            // The counts array itself, read-only (one row per project would otherwise build 100,000 dictionaries).
            var byStatus = new StatusCounts(_status);
            var elapsed = period.YearElapsedShare * 100m;
            decimal? completion = null;
            decimal? gap = null;
            var onTrack = false;
            string formula;
            if (_plan > 0)
            {
                // Same arithmetic as Metric.PlanCompletion (completed ÷ plan × 100 against LastMonth ÷ 12 × 100), done
                // inline so a 100,000-row ledger does not format Metric's explanation strings it would throw away.
                var pc = _ytd / _plan * 100m;
                completion = pc;
                gap = pc - elapsed;
                onTrack = pc >= elapsed;
                formula = CompletionFormula(_ytd, _plan, pc);
            }
            else
            {
                formula = $"无年度计划，累计完成{Fmt.Yi(_ytd)} / no annual plan";
            }

            return new LedgerRow(Key, Label, _count, byStatus, _investment, _plan, _period, _ytd, completion, elapsed, gap, onTrack,
                _newStarts, _completions, formula)
            {
                Light = thresholds is null ? null : ProjectLights.Judge(completion, elapsed, thresholds, _flags),
            };
        }
    }
}

/// <summary>
/// <see cref="LedgerRow.CountByStatus"/>: a read-only view of a group's counts per status (only statuses with a count,
/// in status order), over the accumulator's array, which is not touched after the row is made.
/// </summary>
internal sealed class StatusCounts(int[] counts) : IReadOnlyDictionary<ProjectStatus, int>
{
    public int this[ProjectStatus key] => TryGetValue(key, out var v) ? v : throw new KeyNotFoundException($"无{key}状态的项目 / no project in status {key}");

    public IEnumerable<ProjectStatus> Keys => this.Select(kv => kv.Key);

    public IEnumerable<int> Values => this.Select(kv => kv.Value);

    public int Count
    {
        get
        {
            var n = 0;
            for (var i = 1; i < counts.Length; i++)
            {
                if (counts[i] > 0)
                {
                    n++;
                }
            }

            return n;
        }
    }

    public bool ContainsKey(ProjectStatus key) => TryGetValue(key, out _);

    public bool TryGetValue(ProjectStatus key, out int value)
    {
        var i = (int)key;
        value = i >= 1 && i < counts.Length ? counts[i] : 0;
        return value > 0;
    }

    public IEnumerator<KeyValuePair<ProjectStatus, int>> GetEnumerator()
    {
        for (var i = 1; i < counts.Length; i++)
        {
            if (counts[i] > 0)
            {
                yield return new KeyValuePair<ProjectStatus, int>((ProjectStatus)i, counts[i]);
            }
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>
/// Per-project cumulative figures by month from the latest approved revision of each month, stored in flat arrays
/// (13 slots per project, index 0 unused) so a 100,000-project ledger allocates a handful of objects.
/// </summary>
internal sealed class ReportIndex
{
    private const int Slots = 13;
    private readonly Dictionary<string, int> _rows = new(StringComparer.Ordinal);
    private int[] _revision = [];
    private decimal[] _cumulative = [];
    private decimal[] _thisMonth = [];
    private Dictionary<int, (int Month, decimal Balance)>? _openings;

    /// <summary>One pass over <paramref name="reports"/>: approved ones of <paramref name="year"/> up to <paramref name="lastMonth"/>.</summary>
    public static ReportIndex Build(IEnumerable<MonthlyReport> reports, int year, int lastMonth)
    {
        var index = new ReportIndex();
        foreach (var r in reports)
        {
            if (r.State != ReportState.Approved || r.Year != year || r.Month > lastMonth)
            {
                continue;
            }

            var row = index.RowFor(r.ProjectCode);
            var i = (row * Slots) + r.Month;
            if (r.Revision > index._revision[i])
            {
                index._revision[i] = r.Revision;
                index._cumulative[i] = r.CumulativeThisYear;
                index._thisMonth[i] = r.CompletedThisMonth;
                if (r.IsOpeningBalance)
                {
                    (index._openings ??= [])[row] = (r.Month, r.PreviousCumulative);
                }
            }
        }

        return index;
    }

    /// <summary>The row of <paramref name="projectCode"/>, or −1 when it has no approved report.</summary>
    public int Find(string projectCode) => _rows.TryGetValue(projectCode, out var row) ? row : -1;

    private int RowFor(string code)
    {
        if (_rows.TryGetValue(code, out var row))
        {
            return row;
        }

        row = _rows.Count;
        _rows.Add(code, row);
        var needed = (row + 1) * Slots;
        if (needed > _revision.Length)
        {
            var size = Math.Max(needed, _revision.Length * 2);
            var oldLength = _revision.Length;
            Array.Resize(ref _revision, size);
            Array.Resize(ref _cumulative, size);
            Array.Resize(ref _thisMonth, size);
            Array.Fill(_revision, -1, oldLength, size - oldLength);
        }

        return row;
    }

    /// <summary>True when row <paramref name="row"/> has an approved report for <paramref name="month"/>.</summary>
    public bool Has(int row, int month) => row >= 0 && _revision[(row * Slots) + month] >= 0;

    /// <summary>本月完成 for <paramref name="month"/> (0 when no report).</summary>
    public decimal ThisMonth(int row, int month) => row < 0 ? 0m : _thisMonth[(row * Slots) + month];

    /// <summary>
    /// The cumulative of the latest reported month ≤ <paramref name="month"/>; when none, the opening balance (期初累计)
    /// if the month is the one just before the project's opening report, else 0.
    /// </summary>
    public decimal CumulativeAt(int row, int month)
    {
        if (row < 0)
        {
            return 0m;
        }

        var b = row * Slots;
        for (var m = month; m >= 1; m--)
        {
            if (_revision[b + m] >= 0)
            {
                return _cumulative[b + m];
            }
        }

        return _openings is not null && _openings.TryGetValue(row, out var o) && o.Month == month + 1 ? o.Balance : 0m;
    }
}
