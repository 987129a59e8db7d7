using System.Globalization;
using System.Text;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Quantities;

namespace Baiqiang.Briefing.Sections;

/// <summary>Number, amount and period wording for briefings, and <c>{placeholder}</c> filling of phrase templates.</summary>
internal static class Text
{
    private static readonly string[] ZhDigits = ["一", "二", "三", "四"];
    private static readonly string[] EnMonths = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    /// <summary>A number as reports print it: 7.8, 41, 27.8 (no trailing zeros, invariant culture).</summary>
    public static string Num(decimal v) => (v / 1.0000000000000000000000000000m).ToString("0.############", CultureInfo.InvariantCulture);

    /// <summary>A percent or point figure rounded to one decimal, then printed without trailing zeros.</summary>
    public static string Pct(decimal v) => Num(Math.Round(v, 1, MidpointRounding.AwayFromZero));

    /// <summary>880.5亿元 (zh, <see cref="AmountText.Format"/>) or 88.05 billion yuan (en, <see cref="AmountText.FormatEnglish"/>).</summary>
    public static string Amount(BriefingContext context, Amount amount) => Amount(context.English, amount);

    public static string Amount(bool english, Amount amount) => english ? AmountText.FormatEnglish(amount) : AmountText.Format(amount);

    /// <summary>上半年 / 一季度 / 1-5月 / 5月 / 全年 (zh); H1 / Q1 / Jan–May / May / the year (en).</summary>
    public static string PeriodLabel(StatPeriod p, bool english)
    {
        if (p.Kind == PeriodKind.Year)
        {
            return english ? "the year" : "全年";
        }

        if (p.IsCumulativeFromJanuary)
        {
            return p.LastMonth switch
            {
                3 => english ? "Q1" : "一季度",
                6 => english ? "H1" : "上半年",
                9 => english ? "the first three quarters" : "前三季度",
                _ when p.LastMonth == 1 => english ? "January" : "1月",
                _ => english ? $"{EnMonths[0]}–{EnMonths[p.LastMonth - 1]}" : string.Create(CultureInfo.InvariantCulture, $"1-{p.LastMonth}月"),
            };
        }

        if (p.QuarterNumber is { } q)
        {
            return english ? string.Create(CultureInfo.InvariantCulture, $"Q{q}") : ZhDigits[q - 1] + "季度";
        }

        if (p.MonthCount == 1)
        {
            return english ? EnMonths[p.FirstMonth - 1] : string.Create(CultureInfo.InvariantCulture, $"{p.FirstMonth}月");
        }

        return english ? $"{EnMonths[p.FirstMonth - 1]}–{EnMonths[p.LastMonth - 1]}" : string.Create(CultureInfo.InvariantCulture, $"{p.FirstMonth}-{p.LastMonth}月");
    }

    /// <summary>2023年上半年 / H1 2023.</summary>
    public static string PeriodFull(StatPeriod p, bool english)
    {
        if (p.Kind == PeriodKind.Year)
        {
            var y = p.Year.ToString(CultureInfo.InvariantCulture);
            return english ? y : y + "年";
        }

        var year = p.Year.ToString(CultureInfo.InvariantCulture);
        return english ? PeriodLabel(p, true) + " " + year : year + "年" + PeriodLabel(p, false);
    }

    /// <summary>
    /// Replaces each <c>{name}</c> in <paramref name="template"/> with its value; a placeholder without a value becomes empty,
    /// so a missing figure drops out of the sentence. <c>{{</c> and <c>}}</c> print braces.
    /// </summary>
    public static string Fill(string template, IReadOnlyDictionary<string, string?> values)
    {
        var sb = new StringBuilder(template.Length + 32);
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if (c == '{' && i + 1 < template.Length && template[i + 1] == '{')
            {
                sb.Append('{');
                i++;
            }
            else if (c == '}' && i + 1 < template.Length && template[i + 1] == '}')
            {
                sb.Append('}');
                i++;
            }
            else if (c == '{' && template.IndexOf('}', i) is var end and > 0)
            {
                var name = template[(i + 1)..end];
                sb.Append(values.TryGetValue(name, out var v) ? v : string.Empty);
                i = end;
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
