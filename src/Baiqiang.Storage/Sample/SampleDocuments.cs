namespace Baiqiang.Storage.Sample;

/// <summary>A published document a figure was read from: its title and when it appeared (as precisely as the document says),
/// and, where known, who published it and the address of the copy the figures were read from.</summary>
public sealed record SourceDocument(string TitleZh, string DateZh, string DateEn, string? Publisher = null, string? Url = null);

/// <summary>
/// The documents behind the sample's source references — the five seed reports (<c>seed:000_…</c>) and the published
/// district figures (<c>pub:…</c>, <see cref="SampleDistrictFigures"/>) — so briefings and exports name a document a
/// reader can look up rather than an internal id. Titles are the documents' own headlines where they carry one (a
/// description in 〔〕 where the copy shows none); dates are what the documents state (a month or a year when they give
/// no day, 日期未注明 when the copy shows none).
/// </summary>
public static class SampleDocuments
{
    private static readonly Dictionary<string, SourceDocument> Known = new(StringComparer.Ordinal)
    {
        [SampleData.Jiangyang] = new("江阳区跻身全国县域经济百强区（赛迪顾问百强区榜单发布后报道）", "2022年7月", "July 2022"),
        [SampleData.Anyi] = new("工业强县 产业兴县（人民网江西频道）", "2022年6月14日", "14 June 2022"),
        [SampleData.ZiyangZones] = new("突破发展 跨越发展 资阳临空高新着力打造高质量发展增长极（资阳发布）", "2023年", "2023"),
        [SampleData.ZiyangPlan] = new("借力成渝双核和成资同城化 四川资阳工业经济高质量发展划下了这些重点", "2020年", "2020"),
        [SampleData.Tongzhou] = new("南通通州打造高质量发展“硬核区” 展示硬核实力", "2023年", "2023"),
        [SampleDistrictFigures.Chongchuan2022Bulletin] = new(
            "崇川区2022年国民经济和社会发展统计公报", "日期未注明", "date not stated", "发布机关未注明（统计公报汇编站转载）",
            "https://tjgb.hongheiku.com/xjtjgb/xj2020/44174.html"),
        [SampleDistrictFigures.Chongchuan2021Q1Report] = new(
            "〔崇川区2021年一季度经济运行报道〕（记者苗蓓、袁晓婕）", "2021年4月27日", "27 April 2021", "南通网（南通日报社）",
            "http://zgnt.net/content/2021-04/27/content_3046941.htm"),
        [SampleDistrictFigures.Chongchuan2023Profile] = new(
            "崇川概况", "2024年4月8日", "8 April 2024", "崇川区人民政府",
            "https://www.chongchuan.gov.cn/xccqrmzf/ccgk/content/220f8518-9080-4bfc-8ba4-be34764a47df.html"),
        [SampleDistrictFigures.Luxian2021Bulletin] = new(
            "2021年泸县国民经济和社会发展统计公报", "2022年3月", "March 2022", "泸县统计局",
            "http://bx2200.com/tjgongbao/xn/3671.html"),
    };

    /// <summary>Every document the sample cites, by reference.</summary>
    public static IReadOnlyDictionary<string, SourceDocument> All => Known;

    /// <summary>The document behind a stored source reference (a trailing <c>#row</c> ignored), or null.</summary>
    public static SourceDocument? Find(string reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var hash = reference.IndexOf('#', StringComparison.Ordinal);
        return Known.GetValueOrDefault(hash < 0 ? reference : reference[..hash]);
    }
}
