using System.Text.RegularExpressions;

namespace Baiqiang.Storage.Import;

/// <summary>Columns of the long layout.</summary>
internal enum LongColumn
{
    None = 0,
    Region,
    RegionName,
    Indicator,
    IndicatorName,
    Period,
    Value,
    Unit,
    Growth,
    Qualifier,
    Source,
    GrowthBasis,
    CurrentPriceGrowth,
}

/// <summary>What a wide-table column holds.</summary>
internal enum ColumnRole
{
    /// <summary>The value for the table's period.</summary>
    Value = 0,

    /// <summary>本月: the single month at the period's end.</summary>
    Month,

    /// <summary>累计: January to the period's end.</summary>
    Cumulative,

    /// <summary>同比增长%: growth of a neighbouring value column.</summary>
    Growth,
}

/// <summary>A wide-table header cell taken apart: “地区生产总值 累计(亿元)” → 地区生产总值, 亿元, Cumulative.</summary>
internal readonly record struct WideLabel(string IndicatorText, string? UnitText, ColumnRole? Role, ColumnRole? GrowthOf)
{
    /// <summary>True when nothing names an indicator: the cell is only a sub-column label (本月, 累计, 同比增长%, (亿元)).</summary>
    public bool IsSubLabelOnly => IndicatorText.Length == 0 || HeaderNames.IsValueWord(IndicatorText) || HeaderNames.IsIgnoredWord(IndicatorText);
}

/// <summary>Header vocabulary: long-form column names in English and Chinese, and wide-form sub-column labels.</summary>
internal static partial class HeaderNames
{
    private static readonly Dictionary<string, LongColumn> LongNames = BuildLongNames();

    private static readonly string[] GrowthSuffixes =
    [
        .. new[]
        {
            "比上年同期增长%", "比上年同期增长", "比上年增长%", "比上年增长", "同比增长率%", "同比增长率", "同比增长%", "同比增长",
            "同比增速%", "同比增速", "同比%", "同比", "增长率%", "增长率", "增长%", "增速%", "增速", "增幅%", "增幅", "增长",
            "growth%", "growth", "yoy%", "yoy",
        }.OrderByDescending(s => s.Length),
    ];

    private static readonly string[] MonthSuffixes = ["本月数", "当月数", "本月值", "当月值", "本月", "当月", "单月", "month"];

    private static readonly string[] CumulativeSuffixes = ["本月止累计", "本年累计", "累计数", "累计值", "年初至今", "累计", "cumulative", "ytd"];

