namespace Baiqiang.Storage.Sample;

/// <summary>A published document a figure was read from: its title and when it appeared (as precisely as the document says).</summary>
public sealed record SourceDocument(string TitleZh, string DateZh, string DateEn);

/// <summary>
/// The five seed reports behind the sample's source references (<c>seed:000_…</c>), so briefings and exports name a
/// document a reader can look up rather than an internal id. Titles are the reports' own headlines where they carry one;
/// dates are what the reports state (a month or a year when they give no day).
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
    };

    /// <summary>The document behind a stored source reference (a trailing <c>#row</c> ignored), or null.</summary>
    public static SourceDocument? Find(string reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var hash = reference.IndexOf('#', StringComparison.Ordinal);
        return Known.GetValueOrDefault(hash < 0 ? reference : reference[..hash]);
    }
}
