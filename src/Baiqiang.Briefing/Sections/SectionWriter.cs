using Baiqiang.Briefing.Charts;
using Baiqiang.Briefing.Model;
using Baiqiang.Briefing.Templates;
using Baiqiang.Core.Metrics;
using Baiqiang.Core.Quantities;
using Baiqiang.Core.Targets;

namespace Baiqiang.Briefing.Sections;

/// <summary>Turns one section's data into sentences, a table and charts, following the section's phrase templates.</summary>
internal sealed class SectionWriter(BriefingContext context, SectionTemplate section, ChartRenderer charts)
{
    private readonly bool _en = context.English;

    /// <summary>Set once a sentence has said the peers lack figures, so the section says it once, not after every indicator.</summary>
    private bool _peersLackSaid;

    public IReadOnlyList<Block> Write(ISectionData data) => data switch
    {
        EconomyData e => Economy(e),
        TargetsData t => Targets(t),
        KeyProjectsData k => KeyProjects(k),
        InvestmentData i => Progress(i.Items),
        ServiceData s => Progress(s.Items),
        WarningsData w => Warnings(w),
        ScoreboardData b => Scoreboard(b),
        _ => [],
    };

    /// <summary>One sentence (every month kept the run, or which months broke it and how) and the month-by-month table.</summary>
    private List<Block> Scoreboard(ScoreboardData data)
    {
        string Flag(Core.Pipeline.ScoreboardMonth m) => _en
            ? string.Join(", ", new[] { m.NoSigning ? "no signing" : null, m.NoLanding ? "no landing" : null, m.NoStart ? "no start" : null }.OfType<string>())
            : m.FlagZh;
        string Month(int m) => _en ? System.Globalization.CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedMonthName(m) : Text.Num(m) + "月";
        var broken = data.Months.Where(m => m.Broken).ToList();
        var v = Base();
        v["count"] = Text.Num(broken.Count);
        v["items"] = string.Join(P("separator"), broken.Select(m => Month(m.Month) + P("flag_joiner") + Flag(m)));
        var blocks = new List<Block>
        {
            new ParagraphBlock([new Sentence("scoreboard", Text.Fill(broken.Count == 0 ? P("all") : P("broken"), v), [data.Source])]),
        };
        var rows = data.Months.Select(m => (IReadOnlyList<string>)
            [Month(m.Month), Text.Num(m.Signings), Text.Num(m.Landings), Text.Num(m.Starts), m.Broken ? "⚠ " + Flag(m) : string.Empty]).ToList();
        blocks.Add(new TableBlock(Text.Fill(P("table_caption"), Base()), Split(P("table_header")), rows));
        return blocks;
    }

    private string P(string key) => section.Phrases.TryGetValue(key, out var v) ? v : string.Empty;

    private string Period => Text.PeriodLabel(context.Period, _en);

    private Dictionary<string, string?> Base() => new(StringComparer.Ordinal)
    {
        ["period"] = Period,
        ["period_full"] = Text.PeriodFull(context.Period, _en),
        ["region"] = context.RegionName,
    };

