using System.CommandLine;
using Baiqiang.Cli.Store;
using Baiqiang.Core.Quantities;
using Baiqiang.Storage.Lookups;
using Baiqiang.Storage.Observations;

namespace Baiqiang.Cli.Observations;

/// <summary><c>baiqiang series REGION INDICATOR [--follow-successor]</c>: one region's series of one indicator, oldest first;
/// with <c>--follow-successor</c> joined across recodes (龙海市's years, then 龙海区's), each row naming the code it came from.</summary>
internal static class SeriesCommand
{
    public static Command Create()
    {
        var region = new Argument<string>("REGION") { Description = "地区代码或名称,如 510502 或 江阳区 / region code or name" };
        var indicator = new Argument<string>("INDICATOR") { Description = "指标代码或名称,如 gdp 或 地区生产总值 / indicator code or name" };
        var format = new Option<string>("--format") { Description = "table | csv", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv");
        var follow = new Option<bool>("--follow-successor")
        {
            Description = "跨区划调整接续序列(如 龙海市 → 龙海区),标明每期数据来自哪个代码 / join the series across recodes (龙海市 → 龙海区), marking the code each period came from",
        };
        var derived = new Option<bool>("--derived")
        {
            Description = "另列按指标目录上级关系计算的占比、贡献率、拉动和首位度(含公式与数据) / also show share, contribution, pull and primacy computed from the catalogue's parent, with formulas and inputs",
        };
        var period = new Option<string?>("--period") { Description = "--derived 的统计期,如 2023-01..06(缺省为最近一期) / the period of --derived (default: the latest)" };
        var command = new Command("series", "显示一个地区某指标的时间序列 / show one region's series of an indicator") { region, indicator, format, follow, derived, period };
        command.SetAction(async (parse, ct) =>
        {
            await using var db = await StoreAccess.OpenAsync(parse, ct);
            var lookups = await StoreLookups.LoadAsync(db, ct);
            var r = lookups.ResolveRegion(parse.GetRequiredValue(region));
            if (!r.Success)
            {
                await parse.Err().WriteLineAsync(r.Error.ToString());
                return 1;
            }

            var ind = lookups.FindIndicator(parse.GetRequiredValue(indicator));
            if (ind is null)
            {
                await parse.Err().WriteLineAsync($"未知指标“{parse.GetRequiredValue(indicator)}” / unknown indicator '{parse.GetRequiredValue(indicator)}'");
                return 1;
            }

            var following = parse.GetValue(follow);
            var joined = following ? await ObservationQueries.SeriesFollowingSuccessorsAsync(db, r.Value, ind.Code, ct) : null;
            var rows = joined?.Observations ?? await ObservationQueries.SeriesAsync(db, r.Value, ind.Code, ct);
            var regionName = lookups.RegionName(r.Value);
            var output = parse.Out();
            if (parse.GetValue(format) == "csv")
            {
                // The joined series adds the code each row came from as its last column.
                await output.WriteLineAsync("region,region_name,indicator,period,value,unit,growth,qualifier,source,growth_basis,growth_current_price_percent" + (following ? ",from_region" : string.Empty));
                foreach (var o in rows)
                {
                    await output.WriteLineAsync(string.Join(',', r.Value.ToString(), regionName, ind.Code.ToString(), o.Period.ToString(), o.Value?.Invariant() ?? string.Empty,
                        o.Unit, o.GrowthPercent?.Invariant() ?? string.Empty, QualifierText.En(o.Qualifier), SourceText(o),
                        Core.Observations.GrowthBasisText.En(o.GrowthBasis ?? Core.Observations.GrowthBasis.Unknown), o.CurrentPriceGrowthPercent?.Invariant() ?? string.Empty) + (following ? "," + o.RegionCode : string.Empty));
                }

                return 0;
            }

            await output.WriteLineAsync($"{regionName}({r.Value}) · {ind.NameZh} {ind.NameEn} [{ind.Code}] · 单位/unit: {ind.Unit.Symbol}");
            foreach (var link in joined?.Links ?? [])
            {
                var ended = link.EndedOn is { } d ? d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "—";
                await output.WriteLineAsync($"注/note: 已接续 {link.From} {link.FromName} → {link.To} {link.ToName}（{link.From}止于{ended}） / joined {link.From} {link.FromName} → {link.To} {link.ToName} (ended {ended})");
            }

            if (rows.Count == 0)
            {
                await output.WriteLineAsync("无数据 / no data");
                return 0;
            }

            // The growth rank among the prefecture's county-level units (全市), as the report card ranks it; not for a joined series.
            var ranking = following ? null : await PeerGrowthRanks.ForSeriesAsync(db, r.Value, ind, ct);
            var ranked = ranking?.GroupId is not null;
            var table = following
                ? new TextTable("期别 period", "数值 value", "同比 growth", "来源 source", "区划 code")
                : ranked
                    ? new TextTable("期别 period", "数值 value", "同比 growth", "来源 source", "全市增幅排名 rank")
                    : new TextTable("期别 period", "数值 value", "同比 growth", "来源 source");
            foreach (var o in rows)
            {
                var value = o.Value is { } v ? AmountText.Format(new Amount(v, ind.Unit, o.Qualifier)) : "—";
                var growth = Core.Observations.TwoGrowths.Describe(o.GrowthPercent, o.GrowthBasis ?? Core.Observations.GrowthBasis.Unknown, o.CurrentPriceGrowthPercent) is { Length: > 0 } described
                    ? described
                    : "—";
                if (following)
                {
                    table.Add(o.Period.ToString(), value, growth, SourceText(o), $"{o.RegionCode} {lookups.RegionName(o.RegionCode)}");
                }
                else if (ranked)
                {
                    table.Add(o.Period.ToString(), value, growth, SourceText(o), RankText(ranking!.RankFor(o.Period), ranking.Members));
                }
                else
                {
                    table.Add(o.Period.ToString(), value, growth, SourceText(o));
                }
            }

            table.WriteTo(output);
            if (ranked && !ranking!.AnyPeerHasFigures)
            {
                // Say what to do rather than leave an empty rank: the other members' figures are imported like any others.
                var members = (ranking.Members - 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                await output.WriteLineAsync(
                    $"注/note: {ranking.GroupNameZh}（{ranking.GroupId}）其他{members}个地区暂无同期{ind.NameZh}增速，无法排名；导入它们的数据后即显示排名（baiqiang import；示例数据的来源与缺口见 docs/sample-data.md）"
                    + $" / no other of the {members} regions in {ranking.GroupId} has this indicator's growth for these periods: import their figures (baiqiang import; the sample's sources and gaps: docs/sample-data.md) to see ranks");
            }

            return parse.GetValue(derived) ? await WriteDerivedAsync(parse, db, r.Value, ind, parse.GetValue(period), ct) : 0;
        });
        return command;
    }

    /// <summary>The derived figures (占比, 贡献率, 拉动, 首位度) of one period, each with its formula and inputs.</summary>
    private static async Task<int> WriteDerivedAsync(ParseResult parse, Storage.BaiqiangDbContext db, Core.Regions.RegionCode region, Core.Indicators.Indicator indicator,
        string? periodText, CancellationToken ct)
    {
        Core.Periods.StatPeriod? period = null;
        if (periodText is not null)
        {
            var p = Core.Periods.StatPeriod.TryParseCanonical(periodText);
            if (!p.Success)
            {
                await parse.Err().WriteLineAsync(p.Error.ToString());
                return 2;
            }

            period = p.Value;
        }

        var set = await DerivedFigures.ComputeAsync(db, region, indicator, period, ct);
        var output = parse.Out();
        await output.WriteLineAsync();
        await output.WriteLineAsync($"派生指标 derived figures · {set.Period ?? "—"}" + (set.Parent is { } parent ? $" · 上级 parent: {parent}" : string.Empty));
        foreach (var f in set.Figures)
        {
            var value = f.Value.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
            await output.WriteLineAsync($"{f.NameZh} {f.NameEn}: {value}{(f.Unit == "%" ? "%" : f.Unit + " points")}");
            await output.WriteLineAsync($"  公式 formula: {f.Formula}");
            await output.WriteLineAsync($"  数据 inputs: {string.Join("; ", f.Inputs.Select(i => $"{i.Role} {i.Region} {i.Indicator} {i.Period} = {i.Value.Invariant()}{i.Unit}{(i.Basis == "from_growth" ? "（由增速推算 from growth）" : string.Empty)}"))}");
            await output.WriteLineAsync($"  {f.Explanation}");
        }

        foreach (var m in set.NotComputed)
        {
            await output.WriteLineAsync($"未计算 not computed: {m}");
        }

        return 0;
    }

    /// <summary>"位居全市第2" with two or more ranked — "位居全市第1（7个地区中2个有数据）" when not every member has the
    /// growth —, "对比组内其他地区暂无数据" when only the region has it, "—" without one.</summary>
    private static string RankText(PeerGrowthRank? rank, int members)
    {
        if (rank is null)
        {
            return "—";
        }

        var wording = Core.Metrics.Metric.RankWording(rank.Rank, rank.Of, "全市", "the prefecture").Zh;
        return Core.Metrics.Metric.HasPeers(rank.Of) && rank.Of < members
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{wording}（{members}个地区中{rank.Of}个有数据）")
            : wording;
    }

    private static string SourceText(ObservationEntity o) => o.SourceRow is { } row ? $"{o.SourceReference}#{row}" : o.SourceReference;
}
