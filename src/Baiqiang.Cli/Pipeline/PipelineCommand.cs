using System.CommandLine;
using Baiqiang.Cli.Store;
using Baiqiang.Core.Access;
using Baiqiang.Core.Pipeline;
using Baiqiang.Core.Projects;
using Baiqiang.Storage.Lists;
using Baiqiang.Storage.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace Baiqiang.Cli.Pipeline;

/// <summary><c>baiqiang pipeline import|import-funds|import-milestones|export|report|scoreboard|targets|to-project</c>: the investment-attraction pipeline (招商引资).</summary>
internal static class PipelineCommand
{
    public static Command Create() => new("pipeline", "招商引资项目库:导入、导出、转化率、月度比拼、年度目标 / investment pipeline: import, export, rates, monthly scoreboard, targets")
    {
        Import(), ImportFunds(), ImportMilestones(), Export(), Report(), Scoreboard(), Targets(), ToProject(),
    };

    private static Command Import()
    {
        var file = new Argument<string>("FILE") { Description = "CSV / XLSX 项目清单(金额列表头注明单位,如 计划投资(亿元)) / a deal list (money headers name their unit)" };
        var dryRun = new Option<bool>("--dry-run") { Description = "只校验,不写入 / validate only" };
        var command = new Command("import", "导入招商项目(全部成功或全部不写入;已有项目按编号更新,阶段只能前进) / import deals (all or nothing; existing codes updated, stages only forward)") { file, dryRun };
        command.SetAction(async (parse, ct) =>
        {
            var result = await DealFile.ReadAsync(parse.GetRequiredValue(file), null, ct);
            if (!result.Success)
            {
                return await ListOutput.ImportErrorsAsync(parse, result.Errors);
            }

            if (parse.GetValue(dryRun))
            {
                await parse.Out().WriteLineAsync($"校验通过:{result.Items.Count}个项目(未写入) / valid: {result.Items.Count} deals (dry run)");
                return 0;
            }

            await using var db = await StoreAccess.OpenAsync(parse, ct);
            var outcome = await PipelineStore.SaveDealsAsync(db, Actor.LocalAdmin(Environment.UserName), result.Items, ct);
            if (!outcome.Success)
            {
                return await ListOutput.StoreErrorsAsync(parse, outcome.Errors);
            }

            await parse.Out().WriteLineAsync($"已导入招商项目 / imported deals: 新增 added {outcome.Added}, 更新 updated {outcome.Updated}");
            return 0;
        });
        return command;
    }

    private static Command ImportFunds()
    {
        var file = new Argument<string>("FILE") { Description = "CSV / XLSX 月度到位资金表:项目编号、填报月份、本月到位(万元)、累计到位(万元)、备注 / monthly funds form" };
        var dryRun = new Option<bool>("--dry-run") { Description = "只校验,不写入 / validate only" };
        var command = new Command("import-funds", "导入月度实际到位资金(累计到位不得减少,首月可带期初累计;超过合同投资须备注;全部成功或全部不写入) / import monthly funds in place (the cumulative never decreases; over the contract needs a note; all or nothing)") { file, dryRun };
        command.SetAction((parse, ct) => ImportRowsAsync(parse, file, dryRun, FundsFile.ReadAsync, DealMoneyStore.SaveFundsAsync, "个月度到位资金 monthly funds rows", ct));
        return command;
    }

    private static Command ImportMilestones()
    {
        var file = new Argument<string>("FILE") { Description = "CSV / XLSX 履约节点表:项目编号、节点(注册/开工/投产/达产)、约定日期、约定金额(万元)、实际日期 / contract milestones" };
        var dryRun = new Option<bool>("--dry-run") { Description = "只校验,不写入 / validate only" };
        var command = new Command("import-milestones", "导入合同履约节点(按项目和节点更新;全部成功或全部不写入) / import contract milestones (updated by deal and milestone; all or nothing)") { file, dryRun };
        command.SetAction((parse, ct) => ImportRowsAsync(parse, file, dryRun, MilestoneFile.ReadAsync, DealMoneyStore.SaveMilestonesAsync, "个履约节点 milestones", ct));
        return command;
    }

