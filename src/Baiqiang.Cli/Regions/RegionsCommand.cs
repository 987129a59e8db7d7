using System.CommandLine;
using System.Globalization;
using Baiqiang.Cli.Store;
using Baiqiang.Core.Access;
using Baiqiang.Core.Regions;
using Baiqiang.Storage.PeerGroups;
using Baiqiang.Storage.Regions;

namespace Baiqiang.Cli.Regions;

/// <summary>
/// <c>baiqiang regions import FILE|FOLDER</c>, <c>regions find NAME</c>, and peer groups: <c>regions peers import FILE.tsv</c>,
/// <c>list</c>, <c>show ID</c>, <c>create --name 名称 --members 510502,510503 [--id ID] [--name-en …]</c>,
/// <c>update ID [--name …] [--name-en …] [--members …]</c>, <c>delete ID</c> (custom groups only; the CLI acts as the local administrator).
/// </summary>
internal static class RegionsCommand
{
    public static Command Create()
    {
        var command = new Command("regions", "行政区划与对比组 / regions and peer groups") { Import(), Peers(), Find(), ZoneCommands.AddZone(), ZoneCommands.UpdateZone(), ZoneCommands.RetireZone(), ZoneCommands.Zones() };
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
            await parse.Out().WriteLineAsync(
                $"已导入区划：新增{summary.Added}个，更新{summary.Updated}个，未变{summary.Unchanged}个（读取县级行{summary.CountyRowsRead}行，其中已撤销{summary.Abolished}个） / " +
                $"regions imported: {summary.Added} added, {summary.Updated} updated, {summary.Unchanged} unchanged ({summary.CountyRowsRead} county-level rows read, {summary.Abolished} abolished)");
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
        return new Command("peers", "对比组 / peer groups") { import, PeersList(), PeersShow(), PeersCreate(), PeersUpdate(), PeersDelete() };
    }

    private static Command PeersList()
    {
        var command = new Command("list", "列出全部对比组 / list every peer group");
        command.SetAction(async (parse, ct) =>
        {
            await using var db = await StoreAccess.OpenAsync(parse, ct);
            var table = new TextTable("标识 id", "名称 name", "英文名 English", "类型 kind", "成员 members");
            foreach (var g in await PeerGroupStore.ListAsync(db, ct))
            {
                table.Add(g.Id, g.NameZh, g.NameEn, KindLabel(g.Kind), g.MemberCount.ToString(CultureInfo.InvariantCulture));
            }

            table.WriteTo(parse.Out());
            return 0;
        });
        return command;
    }

    private static Command PeersShow()
    {
        var id = new Argument<string>("ID") { Description = "对比组标识,如 pref:510500 或 custom:chuannan / peer group id" };
        var command = new Command("show", "显示对比组及其成员 / show a peer group and its members") { id };
        command.SetAction(async (parse, ct) =>
        {
            await using var db = await StoreAccess.OpenAsync(parse, ct);
            var key = parse.GetRequiredValue(id);
            if (await PeerGroupStore.GetAsync(db, key, ct) is not { } group)
            {
                await parse.Err().WriteLineAsync($"对比组“{key.Trim()}”不存在 / peer group '{key.Trim()}' does not exist");
                return 1;
            }

            await WriteGroupAsync(parse, "对比组 / peer group", group);
            var table = new TextTable("代码 code", "名称 name", "名次 rank");
            foreach (var m in group.Members)
            {
                table.Add(m.Code.ToString(), m.Name, m.Rank?.ToString(CultureInfo.InvariantCulture) ?? string.Empty);
            }

            table.WriteTo(parse.Out());
            return 0;
        });
        return command;
    }

    private static Command PeersCreate()
    {
        var name = new Option<string>("--name") { Description = "中文名称,如 川南经济区各区 / Chinese name", Required = true };
        var members = new Option<string>("--members") { Description = MembersHelp, Required = true };
        var id = new Option<string?>("--id") { Description = "标识(可省略;自动加 custom: 前缀),如 chuannan / id (optional; custom: is prefixed), e.g. chuannan" };
        var nameEn = new Option<string?>("--name-en") { Description = "英文名称(可省略)/ English name (optional)" };
        var command = new Command("create", "新建自定义对比组 / create a custom peer group") { name, members, id, nameEn };
        command.SetAction(async (parse, ct) =>
        {
            await using var db = await StoreAccess.OpenAsync(parse, ct);
            var input = new CustomPeerGroupInput(parse.GetValue(id), parse.GetRequiredValue(name), parse.GetValue(nameEn), PeerGroupStore.SplitMembers(parse.GetRequiredValue(members)));
            return await RunAsync(parse, "已创建对比组 / created peer group", () => PeerGroupStore.CreateCustomAsync(db, input, CliActor(), ct));
        });
        return command;
    }

