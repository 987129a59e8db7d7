using Baiqiang.Core.Indicators;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Quantities;
using Baiqiang.Core.Regions;
using Baiqiang.Core.Text;

namespace Baiqiang.Extraction.Facts;

/// <summary>What a statement says about one figure, with its resolved roles, ready to become a fact.</summary>
internal readonly record struct FactDraft(
    FactKind Kind,
    Amount? Amount,
    decimal? High,
    decimal? Growth,
    decimal? PlanShare,
    string Name,
    string Raw,
    IndicatorCode? Code,
    int FigureStart,
    int FigureLength,
    string Rule,
    bool Borrowed = false,
    string? Comparator = null,
    Qualifier? GrowthQualifier = null,
    string? Source = null);

/// <summary>
/// Statements → facts: decides a fact's final kind (a plan is a target), its region (the clause's, the heading's, else the
/// main region), its period, the source clause, offsets in the original text, and a confidence with the rule that produced it.
/// </summary>
internal sealed class FactBuilder(string doc, DocumentText text, DateOnly? reference, int? undatedYear)
{
    /// <summary>How many characters either side of a figure its source keeps when the sentence runs on.</summary>
    private const int SourceWindow = 120;

    public List<ExtractedFact> Facts { get; } = [];

    /// <summary>Adds the fact a draft describes, in clause <paramref name="s"/>..<paramref name="e"/>.</summary>
    public ExtractedFact Add(in FactDraft d, int s, int e, StatPeriod? paragraphPeriod, Region? region, string? regionText, bool goal)
    {
        var n = text.Normalized;
        var kind = d.Kind;
        var name = d.Name;
        var raw = d.Raw;
        var code = d.Code;
        var simplified = ChineseText.ToSimplified(name); // once: the fact's name, unless 贡献度 below renames it
        var period = IsOneProjectsTotal(simplified) ? null : paragraphPeriod;
        if (code?.Value == "urban_contribution" && n.AsSpan(s, Math.Max(0, d.FigureStart - s)).IndexOf("城区", StringComparison.Ordinal) < 0)
        {
            // 贡献度 alone is an industry's contribution to growth (第二产业…贡献度为30.5%); only 城区贡献度 is the district's share of the city's increment.
            (name, code) = (ChineseText.ToSimplified(raw), null);
            simplified = ChineseText.ToSimplified(name);
        }

        // Targets: a goal word in the sentence or paragraph, a period after the document date, or — in an undated text that only
        // names years — a whole-year figure for the latest year it names (a plan, not a result).
        var target = goal || (period is { } p && reference is { } r && p.Start > r)
            || (period is { } py && undatedYear is { } uy && py.Year == uy && py.FirstMonth == 1 && py.LastMonth == 12);
        var rule = d.Rule;
        var amount = d.Amount;
        if (target && kind is not (FactKind.Rank or FactKind.Comparison))
        {
            if (kind == FactKind.Growth && d.GrowthQualifier is { } gq && gq != Qualifier.Exact && amount is null && d.Growth is { } g)
            {
                amount = new Amount(g, Unit.Percent, gq); // 增长6%以上: the threshold word stays on the target
            }

            kind = FactKind.Target;
            rule = TargetRule(rule);
        }

        var plainStart = text.ToPlain(d.FigureStart);
        var plainEnd = text.ToPlain(Math.Min(d.FigureStart + d.FigureLength, n.Length) - 1) + 1;
        // The source clause: the sentence, or a window of it around the figure when the sentence runs on (so output stays linear
        // and a run-on line does not keep a long copy per fact); the fact cuts it from the normalised text when it is read.
        var ws = Math.Max(s, d.FigureStart - SourceWindow);
        var we = Math.Min(e, d.FigureStart + d.FigureLength + SourceWindow);
        var (length, sentenceOffset, confidence) = (Math.Max(1, plainEnd - plainStart), text.ToPlain(ws), Confidence(code, region?.Code, period, kind, d.Borrowed));
        var fact = d.Source is { } source
            ? new ExtractedFact(doc, kind, regionText, region?.Code, simplified, raw, code, period, amount, d.High, d.Growth, d.PlanShare,
                source, plainStart, length, sentenceOffset) { Rule = rule, Comparator = d.Comparator, Confidence = confidence }
            : new ExtractedFact(doc, kind, regionText, region?.Code, simplified, raw, code, period, amount, d.High, d.Growth, d.PlanShare,
                n, ws, we - ws, plainStart, length, sentenceOffset) { Rule = rule, Comparator = d.Comparator, Confidence = confidence };
        Facts.Add(fact);
        return fact;
    }

    // "target." + rule, made once per rule (rules are a few dozen constants and their joins), not once per fact.
    private readonly Dictionary<string, string> _targetRules = new(StringComparer.Ordinal);

    private string TargetRule(string rule)
    {
        if (!_targetRules.TryGetValue(rule, out var target))
        {
            target = "target." + rule;
            if (_targetRules.Count < 1024)
            {
                _targetRules[rule] = target;
            }
        }

        return target;
    }