    private List<Block> Economy(EconomyData data)
    {
        var sentences = new List<Sentence>();
        foreach (var item in data.Items.Where(i => i.Value is not null))
        {
            var v = Base();
            v["indicator"] = _en ? item.Indicator.NameEn : item.Indicator.NameZh;
            v["value"] = Text.Amount(context, item.Value!.Amount);
            v["growth"] = Growth(item.GrowthPercent, "growth", item.GrowthBasis);
            v["change"] = Change(item);
            v["rank"] = Rank(item, data.PeerScope);
            var template = sentences.Count == 0 ? P("first") : P("next");
            var sources = item.Sources.Where(s => item.GrowthPercent is not null || s.Period == context.Period.ToString()).ToList();
            sentences.Add(new Sentence(item.Indicator.Code.ToString(), Text.Fill(template, v), sources));
        }

        var growthOnly = data.Items.Where(i => i.Value is null && i.GrowthPercent is not null).ToList();
        if (growthOnly.Count > 0 && P("growth_only").Length > 0)
        {
            var parts = growthOnly.Select(i =>
            {
                var v = Base();
                v["indicator"] = _en ? i.Indicator.NameEn : i.Indicator.NameZh;
                v["growth"] = Growth(i.GrowthPercent, "growth_only", i.GrowthBasis);
                v["change"] = Change(i);
                v["rank"] = Rank(i, data.PeerScope);
                return Text.Fill(P("growth_only_item"), v);
            });
            var all = Base();
            all["items"] = string.Join(P("separator"), parts);
            sentences.Add(new Sentence("growth_only", Text.Fill(P("growth_only"), all), [.. growthOnly.SelectMany(i => i.Sources)]));
        }

        var blocks = new List<Block>();
        if (sentences.Count > 0)
        {
            blocks.Add(new ParagraphBlock(sentences));
        }

        if (section.Table)
        {
            var rows = data.Items.Select(i => (IReadOnlyList<string>)
            [
                _en ? i.Indicator.NameEn : i.Indicator.NameZh,
                i.Value is null ? "—" : Text.Amount(context, i.Value.Amount),
                i.GrowthPercent is { } g ? Text.Num(g) : "—",
                i.GrowthPercent is { } g2 && i.PreviousGrowthPercent is { } pg ? Text.Num(g2 - pg) : "—",
                i.Rank is { } r && i.RankOf is { } of ? (Metric.HasPeers(of) ? $"{r}/{of}" : _en ? Metric.PeersLackFigures.En : Metric.PeersLackFigures.Zh) : "—",
            ]).ToList(); // sources are in the note at the end (附：数据来源), by document title and date

            blocks.Add(new TableBlock(Text.Fill(P("table_caption"), Base()), Split(P("table_header")), rows));
        }

        foreach (var chart in section.Charts ?? [])
        {
            var fig = chart.Type switch
            {
                "growth_bars" => charts.GrowthBars(Text.Fill(chart.Title, Base()),
                    [.. data.Items.Where(i => i.GrowthPercent is not null).Select(i => (_en ? i.Indicator.NameEn : i.Indicator.NameZh, i.GrowthPercent!.Value))],
                    P("axis_growth")),
                "trend" => Trend(chart, data),
                _ => null,
            };
            if (fig is not null)
            {
                blocks.Add(fig);
            }
        }

        return blocks;
    }

    private FigureBlock? Trend(ChartTemplate chart, EconomyData data)
    {
        var item = data.Items.FirstOrDefault(i => string.Equals(i.Indicator.Code.ToString(), chart.Indicator, StringComparison.Ordinal));
        if (item is null || item.Series.Count < 2)
        {
            return null; // one point is not a trend; never pad with invented values
        }

        var v = Base();
        v["indicator"] = _en ? item.Indicator.NameEn : item.Indicator.NameZh;
        return charts.Trend(Text.Fill(chart.Title, v),
            [.. item.Series.Select(s => (Text.PeriodFull(s.Period, _en), s.Value))], item.Indicator.Unit.Symbol);
    }

    /// <summary>The growth phrase with its price basis as reports print it: “，按可比价计算，同比增长7.8%” (growth_only:
    /// “按可比价计算增长9.8%”), in English “, up 7.8% year on year at comparable prices”; an unstated basis adds nothing.</summary>
    private string? Growth(decimal? growth, string prefix, Core.Observations.GrowthBasis basis)
    {
        var text = Growth(growth, prefix);
        if (text is null || basis == Core.Observations.GrowthBasis.Unknown)
        {
            return text;
        }

        if (_en)
        {
            return text + " " + Core.Observations.GrowthBasisText.ReportPrefixEn(basis).TrimEnd(',', ' ');
        }

        var phrase = Core.Observations.GrowthBasisText.ReportPrefix(basis);
        return text.StartsWith('，') ? "，" + phrase + text[1..] : phrase.TrimEnd('，') + text;
    }

    private string? Growth(decimal? growth, string prefix) => growth switch
    {
        null => null,
        > 0 => Text.Fill(P(prefix + "_up"), new Dictionary<string, string?> { ["pct"] = Text.Num(growth.Value) }),
        < 0 => Text.Fill(P(prefix + "_down"), new Dictionary<string, string?> { ["pct"] = Text.Num(-growth.Value) }),
        _ => P(prefix + "_flat"),
    };

    private string? Change(EconomyItem item)
    {
        if (item.GrowthPercent is not { } g || item.PreviousGrowthPercent is not { } pg || item.PreviousPeriod is not { } pp)
        {
            return null;
        }

        var diff = g - pg;
        var key = diff > 0 ? "change_up" : diff < 0 ? "change_down" : "change_flat";
        return Text.Fill(P(key), new Dictionary<string, string?> { ["prev"] = Text.PeriodLabel(pp, _en), ["points"] = Text.Num(Math.Abs(diff)) });
    }

