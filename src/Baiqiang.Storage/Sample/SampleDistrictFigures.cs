using Baiqiang.Core.Observations;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Quantities;
using Baiqiang.Core.Regions;

namespace Baiqiang.Storage.Sample;

/// <summary>
/// Published figures for the districts of 泸州 (江阳区, 纳溪区, 龙马潭区) and 南通 (崇川区, 通州区, 海门区), 2021–2023, each
/// stored with the document it was read from (a <c>pub:</c> reference that <see cref="SampleDocuments"/> names by title,
/// publisher, date and address), and the published figures of the prefectures' other county-level units that rank them
/// (<see cref="PrefecturePeers"/>).
/// </summary>
/// <remarks>
/// Only what a copy of a published document states is here, with the precision and price basis it states; a growth
/// the document gives without its level is stored without a value, as in <see cref="SampleData"/>. Projections
/// (预计) are left out. Every district × year × indicator cell no document was found for is a gap, listed in
/// docs/sample-data.md — never filled in. 崇川区 (320613) includes the former 港闸区, merged into it in 2020.
/// </remarks>
public static class SampleDistrictFigures
{
    /// <summary>崇川区2022年国民经济和社会发展统计公报.</summary>
    public const string Chongchuan2022Bulletin = "pub:chongchuan_2022_bulletin";

    /// <summary>南通网's report on 崇川区's first quarter of 2021 (2021-04-27).</summary>
    public const string Chongchuan2021Q1Report = "pub:chongchuan_2021q1_zgnt";

    /// <summary>崇川区人民政府's 崇川概况 page (2024-04-08), which states the district's 2023 totals.</summary>
    public const string Chongchuan2023Profile = "pub:chongchuan_profile_2024";

    /// <summary>《2021年泸县国民经济和社会发展统计公报》 (泸县统计局, March 2022).</summary>
    public const string Luxian2021Bulletin = "pub:luxian_2021_bulletin";

    /// <summary>The six districts the figures are sought for, 泸州's first.</summary>
    public static IReadOnlyList<RegionCode> Districts { get; } =
        [new(510502), new(510503), new(510504), new(320613), new(320612), new(320614)];

    /// <summary>Other county-level units of the two prefectures with a published figure in the sample — the peers a district's
    /// growth is ranked against (全市): 泸县 (510521).</summary>
    public static IReadOnlyList<RegionCode> PrefecturePeers { get; } = [new(510521)];

    /// <summary>The figures, each with its document.</summary>
    public static IReadOnlyList<ObservationRecord> Observations { get; } = Build();

    private static List<ObservationRecord> Build()
    {
        var list = new List<ObservationRecord>();
        void Add(RegionCode region, string indicator, StatPeriod period, decimal? value, Unit unit, decimal? growth, GrowthBasis basis, string source)
            => list.Add(new ObservationRecord(region, new(indicator), period, value, unit, growth, Qualifier.Exact, new ObservationSource(SourceKind.Sample, source), basis));

        var chongchuan = new RegionCode(320613);

        // 崇川区 2022, from its bulletin: GDP at comparable prices; the other growths state no basis.
        var y2022 = StatPeriod.ForYear(2022);
        Add(chongchuan, "gdp", y2022, 1676.93m, Unit.YiYuan, 2.1m, GrowthBasis.Comparable, Chongchuan2022Bulletin);
        Add(chongchuan, "industrial_value_added", y2022, null, Unit.YiYuan, 2.4m, GrowthBasis.Unknown, Chongchuan2022Bulletin);
        Add(chongchuan, "industrial_output", y2022, 1040.93m, Unit.YiYuan, 6.8m, GrowthBasis.Unknown, Chongchuan2022Bulletin);
        Add(chongchuan, "high_tech_output_share", y2022, 61.51m, Unit.Percent, null, GrowthBasis.Unknown, Chongchuan2022Bulletin);

        // 崇川区 2021 一季度 (1–3月累计), from 南通网: GDP at comparable prices; revenue growth without its level.
        var q1of2021 = StatPeriod.CumulativeTo(2021, 3);
        Add(chongchuan, "gdp", q1of2021, 379.33m, Unit.YiYuan, 19.8m, GrowthBasis.Comparable, Chongchuan2021Q1Report);
        Add(chongchuan, "industrial_value_added", q1of2021, null, Unit.YiYuan, 30.5m, GrowthBasis.Unknown, Chongchuan2021Q1Report);
        Add(chongchuan, "fixed_asset_investment", q1of2021, null, Unit.YiYuan, 50.7m, GrowthBasis.Unknown, Chongchuan2021Q1Report);
        Add(chongchuan, "retail_sales", q1of2021, 170.4m, Unit.YiYuan, 41.6m, GrowthBasis.Unknown, Chongchuan2021Q1Report);
        Add(chongchuan, "budget_revenue", q1of2021, null, Unit.YiYuan, 17.7m, GrowthBasis.Unknown, Chongchuan2021Q1Report);
        // 崇川区 2023, from the district government's profile page: levels only, no growth printed.
        var y2023 = StatPeriod.ForYear(2023);
        Add(chongchuan, "gdp", y2023, 1737.10m, Unit.YiYuan, null, GrowthBasis.Unknown, Chongchuan2023Profile);
        Add(chongchuan, "budget_revenue", y2023, 113.2m, Unit.YiYuan, null, GrowthBasis.Unknown, Chongchuan2023Profile);

        // 泸县 2021, from its bulletin: GDP at comparable prices, a peer of 江阳区's seed growth for the same year. Two copies
        // print the level as 435.1 and 354.1亿元; 435.1 is the one the bulletin's own parts add up to (docs/sample-data.md).
        Add(new RegionCode(510521), "gdp", StatPeriod.ForYear(2021), 435.1m, Unit.YiYuan, 8.3m, GrowthBasis.Comparable, Luxian2021Bulletin);
        return list;
    }
}
