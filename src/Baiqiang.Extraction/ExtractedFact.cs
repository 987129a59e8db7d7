using Baiqiang.Core.Indicators;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Quantities;
using Baiqiang.Core.Regions;

namespace Baiqiang.Extraction;

/// <summary>What a fact states.</summary>
public enum FactKind
{
    /// <summary>An indicator's level (880.5亿元), possibly with its growth.</summary>
    Value = 1,
    /// <summary>A growth rate alone (规上工业总产值增长12.8%).</summary>
    Growth = 2,
    /// <summary>A share (高新产值占比55.9%).</summary>
    Share = 3,
    /// <summary>Investment completed against the annual plan (完成投资176.8亿元,占年度计划的54.3%).</summary>
    PlanCompletion = 4,
    /// <summary>A count (重点项目134个, 企业26家).</summary>
    Count = 5,
    /// <summary>A pull in percentage points (拉动规上工业总产值增长5.6个百分点).</summary>
    Pull = 6,
    /// <summary>A multiple (增长3倍, 翻一番).</summary>
    Multiple = 7,
    /// <summary>A rank statement (位居全市第二, 位居前列).</summary>
    Rank = 8,
    /// <summary>A target or plan, not an observation (力争…以上, 确保…, 到2025年翻一番).</summary>
    Target = 9,
    /// <summary>A rate against a named comparator, in points (增速高于全市平均1.2个百分点): <see cref="ExtractedFact.Comparator"/> says against what.</summary>
    Comparison = 10,
    /// <summary>A change in a level (比年初增加12亿元): never the level itself, and it takes no growth rate.</summary>
    Increment = 11,
}

