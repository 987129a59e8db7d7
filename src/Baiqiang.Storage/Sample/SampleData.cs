using Baiqiang.Core.Observations;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Quantities;
using Baiqiang.Core.Regions;
using Baiqiang.Core.Targets;

namespace Baiqiang.Storage.Sample;

/// <summary>
/// The seed reports' own figures (shared/seeds 000–004), so a first run shows something real.
/// Every figure here is printed in one of the five reports; none is invented. Growth-only statements
/// ("地区生产总值同比增长9.8%") are stored with no value, exactly as published.
/// </summary>
public static class SampleData
{
    public const string Jiangyang = "seed:000_jiangyang_top100_district";
    public const string Anyi = "seed:001_anyi_industrial_park";
    public const string ZiyangZones = "seed:002_ziyang_airport_zone_hitech_zone";
    public const string ZiyangPlan = "seed:003_ziyang_industrial_plan_2025";
    public const string Tongzhou = "seed:004_tongzhou_h1_report_card";

    public static readonly RegionCode JiangyangDistrict = new(510502);
    public static readonly RegionCode TongzhouDistrict = new(320612);
    public static readonly RegionCode AnyiCounty = new(360123);
    public static readonly RegionCode AnyiHighTechPark = AnyiCounty.Zone(401);
    public static readonly RegionCode ZiyangCity = new(512000);
    public static readonly RegionCode ZiyangAirportZone = ZiyangCity.Zone(401);
    public static readonly RegionCode ZiyangHighTechZone = ZiyangCity.Zone(402);

    /// <summary>Regions the sample needs, from the 2023 statistical division table, plus the three parks the seeds name.</summary>
    public static IReadOnlyList<Region> Regions { get; } =
    [
        new(new RegionCode(320000), "江苏省", RegionKind.Province, null),
        new(new RegionCode(360000), "江西省", RegionKind.Province, null),
        new(new RegionCode(510000), "四川省", RegionKind.Province, null),
        new(new RegionCode(320600), "南通市", RegionKind.PrefectureCity, new RegionCode(320000)),
        new(new RegionCode(360100), "南昌市", RegionKind.PrefectureCity, new RegionCode(360000)),
        new(new RegionCode(510500), "泸州市", RegionKind.PrefectureCity, new RegionCode(510000)),
        new(new RegionCode(512000), "资阳市", RegionKind.PrefectureCity, new RegionCode(510000)),
        new(new RegionCode(320612), "通州区", RegionKind.MunicipalDistrict, new RegionCode(320600)),
        new(new RegionCode(320613), "崇川区", RegionKind.MunicipalDistrict, new RegionCode(320600)),
        new(new RegionCode(320614), "海门区", RegionKind.MunicipalDistrict, new RegionCode(320600)),
        new(new RegionCode(320623), "如东县", RegionKind.County, new RegionCode(320600)),
        new(new RegionCode(320681), "启东市", RegionKind.CountyLevelCity, new RegionCode(320600)),
        new(new RegionCode(320682), "如皋市", RegionKind.CountyLevelCity, new RegionCode(320600)),
        new(new RegionCode(320685), "海安市", RegionKind.CountyLevelCity, new RegionCode(320600)),
        new(new RegionCode(360123), "安义县", RegionKind.County, new RegionCode(360100)),
        new(new RegionCode(510502), "江阳区", RegionKind.MunicipalDistrict, new RegionCode(510500)),
        new(new RegionCode(510503), "纳溪区", RegionKind.MunicipalDistrict, new RegionCode(510500)),
        new(new RegionCode(510504), "龙马潭区", RegionKind.MunicipalDistrict, new RegionCode(510500)),
        new(new RegionCode(510521), "泸县", RegionKind.County, new RegionCode(510500)),
        new(new RegionCode(510522), "合江县", RegionKind.County, new RegionCode(510500)),
        new(new RegionCode(510524), "叙永县", RegionKind.County, new RegionCode(510500)),
        new(new RegionCode(510525), "古蔺县", RegionKind.County, new RegionCode(510500)),
        new(new RegionCode(512002), "雁江区", RegionKind.MunicipalDistrict, new RegionCode(512000)),
        new(new RegionCode(512021), "安岳县", RegionKind.County, new RegionCode(512000)),
        new(new RegionCode(512022), "乐至县", RegionKind.County, new RegionCode(512000)),
        new(AnyiHighTechPark, "安义高新园区", RegionKind.Park, AnyiCounty),
        new(ZiyangAirportZone, "资阳临空经济区", RegionKind.Park, ZiyangCity),
        new(ZiyangHighTechZone, "资阳高新区", RegionKind.Park, ZiyangCity),
    ];