    /// <summary>Reads a list file, then (unless --dry-run) stores its rows all or nothing, printing errors by row and column.</summary>
    private static async Task<int> ImportRowsAsync<T>(
        ParseResult parse, Argument<string> file, Option<bool> dryRun,
        Func<string, Storage.Import.ImportOptions?, CancellationToken, Task<ListImport<T>>> read,
        Func<Storage.BaiqiangDbContext, Actor, string, IReadOnlyList<T>, CancellationToken, Task<RowsOutcome>> save, string what, CancellationToken ct)
        where T : class
    {
        var path = parse.GetRequiredValue(file);
        var result = await read(path, null, ct);
        if (!result.Success)
        {
            return await ListOutput.ImportErrorsAsync(parse, result.Errors);
        }

        if (parse.GetValue(dryRun))
        {
            await parse.Out().WriteLineAsync($"文件校验通过:{result.Items.Count}{what}(未写入,未与库中数据核对) / file valid: {result.Items.Count} rows (dry run, not checked against the store)");
            return 0;
        }

        await using var db = await StoreAccess.OpenAsync(parse, ct);
        try
        {
            var outcome = await save(db, Actor.LocalAdmin(Environment.UserName), Path.GetFileName(path), result.Items, ct);
            if (!outcome.Success)
            {
                return await ListOutput.ImportErrorsAsync(parse, outcome.Errors);
            }

            await parse.Out().WriteLineAsync($"已导入{what}: 新增 added {outcome.Added}, 更新 updated {outcome.Updated}");
            return 0;
        }
        catch (AccessDeniedException ex)
        {
            await parse.Err().WriteLineAsync(ex.Message);
            return 1;
        }
    }

    private static Command ToProject()
    {
        var code = new Argument<string>("DEAL_CODE") { Description = "已签约的招商项目编号 / code of a signed deal" };
        var projectCode = new Option<string?>("--project-code") { Description = "重点项目编号(缺省用招商项目编号) / key-project code (default: the deal code)" };
        var command = new Command("to-project", "已签约项目转为重点项目(不用重新录入,标签 招商引资) / turn a signed deal into a key project (no retyping; tagged 招商引资)") { code, projectCode };
        command.SetAction(async (parse, ct) =>
        {
            await using var db = await StoreAccess.OpenAsync(parse, ct);
            try
            {
                var project = await PipelineStore.ConvertToProjectAsync(db, Actor.LocalAdmin(Environment.UserName), parse.GetRequiredValue(code), parse.GetValue(projectCode), ct);
                var investment = project.TotalInvestment is { } t ? $"{t.Invariant()}万元" : "—";
                await parse.Out().WriteLineAsync($"已转为重点项目 / key project created: {project.Code} {project.Name}（{project.Region}），总投资 total investment {investment}");
                return 0;
            }
            catch (Exception ex) when (ex is DomainRuleException or ProjectRuleException or AccessDeniedException)
            {
                await parse.Err().WriteLineAsync(ex.Message);
                return 1;
            }
        });
        return command;
    }

    private static Command Export()
    {
        var output = new Option<string>("--out") { Description = "输出文件 .xlsx 或 .csv / output file", Required = true };
        var lang = Output.ExportLanguageOption.Create();
        var command = new Command("export", "导出全部招商项目(可再次导入) / export every deal (re-importable)") { output, lang };
        command.SetAction(async (parse, ct) =>
        {
            await using var db = await StoreAccess.OpenAsync(parse, ct);
            var rows = await db.Deals.AsNoTracking().OrderBy(d => d.Code).ToListAsync(ct);
            var language = Output.ExportLanguageOption.Value(parse, lang);
            return await ListOutput.WriteAsync(
                parse, Path.GetExtension(parse.GetRequiredValue(output)).TrimStart('.'), parse.GetRequiredValue(output), ListHeaders.SheetName("deals", language),
                [.. ListHeaders.For(DealFile.Columns, language)], [.. rows.Select(DealFile.ToRow)], ct);
        });
        return command;
    }

