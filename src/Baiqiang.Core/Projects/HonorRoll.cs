using Baiqiang.Core.Periods;

namespace Baiqiang.Core.Projects;

/// <summary>Who a 红黑榜 ranks.</summary>
public enum HonorRollBy
{
    /// <summary>责任单位 (牵头部门).</summary>
    Unit = 1,

    /// <summary>挂点领导.</summary>
    Leader = 2,

    /// <summary>工作推进组.</summary>
    Group = 3,

    /// <summary>所属地区.</summary>
    Region = 4,
}

/// <summary>Which list of a 红黑榜 an entry is on.</summary>
public enum HonorList
{
    /// <summary>红榜·序时进度: the best completion against time, best first.</summary>
    ProgressTop = 1,

    /// <summary>黑榜·序时进度: the worst completion against time, worst first.</summary>
    ProgressBottom = 2,

    /// <summary>红榜·新开工: the most new starts, most first.</summary>
    StartsTop = 3,

    /// <summary>黑榜·新开工: the fewest new starts, fewest first.</summary>
    StartsBottom = 4,
}

/// <summary>One place on a 红黑榜: the group's ledger row (figures, 亮灯 with reason) and its rank on the list.</summary>
public sealed record HonorEntry(HonorList List, int Rank, LedgerRow Row);

/// <summary>A 红黑榜 for a period: top and bottom <see cref="Top"/> by completion against time and by new starts.</summary>
public sealed record HonorRoll(StatPeriod Period, HonorRollBy By, int Top, IReadOnlyList<HonorEntry> Entries)
{
    /// <summary>The entries of one list, in rank order.</summary>
    public IEnumerable<HonorEntry> Of(HonorList list) => Entries.Where(e => e.List == list);

    /// <summary>红榜·序时进度 …, the list's name in Chinese.</summary>
    public static string Zh(HonorList list) => list switch
    {
        HonorList.ProgressTop => "红榜·序时进度",
        HonorList.ProgressBottom => "黑榜·序时进度",
        HonorList.StartsTop => "红榜·新开工",
        _ => "黑榜·新开工",
    };

    /// <summary>The list's name in English.</summary>
    public static string En(HonorList list) => list switch
    {
        HonorList.ProgressTop => "honour roll, progress against time",
        HonorList.ProgressBottom => "blacklist, progress against time",
        HonorList.StartsTop => "honour roll, new starts",
        _ => "blacklist, new starts",
    };

    /// <summary>The ledger grouping a 红黑榜 ranks by.</summary>
    public static LedgerGrouping Grouping(HonorRollBy by) => by switch
    {
        HonorRollBy.Unit => LedgerGrouping.Department,
        HonorRollBy.Leader => LedgerGrouping.Leader,
        HonorRollBy.Group => LedgerGrouping.WorkGroup,
        HonorRollBy.Region => LedgerGrouping.Region,
        _ => throw new ArgumentOutOfRangeException(nameof(by), by, "未知的排名对象 / unknown ranking"),
    };

    /// <summary>
    /// Ranks the groups of <paramref name="report"/> (consolidated by <see cref="Grouping"/> of <paramref name="by"/>).
    /// </summary>
    /// <remarks>
    /// Groups without a key (未指定…) are not ranked. Progress lists rank groups with an annual plan by gap (completion −
    /// time elapsed), then completion %, then key; new-start lists rank every group by new starts, then key. Ranks are
    /// 1-based positions. When there are fewer than 2 × <paramref name="top"/> groups, a group can be on both lists of a
    /// kind. <paramref name="top"/> below 1 throws <see cref="ArgumentOutOfRangeException"/>.
    /// </remarks>
    public static HonorRoll Rank(LedgerReport report, HonorRollBy by, int top)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        if (report.GroupBy != Grouping(by))
        {
            throw new ArgumentException($"台账须按{report.GroupBy}汇总 / the ledger must be grouped by {Grouping(by)}", nameof(report));
        }

        var rows = report.Rows.Where(r => r.GroupKey.Length > 0).ToList();
        var planned = rows.Where(r => r.GapPoints is not null)
            .OrderByDescending(r => r.GapPoints).ThenByDescending(r => r.CompletionPercent).ThenBy(r => r.GroupKey, StringComparer.Ordinal).ToList();
        var starts = rows.OrderByDescending(r => r.NewStarts).ThenBy(r => r.GroupKey, StringComparer.Ordinal).ToList();
        var entries = new List<HonorEntry>();
        void Take(HonorList list, IEnumerable<LedgerRow> ordered)
        {
            var rank = 0;
            foreach (var r in ordered.Take(top))
            {
                entries.Add(new HonorEntry(list, ++rank, r));
            }
        }

        Take(HonorList.ProgressTop, planned);
        Take(HonorList.ProgressBottom, Enumerable.Reverse(planned));
        Take(HonorList.StartsTop, starts);
        Take(HonorList.StartsBottom, starts.OrderBy(r => r.NewStarts).ThenBy(r => r.GroupKey, StringComparer.Ordinal));
        return new HonorRoll(report.Period, by, top, entries);
    }
}
