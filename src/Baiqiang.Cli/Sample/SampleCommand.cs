using System.CommandLine;
using System.Globalization;
using Baiqiang.Cli.Store;
using Baiqiang.Storage.Observations;
using Baiqiang.Storage.Sample;

namespace Baiqiang.Cli.Sample;

/// <summary><c>baiqiang sample</c>: load the five seed reports' own figures (江阳区, 通州区, 安义, 资阳), the published district
/// figures of 泸州 and 南通 (docs/sample-data.md) and the module samples, printing what each part added.</summary>
internal static class SampleCommand
{
    public static Command Create()
    {
        var command = new Command("sample", "载入示例数据(种子报道与公开发布的区级数据)/ load the sample: the seed reports' and published district figures");
        command.SetAction(async (parse, ct) =>
        {
            await using var db = await StoreAccess.OpenAsync(parse, ct);
            var s = await SampleLoader.LoadAsync(db, TimeProvider.System, ct);
            var o = parse.Out();
            await o.WriteLineAsync("示例数据已载入 / sample loaded:");
            await o.WriteLineAsync($"  地区 regions +{Number(s.RegionsAdded)}");
            await o.WriteLineAsync($"  种子报道数据 seed-report figures: {Figures(s.SeedFigures)}");
            await o.WriteLineAsync($"  公开发布的区级数据 published district figures: {Figures(s.DistrictFigures)}；来源与缺口 sources and gaps: docs/sample-data.md");
            await o.WriteLineAsync($"  目标 targets +{Number(s.TargetsAdded)}");
            await o.WriteLineAsync($"  对比组 peer groups {string.Join(", ", s.PeerGroups.Select(g => $"{g.Id}（{Number(g.Members)}个地区 regions）"))}");
            foreach (var m in s.Modules)
            {
                await o.WriteLineAsync($"  {m.NameZh} {m.NameEn}: {string.Join(", ", m.Counts.Select(c => $"{c.NameZh} {c.NameEn} +{Number(c.Added)}"))}");
            }

            await o.WriteLineAsync($"数据设定日 as-of = {s.AsOf}：预警、逾期和目标进度默认截至这一天(示例最新一篇报道的日期；可用 --today 另指，baiqiang settings unset as-of 改回今天) / warnings, overdue and target progress are judged as of this day (the sample's latest report) unless --today is given");
            await o.WriteLineAsync("试试 / try: baiqiang series 510502 gdp · baiqiang series 通州区 地区生产总值 · baiqiang series 崇川区 地区生产总值 · baiqiang series 江阳区 城区首位度");
            return 0;
        });
        return command;
    }

    private static string Figures(WriteSummary w) =>
        $"观测值 observations +{Number(w.Inserted)} (修订 revised {Number(w.Revised)}, 未变 unchanged {Number(w.Unchanged)})";

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
}
