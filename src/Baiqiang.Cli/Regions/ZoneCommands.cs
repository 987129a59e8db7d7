using System.CommandLine;
using Baiqiang.Cli.Store;
using Baiqiang.Core.Access;
using Baiqiang.Core.Regions;
using Baiqiang.Storage.Projects;
using Baiqiang.Storage.Regions;

namespace Baiqiang.Cli.Regions;

/// <summary>
/// <c>baiqiang regions add-zone --parent 360123 --name 安义高新园区 [--kind 开发区|园区|功能区|新区]</c>,
/// <c>regions update-zone CODE [--name …] [--kind …]</c>, <c>regions retire-zone CODE [--date D] [--successor CODE]</c> and
/// <c>regions zones [--parent CODE]</c>: parks and zones under a county-level region (<see cref="ZoneStore"/>; the CLI acts as
/// the local administrator; every change is audited).
/// </summary>
internal static class ZoneCommands
{
    private const string KindHelp = "开发区 | 园区(默认) | 功能区 | 新区 / development zone, park (default), functional zone, new area";

    private static Actor CliActor() => Actor.LocalAdmin(Environment.UserName);

    public static Command AddZone()
    {
        var parent = new Option<string>("--parent") { Description = "上级区划代码,如 360123 / the parent region's code", Required = true };
        var name = new Option<string>("--name") { Description = "园区名称,如 安义高新园区 / the zone's name", Required = true };
        var kind = new Option<string?>("--kind") { Description = KindHelp };
        var command = new Command("add-zone", "新设园区(九位代码:上级六位 + 401 起的序号) / add a park or zone (nine-digit code: the parent's six digits + a serial from 401)")
        {
            parent, name, kind,
        };
        command.SetAction(async (parse, ct) =>
        {
            if (await ReadCodeAsync(parse, parse.GetRequiredValue(parent)) is not { } p)
            {
                return 2;
            }

            await using var db = await StoreAccess.OpenAsync(parse, ct);
            var result = await ZoneStore.AddAsync(db, CliActor(), p, parse.GetRequiredValue(name), parse.GetValue(kind), ct);
            return await ReportAsync(parse, result, "已新设园区 / zone added");
        });
        return command;
    }

    public static Command UpdateZone()
    {
        var code = new Argument<string>("CODE") { Description = "园区代码,如 360123401 / the zone's code" };
        var name = new Option<string?>("--name") { Description = "新名称 / new name" };
        var kind = new Option<string?>("--kind") { Description = KindHelp };
        var command = new Command("update-zone", "修改园区名称或类型(留有审计记录) / rename a zone or change its kind (audited)") { code, name, kind };
        command.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(name) is null && parse.GetValue(kind) is null)
            {
                await parse.Err().WriteLineAsync("请至少给出 --name 或 --kind 之一 / give --name or --kind");
                return 2;
            }

            if (await ReadCodeAsync(parse, parse.GetRequiredValue(code)) is not { } c)
            {
                return 2;
            }

            await using var db = await StoreAccess.OpenAsync(parse, ct);
            var result = await ZoneStore.UpdateAsync(db, CliActor(), c, parse.GetValue(name), parse.GetValue(kind), ct);
            return await ReportAsync(parse, result, "已修改园区 / zone updated");
        });
        return command;
    }

    public static Command RetireZone()
    {
        var code = new Argument<string>("CODE") { Description = "园区代码,如 360123401 / the zone's code" };
        var date = new Option<string?>("--date") { Description = "撤销日期(此日起不再接收数据,默认今天),如 2024-01-01 / the date it ends (exclusive; default today)" };
        var successor = new Option<string?>("--successor") { Description = "继任区划代码 / the code that takes over" };
        var command = new Command("retire-zone", "撤销园区,可指定继任区划;此后的数据将被拒绝并提示继任区划 / retire a zone, optionally naming its successor") { code, date, successor };
        command.SetAction(async (parse, ct) =>
        {
            if (await ReadCodeAsync(parse, parse.GetRequiredValue(code)) is not { } c)
            {
                return 2;
            }

            RegionCode? next = null;
            if (parse.GetValue(successor) is { } st)
            {
                if (await ReadCodeAsync(parse, st) is not { } n)
                {
                    return 2;
                }

                next = n;
            }

            var day = DateOnly.FromDateTime(TimeProvider.System.GetLocalNow().DateTime);
            if (parse.GetValue(date) is { } dt && !ProjectSheet.TryParseDate(dt, out day))
            {
                await parse.Err().WriteLineAsync($"日期“{dt}”无法识别 / cannot read date '{dt}'");
                return 2;
            }

            await using var db = await StoreAccess.OpenAsync(parse, ct);
            var result = await ZoneStore.RetireAsync(db, CliActor(), c, day, next, ct);
            return await ReportAsync(parse, result, "已撤销园区 / zone retired");
        });
        return command;
    }

    public static Command Zones()
    {
        var parent = new Option<string?>("--parent") { Description = "上级区划代码(缺省为全部) / the parent region's code (default: all)" };
        var command = new Command("zones", "列出园区 / list parks and zones") { parent };
        command.SetAction(async (parse, ct) =>
        {
            RegionCode? p = null;
            if (parse.GetValue(parent) is { } pt)
            {
                if (await ReadCodeAsync(parse, pt) is not { } pc)
                {
                    return 2;
                }

                p = pc;
            }

            await using var db = await StoreAccess.OpenAsync(parse, ct);
            var table = new TextTable("代码 code", "名称 name", "类型 kind", "上级 parent", "撤销 retired", "继任 successor");
            foreach (var z in await ZoneStore.ListAsync(db, p, ct))
            {
                table.Add(z.Code.ToString(), z.Name, ZoneStore.KindOf(z), z.ParentCode?.ToString() ?? string.Empty,
                    z.ValidTo is { } to ? ZoneStore.Day(to) : string.Empty, z.SuccessorCode?.ToString() ?? string.Empty);
            }

            table.WriteTo(parse.Out());
            return 0;
        });
        return command;
    }

    private static async Task<RegionCode?> ReadCodeAsync(ParseResult parse, string text)
    {
        if (RegionCode.TryParse(text.Trim(), out var code))
        {
            return code;
        }

        await parse.Err().WriteLineAsync($"区划代码“{text}”无效:应为6位或9位数字 / region code '{text}' is invalid: it must be 6 or 9 digits");
        return null;
    }

    private static async Task<int> ReportAsync(ParseResult parse, ZoneResult result, string done)
    {
        if (!result.Success)
        {
            await parse.Err().WriteLineAsync(result.Error!.Value.ToString());
            return 1;
        }

        var z = result.Zone!;
        var retired = z.ValidTo is { } to ? $" · 撤销 retired {ZoneStore.Day(to)}" + (z.SuccessorCode is { } s ? $" → {s}" : string.Empty) : string.Empty;
        await parse.Out().WriteLineAsync($"{done}: {z.Code} {z.Name} · {ZoneStore.KindOf(z)} {ZoneStore.Kinds[ZoneStore.KindOf(z)]} · 上级 parent {z.ParentCode}{retired}");
        return 0;
    }
}
