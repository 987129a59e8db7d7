using Baiqiang.Core.Quantities;
using Baiqiang.Core.Text;

namespace Baiqiang.Core.Indicators;

/// <summary>How an indicator's values add up over time.</summary>
public enum IndicatorKind
{
    /// <summary>A flow summed over the period (GDP, revenue, investment): 1–6月 = Σ months.</summary>
    Flow = 1,
    /// <summary>A stock at the period's end (population, enterprise count, loan balance).</summary>
    Stock = 2,
    /// <summary>A rate or index (首位度, 增速, CPI 上年同月=100). Never summed.</summary>
    Rate = 3,
    /// <summary>A ratio of two stored figures (城镇化率, 存贷比, 税收占比). Never summed.</summary>
    Ratio = 4,
}

/// <summary>Whether more is better.</summary>
public enum Direction
{
    HigherIsBetter = 1,
    LowerIsBetter = -1,
    Neutral = 0,
}

/// <summary>
/// An indicator's stable machine code: lower-case ASCII letters, digits, '_' and '.', starting with a letter,
/// at most 64 characters (e.g. <c>gdp</c>, <c>budget_revenue</c>, <c>industry.value_added</c>).
/// </summary>
public readonly record struct IndicatorCode : IComparable<IndicatorCode>
{
    public IndicatorCode(string value)
    {
        if (Validate(value) is { } e)
        {
            throw new ArgumentException(e.ToString(), nameof(value));
        }

        Value = value;
    }

    public string Value { get; }

    public static ParseResult<IndicatorCode> TryParse(string? text)
    {
        var t = text?.Trim() ?? string.Empty;
        return Validate(t) is { } e ? ParseResult<IndicatorCode>.Fail(e) : ParseResult<IndicatorCode>.Ok(new IndicatorCode(t));
    }

    private static Bilingual? Validate(string value)
    {
        if (value.Length is 0 or > 64 || value[0] is < 'a' or > 'z')
        {
            return new Bilingual($"指标代码“{value}”无效(小写字母开头,最多64个字符)", $"indicator code '{value}' is invalid (start with a lower-case letter, at most 64 characters)");
        }

        foreach (var c in value)
        {
            if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' or '.'))
            {
                return new Bilingual($"指标代码“{value}”含有无效字符“{c}”", $"indicator code '{value}' contains invalid character '{c}'");
            }
        }

        return null;
    }

    public int CompareTo(IndicatorCode other) => string.CompareOrdinal(Value, other.Value);

    public static bool operator <(IndicatorCode left, IndicatorCode right) => left.CompareTo(right) < 0;

    public static bool operator >(IndicatorCode left, IndicatorCode right) => left.CompareTo(right) > 0;

    public static bool operator <=(IndicatorCode left, IndicatorCode right) => left.CompareTo(right) <= 0;

    public static bool operator >=(IndicatorCode left, IndicatorCode right) => left.CompareTo(right) >= 0;

    public override string ToString() => Value ?? string.Empty;
}

/// <summary>
/// A catalogue entry: what an indicator is, in which unit it is published, and how it behaves over time.
/// </summary>
/// <param name="Code">Stable machine code.</param>
/// <param name="NameZh">Chinese name as reports print it (地区生产总值).</param>
/// <param name="NameEn">English name.</param>
/// <param name="Unit">The unit values are stored in (亿元 for GDP). Imports in a compatible unit are converted.</param>
/// <param name="Kind">Flow, stock or rate.</param>
/// <param name="Direction">Whether more is better.</param>
/// <param name="PublishedCumulatively">True when offices publish 1–N月累计 figures (most flows); false for single-month or year-only series.</param>
/// <param name="AllowsNegative">True when a negative value is meaningful (a balance, a rate); false for amounts such as GDP.</param>
/// <param name="Aliases">Other names reports use (GDP, 社消零, 社会消费品零售额 …), matched after traditional→simplified normalisation.</param>
public sealed record Indicator(
    IndicatorCode Code,
    string NameZh,
    string NameEn,
    Unit Unit,
    IndicatorKind Kind,
    Direction Direction,
    bool PublishedCumulatively,
    bool AllowsNegative,
    IReadOnlyList<string> Aliases)
{
    /// <summary>What the indicator's unit measures (money, area, a count of 家 …); imports convert only within it.</summary>
    public Dimension Dimension => Unit.Dimension;

    /// <summary>The catalogue group it is listed under (综合, 工业, 投资, 消费, 财政, 金融 …); empty when none.</summary>
    public string Category { get; init; } = string.Empty;

    /// <summary>The indicator this one is a part of (第二产业增加值 ⊂ 地区生产总值), for shares, contributions and pulls; null at the top.</summary>
    public IndicatorCode? Parent { get; init; }

    /// <summary>True when offices publish its growth at comparable prices (按可比价计算, real growth): value added, 农林牧渔业总产值.</summary>
    public bool ComparableGrowth { get; init; }

    /// <summary>The day it was retired: it keeps its history and takes no new figures; null while in use.</summary>
    public DateOnly? Retired { get; init; }

    /// <summary>What the indicator counts, in a sentence or two.</summary>
    public string Description { get; init; } = string.Empty;
}
