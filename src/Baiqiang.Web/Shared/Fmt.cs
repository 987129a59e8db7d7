using System.Globalization;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Quantities;

namespace Baiqiang.Web.Shared;

/// <summary>Display forms of periods and numbers, in the user's language.</summary>
public static class Fmt
{
    public static string Period(StatPeriod p, bool en) => (p.Kind, en) switch
    {
        (PeriodKind.Year, false) => $"{p.Year}年",
        (PeriodKind.Month, false) => $"{p.Year}年{p.FirstMonth}月",
        (PeriodKind.Cumulative, false) => $"{p.Year}年1-{p.LastMonth}月",
        (PeriodKind.SecondHalf, false) => $"{p.Year}年下半年",
        (_, false) when p.QuarterNumber is { } q => $"{p.Year}年第{q}季度",
        (PeriodKind.Year, true) => p.Year.ToString(CultureInfo.InvariantCulture),
        (PeriodKind.Month, true) => p.Start.ToString("MMM yyyy", CultureInfo.InvariantCulture),
        (PeriodKind.Cumulative, true) => string.Create(CultureInfo.InvariantCulture, $"Jan–{p.End.ToString("MMM", CultureInfo.InvariantCulture)} {p.Year}"),
        _ => p.ToString(),
    };

    /// <summary>A day as a sentence writes it: 2022年6月30日 / 30 Jun 2022.</summary>
    public static string Day(DateOnly day, bool en) => en
        ? day.ToString("d MMM yyyy", CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{day.Year}年{day.Month}月{day.Day}日");

    public static string Number(decimal? value) => value is { } v ? v.ToString("#,##0.##", CultureInfo.InvariantCulture) : "—";

    public static string Amount(decimal? value, Unit unit, bool en) => value is { } v
        ? (en ? AmountText.FormatEnglish(new Amount(v, unit)) : AmountText.Format(new Amount(v, unit)))
        : "—";

    /// <summary>A growth with its price basis as the API writes it (comparable, current, null): 同比增长7.8%(可比价), +7.8% (comparable prices).</summary>
    public static string Growth(decimal? growth, string? basis, bool en) => growth is null ? Growth(growth, en) : basis switch
    {
        "comparable" => Growth(growth, en) + (en ? " (comparable prices)" : "(可比价)"),
        "current" => Growth(growth, en) + (en ? " (current prices)" : "(现价)"),
        _ => Growth(growth, en),
    };

    public static string Growth(decimal? growth, bool en) => growth is not { } g ? "—"
        : en ? string.Create(CultureInfo.InvariantCulture, $"{(g >= 0 ? "+" : string.Empty)}{g:0.##}%")
        : AmountText.FormatGrowth(g);
}