    private string? Rank(EconomyItem item, string? scope)
    {
        if (item.Rank is not { } rank || item.RankOf is not { } of || scope is null)
        {
            return null;
        }

        if (!Metric.HasPeers(of))
        {
            if (_peersLackSaid)
            {
                return null;
            }

            _peersLackSaid = true;
            // A ranking of one region: say the peers lack figures (the template's rank_alone, else Core's wording), never 第1.
            var alone = Metric.RankWording(rank, of, scope, scope);
            var phrase = P("rank_alone");
            return phrase.Length > 0 ? Text.Fill(phrase, new Dictionary<string, string?> { ["scope"] = scope }) : (_en ? ", " + alone.En : "，" + alone.Zh);
        }

        var front = string.Equals(P("rank_style"), "front", StringComparison.Ordinal) && Metric.IsFrontRank(rank, of);
        return Text.Fill(P(front ? "rank_front" : "rank_ordinal"), new Dictionary<string, string?>
        {
            ["scope"] = scope,
            ["rank"] = rank.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["of"] = of.ToString(System.Globalization.CultureInfo.InvariantCulture),
            // Core's own wording, for templates that want it whole: 位居全市第2 / 位居全市前列.
            ["rank_phrase"] = front ? Metric.FrontRankPhraseZh(rank, of, scope) : Metric.RankPhraseZh(rank, of, scope),
        });
    }

    private List<Block> Targets(TargetsData data)
    {
        var sentences = new List<Sentence>();
        var bars = new List<(string Label, decimal Progress, decimal Elapsed)>();
        foreach (var item in data.Items)
        {
            var t = item.Target;
            var v = Base();
            v["description"] = !_en && !string.IsNullOrWhiteSpace(t.DescriptionZh) ? t.DescriptionZh : DescribeTarget(item);
            v["subject"] = item.SubjectName;
            v["deadline"] = Text.PeriodFull(t.Deadline, _en);
            var targetSource = new SourceRef(t.Subject, t.Deadline.ToString(), "target:" + t.Id);
            if (item.Status is { } s && item.Current is { } current)
            {
                v["current"] = t.Form switch
                {
                    TargetForm.Growth => Text.Fill(P("growth"), new Dictionary<string, string?> { ["growth"] = Text.Pct(s.Current) }),
                    TargetForm.Increase => Text.Fill(P("increase"), new Dictionary<string, string?> { ["increase"] = Text.Amount(context, current.Amount) }),
                    _ => Text.Amount(context, current.Amount),
                };
                v["progress"] = Text.Pct(s.ProgressPercent);
                v["elapsed"] = Text.Pct(s.TimeElapsedPercent);
                var gap = s.ProgressPercent - s.TimeElapsedPercent;
                if (t.Form == TargetForm.Growth && !s.Met && P("verdict_rate_ahead").Length > 0)
                {
                    // A growth target is judged on the rate, not on time elapsed: 增速12.5%，低于目标3.5个百分点.
                    v["verdict"] = Text.Fill(P(s.OnTrack ? "verdict_rate_ahead" : "verdict_rate_behind"),
                        new Dictionary<string, string?> { ["gap"] = Text.Pct(Math.Abs(s.Current - s.TargetValue)) });
                    sentences.Add(new Sentence(t.Id, Text.Fill(P("with_progress"), v), [targetSource, .. item.Sources]));
                    bars.Add((item.SubjectName, s.ProgressPercent, s.TimeElapsedPercent));
                    continue;
                }

                var growthJudged = !s.Met && s.AchievedAnnualGrowthPercent is not null && s.StillNeededAnnualGrowthPercent is not null && P("verdict_growth_ahead").Length > 0;
                v["verdict"] = Text.Fill(P(s.Met ? "verdict_met" : growthJudged ? (s.OnTrack ? "verdict_growth_ahead" : "verdict_growth_behind") : s.OnTrack ? "verdict_ahead" : "verdict_behind"),
                    new Dictionary<string, string?>
                    {
                        ["gap"] = Text.Pct(Math.Abs(gap)),
                        ["achieved"] = s.AchievedAnnualGrowthPercent is { } ach ? Text.Pct(ach) : null,
                        ["needed"] = s.StillNeededAnnualGrowthPercent is { } nd ? Text.Pct(nd) : null,
                    });
                sentences.Add(new Sentence(t.Id, Text.Fill(P("with_progress"), v) + ForecastText(item), [targetSource, .. item.Sources]));
                bars.Add((item.SubjectName, s.ProgressPercent, s.TimeElapsedPercent));
            }
            else
            {
                sentences.Add(new Sentence(t.Id, Text.Fill(P("no_progress"), v) + ForecastText(item), [targetSource]));
            }
        }

        var blocks = new List<Block> { new ParagraphBlock(sentences) };
        if (bars.Count > 0 && (section.Charts ?? []).FirstOrDefault(c => c.Type == "plan_completion") is { } chart)
        {
            blocks.Add(charts.PlanCompletion(Text.Fill(chart.Title, Base()), bars, P("legend_progress"), P("legend_elapsed")));
        }

        return blocks;
    }