    /// <summary>The published figures, each with the seed it comes from.</summary>
    public static IReadOnlyList<ObservationRecord> Observations { get; } = BuildObservations();

    /// <summary>Targets the seeds state (资阳's doubling of industrial output, the high-tech zone's signing goals …).</summary>
    public static IReadOnlyList<Target> Targets { get; } =
    [
        new("ziyang-industrial-output-doubling-2025", TargetSubjectKind.Indicator, "industrial_output_total", ZiyangCity, StatPeriod.ForYear(2025),
            Comparator.AtLeast, null, 2m, StatPeriod.ForYear(2020), "工业总产值在2020年基础上实现翻一番以上"),
        new("ziyang-hitech-signed-projects-2023", TargetSubjectKind.Count, "new_signed_projects", ZiyangHighTechZone, StatPeriod.ForYear(2023),
            Comparator.AtLeast, new Amount(100m, Unit.Ge, Qualifier.AtLeast), null, null, "力争今年新签约项目100个以上"),
        new("ziyang-hitech-signed-investment-2023", TargetSubjectKind.Amount, "new_signed_investment", ZiyangHighTechZone, StatPeriod.ForYear(2023),
            Comparator.AtLeast, new Amount(200m, Unit.YiYuan, Qualifier.AtLeast), null, null, "新签约项目总投资200亿元以上"),
        new("ziyang-hitech-new-starts-2023", TargetSubjectKind.Count, "new_project_starts", ZiyangHighTechZone, StatPeriod.ForYear(2023),
            Comparator.AtLeast, new Amount(31m, Unit.Ge), null, null, "确保2023年新开工项目31个"),
        new("ziyang-airport-signed-projects-2023", TargetSubjectKind.Count, "new_signed_projects", ZiyangAirportZone, StatPeriod.ForYear(2023),
            Comparator.AtLeast, new Amount(20m, Unit.Ge, Qualifier.AtLeast), null, null, "全年签约智能制造、新材料、国防科技项目20个以上"),
        new("ziyang-airport-signed-investment-2023", TargetSubjectKind.Amount, "new_signed_investment", ZiyangAirportZone, StatPeriod.ForYear(2023),
            Comparator.AtLeast, new Amount(260m, Unit.YiYuan, Qualifier.AtLeast), null, null, "总投资260亿元以上"),
        new("ziyang-airport-landed-2023", TargetSubjectKind.Count, "projects_landed", ZiyangAirportZone, StatPeriod.ForYear(2023),
            Comparator.AtLeast, new Amount(15m, Unit.Ge, Qualifier.AtLeast), null, null, "落地项目15个以上"),
        new("ziyang-airport-producing-2023", TargetSubjectKind.Count, "projects_producing", ZiyangAirportZone, StatPeriod.ForYear(2023),
            Comparator.AtLeast, new Amount(10m, Unit.Ge, Qualifier.AtLeast), null, null, "投产10个以上"),
        new("tongzhou-new-major-starts-2023", TargetSubjectKind.Count, "new_project_starts", TongzhouDistrict, StatPeriod.ForYear(2023),
            Comparator.AtLeast, new Amount(27m, Unit.Ge), null, null, "确保全年新开工重大项目27个"),
    ];