    private static Command Report()
    {
        var period = new Option<string>("--period") { Description = "统计期别,如 2023 或 2023-01..06 / period", Required = true };
        var by = new Option<string>("--by") { Description = "分组 none|region|chain|source|investor-type|origin / grouping", DefaultValueFactory = _ => "none" };
        var rates = new Option<string>("--rates")
        {
            Description = "cohort:按签约批次的转化率及资金到位率、履约率(默认);stage:阶段间转化率(线索→签约 …)及间隔天数中位数 / cohort rates with the money rates (default), or stage-to-stage rates with median days",
            DefaultValueFactory = _ => "cohort",
        };
        rates.AcceptOnlyFromAmong("cohort", "stage");
        var today = CliAsOf.Option("履约率的截至日", "the day 履约率 is judged on");
        var format = ListOutput.FormatOption();
        var output = ListOutput.OutOption();
        var command = new Command("report", "签约率、落地率、开工率、投产率(按个数与按金额,注明基数),资金到位率、履约率;--rates stage 为阶段间转化率 / cohort rates by count and amount with their bases, funds-in-place and contract performance rates; --rates stage for stage-to-stage rates")
        {
            period, by, rates, today, format, output,
        };
        command.SetAction(async (parse, ct) =>
        {
            var p = ListOutput.Period(parse.GetRequiredValue(period));
            if (!p.Success)
            {
                await parse.Err().WriteLineAsync(p.Error.ToString());
                return 2;
            }

            PipelineGrouping? grouping = parse.GetValue(by)?.ToUpperInvariant() switch
            {
                "NONE" => PipelineGrouping.None,
                "REGION" => PipelineGrouping.Region,
                "CHAIN" => PipelineGrouping.IndustryChain,
                "SOURCE" => PipelineGrouping.Source,
                "INVESTOR-TYPE" => PipelineGrouping.InvestorType,
                "ORIGIN" => PipelineGrouping.OriginRegion,
                _ => null,
            };
            if (grouping is null)
            {
                await parse.Err().WriteLineAsync($"未知分组“{parse.GetValue(by)}” / unknown grouping");
                return 2;
            }

            await using var db = await StoreAccess.OpenAsync(parse, ct);
            if (parse.GetValue(rates) == "stage")
            {
                return await StageReportAsync(parse, db, p.Value, format, output, ct);
            }

            var rows = await PipelineQueries.RatesAsync(db, p.Value, grouping.Value, null, ct);
            string[] header = ["分组 group", "新增线索 leads", "签约 signed", "签约额(亿元) signed 100m yuan", "签约率 signing", "落地率 landing", "开工率 start", "开工率(金额) start by amount", "投产率 production", "投产率(金额) production by amount"];
            var data = rows.Select(r => new object?[]
            {
                r.Group, r.NewLeads, r.NewSignings, ListOutput.Yi(r.SignedAmount), ListOutput.Percent(r.Signing.ByCountPercent), ListOutput.Percent(r.Landing.ByCountPercent),
                ListOutput.Percent(r.Start.ByCountPercent), ListOutput.Percent(r.Start.ByAmountPercent), ListOutput.Percent(r.Production.ByCountPercent), ListOutput.Percent(r.Production.ByAmountPercent),
            }).ToList();
            var exit = await ListOutput.WriteAsync(parse, parse.GetValue(format) ?? "table", parse.GetValue(output), "rates", header, data, ct);
            if (exit == 0 && string.Equals(parse.GetValue(format), "table", StringComparison.OrdinalIgnoreCase))
            {
                await parse.Out().WriteLineAsync($"基数 / bases: 签约率 = {PipelineRates.LeadBase}中已签约; 落地率、开工率、投产率 = {PipelineRates.SignedBase}中已落地/开工/投产");
                if (rows.Count == 1)
                {
                    foreach (var rate in new[] { rows[0].Signing, rows[0].Landing, rows[0].Start, rows[0].Production })
                    {
                        await parse.Out().WriteLineAsync(rate.Formula);
                    }
                }

                if (await CliAsOf.ResolveAsync(parse, db, today, ct) is not { } asOf)
                {
                    return 2;
                }

                var funds = await DealMoneyStore.FundsRatesAsync(db, p.Value, null, ct);
                await parse.Out().WriteLineAsync(funds.Cohort.Formula);
                await parse.Out().WriteLineAsync(funds.Period.Formula);
                await parse.Out().WriteLineAsync($"本期到位资金 / funds arrived in the period: {funds.ArrivedInPeriod.Invariant()}万元");
                await parse.Out().WriteLineAsync((await DealMoneyStore.PerformanceAsync(db, asOf.Day, null, ct)).Formula);
            }

            return exit;
        });
        return command;
    }