    /// <summary>The template's <c>forecast</c> phrase filled from the item's trend forecast; empty without one.</summary>
    private string ForecastText(TargetItem item)
    {
        if (item.Forecast is not { } f || P("forecast").Length == 0)
        {
            return string.Empty;
        }

        var unit = item.Current?.Unit ?? item.Target.Value?.Unit ?? Unit.None;
        return Text.Fill(P("forecast"), new Dictionary<string, string?>
        {
            ["method"] = _en ? f.MethodEn : f.MethodZh,
            ["deadline"] = Text.PeriodFull(item.Target.Deadline, _en),
            ["projected"] = Text.Amount(context, new Amount(f.ProjectedValue, unit)),
            ["met"] = f.MetYear is not null ? Text.Fill(P("forecast_met"), new Dictionary<string, string?> { ["year"] = _en ? f.MetYearEn : f.MetYearZh }) : P("forecast_never"),
        });
    }

    private string DescribeTarget(TargetItem item)
    {
        var t = item.Target;
        var goal = t.Form switch
        {
            TargetForm.Multiple => Text.Fill(P("multiple"), new Dictionary<string, string?> { ["multiple"] = Text.Num(t.MultipleOfBase!.Value), ["base"] = Text.PeriodFull(t.BasePeriod!.Value, _en) }),
            TargetForm.Growth => Text.Fill(P("growth"), new Dictionary<string, string?> { ["growth"] = Text.Pct(t.GrowthPercent!.Value) }),
            TargetForm.Increase => Text.Fill(P("increase"), new Dictionary<string, string?> { ["increase"] = Text.Amount(context, t.Increase!.Value) }),
            _ => Text.Amount(context, t.Value!.Value),
        };
        return Text.Fill(P("description"), new Dictionary<string, string?> { ["subject"] = item.SubjectName, ["goal"] = goal, ["deadline"] = Text.PeriodFull(t.Deadline, _en) });
    }

    private List<Block> KeyProjects(KeyProjectsData data)
    {
        var sentences = new List<Sentence>();
        var v = Base();
        if (data.ProjectCount is { } n)
        {
            v["count"] = n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            v["by_status"] = data.CountByStatus.Count == 0 ? null : Text.Fill(P("by_status"), new Dictionary<string, string?>
            {
                ["items"] = string.Join(P("list_separator"), data.CountByStatus.Select(s => Text.Fill(P("status_item"), new Dictionary<string, string?>
                {
                    ["status"] = s.Status,
                    ["n"] = s.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                }))),
            });
            sentences.Add(new Sentence("key_projects_count", Text.Fill(P("count"), v), data.Sources));
        }

        if (data.CompletedYearToDate is { } done)
        {
            v["completed"] = Text.Amount(context, done.Amount);
            if (data.AnnualPlan is { } plan && plan.Value > 0)
            {
                var pc = Metric.PlanCompletion(done.Value, plan.Value, context.Period);
                v["plan"] = Text.Amount(context, plan.Amount);
                v["pct"] = Text.Pct(pc.CompletionPercent);
                v["verdict"] = Text.Fill(P(pc.OnTrack ? "verdict_ahead" : "verdict_behind"), new Dictionary<string, string?> { ["gap"] = Text.Pct(Math.Abs(pc.GapPoints)) });
                sentences.Add(new Sentence("key_project_plan", Text.Fill(P("plan"), v), [plan.Source, done.Source]));
                if ((section.Charts ?? []).FirstOrDefault(c => c.Type == "plan_completion") is { } chart)
                {
                    var bars = new List<(string, decimal, decimal)> { (P("total_label"), pc.CompletionPercent, pc.TimeElapsedPercent) };
                    bars.AddRange(data.Lagging.Where(l => l.CompletionPercent is not null).Take(8).Select(l => (l.Name, l.CompletionPercent!.Value, pc.TimeElapsedPercent)));
                    return [new ParagraphBlock(sentences), .. LaggingBlocks(data), charts.PlanCompletion(Text.Fill(chart.Title, Base()), bars, P("legend_progress"), P("legend_elapsed")), .. LightBlocks(data)];
                }
            }
            else
            {
                sentences.Add(new Sentence("key_project_completed", Text.Fill(P("completed_only"), v), [done.Source]));
            }
        }

        return [new ParagraphBlock(sentences), .. LaggingBlocks(data), .. LightBlocks(data)];
    }