    private static List<ObservationRecord> BuildObservations()
    {
        var list = new List<ObservationRecord>();
        void Add(RegionCode region, string indicator, StatPeriod period, decimal? value, Unit unit, decimal? growth, string source, Qualifier q = Qualifier.Exact)
            => list.Add(new ObservationRecord(region, new(indicator), period, value, unit, growth, q, new ObservationSource(SourceKind.Sample, source)));

        var y2020 = StatPeriod.ForYear(2020);
        var y2021 = StatPeriod.ForYear(2021);
        var y2022 = StatPeriod.ForYear(2022);
        var h1of2022 = StatPeriod.CumulativeTo(2022, 6);

        // 000 江阳区 (2022): growth-only statements are stored without a value, as published.
        var jy = JiangyangDistrict;
        Add(jy, "gdp", y2021, null, Unit.YiYuan, 9.8m, Jiangyang);
        Add(jy, "gdp", h1of2022, null, Unit.YiYuan, 3.7m, Jiangyang);
        Add(jy, "budget_revenue", y2021, null, Unit.YiYuan, 11.2m, Jiangyang);
        Add(jy, "industrial_value_added", h1of2022, null, Unit.YiYuan, 6.5m, Jiangyang);
        Add(jy, "retail_sales", h1of2022, 228.09m, Unit.YiYuan, 5.8m, Jiangyang);
        Add(jy, "services_value_added", h1of2022, 175.22m, Unit.YiYuan, 4.1m, Jiangyang);
        Add(jy, "urban_primacy", y2020, 28.6m, Unit.Percent, null, Jiangyang);
        Add(jy, "urban_primacy", y2021, 34.5m, Unit.Percent, null, Jiangyang);
        Add(jy, "urban_contribution", y2020, 32.2m, Unit.Percent, null, Jiangyang);
        Add(jy, "urban_contribution", y2021, 39.3m, Unit.Percent, null, Jiangyang);
        Add(jy, "key_projects_count", y2021, 132m, Unit.Ge, null, Jiangyang);
        Add(jy, "key_project_investment_completed", y2021, 330.6m, Unit.YiYuan, null, Jiangyang);
        Add(jy, "key_projects_count", y2022, 134m, Unit.Ge, null, Jiangyang);
        Add(jy, "key_project_annual_plan", y2022, 335.7m, Unit.YiYuan, null, Jiangyang);
        Add(jy, "key_project_investment_completed", h1of2022, 176.8m, Unit.YiYuan, null, Jiangyang);

        // 001 安义高新园区 (article of 2022-06-14; "目前累计" taken as January–May, the last complete month).
        var ay = AnyiHighTechPark;
        var jan2May2022 = StatPeriod.CumulativeTo(2022, 5);
        var jan2Apr2022 = StatPeriod.CumulativeTo(2022, 4);
        Add(ay, "key_projects_count", y2022, 54m, Unit.Ge, null, Anyi);
        Add(ay, "key_project_annual_plan", y2022, 137.31m, Unit.YiYuan, null, Anyi);
        Add(ay, "key_project_investment_completed", jan2May2022, 70.85m, Unit.YiYuan, null, Anyi);
        Add(ay, "operating_revenue", jan2Apr2022, 100.03m, Unit.YiYuan, 23.9m, Anyi);
        Add(ay, "tax_revenue", jan2Apr2022, 3.48m, Unit.YiYuan, 19.97m, Anyi);
        Add(ay, "industrial_output", jan2Apr2022, 99.85m, Unit.YiYuan, 28.53m, Anyi);
        Add(ay, "enterprises_above_scale", jan2Apr2022, 211m, Unit.Jia, null, Anyi);

        // 004 通州区 2023 上半年 report card.
        var tz = TongzhouDistrict;
        var h1of2023 = StatPeriod.CumulativeTo(2023, 6);
        Add(tz, "gdp", h1of2023, 880.5m, Unit.YiYuan, 7.8m, Tongzhou);
        Add(tz, "budget_revenue", h1of2023, 41m, Unit.YiYuan, 27.8m, Tongzhou);
        Add(tz, "industrial_output", h1of2023, null, Unit.YiYuan, 12.8m, Tongzhou);
        Add(tz, "industrial_value_added", h1of2023, null, Unit.YiYuan, 13m, Tongzhou);
        Add(tz, "retail_sales", h1of2023, null, Unit.YiYuan, 13.3m, Tongzhou);
        Add(tz, "trade_total", h1of2023, null, Unit.YiYuan, 13.3m, Tongzhou);
        Add(tz, "exports", h1of2023, null, Unit.YiYuan, 17.7m, Tongzhou);
        Add(tz, "high_tech_output_share", h1of2023, 55.9m, Unit.Percent, null, Tongzhou);
        return list;
    }
}
