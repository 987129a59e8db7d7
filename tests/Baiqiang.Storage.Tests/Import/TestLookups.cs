using Baiqiang.Core.Indicators;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Quantities;
using Baiqiang.Core.Regions;
using Baiqiang.Core.Text;
using Baiqiang.Storage.Import;

namespace Baiqiang.Storage.Tests.Import;

/// <summary>A small fake of the catalogue, the division table and the Chinese period parser: just what the seed figures need.</summary>
internal static class TestLookups
{
    public static readonly Indicator Gdp = new(new IndicatorCode("gdp"), "地区生产总值", "Gross regional product", Unit.YiYuan,
        IndicatorKind.Flow, Direction.HigherIsBetter, PublishedCumulatively: true, AllowsNegative: false, ["GDP", "生产总值"]);

    public static readonly Indicator BudgetRevenue = new(new IndicatorCode("budget_revenue"), "一般公共预算收入", "General public budget revenue", Unit.YiYuan,
        IndicatorKind.Flow, Direction.HigherIsBetter, PublishedCumulatively: true, AllowsNegative: false, ["一般预算收入"]);

    public static readonly Indicator IndustrialValueAdded = new(new IndicatorCode("industrial_value_added"), "规上工业增加值", "Value added of industry above scale", Unit.YiYuan,
        IndicatorKind.Flow, Direction.HigherIsBetter, PublishedCumulatively: true, AllowsNegative: false, ["规模以上工业增加值"]);

    public static readonly Indicator RetailSales = new(new IndicatorCode("retail_sales"), "社会消费品零售总额", "Retail sales of consumer goods", Unit.YiYuan,
        IndicatorKind.Flow, Direction.HigherIsBetter, PublishedCumulatively: true, AllowsNegative: false, ["社消零"]);

    public static readonly Indicator EnterprisesAboveScale = new(new IndicatorCode("enterprises_above_scale"), "规上工业企业数", "Industrial enterprises above scale", Unit.Jia,
        IndicatorKind.Stock, Direction.HigherIsBetter, PublishedCumulatively: false, AllowsNegative: false, []);

    public static readonly Indicator UrbanPrimacy = new(new IndicatorCode("urban_primacy"), "城区首位度", "Urban primacy", Unit.Percent,
        IndicatorKind.Rate, Direction.Neutral, PublishedCumulatively: false, AllowsNegative: false, ["首位度"]);

    public static readonly RegionCode JiangYang = new(510502);
    public static readonly RegionCode NantongTongzhou = new(320612);
    public static readonly RegionCode BeijingTongzhou = new(110112);

    public static readonly StatPeriod H1Of2023 = StatPeriod.CumulativeTo(2023, 6);
    public static readonly StatPeriod H1Of2022 = StatPeriod.CumulativeTo(2022, 6);

    public static IImportLookups Create() => new InMemoryImportLookups(
        [
            new Region(new RegionCode(510500), "泸州市", RegionKind.PrefectureCity, new RegionCode(510000)),
            new Region(JiangYang, "江阳区", RegionKind.MunicipalDistrict, new RegionCode(510500)),
            new Region(new RegionCode(320600), "南通市", RegionKind.PrefectureCity, new RegionCode(320000)),
            new Region(NantongTongzhou, "通州区", RegionKind.MunicipalDistrict, new RegionCode(320600)),
            new Region(BeijingTongzhou, "通州区", RegionKind.MunicipalDistrict, new RegionCode(110100)),
        ],
        [Gdp, BudgetRevenue, IndustrialValueAdded, RetailSales, EnterprisesAboveScale, UrbanPrimacy],
        ChinesePeriod);

    /// <summary>The few Chinese forms the tests use, mapped by hand (the real parser is ChinesePeriodParser).</summary>
    private static ParseResult<StatPeriod> ChinesePeriod(string text) => text switch
    {
        "2023年上半年" or "2023年1-6月" => ParseResult<StatPeriod>.Ok(StatPeriod.CumulativeTo(2023, 6)),
        "2022年1-6月" or "2022年上半年" => ParseResult<StatPeriod>.Ok(StatPeriod.CumulativeTo(2022, 6)),
        "2023年6月" => ParseResult<StatPeriod>.Ok(StatPeriod.ForMonth(2023, 6)),
        "2023年1-9月" => ParseResult<StatPeriod>.Ok(StatPeriod.CumulativeTo(2023, 9)),
        _ => ParseResult<StatPeriod>.Fail($"无法识别统计期别“{text}”", $"cannot read period '{text}'"),
    };
}