    /// <summary>亮灯 counts, the red projects with their reasons, and the 红黑榜 of responsible units — colour always in words.</summary>
    private IEnumerable<Block> LightBlocks(KeyProjectsData data)
    {
        if (data.Lights is not { } l || l.Red + l.Yellow + l.Green == 0)
        {
            yield break;
        }

        var sentences = new List<Sentence>
        {
            new("key_projects_lights", _en
                ? System.FormattableString.Invariant($"Lights against time elapsed: {l.Red} red, {l.Yellow} yellow, {l.Green} green.")
                : System.FormattableString.Invariant($"序时进度亮灯：红灯{l.Red}个、黄灯{l.Yellow}个、绿灯{l.Green}个。"), data.Sources),
        };
        if (l.RedProjects.Count > 0)
        {
            sentences.Add(new Sentence("key_projects_red", _en
                ? "Red: " + string.Join("; ", l.RedProjects.Select(r => $"{r.Name} ({r.Reason})")) + "."
                : "红灯项目：" + string.Join("；", l.RedProjects.Select(r => $"{r.Name}（{r.Reason}）")) + "。", data.Sources));
        }

        if (l.HonorTop.Count > 0)
        {
            sentences.Add(new Sentence("key_projects_honor_roll", _en
                ? $"Responsible units by progress against time — top: {string.Join(", ", l.HonorTop)}; bottom: {string.Join(", ", l.HonorBottom)}."
                : $"红黑榜(责任单位，序时进度)：红榜{string.Join("、", l.HonorTop)}；黑榜{string.Join("、", l.HonorBottom)}。", data.Sources));
        }

        yield return new ParagraphBlock(sentences);
    }

    private IEnumerable<Block> LaggingBlocks(KeyProjectsData data)
    {
        if (data.Lagging.Count == 0)
        {
            yield break;
        }

        var items = string.Join(P("item_separator"), data.Lagging.Select(l => Text.Fill(P("lagging_item"), new Dictionary<string, string?>
        {
            ["name"] = l.Name,
            ["reasons"] = string.Join(P("list_separator"), l.Reasons),
        })));
        yield return new ParagraphBlock([new Sentence("key_projects_lagging", Text.Fill(P("lagging"), new Dictionary<string, string?>
        {
            ["n"] = data.Lagging.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["items"] = items,
        }), data.Sources)]);
    }

    private List<Block> Progress(IReadOnlyList<ProgressItem> items)
    {
        var parts = new List<string>();
        var sources = new List<SourceRef>();
        foreach (var i in items.Where(i => i.Actual is not null))
        {
            var v = new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                ["label"] = P("label_" + i.Code) is { Length: > 0 } l ? l : context.NameOf(i.Code),
                ["value"] = Text.Amount(context, i.Actual!.Amount),
            };
            sources.Add(i.Actual.Source);
            if (i.Target is { } t && t.Unit.IsCompatibleWith(i.Actual.Unit) && t.Value > 0)
            {
                var pct = new Amount(i.Actual.Value, i.Actual.Unit).ConvertTo(t.Unit).Value / t.Value * 100m;
                v["target"] = Text.Fill(P("target"), new Dictionary<string, string?> { ["target"] = Text.Amount(context, t.Amount), ["pct"] = Text.Pct(pct) });
                sources.Add(t.Source);
            }

            parts.Add(Text.Fill(P("item"), v));
        }

        if (parts.Count == 0)
        {
            return [];
        }

        var all = Base();
        all["items"] = string.Join(P("separator"), parts);
        return [new ParagraphBlock([new Sentence(section.Kind, Text.Fill(P("sentence"), all), sources)])];
    }

    private List<Block> Warnings(WarningsData data)
    {
        if (data.Items.Count == 0)
        {
            return P("none").Length == 0 ? [] : [new ParagraphBlock([new Sentence("warnings_none", P("none"), [])])];
        }

        return [new ParagraphBlock([.. data.Items.Select(w => new Sentence(w.Rule, Text.Fill(P(w.Rule), w.Values.ToDictionary(kv => kv.Key, kv => (string?)kv.Value)), w.Sources))])];
    }

    private static string[] Split(string header) => header.Split('|', StringSplitOptions.TrimEntries);
}
