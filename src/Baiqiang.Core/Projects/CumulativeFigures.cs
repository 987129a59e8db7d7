using Baiqiang.Core.Text;

namespace Baiqiang.Core.Projects;

/// <summary>How <see cref="CumulativeFigures"/> names the figures in its messages.</summary>
/// <param name="FigureZh">The figures as a whole (完成投资, 到位资金).</param>
/// <param name="FallingZh">The cumulative in the "lower than last month" message (本年累计完成, 累计到位).</param>
/// <param name="SumZh">The cumulative in the "is not last month plus this month" message (本年累计, 累计到位).</param>
/// <param name="FigureEn">The figures in English (investment figures, funds in place).</param>
/// <param name="CumulativeEn">The cumulative in English (the cumulative, the cumulative funds in place).</param>
public sealed record CumulativeWording(string FigureZh, string FallingZh, string SumZh, string FigureEn, string CumulativeEn)
{
    /// <summary>Key projects' 完成投资 (<see cref="MonthlyReport"/>).</summary>
    public static CumulativeWording Investment { get; } = new("完成投资", "本年累计完成", "本年累计", "investment figures", "the cumulative");

    /// <summary>Deals' 到位资金 (the pipeline's monthly funds form).</summary>
    public static CumulativeWording FundsInPlace { get; } = new("到位资金", "累计到位", "累计到位", "funds in place", "the cumulative funds in place");
}

/// <summary>
/// The cumulative rule of the monthly forms (key projects' 完成投资 and deals' 到位资金): this month and the cumulative
/// are ≥ 0, the cumulative never falls below the previous report's cumulative, and equals it plus this month exactly; a
/// first report may carry an opening balance (期初累计) = cumulative − this month.
/// </summary>
public static class CumulativeFigures
{
    /// <summary>Checks the figures; null when valid. The error names the figures involved, in Chinese and English.</summary>
    public static Bilingual? Validate(decimal thisMonth, decimal cumulative, decimal previousCumulative, CumulativeWording wording)
    {
        ArgumentNullException.ThrowIfNull(wording);
        if (thisMonth < 0 || cumulative < 0 || previousCumulative < 0)
        {
            return new Bilingual(
                $"{wording.FigureZh}不能为负数(本月{Fmt.Wan(thisMonth)}，累计{Fmt.Wan(cumulative)})",
                $"{wording.FigureEn} must not be negative (this month {Fmt.N(thisMonth)}, cumulative {Fmt.N(cumulative)} 10k yuan)");
        }

        if (cumulative < previousCumulative)
        {
            return new Bilingual(
                $"{wording.FallingZh}{Fmt.Wan(cumulative)}低于上月累计{Fmt.Wan(previousCumulative)}",
                $"{wording.CumulativeEn} {Fmt.N(cumulative)} is lower than last month's cumulative {Fmt.N(previousCumulative)} (10k yuan)");
        }

        var expected = previousCumulative + thisMonth;
        return cumulative != expected
            ? new Bilingual(
                $"{wording.SumZh}{Fmt.Wan(cumulative)}不等于上月累计{Fmt.Wan(previousCumulative)}加本月{Fmt.Wan(thisMonth)}(应为{Fmt.Wan(expected)})",
                $"{wording.CumulativeEn} {Fmt.N(cumulative)} is not last month's {Fmt.N(previousCumulative)} plus this month's {Fmt.N(thisMonth)} (expected {Fmt.N(expected)}, 10k yuan)")
            : null;
    }

    /// <summary>
    /// The opening balance (期初累计) a first report implies — cumulative − this month — or null when there is an earlier
    /// report (<paramref name="hasEarlierReport"/>), the figures already add up from 0, or the cumulative is below this month.
    /// </summary>
    public static decimal? Opening(decimal thisMonth, decimal cumulative, bool hasEarlierReport) =>
        hasEarlierReport || thisMonth < 0 || cumulative <= thisMonth ? null : cumulative - thisMonth;
}
