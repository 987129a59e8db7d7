using System.CommandLine;
using System.Globalization;
using Baiqiang.Cli.Store;
using Baiqiang.Core.Access;
using Baiqiang.Core.Projects;
using Baiqiang.Storage.Lookups;
using Baiqiang.Storage.Projects;

namespace Baiqiang.Cli.Projects;

/// <summary>
/// <c>baiqiang projects approve-plan --year YYYY [--region CODE]</c> (freezes the year's planned milestone dates as the
/// baseline) and <c>baiqiang projects replan CODE --milestone NAME --date D --reason TEXT</c> (moves a planned date; a
/// baselined milestone needs the reason, and keeps its baseline).
/// </summary>
internal static class MilestonePlanCommands
{
    public static Command ApprovePlan()
    {
        var year = new Option<int>("--year") { Description = "计划年度 / plan year", Required = true };
        var region = new Option<string?>("--region") { Description = "地区代码或名称(含下属地区;省略为全部) / region (with those below it; omitted: all)" };
        var command = new Command("approve-plan", "批准年度计划:该年度节点的计划日期定为基线 / approve the year's plan: its milestone dates become the baseline") { year, region };
        command.SetAction(async (parse, ct) =>
        {
            await using var db = await StoreAccess.OpenAsync(parse, ct);
            Core.Regions.RegionCode? code = null;
            if (parse.GetValue(region) is { Length: > 0 } text)
            {
                var rr = (await StoreLookups.LoadAsync(db, ct)).ResolveRegion(text);
                if (!rr.Success)
                {
                    await parse.Err().WriteLineAsync(rr.Error.ToString());
                    return 2;
                }

                code = rr.Value;
            }

            try
            {
                var r = await MilestonePlanStore.ApprovePlanAsync(db, parse.GetRequiredValue(year), code, Actor.LocalAdmin(Environment.UserName), ct);
                var scope = r.Region?.ToString() ?? "全部地区";
                var scopeEn = r.Region?.ToString() ?? "every region";
                await parse.Out().WriteLineAsync(r.AlreadyApproved
                    ? string.Create(CultureInfo.InvariantCulture, $"{scope} {r.Year}年度计划此前已批准,新定基线节点{r.Baselined}个 / the {r.Year} plan of {scopeEn} was approved before; {r.Baselined} more milestones baselined")
                    : string.Create(CultureInfo.InvariantCulture, $"已批准{scope} {r.Year}年度计划,{r.Baselined}个节点定为基线 / approved the {r.Year} plan of {scopeEn}: {r.Baselined} milestones baselined"));
                return 0;
            }
            catch (ProjectRuleException ex)
            {
                await parse.Err().WriteLineAsync(ex.Message);
                return 1;
            }
        });
        return command;
    }

    public static Command Replan()
    {
        var project = new Argument<string>("CODE") { Description = "项目编号 / project code" };
        var milestone = new Option<string>("--milestone") { Description = "节点或前期手续名称 / milestone name", Required = true };
        var date = new Option<string>("--date") { Description = "新计划日期,如 2023-09-30 / the new planned date", Required = true };
        var reason = new Option<string?>("--reason") { Description = "调整原因(已定基线的必填) / reason (required once baselined)" };
        var command = new Command("replan", "调整节点计划日期(保留基线,记录原因) / re-plan a milestone (the baseline is kept, the reason recorded)") { project, milestone, date, reason };
        command.SetAction(async (parse, ct) =>
        {
            var text = parse.GetRequiredValue(date);
            if (!ProjectSheet.TryParseDate(text, out var d))
            {
                await parse.Err().WriteLineAsync($"日期“{text}”无法识别，应写作 2023-09-30 / cannot read date '{text}'; write it like 2023-09-30");
                return 2;
            }

            await using var db = await StoreAccess.OpenAsync(parse, ct);
            try
            {
                var code = parse.GetRequiredValue(project);
                var name = parse.GetRequiredValue(milestone);
                await MilestonePlanStore.ReplanAsync(db, code, name, d, parse.GetValue(reason), Actor.LocalAdmin(Environment.UserName), ct);
                var day = d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                await parse.Out().WriteLineAsync($"{code} {name}: 计划日期调整为 {day} / re-planned to {day}");
                return 0;
            }
            catch (ProjectRuleException ex)
            {
                await parse.Err().WriteLineAsync(ex.Message);
                return 1;
            }
        });
        return command;
    }
}
