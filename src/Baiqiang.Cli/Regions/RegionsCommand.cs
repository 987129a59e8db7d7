using System.CommandLine;
using Baiqiang.Cli.Store;
using Baiqiang.Storage.PeerGroups;
using Baiqiang.Storage.Regions;

namespace Baiqiang.Cli.Regions;

/// <summary><c>baiqiang regions import FILE|FOLDER</c> and <c>baiqiang regions peers import FILE.tsv</c>.</summary>
internal static class RegionsCommand
{
    public static Command Create()
    {
        var command = new Command("regions", "行政区划与对比组 / regions and peer groups") { Import(), Peers(), Find() };
        return command;
    }

    private static Command Import()
    {
        var path = new Argument<string>("FILE") { Description = "区划表文件夹或其中的 areas.csv(2023统计用区划 + 2020 GB/T 2260) / the division tables folder or its areas.csv" };
        var command = new Command("import", "导入行政区划表 / import division tables") { path };
        command.SetAction(async (parse, ct) =>
        {
            var p = parse.GetRequiredValue(path);
            var folder = Directory.Exists(p) ? p : File.Exists(p) ? Path.GetDirectoryName(Path.GetFullPath(p))! : null;
            if (folder is null)
            {
                await parse.Err().WriteLineAsync($"找不到“{p}” / '{p}' not found");
                return 1;
            }

            await using var db = await StoreAccess.OpenAsync(parse, ct);
            var summary = await RegionStore.ImportDivisionTablesAsync(db, folder, ct);
            await parse.Out().WriteLineAsync($"已导入区划 / regions imported: {summary}");
            return 0;
        });
        return command;
    }

    private static Command Peers()
    {
        var path = new Argument<string>("FILE") { Description = "榜单 TSV(rank, name, province, code …) / a ranking list TSV" };
        var import = new Command("import", "把榜单导入为对比组 / import a ranking list as a peer group") { path };
        import.SetAction(async (parse, ct) =>
        {
            await using var db = await StoreAccess.OpenAsync(parse, ct);
            var group = await PeerGroupStore.ImportRankingListAsync(db, parse.GetRequiredValue(path), ct);
            await parse.Out().WriteLineAsync($"对比组 / peer group {group.Id}: {group.NameZh}, {group.Members.Count} 个成员 / members");
            return 0;
        });
        return new Command("peers", "对比组 / peer groups") { import };
    }

    private static Command Find()
    {
        var name = new Argument<string>("NAME") { Description = "地区名称或代码 / region name or code" };
        var command = new Command("find", "按名称或代码查找地区(含历史区划) / find regions by name or code, across vintages") { name };
        command.SetAction(async (parse, ct) =>
        {
            await using var db = await StoreAccess.OpenAsync(parse, ct);
            var registry = new Baiqiang.Core.Regions.RegionRegistry(await RegionStore.LoadAllAsync(db, ct));
            var text = parse.GetRequiredValue(name);
            var matches = Baiqiang.Core.Regions.RegionCode.TryParse(text, out var code) && registry.TryGet(code, out var one)
                ? [one]
                : registry.FindByName(text);
            if (matches.Count == 0)
            {
                await parse.Err().WriteLineAsync($"未找到“{text}” / no region named '{text}'");
                return 1;
            }

            var table = new TextTable("代码 code", "名称 name", "类型 kind", "上级 parent", "有效期 valid", "后继 successor");
            foreach (var r in matches)
            {
                var parent = r.ParentCode is { } pc && registry.TryGet(pc, out var pr) ? $"{pr.Name} {pc}" : string.Empty;
                var valid = $"{r.ValidFrom?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "…"} – {r.ValidTo?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "…"}";
                table.Add(r.Code.ToString(), r.Name, r.Kind.ToString(), parent, valid, r.SuccessorCode?.ToString() ?? string.Empty);
            }

            table.WriteTo(parse.Out());
            return 0;
        });
        return command;
    }
}