    private static Command PeersUpdate()
    {
        var id = new Argument<string>("ID") { Description = "自定义对比组标识,如 custom:chuannan / custom peer group id" };
        var name = new Option<string?>("--name") { Description = "新的中文名称 / new Chinese name" };
        var nameEn = new Option<string?>("--name-en") { Description = "新的英文名称(空字符串清除)/ new English name (empty clears it)" };
        var members = new Option<string?>("--members") { Description = "新的全部成员(替换原有成员)/ the new member list (replaces the old one): " + MembersHelp };
        var command = new Command("update", "修改自定义对比组的名称或成员 / rename a custom peer group or replace its members") { id, name, nameEn, members };
        command.SetAction(async (parse, ct) =>
        {
            var (zh, en, list) = (parse.GetValue(name), parse.GetValue(nameEn), parse.GetValue(members));
            if (zh is null && en is null && list is null)
            {
                await parse.Err().WriteLineAsync("请至少给出 --name、--name-en 或 --members 之一 / give at least one of --name, --name-en, --members");
                return 1;
            }

            await using var db = await StoreAccess.OpenAsync(parse, ct);
            var change = new CustomPeerGroupChange(zh, en, list is null ? null : PeerGroupStore.SplitMembers(list));
            return await RunAsync(parse, "已修改对比组 / updated peer group", () => PeerGroupStore.UpdateCustomAsync(db, parse.GetRequiredValue(id), change, CliActor(), ct));
        });
        return command;
    }

    private static Command PeersDelete()
    {
        var id = new Argument<string>("ID") { Description = "自定义对比组标识 / custom peer group id" };
        var command = new Command("delete", "删除自定义对比组(榜单与全市对比组不可删除)/ delete a custom peer group (list and prefecture groups cannot be deleted)") { id };
        command.SetAction(async (parse, ct) =>
        {
            await using var db = await StoreAccess.OpenAsync(parse, ct);
            return await RunAsync(parse, "已删除对比组 / deleted peer group", () => PeerGroupStore.DeleteCustomAsync(db, parse.GetRequiredValue(id), CliActor(), ct));
        });
        return command;
    }

    private const string MembersHelp = "成员:行政区划代码或地区名称,以逗号、顿号或换行分隔,2–500个;重名地区写上级名称(南通市通州区)或代码 / members: region codes or names separated by commas, 、 or line breaks, 2–500; qualify a shared name (南通市通州区) or use the code";

    private static Actor CliActor() => Actor.LocalAdmin(Environment.UserName);

    private static string KindLabel(PeerGroupKind kind) => kind switch
    {
        PeerGroupKind.PrefectureCountyLevel => "全市各县市区 prefecture",
        PeerGroupKind.List => "榜单 list",
        _ => "自定义 custom",
    };

    private static async Task WriteGroupAsync(ParseResult parse, string verb, PeerGroupDetail group)
    {
        var en = group.NameEn.Length > 0 ? $" ({group.NameEn})" : string.Empty;
        await parse.Out().WriteLineAsync(
            $"{verb} {group.Id}: {group.NameZh}{en}, {KindLabel(group.Kind)}, {group.Members.Count.ToString(CultureInfo.InvariantCulture)} 个成员 / members");
    }

    /// <summary>Runs a custom-group write: the group on success, else every refusal "中文 / English" on its own line and exit 1.</summary>
    private static async Task<int> RunAsync(ParseResult parse, string verb, Func<Task<PeerGroupDetail>> write)
    {
        try
        {
            var group = await write();
            await WriteGroupAsync(parse, verb, group);
            await parse.Out().WriteLineAsync(string.Join("、", group.Members.Select(m => $"{m.Name}({m.Code})")));
            return 0;
        }
        catch (PeerGroupRuleException e)
        {
            foreach (var error in e.Errors)
            {
                await parse.Err().WriteLineAsync(error.Message.ToString());
            }

            return 1;
        }
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
                table.Add(r.Code.ToString(), r.Name, (Output.ExportLanguageOption.IsEnglish(parse) ? Baiqiang.Core.Regions.RegionKindNames.En(r.Kind) : Baiqiang.Core.Regions.RegionKindNames.Zh(r.Kind)), parent, valid, r.SuccessorCode?.ToString() ?? string.Empty);
            }

            table.WriteTo(parse.Out());
            return 0;
        });
        return command;
    }
}