    private static async Task<int> StageReportAsync(ParseResult parse, Storage.BaiqiangDbContext db, Core.Periods.StatPeriod period, Option<string> format, Option<string?> output, CancellationToken ct)
    {
        var stages = await DealMoneyStore.StageRatesAsync(db, period, null, ct);
        string[] header = ["阶段 stages", "基数 base", "到达 reached", "转化率 rate", "间隔天数中位数 median days", "样本 sample"];
        var data = stages.Select(r => new object?[]
        {
            $"{r.NameZh} {r.NameEn}", r.Base, r.Reached, ListOutput.Percent(r.Percent), r.MedianDays is { } m ? m.Invariant() : "—", r.DaysSample,
        }).ToList();
        var exit = await ListOutput.WriteAsync(parse, parse.GetValue(format) ?? "table", parse.GetValue(output), "stage-rates", header, data, ct);
        if (exit == 0 && string.Equals(parse.GetValue(format), "table", StringComparison.OrdinalIgnoreCase))
        {
            await parse.Out().WriteLineAsync("基数 / base: 本期到达前一阶段的项目(跳过的阶段视为随下一阶段到达;天数只取两阶段均有记录日期的项目) / deals that reached the earlier stage in the period");
            foreach (var r in stages)
            {
                await parse.Out().WriteLineAsync(r.Formula);
            }
        }

        return exit;
    }

    private static Command Scoreboard()
    {
        var year = new Option<int>("--year") { Description = "年份 / year", Required = true };
        var through = new Option<int>("--through") { Description = "截至月份(默认12) / last month shown (default 12)", DefaultValueFactory = _ => 12 };
        var format = ListOutput.FormatOption();
        var output = ListOutput.OutOption();
        var command = new Command("scoreboard", "月月有签约、月月有落地、月月有开工:逐月统计,空白月份标出 / monthly signings, landings and starts; empty months flagged")
        {
            year, through, format, output,
        };
        command.SetAction(async (parse, ct) =>
        {
            await using var db = await StoreAccess.OpenAsync(parse, ct);
            var months = await PipelineQueries.ScoreboardAsync(db, parse.GetValue(year), Math.Clamp(parse.GetValue(through), 1, 12), null, ct);
            string[] header = ["月份 month", "签约 signed", "签约额(亿元)", "落地 landed", "开工 started", "提示 flag"];
            var data = months.Select(m => new object?[] { m.Month, m.Signings, ListOutput.Yi(m.SignedAmount), m.Landings, m.Starts, m.Broken ? "⚠ " + m.FlagZh : string.Empty }).ToList();
            var exit = await ListOutput.WriteAsync(parse, parse.GetValue(format) ?? "table", parse.GetValue(output), "scoreboard", header, data, ct);
            var broken = months.Count(m => m.Broken);
            if (exit == 0 && broken > 0 && string.Equals(parse.GetValue(format), "table", StringComparison.OrdinalIgnoreCase))
            {
                await parse.Out().WriteLineAsync($"{broken}个月未做到“月月有签约、月月有落地、月月有开工” / {broken} months broke the every-month rule");
            }

            return exit;
        });
        return command;
    }

    private static Command Targets()
    {
        var period = new Option<string>("--period") { Description = "截至期别,如 2023-06 / as of", Required = true };
        var command = new Command("targets", "年度招商目标进度(与时间进度对比) / annual pipeline targets against time elapsed") { period };
        command.SetAction(async (parse, ct) =>
        {
            var p = ListOutput.Period(parse.GetRequiredValue(period));
            if (!p.Success)
            {
                await parse.Err().WriteLineAsync(p.Error.ToString());
                return 2;
            }

            await using var db = await StoreAccess.OpenAsync(parse, ct);
            var progress = await PipelineQueries.TargetsAsync(db, p.Value, ct);
            var table = new TextTable("目标 target", "地区 region", "目标值 goal", "完成 current", "进度 progress", "时间进度 time", "状态 status");
            foreach (var t in progress)
            {
                table.Add(t.Target.DescriptionZh ?? t.Target.Id, t.Target.Region.ToString(), t.Status.TargetValue.Invariant(), Math.Round(t.Status.Current, 2).Invariant(),
                    ListOutput.Percent(t.Status.ProgressPercent), ListOutput.Percent(t.Status.TimeElapsedPercent), t.Status.Met ? "已完成 met" : t.Status.OnTrack ? "正常 on track" : "滞后 behind");
            }

            table.WriteTo(parse.Out());
            return 0;
        });
        return command;
    }
}
