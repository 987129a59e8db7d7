using System.CommandLine;
using System.Globalization;
using Baiqiang.Cli.Pipeline;
using Baiqiang.Cli.Store;
using Baiqiang.Core.Access;
using Baiqiang.Core.Regions;
using Baiqiang.Core.Services;
using Baiqiang.Storage.Lists;
using Baiqiang.Storage.Pipeline;
using Baiqiang.Storage.Services;
using Microsoft.EntityFrameworkCore;

namespace Baiqiang.Cli.Services;

/// <summary><c>baiqiang service import|export|report</c>: the enterprise service desk (企业服务).</summary>
internal static class ServiceCommand
{
    private static readonly string[] Kinds = ["enterprises", "visits", "requests", "cashouts"];

    public static Command Create() => new("service", "企业服务:企业库、走访、诉求、政策兑现 / enterprise service desk: registry, visits, requests, cash-outs")
    {
        Import(), Export(), Report(),
    };

    private static Option<string> KindOption() => new("--kind")
    {
        Description = "清单类型 enterprises|visits|requests|cashouts / which list",
        Required = true,
    };

    private static Command Import()
    {
        var file = new Argument<string>("FILE") { Description = "CSV / XLSX 清单 / a list file" };
        var kind = KindOption();
        var command = new Command("import", "导入企业、走访、诉求或兑现清单(全部成功或全部不写入) / import a list (all or nothing)") { file, kind };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetRequiredValue(file);
            var actor = Actor.LocalAdmin(Environment.UserName);
            switch (parse.GetRequiredValue(kind).ToLowerInvariant())
            {
                case "enterprises":
                    return await RunAsync(parse, await ListFileReader.ReadAsync(path, ServiceFiles.EnterpriseColumns, ServiceFiles.ParseEnterprise, null, ct), (db, items) => ServiceStore.SaveEnterprisesAsync(db, actor, items, ct), ct);
                case "visits":
                    return await RunAsync(parse, await ListFileReader.ReadAsync(path, ServiceFiles.VisitColumns, ServiceFiles.ParseVisit, null, ct), (db, items) => ServiceStore.SaveVisitsAsync(db, actor, items, ct), ct);
                case "requests":
                    return await RunAsync(parse, await ListFileReader.ReadAsync(path, ServiceFiles.RequestColumns, ServiceFiles.ParseRequest, null, ct), (db, items) => ServiceStore.SaveRequestsAsync(db, actor, items, ct), ct);
                case "cashouts":
                    return await RunAsync(parse, await ListFileReader.ReadAsync(path, ServiceFiles.CashOutColumns, ServiceFiles.ParseCashOut, null, ct), (db, items) => ServiceStore.SaveCashOutsAsync(db, actor, items, ct), ct);
                default:
                    return await BadKindAsync(parse);
            }
        });
        return command;
    }

    private static async Task<int> RunAsync<T>(ParseResult parse, ListImport<T> read, Func<Storage.BaiqiangDbContext, IReadOnlyList<T>, Task<StoreOutcome>> save, CancellationToken ct)
    {
        if (!read.Success)
        {
            return await ListOutput.ImportErrorsAsync(parse, read.Errors);
        }

        await using var db = await StoreAccess.OpenAsync(parse, ct);
        var outcome = await save(db, read.Items);
        if (!outcome.Success)
        {
            return await ListOutput.StoreErrorsAsync(parse, outcome.Errors);
        }

        await parse.Out().WriteLineAsync($"已导入 / imported: 新增 added {outcome.Added}, 更新 updated {outcome.Updated}");
        return 0;
    }

    private static async Task<int> BadKindAsync(ParseResult parse)
    {
        await parse.Err().WriteLineAsync($"--kind 须为 {string.Join('|', Kinds)} / --kind must be one of {string.Join(", ", Kinds)}");
        return 2;
    }

    private static Command Export()
    {
        var kind = KindOption();
        var output = new Option<string>("--out") { Description = "输出文件 .xlsx 或 .csv / output file", Required = true };
        var lang = Output.ExportLanguageOption.Create();
        var command = new Command("export", "导出清单(可再次导入) / export a list (re-importable)") { kind, output, lang };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetRequiredValue(output);
            var format = Path.GetExtension(path).TrimStart('.');
            var language = Output.ExportLanguageOption.Value(parse, lang);
            await using var db = await StoreAccess.OpenAsync(parse, ct);
            switch (parse.GetRequiredValue(kind).ToLowerInvariant())
            {
                case "enterprises":
                    return await ListOutput.WriteAsync(parse, format, path, ListHeaders.SheetName("enterprises", language), [.. ListHeaders.For(ServiceFiles.EnterpriseColumns, language)], [.. (await db.Enterprises.AsNoTracking().OrderBy(e => e.CreditCode).ToListAsync(ct)).Select(ServiceFiles.ToRow)], ct);
                case "visits":
                    return await ListOutput.WriteAsync(parse, format, path, ListHeaders.SheetName("visits", language), [.. ListHeaders.For(ServiceFiles.VisitColumns, language)], [.. (await db.Visits.AsNoTracking().OrderBy(e => e.Key).ToListAsync(ct)).Select(ServiceFiles.ToRow)], ct);
                case "requests":
                    return await ListOutput.WriteAsync(parse, format, path, ListHeaders.SheetName("requests", language), [.. ListHeaders.For(ServiceFiles.RequestColumns, language)], [.. (await db.EnterpriseRequests.AsNoTracking().OrderBy(e => e.Key).ToListAsync(ct)).Select(ServiceFiles.ToRow)], ct);
                case "cashouts":
                    return await ListOutput.WriteAsync(parse, format, path, ListHeaders.SheetName("cashouts", language), [.. ListHeaders.For(ServiceFiles.CashOutColumns, language)], [.. (await db.CashOuts.AsNoTracking().OrderBy(e => e.Key).ToListAsync(ct)).Select(ServiceFiles.ToRow)], ct);
                default:
                    return await BadKindAsync(parse);
            }
        });
        return command;
    }

    private static Command Report()
    {
        var period = new Option<string>("--period") { Description = "统计期别 / period", Required = true };
        var today = CliAsOf.Option("判断超期的日期", "date overdue is judged on");
        var department = new Option<string[]>("--department") { Description = "只看某些责任单位 / only these departments", AllowMultipleArgumentsPerToken = true };
        var region = new Option<string?>("--region") { Description = "只看某地区及其下属(区划代码) / only this region and those below it (division code)" };
        var format = ListOutput.FormatOption();
        var output = ListOutput.OutOption();
        var command = new Command("report", "走访、诉求(按部门×类别×月份)、解决率、办理天数中位数、超期、政策兑现 / service statistics")
        {
            period, today, department, region, format, output,
        };
        command.SetAction(async (parse, ct) =>
        {
            var p = ListOutput.Period(parse.GetRequiredValue(period));
            if (!p.Success)
            {
                await parse.Err().WriteLineAsync(p.Error.ToString());
                return 2;
            }

            RegionCode? scope = null;
            if (parse.GetValue(region) is { Length: > 0 } regionText)
            {
                var parsed = RegionCode.TryParse(regionText.Trim().AsSpan());
                if (!parsed.Success)
                {
                    await parse.Err().WriteLineAsync(parsed.Error.ToString());
                    return 2;
                }

                scope = parsed.Value;
            }

            var departments = parse.GetValue(department) is { Length: > 0 } d ? d : null;
            await using var db = await StoreAccess.OpenAsync(parse, ct);
            if (await CliAsOf.ResolveAsync(parse, db, today, ct) is not { } asOf)
            {
                return 2;
            }

            var report = await ServiceQueries.ReportAsync(db, p.Value, asOf.Day, departments, scope, ct);
            string[] header = ["责任单位 department", "类别 category", "月份 month", "诉求 raised", "已解决 resolved", "无法解决 unresolvable", "超期 overdue"];
            var rows = report.Cells.Select(c => new object?[] { c.Department, ServiceText.Name(c.Category), c.Month, c.Raised, c.Resolved, c.Unresolvable, c.Overdue }).ToList();
            var fmt = parse.GetValue(format) ?? "table";
            var isTable = string.Equals(fmt, "table", StringComparison.OrdinalIgnoreCase);
            if (isTable)
            {
                await parse.Out().WriteLineAsync($"{p.Value}{(scope is { } r ? $" 地区 region {r}" : string.Empty)}，超期{asOf.Zh} / overdue {asOf.En}");
                await parse.Out().WriteLineAsync($"{p.Value}: 走访 visits {report.Visits} 次, 覆盖企业 enterprises reached {report.EnterprisesReached} 家, 诉求 requests {report.Raised} 件, 已解决 resolved {report.Resolved} 件, 超期 overdue {report.Overdue} 件");
                await parse.Out().WriteLineAsync(report.ResolutionFormula + $"; 办理天数中位数 median days to resolve: {(report.MedianDaysToResolve is { } m ? m.Invariant() : "—")}");
            }

            var exit = await ListOutput.WriteAsync(parse, fmt, parse.GetValue(output), "requests", header, rows, ct);
            if (exit == 0 && isTable)
            {
                var totals = await ServiceQueries.CashOutTotalsAsync(db, p.Value, scope, ct);
                if (totals.Count > 0)
                {
                    var table = new TextTable("政策项目 programme", "方式 kind", "企业 firms", "个体户 sole traders", "金额(万元) amount");
                    foreach (var c in totals)
                    {
                        table.Add(c.Programme, ServiceText.Name(c.Kind), c.Enterprises.ToString(CultureInfo.InvariantCulture), c.IndividualBusinesses.ToString(CultureInfo.InvariantCulture), c.Amount.Invariant());
                    }

                    table.WriteTo(parse.Out());
                }
            }

            return exit;
        });
        return command;
    }
}