/// <summary>
/// One fact read from a document, with where it was found: <see cref="Offset"/> and <see cref="Length"/> index the
/// original text (after HTML was stripped), so a viewer can highlight it inside <see cref="Sentence"/>.
/// </summary>
/// <param name="Doc">The document's name (file name).</param>
/// <param name="Kind">What the fact states.</param>
/// <param name="Region">The region as written (通州区, 全区), or null when the document names none.</param>
/// <param name="RegionCode">The resolved region, or null when unknown or ambiguous.</param>
/// <param name="Indicator">The indicator's name in simplified characters (the catalogue's name when it is catalogued).</param>
/// <param name="IndicatorRaw">The indicator as written in the document.</param>
/// <param name="IndicatorCode">The catalogue code, or null.</param>
/// <param name="Period">The resolved period, or null.</param>
/// <param name="Amount">The figure in the unit written (null for a growth-only fact or a rank without a number).</param>
/// <param name="High">The high end when the figure was a range (5至8亿元), else null.</param>
/// <param name="GrowthPct">Signed growth in percent (下降15.4% → −15.4), or null.</param>
/// <param name="PlanSharePct">Share of the annual plan completed, in percent, or null.</param>
/// <param name="Sentence">The source clause (normalised text).</param>
/// <param name="Offset">Where the figure starts in the original text.</param>
/// <param name="Length">How many original characters the figure spans.</param>
/// <param name="SentenceOffset">Where <paramref name="Sentence"/> starts in the original text.</param>
public sealed record ExtractedFact(
    string Doc,
    FactKind Kind,
    string? Region,
    RegionCode? RegionCode,
    string Indicator,
    string IndicatorRaw,
    IndicatorCode? IndicatorCode,
    StatPeriod? Period,
    Amount? Amount,
    decimal? High,
    decimal? GrowthPct,
    decimal? PlanSharePct,
    string Sentence,
    int Offset,
    int Length,
    int SentenceOffset)
{
    // The figure and the three rates are kept unwrapped: a unit, a value, a qualifier and a flag rather than a Nullable<Amount>
    // (40 bytes), a decimal and a flag rather than a Nullable<decimal> (24 bytes each). A fact is about 40 bytes smaller, and
    // every fact of an extraction survives every garbage collection made during it. Declared here, before Sentence, so that
    // ToString keeps the members' order; reading one gives back the value given (the decimal's scale included).

    /// <summary>The figure in the unit written (null for a growth-only fact or a rank without a number).</summary>
    public Amount? Amount
    {
        get => _hasAmount ? new Amount(_amountValue, _amountUnit!, _amountQualifier) : null;
        init => (_hasAmount, _amountValue, _amountUnit, _amountQualifier) = (value.HasValue, value.GetValueOrDefault().Value, value.GetValueOrDefault().Unit, value.GetValueOrDefault().Qualifier);
    }

    /// <summary>The high end when the figure was a range (5至8亿元), else null.</summary>
    public decimal? High
    {
        get => _hasHigh ? _high : null;
        init => (_hasHigh, _high) = (value.HasValue, value.GetValueOrDefault());
    }

    /// <summary>Signed growth in percent (下降15.4% → −15.4), or null.</summary>
    public decimal? GrowthPct
    {
        get => _hasGrowth ? _growth : null;
        init => (_hasGrowth, _growth) = (value.HasValue, value.GetValueOrDefault());
    }

    /// <summary>Share of the annual plan completed, in percent, or null.</summary>
    public decimal? PlanSharePct
    {
        get => _hasPlanShare ? _planShare : null;
        init => (_hasPlanShare, _planShare) = (value.HasValue, value.GetValueOrDefault());
    }

    private readonly decimal _amountValue = Amount.GetValueOrDefault().Value;
    private readonly Unit? _amountUnit = Amount.GetValueOrDefault().Unit;
    private readonly Qualifier _amountQualifier = Amount.GetValueOrDefault().Qualifier;
    private readonly decimal _high = High.GetValueOrDefault();
    private decimal _growth = GrowthPct.GetValueOrDefault(); // not readonly: JoinGrowth
    private readonly decimal _planShare = PlanSharePct.GetValueOrDefault();
    private readonly bool _hasAmount = Amount.HasValue;
    private readonly bool _hasHigh = High.HasValue;
    private bool _hasGrowth = GrowthPct.HasValue;
    private readonly bool _hasPlanShare = PlanSharePct.HasValue;

    // The source clause is a window of the document's normalised text. A fact keeps the text and the window's bounds and cuts
    // the string only when it is read (the writers read it once): a 10 MB document's facts held 86,000 window strings (8 MB)
    // that every garbage collection copied. The four members below keep their order in ToString (Sentence, Offset, Length,
    // SentenceOffset); equality and the hash code compare the sentence's text, as the record's own did.

    /// <summary>The source clause (normalised text).</summary>
    public string Sentence
    {
        get => _source!.Substring(_sourceStart, _sourceLength); // a whole string (start 0, its length) is returned as it is, not copied
        init => (_source, _sourceStart, _sourceLength) = (value, 0, value?.Length ?? 0);
    }

    /// <summary>Where the figure starts in the original text.</summary>
    public int Offset { get; init; } = Offset;

    /// <summary>How many original characters the figure spans.</summary>
    public int Length { get; init; } = Length;

    /// <summary>Where <see cref="Sentence"/> starts in the original text.</summary>
    public int SentenceOffset { get; init; } = SentenceOffset;

    // A sentence given whole is kept as a window over all of itself: one reference member, not a string and a text.
    private string? _source = Sentence;
    private int _sourceStart;
    private int _sourceLength = Sentence?.Length ?? 0;

    /// <summary>A fact whose source clause is <paramref name="source"/>[<paramref name="sourceStart"/>..+<paramref name="sourceLength"/>], cut when read.</summary>
    internal ExtractedFact(string doc, FactKind kind, string? region, RegionCode? regionCode, string indicator, string indicatorRaw, IndicatorCode? indicatorCode,
        StatPeriod? period, Amount? amount, decimal? high, decimal? growthPct, decimal? planSharePct, string source, int sourceStart, int sourceLength,
        int offset, int length, int sentenceOffset)
        : this(doc, kind, region, regionCode, indicator, indicatorRaw, indicatorCode, period, amount, high, growthPct, planSharePct, null!, offset, length, sentenceOffset)
        => (_source, _sourceStart, _sourceLength) = (source, sourceStart, sourceLength);

    private ReadOnlySpan<char> SentenceSpan => _source.AsSpan(_sourceStart, _sourceLength);

    /// <summary>Member by member, as a record compares (the sentence by its text).</summary>
    public bool Equals(ExtractedFact? other)
        => ReferenceEquals(this, other) || (other is not null
            && string.Equals(Doc, other.Doc, StringComparison.Ordinal) && Kind == other.Kind && string.Equals(Region, other.Region, StringComparison.Ordinal)
            && EqualityComparer<RegionCode?>.Default.Equals(RegionCode, other.RegionCode)
            && string.Equals(Indicator, other.Indicator, StringComparison.Ordinal) && string.Equals(IndicatorRaw, other.IndicatorRaw, StringComparison.Ordinal)
            && EqualityComparer<IndicatorCode?>.Default.Equals(IndicatorCode, other.IndicatorCode)
            && EqualityComparer<StatPeriod?>.Default.Equals(Period, other.Period) && EqualityComparer<Amount?>.Default.Equals(Amount, other.Amount)
            && EqualityComparer<decimal?>.Default.Equals(High, other.High) && EqualityComparer<decimal?>.Default.Equals(GrowthPct, other.GrowthPct)
            && EqualityComparer<decimal?>.Default.Equals(PlanSharePct, other.PlanSharePct)
            && SentenceSpan.SequenceEqual(other.SentenceSpan) && Offset == other.Offset && Length == other.Length && SentenceOffset == other.SentenceOffset
            && Confidence == other.Confidence && string.Equals(Rule, other.Rule, StringComparison.Ordinal) && string.Equals(Comparator, other.Comparator, StringComparison.Ordinal));

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var h = new HashCode();
        h.Add(Doc, StringComparer.Ordinal);
        h.Add(Kind);
        h.Add(Region, StringComparer.Ordinal);
        h.Add(RegionCode);
        h.Add(Indicator, StringComparer.Ordinal);
        h.Add(IndicatorRaw, StringComparer.Ordinal);
        h.Add(IndicatorCode);
        h.Add(Period);
        h.Add(Amount);
        h.Add(High);
        h.Add(GrowthPct);
        h.Add(PlanSharePct);
        h.Add(string.GetHashCode(SentenceSpan, StringComparison.Ordinal));
        h.Add(Offset);
        h.Add(Length);
        h.Add(SentenceOffset);
        h.Add(Confidence);
        h.Add(Rule, StringComparer.Ordinal);
        h.Add(Comparator, StringComparer.Ordinal);
        return h.ToHashCode();
    }

    /// <summary>How sure the extractor is, from 0 to 1: lower when the indicator is not catalogued, the region or period is unknown, or the name was borrowed from an earlier clause.</summary>
    public decimal Confidence { get; init; } = 1m;

    /// <summary>The rule that produced the fact (value.name-before-figure, growth.of-previous-level, comparison.points …), for reviewers and tuning.</summary>
    public string Rule { get => _rule; init => _rule = value; }

    private string _rule = string.Empty;

    /// <summary>Puts an equal string in place of <see cref="Rule"/>: the builder keeps one copy of each rule for all the facts of a document.</summary>
    internal void ShareRule(string same)
    {
        System.Diagnostics.Debug.Assert(string.Equals(same, _rule, StringComparison.Ordinal), "only an equal rule may be shared");
        _rule = same;
    }

    /// <summary>
    /// Gives the fact a growth and a new rule in place: what <c>with { GrowthPct = growth, Rule = rule }</c> gives in a copy. Only for the
    /// builder, and only while no one but its list holds the fact (<see cref="Facts.FactBuilder.JoinGrowth"/>).
    /// </summary>
    internal void JoinGrowth(decimal growth, string rule) => (_hasGrowth, _growth, _rule) = (true, growth, rule);

    /// <summary>For a comparison, what the rate is compared with (全市平均, 去年同期, 一季度); else null.</summary>
    public string? Comparator { get; init; }

    /// <summary>The figure in the unit written, or null.</summary>
    public decimal? Value => Amount?.Value;

    /// <summary>The unit symbol written (亿元, %, 个百分点, 家), or empty.</summary>
    public string Unit => Amount?.Unit.Symbol ?? string.Empty;

    /// <summary>The figure in the base unit (元 for money, 家 for 万家 …), or null.</summary>
    public decimal? ValueBase => Amount is { } a ? Numbers.Strip(a.BaseValue) : null;

    /// <summary>The qualifier as reports write it (余, 近, 超, 约, 以上, 以下), or null when the figure is exact.</summary>
    public string? QualifierText => Amount?.Qualifier switch
    {
        Qualifier.More => "余",
        Qualifier.Nearly => "近",
        Qualifier.Over => "超",
        Qualifier.About => "约",
        Qualifier.AtLeast => "以上",
        Qualifier.AtMost => "以下",
        _ => null,
    };

    /// <summary>The kind as written in output files: value, growth, share, plan_completion, count, pull, multiple, rank, target, comparison, increment.</summary>
    public string KindText => KindName(Kind);

    /// <summary>The output name of a kind.</summary>
    public static string KindName(FactKind kind) => kind switch
    {
        FactKind.Value => "value",
        FactKind.Growth => "growth",
        FactKind.Share => "share",
        FactKind.PlanCompletion => "plan_completion",
        FactKind.Count => "count",
        FactKind.Pull => "pull",
        FactKind.Multiple => "multiple",
        FactKind.Rank => "rank",
        FactKind.Target => "target",
        FactKind.Comparison => "comparison",
        FactKind.Increment => "increment",
        _ => kind.ToString(),
    };

    /// <summary>Parses an output kind name.</summary>
    public static FactKind? ParseKind(string? text) => text switch
    {
        "value" => FactKind.Value,
        "growth" => FactKind.Growth,
        "share" => FactKind.Share,
        "plan_completion" => FactKind.PlanCompletion,
        "count" => FactKind.Count,
        "pull" => FactKind.Pull,
        "multiple" => FactKind.Multiple,
        "rank" => FactKind.Rank,
        "target" => FactKind.Target,
        "comparison" => FactKind.Comparison,
        "increment" => FactKind.Increment,
        _ => null,
    };

    /// <summary>True for the kinds that are statistical indicator observations (value, growth, share, plan completion, pull).</summary>
    public bool IsIndicatorFact => Kind is FactKind.Value or FactKind.Growth or FactKind.Share or FactKind.PlanCompletion or FactKind.Pull;
}
