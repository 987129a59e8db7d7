using Baiqiang.Core.Quantities;

namespace Baiqiang.Core.Indicators;

/// <summary>
/// The built-in indicators county and district economic offices report: code, Chinese and English names, unit,
/// kind, direction and the aliases reports print.
/// </summary>
/// <remarks>
/// Aliases are simplified Chinese (or ASCII such as "GDP"); <see cref="Find"/> matches a code, a Chinese name or an
/// alias exactly (ordinal, after trimming surrounding white space) and returns null otherwise. Codes, names and
/// aliases are unique across the catalogue (an alias that equals the entry's own name is harmless).
/// </remarks>
public static class IndicatorCatalogue
{
    // Field initialisers run in text order: the list first, then the index over the same instances.
    private static readonly List<Indicator> Entries = BuildDefault();
    private static readonly Dictionary<string, Indicator> Index = BuildIndex(Entries);

    /// <summary>Every built-in indicator, in catalogue order.</summary>
    public static IReadOnlyList<Indicator> Default => Entries;

    /// <summary>Finds an indicator by code (<c>gdp</c>), Chinese name (地区生产总值) or alias (GDP, 社消零); null when none matches.</summary>
    public static Indicator? Find(string codeOrNameOrAlias)
        => codeOrNameOrAlias is null ? null : Index.GetValueOrDefault(codeOrNameOrAlias.Trim());

    private static Indicator I(string code, string zh, string en, Unit unit, IndicatorKind kind, bool cumulative, bool allowsNegative = false,
        Direction direction = Direction.HigherIsBetter, params string[] aliases)
        => new(new IndicatorCode(code), zh, en, unit, kind, direction, cumulative, allowsNegative, aliases);

    private static List<Indicator> BuildDefault() =>
    [
        I("gdp", "地区生产总值", "gross regional product", Unit.YiYuan, IndicatorKind.Flow, true, aliases: ["GDP", "生产总值", "国内生产总值"]),
        I("budget_revenue", "一般公共预算收入", "general public budget revenue", Unit.YiYuan, IndicatorKind.Flow, true, aliases: ["地方一般公共预算收入", "公共财政预算收入"]),
        I("industrial_value_added", "规上工业增加值", "value added of industry above designated size", Unit.YiYuan, IndicatorKind.Flow, true, aliases: ["规模以上工业增加值"]),
        I("industrial_output", "规上工业总产值", "gross output of industry above designated size", Unit.YiYuan, IndicatorKind.Flow, true, aliases: ["规模以上工业总产值", "规上工业产值"]),
        I("industrial_output_total", "工业总产值", "gross industrial output", Unit.YiYuan, IndicatorKind.Flow, true, aliases: ["全部工业总产值"]),
        I("retail_sales", "社会消费品零售总额", "total retail sales of consumer goods", Unit.YiYuan, IndicatorKind.Flow, true, aliases: ["社消零", "社会消费品零售额", "社零总额"]),
        I("services_value_added", "服务业增加值", "value added of services", Unit.YiYuan, IndicatorKind.Flow, true, aliases: ["第三产业增加值"]),
        I("fixed_asset_investment", "固定资产投资", "fixed-asset investment", Unit.YiYuan, IndicatorKind.Flow, true, aliases: ["全社会固定资产投资", "固投"]),
        I("industrial_investment", "工业投资", "industrial investment", Unit.YiYuan, IndicatorKind.Flow, true, aliases: ["工业固定资产投资"]),
        I("trade_total", "外贸进出口总额", "total foreign trade", Unit.YiYuan, IndicatorKind.Flow, true, aliases: ["进出口总额", "外贸进出口"]),
        I("exports", "出口总额", "exports", Unit.YiYuan, IndicatorKind.Flow, true, aliases: ["出口额"]),
        I("operating_revenue", "营业收入", "operating revenue", Unit.YiYuan, IndicatorKind.Flow, true, aliases: ["营收"]),
        I("tax_revenue", "税收", "tax revenue", Unit.YiYuan, IndicatorKind.Flow, true, aliases: ["税收收入"]),
        I("urban_primacy", "城区首位度", "urban primacy (district share of city GDP)", Unit.Percent, IndicatorKind.Rate, false, aliases: ["首位度"]),
        I("urban_contribution", "城区贡献度", "urban contribution (district share of city GDP growth)", Unit.Percent, IndicatorKind.Rate, false, allowsNegative: true, aliases: ["贡献度"]),
        I("resident_population", "常住人口", "resident population", Unit.WanRen, IndicatorKind.Stock, false, direction: Direction.Neutral, aliases: ["年末常住人口"]),
        I("high_tech_output_share", "高新技术产业产值占比", "high-tech industry share of output", Unit.Percent, IndicatorKind.Rate, true, aliases: ["高新产值占比", "高新技术产业占比"]),
        I("enterprises_above_scale", "规上工业企业数", "industrial enterprises above designated size", Unit.Jia, IndicatorKind.Stock, false, aliases: ["规模以上工业企业数", "规上企业数"]),
        I("key_projects_count", "重点项目个数", "number of key projects", Unit.Ge, IndicatorKind.Stock, false, aliases: ["重点项目数"]),
        I("key_project_investment_completed", "重点项目完成投资", "investment completed on key projects", Unit.YiYuan, IndicatorKind.Flow, true, aliases: ["重点项目完成投资额"]),
        I("key_project_annual_plan", "重点项目年度计划投资", "annual planned investment in key projects", Unit.YiYuan, IndicatorKind.Flow, false, aliases: ["重点项目年度计划"]),
        I("general_budget_expenditure", "一般公共预算支出", "general public budget expenditure", Unit.YiYuan, IndicatorKind.Flow, true, direction: Direction.Neutral, aliases: ["地方一般公共预算支出"]),
        I("per_capita_disposable_income", "居民人均可支配收入", "per-capita disposable income", Unit.Yuan, IndicatorKind.Flow, true, aliases: ["人均可支配收入"]),
        I("loans_balance", "金融机构贷款余额", "loan balance of financial institutions", Unit.YiYuan, IndicatorKind.Stock, false, aliases: ["贷款余额", "金融机构各项贷款余额"]),
        I("deposits_balance", "存款余额", "deposit balance of financial institutions", Unit.YiYuan, IndicatorKind.Stock, false, aliases: ["金融机构存款余额", "金融机构各项存款余额"]),
    ];

    private static Dictionary<string, Indicator> BuildIndex(List<Indicator> entries)
    {
        var d = new Dictionary<string, Indicator>(StringComparer.Ordinal);
        foreach (var i in entries)
        {
            foreach (var key in new[] { i.Code.Value, i.NameZh }.Concat(i.Aliases))
            {
                if (d.TryGetValue(key, out var other) && !ReferenceEquals(other, i) && other.Code != i.Code)
                {
                    throw new InvalidOperationException($"指标目录中“{key}”重复 / '{key}' is used twice in the indicator catalogue");
                }

                d[key] = i;
            }
        }

        return d;
    }
}