    private static readonly HashSet<string> ValueWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "金额", "绝对值", "绝对数", "总量", "数值", "数额", "本期", "本期数", "value", "amount",
    };

    private static readonly HashSet<string> RegionWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "地区", "区域", "地区名称", "区域名称", "地区代码", "区划代码", "行政区划代码", "县区", "区县", "县(市、区)", "县(市,区)",
        "单位名称", "region", "region_code", "region_name",
    };

    private static readonly HashSet<string> IgnoredWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "序号", "编号", "排名", "排位", "位次", "名次", "备注", "说明", "no", "no.", "rank",
    };

    public static bool IsValueWord(string text) => ValueWords.Contains(text);

    /// <summary>Columns a wide table carries that are not figures: 序号, 位次, 排名, 备注 ….</summary>
    public static bool IsIgnoredWord(string text) => IgnoredWords.Contains(Compact(text));

    /// <summary>True for a header naming the region column of a wide table (地区, 区域, region …).</summary>
    public static bool IsRegionHeader(string text) => RegionWords.Contains(Compact(text)) || RegionWords.Contains(ImportText.NormalizeHeader(text));

    /// <summary>Recognises a long-form header cell.</summary>
    public static LongColumn ClassifyLong(string text)
    {
        if (LongNames.TryGetValue(Compact(text), out var c))
        {
            return c;
        }

        // 数值(万元) / value (亿元): the value column with its unit in the header.
        return LongHeaderUnit(text) is not null ? LongColumn.Value : LongColumn.None;
    }

    /// <summary>The unit a long-form value header states in brackets (数值(万元) → 万元); null for any other header.</summary>
    public static string? LongHeaderUnit(string text)
    {
        var t = ImportText.NormalizeHeader(text);
        if (!t.EndsWith(')'))
        {
            return null;
        }

        var open = t.LastIndexOf('(');
        if (open <= 0 || !LongNames.TryGetValue(Compact(t[..open]), out var c) || c != LongColumn.Value)
        {
            return null;
        }

        var unit = t[(open + 1)..^1].Trim();
        if (unit.StartsWith("单位", StringComparison.Ordinal))
        {
            unit = unit[2..].TrimStart(':', ' ');
        }

        return unit.Length > 0 ? unit : null;
    }

    /// <summary>Lower-case ASCII, no white space, full-width forms folded, “(%)” → “%”.</summary>
    private static string Compact(string text)
    {
        var n = ImportText.NormalizeHeader(text).Replace(" ", string.Empty, StringComparison.Ordinal).Replace("(%)", "%", StringComparison.Ordinal);
        return n.ToLowerInvariant();
    }

    private static Dictionary<string, LongColumn> BuildLongNames()
    {
        var d = new Dictionary<string, LongColumn>(StringComparer.Ordinal);
        void Add(LongColumn c, params string[] names)
        {
            foreach (var n in names)
            {
                d[n] = c;
            }
        }

        Add(LongColumn.Region, "region", "region_code", "regioncode", "code", "地区", "区域", "地区代码", "区划代码", "行政区划代码", "区县", "县区");
        Add(LongColumn.RegionName, "region_name", "regionname", "地区名称", "区域名称");
        Add(LongColumn.Indicator, "indicator", "indicator_code", "indicatorcode", "指标", "指标代码");
        Add(LongColumn.IndicatorName, "indicator_name", "indicatorname", "指标名称");
        Add(LongColumn.Period, "period", "期别", "时期", "统计期", "统计期别", "报告期", "时间");
        Add(LongColumn.Value, "value", "数值", "值", "本期", "本期值", "绝对值", "数据");
        Add(LongColumn.Unit, "unit", "单位", "计量单位");
        Add(LongColumn.Growth, "growth", "growth%", "growth_percent", "同比增长%", "同比增长", "增长", "增长%", "增速", "增速%", "同比", "同比%", "增幅", "增幅%", "增长率", "增长率%", "同比增速", "同比增速%");
        Add(LongColumn.Qualifier, "qualifier", "限定", "限定词");
        Add(LongColumn.Source, "source", "来源", "数据来源");
        Add(LongColumn.CurrentPriceGrowth, "growth_current_price_percent", "growth_current_price", "current_price_growth_percent", "current_price_growth",
            "同比增长(现价)%", "同比增长(现价)", "现价增长%", "现价增长", "现价增速%", "现价增速", "按现价计算增长%", "按现价计算增长",
            "同比增長(現價)%", "同比增長(現價)", "現價增長%", "現價增長", "現價增速%", "現價增速");
        Add(LongColumn.GrowthBasis, "growth_basis", "growthbasis", "basis", "增速口径", "增长口径", "价格口径", "计价口径");
        return d;
    }

    /// <summary>Takes a wide-table header cell apart into indicator text, unit and role.</summary>
    public static WideLabel ParseWide(string text)
    {
        var t = ImportText.NormalizeHeader(text);
        string? unit = null;
        if (t.EndsWith(')'))
        {
            var open = t.LastIndexOf('(');
            if (open >= 0)
            {
                unit = t[(open + 1)..^1].Trim();
                if (unit.StartsWith("单位", StringComparison.Ordinal))
                {
                    unit = unit[2..].TrimStart(':', ' ');
                }

                t = t[..open].TrimEnd();
            }
        }

        ColumnRole? role = null;
        ColumnRole? growthOf = null;
        if (unit == "%" && t.Length == 0)
        {
            // A lone “(%)” sub-label: a growth column.
            role = ColumnRole.Growth;
        }

        if (EndsWithAny(t, GrowthSuffixes, out var g))
        {
            role = ColumnRole.Growth;
            t = TrimSeparators(t[..^g.Length]);
        }

        var sub = SubPeriodRole(ref t);
        if (sub is { } s)
        {
            if (role == ColumnRole.Growth)
            {
                growthOf = s;
            }
            else
            {
                role = s;
            }
        }

        if (role == ColumnRole.Growth && unit is "%" or "")
        {
            unit = null;
        }

        return new WideLabel(TrimSeparators(t), string.IsNullOrEmpty(unit) ? null : unit, role, growthOf);
    }

    private static ColumnRole? SubPeriodRole(ref string t)
    {
        if (EndsWithAny(t, CumulativeSuffixes, out var c))
        {
            t = TrimSeparators(t[..^c.Length]);
            // “1-6月累计”: drop the month span too.
            var m = MonthSpan().Match(t);
            if (m.Success)
            {
                t = TrimSeparators(t[..m.Index]);
            }

            return ColumnRole.Cumulative;
        }

        if (EndsWithAny(t, MonthSuffixes, out var mo))
        {
            t = TrimSeparators(t[..^mo.Length]);
            return ColumnRole.Month;
        }

        var span = MonthSpan().Match(t);
        if (span.Success)
        {
            t = TrimSeparators(t[..span.Index]);
            return ColumnRole.Cumulative;
        }

        var single = SingleMonth().Match(t);
        if (single.Success)
        {
            t = TrimSeparators(t[..single.Index]);
            return ColumnRole.Month;
        }

        return null;
    }

    private static bool EndsWithAny(string t, string[] suffixes, out string found)
    {
        foreach (var s in suffixes)
        {
            if (t.EndsWith(s, StringComparison.OrdinalIgnoreCase))
            {
                found = s;
                return true;
            }
        }

        found = string.Empty;
        return false;
    }

    private static string TrimSeparators(string t) => t.Trim(' ', '_', '-', '·', ':', '/', '|', ',', '、');

    [GeneratedRegex(@"(?<![0-9])[0-9]{1,2}\s*[-至到]\s*[0-9]{1,2}\s*月(份)?$")]
    private static partial Regex MonthSpan();

    [GeneratedRegex(@"(?<![0-9-])[0-9]{1,2}\s*月(份)?$")]
    private static partial Regex SingleMonth();
}
