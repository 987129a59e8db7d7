using System.CommandLine;
using Baiqiang.Cli.Store;
using Baiqiang.Storage.Sample;

namespace Baiqiang.Cli.Sample;

/// <summary><c>baiqiang sample</c>: load the five seed reports' own figures (江阳区, 通州区, 安义, 资阳).</summary>
internal static class SampleCommand
{
    public static Command Create()
    {
        var command = new Command("sample", "载入示例数据(五篇种子报道中的真实数据) / load the sample: the five seed reports' own figures");
        command.SetAction(async (parse, ct) =>
        {
            await using var db = await StoreAccess.OpenAsync(parse, ct);
            var s = await SampleLoader.LoadAsync(db, TimeProvider.System, ct);
            var o = s.Observations;
            await parse.Out().WriteLineAsync(
                $"示例数据已载入 / sample loaded: 地区 regions +{s.RegionsAdded}, 观测值 observations +{o.Inserted} (修订 revised {o.Revised}, 未变 unchanged {o.Unchanged}), 目标 targets +{s.TargetsAdded}, 对比组 peer groups {string.Join(", ", s.PeerGroups)}");
            await parse.Out().WriteLineAsync($"数据设定日 as-of = {s.AsOf}：预警、逾期和目标进度默认截至这一天(示例最新一篇报道的日期；可用 --today 另指，baiqiang settings unset as-of 改回今天) / warnings, overdue and target progress are judged as of this day (the sample's latest report) unless --today is given");
            await parse.Out().WriteLineAsync("试试 / try: baiqiang series 510502 gdp · baiqiang series 通州区 地区生产总值 · baiqiang series 江阳区 城区首位度");
            return 0;
        });
        return command;
    }
}