    /// <summary>
    /// 1 for a catalogued indicator with region and period; lower for each role the text left open: an uncatalogued name (×0.75),
    /// no region code (×0.8), no period on an observation (×0.8), a name borrowed from an earlier clause (×0.9).
    /// </summary>
    public static decimal Confidence(ExtractedFact f, bool borrowed) => Confidence(f.IndicatorCode, f.RegionCode, f.Period, f.Kind, borrowed);

    private static decimal Confidence(IndicatorCode? indicator, RegionCode? regionCode, StatPeriod? period, FactKind kind, bool borrowed)
        => Confidences[(indicator is null ? 1 : 0) | (regionCode is null ? 2 : 0) | (period is null && kind is not (FactKind.Target or FactKind.Count) ? 4 : 0) | (borrowed ? 8 : 0)];

    // The sixteen confidences (one per combination of the four open roles), each computed once as below rather than per fact.
    private static readonly decimal[] Confidences = [.. Enumerable.Range(0, 16).Select(k => Confidence((k & 1) != 0, (k & 2) != 0, (k & 4) != 0, (k & 8) != 0))];

    private static decimal Confidence(bool noIndicator, bool noRegion, bool noPeriod, bool borrowed)
    {
        var c = 1m;
        if (noIndicator)
        {
            c *= 0.75m;
        }

        if (noRegion)
        {
            c *= 0.8m;
        }

        if (noPeriod)
        {
            c *= 0.8m;
        }

        if (borrowed)
        {
            c *= 0.9m;
        }

        return Math.Round(c, 3);
    }

    // Joined rules (value.catalogue-name+growth.of-previous-level …) are made by concatenation per join; the facts of a document
    // keep one copy of each (there are a few hundred at most), not one per fact: they stay alive as long as the facts.
    private readonly Dictionary<string, string> _sharedRules = new(StringComparer.Ordinal);

    /// <summary>Replaces a fact already added (a growth or plan share joined to the level before it).</summary>
    public ExtractedFact Replace(ExtractedFact old, ExtractedFact updated)
    {
        if (!ReferenceEquals(updated.Rule, old.Rule))
        {
            if (_sharedRules.TryGetValue(updated.Rule, out var shared))
            {
                updated.ShareRule(shared);
            }
            else if (_sharedRules.Count < 1024)
            {
                _sharedRules[updated.Rule] = updated.Rule;
            }
        }

        var at = Facts.LastIndexOf(old);
        if (at >= 0)
        {
            Facts[at] = updated;
        }

        return updated;
    }

    // The joined rules made so far, by the rule joined to and what was added: one concatenation per pair per document.
    private readonly Dictionary<(string Rule, string Added), string> _joinedRules = [];

    /// <summary>
    /// <c>Replace(old, old with { GrowthPct = growth, Rule = old.Rule + added })</c> — a growth joined to the level before it — with the
    /// joined rule made once per document, and the fact updated in place (no copy of it) when the list holds <paramref name="old"/>
    /// itself where Replace would put the copy and <paramref name="held"/> (the levels a reader still owes a rate) does not hold it:
    /// then nothing else can see the old fact, and the result is the same.
    /// </summary>
    public ExtractedFact JoinGrowth(ExtractedFact old, decimal growth, string added, Queue<ExtractedFact> held)
    {
        if (!_joinedRules.TryGetValue((old.Rule, added), out var rule))
        {
            rule = old.Rule + added;
            if (_joinedRules.Count < 1024)
            {
                _joinedRules[(old.Rule, added)] = rule;
            }
        }

        var at = Facts.LastIndexOf(old);
        if (at < 0 || !ReferenceEquals(Facts[at], old) || Holds(held, old))
        {
            return Replace(old, old with { GrowthPct = growth, Rule = rule });
        }

        old.JoinGrowth(growth, rule);
        return old;
    }

    private static bool Holds(Queue<ExtractedFact> held, ExtractedFact fact)
    {
        foreach (var f in held)
        {
            if (ReferenceEquals(f, fact))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly string[] ProgrammeWords = ["重点", "重大", "新开工", "开工", "签约", "续建", "在建", "产业", "招商", "省级", "市级", "全部", "各类"];

    /// <summary>
    /// 度亘光电项目总投资1.1亿元: the total investment of one named project is an attribute of the project over its whole life,
    /// not a figure of the paragraph's period; a programme's total (重点项目总投资, 新开工项目总投资) keeps its period.
    /// </summary>
    private static bool IsOneProjectsTotal(string simplified)
    {
        if (!simplified.EndsWith("项目总投资", StringComparison.Ordinal))
        {
            return false;
        }

        var owner = simplified[..^"项目总投资".Length];
        if (owner.Length < 2 || owner.AsSpan().ContainsAnyInRange('0', '9'))
        {
            return false;
        }

        foreach (var w in ProgrammeWords)
        {
            if (owner.EndsWith(w, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
