using System.CommandLine;
using System.Globalization;
using System.Text;
using Baiqiang.Cli.Observations;
using Baiqiang.Cli.Store;
using Baiqiang.Core.Access;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Projects;
using Baiqiang.Core.Regions;
using Baiqiang.Storage.Lookups;
using Baiqiang.Storage.Projects;

namespace Baiqiang.Cli.Projects;

/// <summary>
/// <c>baiqiang projects import|export|form|report|warnings|approve|close-month|transition</c>: the key-project ledger
/// (重点项目台账) and its monthly dispatch (月度调度). The CLI acts as the local administrator.
/// </summary>
internal static class ProjectsCommand
{
    private static readonly Option<string?> RegionOption = new("--region") { Description = "地区代码或名称(含下属园区) / region code or name (parks below it included)" };

    public static Command Create() => new("projects", "重点项目台账与月度调度 / key-project ledger and monthly dispatch")
    {
        ImportCommand(), ExportCommand(), FormCommand(), ReportCommand(), WarningsCommand(), ApproveCommand(), CloseMonthCommand(), TransitionCommand(),
        SupervisionCommands.Escalate(), SupervisionCommands.Sheet(), MilestonePlanCommands.ApprovePlan(), MilestonePlanCommands.Replan(),
        HonorRollCommand(), LightThresholdsCommand(),
        AttachCommand.Create(),
    };

    private static Actor CliActor() => Actor.LocalAdmin(Environment.UserName);

    private static Command ImportCommand()
    {
        var file = new Argument<string>("FILE") { Description = "台账或月报表(.xlsx/.csv) / a ledger or a filled monthly form (.xlsx/.csv)" };
        var kind = new Option<string>("--kind")
        {
            Description = "auto(默认:有“填报月份”列即为月报表,否则为台账)| ledger | form / auto (default: a 填报月份 column means a monthly form, else a ledger) | ledger | form",
            DefaultValueFactory = _ => "auto",
        };
        kind.AcceptOnlyFromAmong("auto", "ledger", "form");
        var period = new Option<string?>("--period") { Description = "月报表无“填报月份”列时的月份;台账无“计划年度”列时的年度 / report month of a form without 填报月份; plan year of a ledger without 计划年度" };
        var noApprove = new Option<bool>("--no-approve") { Description = "月报只提交不审核(默认由本地管理员直接审核) / store form reports as submitted, not approved" };
        var dryRun = new Option<bool>("--dry-run") { Description = "只校验,不写入 / validate only" };
        var writeCodes = new Option<bool>("--write-codes")
        {
            Description = "台账导入后在原文件旁另存一份带项目编号的副本(NAME.coded.csv/.xlsx) / after a ledger import, write a copy carrying the project codes beside the input (NAME.coded.csv/.xlsx)",
        };
        var command = new Command("import", "导入台账或月报表(全部成功或全部不写入);无项目编号的新项目按“地区-计划年度-序号”编号 / import a ledger or a filled monthly form (all rows or none); new projects without a code get {region}-{plan year}-{serial}")
        {
            file, kind, period, noApprove, dryRun, writeCodes,
        };
        command.SetAction(async (parse, ct) =>
        {
            await using var db = await StoreAccess.OpenAsync(parse, ct);
            var lookups = await StoreLookups.LoadAsync(db, ct);
            StatPeriod? p = null;
            if (parse.GetValue(period) is { } pt)
            {
                var pr = lookups.ParsePeriod(pt);
                if (!pr.Success)
                {
                    await parse.Err().WriteLineAsync(pr.Error.ToString());
                    return 2;
                }

                p = pr.Value;
            }

            var options = new ProjectImportOptions(
                parse.GetValue(kind) switch { "ledger" => ProjectFileKind.Ledger, "form" => ProjectFileKind.Form, _ => ProjectFileKind.Auto },
                p, Approve: !parse.GetValue(noApprove), DryRun: parse.GetValue(dryRun));
            var path = parse.GetRequiredValue(file);
            var result = await Observations.ImportCommand.WithStatus("校验中 / validating", () => ProjectFileImporter.ImportAsync(db, path, options, CliActor(), ct));
            if (!result.Success)
            {
                foreach (var e in result.Errors)
                {
                    await parse.Err().WriteLineAsync(e.ToString());
                }

                await parse.Err().WriteLineAsync($"导入失败,未写入任何数据({result.Errors.Count}处错误) / import failed, nothing stored ({result.Errors.Count} errors)");
                return 1;
            }

            var what = result.Kind == ProjectFileKind.Form ? "月报表 monthly form" : "台账 ledger";
            var dry = options.DryRun ? "(仅校验,未写入 / dry run, nothing stored)" : string.Empty;
            await parse.Out().WriteLineAsync(
                $"已导入 / imported {Path.GetFileName(path)} [{what}]{dry}: 新增 added {result.Added}, 更新 updated {result.Updated}, 未变 unchanged {result.Unchanged}, 未填 skipped {result.Skipped}");
            var assigned = result.AssignedCodes.ToList();
            if (assigned.Count > 0)
            {
                await parse.Out().WriteLineAsync($"生成项目编号{assigned.Count}个 / assigned {assigned.Count} project codes:");
                foreach (var a in assigned)
                {
                    await parse.Out().WriteLineAsync($"  第{a.Row}行 row {a.Row}: {a.Code} {a.Name}");
                }
            }

            if (parse.GetValue(writeCodes))
            {
                if (result.Kind != ProjectFileKind.Ledger)
                {
                    await parse.Err().WriteLineAsync("--write-codes 只用于台账 / --write-codes applies to a ledger only");
                    return 2;
                }

                var coded = ProjectCodeWriter.CodedPath(path);
                if (await ProjectCodeWriter.WriteAsync(path, result.RowCodes, coded, ct) is { } writeError)
                {
                    await parse.Err().WriteLineAsync(writeError.ToString());
                    return 1;
                }

                await parse.Out().WriteLineAsync($"已写出带项目编号的台账 / wrote the ledger with its codes: {coded}");
            }

            return 0;
        });
        return command;
    }

    private static Command ExportCommand()
    {
        var output = new Option<string>("--out") { Description = "输出文件 .xlsx 或 .csv / output file", Required = true };
        var period = new Option<string?>("--period") { Description = "台账截至的期别(默认本年至上月) / period of the figures (default: this year to last month)" };
        var command = new Command("export", "导出台账(可再次导入) / export the ledger (re-importable)") { output, period, RegionOption };
        command.SetAction((parse, ct) => WriteSheetAsync(parse, parse.GetRequiredValue(output), parse.GetValue(period), form: false, blank: false, ct));
        return command;
    }

    private static Command FormCommand()
    {
        var output = new Option<string>("--out") { Description = "输出文件 .xlsx 或 .csv / output file", Required = true };
        var period = new Option<string>("--period") { Description = "填报月份,如 2022-06 / the report month", Required = true };
        var blank = new Option<bool>("--blank") { Description = "空白表(不预填已报数字) / blank form (no figures pre-filled)" };
        var command = new Command("form", "生成月报表(空白或预填) / write a blank or pre-filled monthly form") { output, period, blank, RegionOption };
        command.SetAction((parse, ct) => WriteSheetAsync(parse, parse.GetRequiredValue(output), parse.GetRequiredValue(period), form: true, parse.GetValue(blank), ct));
        return command;
    }

    private static async Task<int> WriteSheetAsync(ParseResult parse, string path, string? periodText, bool form, bool blank, CancellationToken ct)
    {
        var ext = Path.GetExtension(path).ToUpperInvariant();
        if (ext is not (".XLSX" or ".CSV"))
        {
            await parse.Err().WriteLineAsync($"输出文件须为 .xlsx 或 .csv:“{path}” / output must be .xlsx or .csv: '{path}'");
            return 2;
        }

        await using var db = await StoreAccess.OpenAsync(parse, ct);
        var lookups = await StoreLookups.LoadAsync(db, ct);
        var (ok, period, region) = await ScopeAsync(parse, lookups, periodText, ct);
        if (!ok)
        {
            return 2;
        }

        var rows = await ProjectSheetBuilder.BuildAsync(db, period, region, form, blank, ct);
        var month = form ? new ReportingMonth(period.Year, period.LastMonth).ToString() : null;
        await using (var stream = File.Create(path))
        {
            if (ext == ".CSV")
            {
                await ProjectSheet.WriteCsvAsync(stream, rows, period.LastMonth, month, ct);
            }
            else
            {
                await ProjectSheet.WriteXlsxAsync(stream, rows, period.LastMonth, month, ct);
            }
        }

        await parse.Out().WriteLineAsync($"已导出{rows.Count}个项目到 {path}({period}) / exported {rows.Count} projects to {path} ({period})");
        return 0;
    }

    /// <summary>Parses --period (default: this year to last month) and --region; prints the error and returns false when either is bad.</summary>
    private static async Task<(bool Ok, StatPeriod Period, RegionCode? Region)> ScopeAsync(ParseResult parse, StoreLookups lookups, string? periodText, CancellationToken ct)
    {
        StatPeriod period;
        if (periodText is { } pt)
        {
            var pr = lookups.ParsePeriod(pt);
            if (!pr.Success)
            {
                await parse.Err().WriteLineAsync(pr.Error.ToString());
                return (false, default, null);
            }

            period = pr.Value;
        }
        else
        {
            var today = DateOnly.FromDateTime(TimeProvider.System.GetLocalNow().DateTime);
            period = today.Month == 1 ? StatPeriod.ForYear(today.Year - 1) : StatPeriod.CumulativeTo(today.Year, today.Month - 1);
        }

        RegionCode? region = null;
        if (parse.GetValue(RegionOption) is { } rt)
        {
            var rr = lookups.ResolveRegion(rt);
            if (!rr.Success)
            {
                await parse.Err().WriteLineAsync(rr.Error.ToString());
                return (false, default, null);
            }

            region = rr.Value;
        }

        ct.ThrowIfCancellationRequested();
        return (true, period, region);
    }

    private static Command ReportCommand()
    {
        var period = new Option<string>("--period") { Description = "统计期别,如 2022-01..06 或 2022年1-6月 / period", Required = true };
        var by = new Option<string?>("--by")
        {
            Description = "分组:project|region|department|leader|category|industry-chain|tag|kind(默认按项目和按地区各一张) / grouping (default: per project and per region)",
        };
        by.AcceptOnlyFromAmong("project", "region", "department", "leader", "category", "industry-chain", "tag", "kind", "work-group");
        var format = new Option<string>("--format") { Description = "table | csv | xlsx(xlsx 须 --out) / output format", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv", "xlsx");
        var output = new Option<string?>("--out") { Description = "输出文件(csv 默认打印到屏幕) / output file (csv prints to the screen by default)" };
        var today = CliAsOf.Option("判断亮灯(问题、节点逾期)的日期", "the day 亮灯 judges overdue problems and milestones on");
        var lang = Output.ExportLanguageOption.Create("表头与文字语言:zh(中文,默认)或 en / header and word language of the table, csv and xlsx: zh (default) or en");
        var command = new Command("report", "台账汇总:完成投资、占年度计划、时间过半任务过半、新开工与竣工、亮灯、前期手续 / ledger consolidation by period and grouping, with 亮灯 and 前期手续")
        {
            period, by, format, output, today, RegionOption, lang,
        };
        command.SetAction(async (parse, ct) =>
        {
            await using var db = await StoreAccess.OpenAsync(parse, ct);
            var lookups = await StoreLookups.LoadAsync(db, ct);
            var (ok, p, region) = await ScopeAsync(parse, lookups, parse.GetRequiredValue(period), ct);
            if (!ok)
            {
                return 2;
            }

            if (await CliAsOf.ResolveAsync(parse, db, today, ct) is not { } asOf)
            {
                return 2;
            }

            var groupings = parse.GetValue(by) is { } b ? [Grouping(b)] : new[] { LedgerGrouping.Project, LedgerGrouping.Region };
            var views = await ProjectLedgerQuery.LedgerAsync(db, p, groupings, region, asOf.Day, ct);

            var fmt = parse.GetValue(format);
            var path = parse.GetValue(output);
            if (fmt == "xlsx" && path is null)
            {
                await parse.Err().WriteLineAsync("xlsx 格式须指定 --out 文件 / --format xlsx needs --out FILE");
                return 2;
            }

            var rows = views.SelectMany(v => v.Report.Rows.Select(r => (v.Report.GroupBy, Row: r)).Append((v.Report.GroupBy, Row: v.Report.Total with { GroupLabel = "合计" })))
                .ToList();
            string Label((LedgerGrouping By, LedgerRow Row) x) => x.By == LedgerGrouping.Region && x.Row.GroupKey.Length > 0 && RegionCode.TryParse(x.Row.GroupKey, out var rc)
                ? $"{lookups.RegionName(rc)}" : x.Row.GroupLabel;
            var english = Output.ExportLanguageOption.IsEnglish(parse, lang);
            var options = new LedgerExportOptions(await LedgerReportExport.PreliminaryAsync(db, region, ct), asOf.Day, english);
            if (fmt == "table")
            {
                var o = parse.Out();
                await o.WriteLineAsync($"重点项目台账 {p}(时间进度 {P(p.YearElapsedShare * 100m)}%,{asOf.Zh})/ key-project ledger {p} (time elapsed {P(p.YearElapsedShare * 100m)}%, {asOf.En})");
                foreach (var v in views)
                {
                    await o.WriteLineAsync();
                    await o.WriteLineAsync($"按{GroupingZh(v.Report.GroupBy)} / by {v.Report.GroupBy}");
                    var t = new TextTable(ReportTableHeaders(v.Report.GroupBy, english));
                    foreach (var x in rows.Where(x => x.GroupBy == v.Report.GroupBy))
                    {
                        var r = x.Row;
                        string[] line =
                        [
                            r.GroupKey, Label(x), Cnt(r.ProjectCount), Yi(r.AnnualPlan), Yi(r.CompletedYearToDate),
                            r.CompletionPercent is { } c ? P(c) + "%" : "—", r.GapPoints is { } gp ? Signed(gp) : "—",
                            r.OnTrack ? (english ? "yes" : "是") : (english ? "no" : "否"), Cnt(r.NewStarts), Cnt(r.Completions),
                            r.Light is { } l ? (english ? ProjectLights.En(l.Color) : l.ColorZh) : "—", (english ? r.Light?.Reason.En : r.Light?.Reason.Zh) ?? string.Empty,
                        ];
                        t.Add(v.Report.GroupBy == LedgerGrouping.Project
                            ? [.. line, .. LedgerReportExport.PreliminaryCells(r.GroupKey, options).Select(s => s ?? "—")]
                            : line);
                    }

                    t.WriteTo(o);
                    await o.WriteLineAsync($"合计:{v.Report.Total.Formula}");
                    foreach (var tl in v.Targets)
                    {
                        await o.WriteLineAsync($"目标 {tl.DescriptionZh ?? tl.TargetId}:实际{Cnt(tl.Actual)}个 / 目标{Cnt(tl.Target)}个" + (tl.Percent is { } tp ? $"({P(tp)}%)" : string.Empty));
                    }
                }

                return 0;
            }

            var cells = LedgerReportExport.Cells(views.Select(v => v.Report), (g, r) => Label((g, r)), options);
            if (fmt == "xlsx")
            {
                await using var stream = File.Create(path!);
                await LedgerReportExport.WriteXlsxAsync(stream, cells, english, ct);
                await parse.Out().WriteLineAsync($"已导出{cells.Count}行到 {path} / exported {cells.Count} rows to {path}");
                return 0;
            }

            using var buffer = new MemoryStream();
            await LedgerReportExport.WriteCsvAsync(buffer, cells, english, ct);
            if (path is not null)
            {
                await using var file = File.Create(path);
                await file.WriteAsync(Encoding.UTF8.Preamble.ToArray(), ct);
                await file.WriteAsync(buffer.ToArray(), ct);
                await parse.Out().WriteLineAsync($"已导出{cells.Count}行到 {path} / exported {cells.Count} rows to {path}");
            }
            else
            {
                await parse.Out().WriteAsync(Encoding.UTF8.GetString(buffer.ToArray()));
            }

            return 0;
        });
        return command;
    }

    private static Command WarningsCommand()
    {
        var period = new Option<string>("--period") { Description = "统计期别 / period", Required = true };
        var today = CliAsOf.Option("判断逾期的日期", "the date overdue rules use");
        var lag = new Option<decimal>("--lag") { Description = "完成进度落后时间进度超过N个百分点预警(默认10) / lag threshold, points", DefaultValueFactory = _ => 10m };
        var months = new Option<int>("--no-progress-months") { Description = "连续N个月无投资进度预警(默认2) / months without progress", DefaultValueFactory = _ => 2 };
        var days = new Option<int>("--problem-days") { Description = "问题挂账超过N天预警(默认30) / days a problem may stay open", DefaultValueFactory = _ => 30 };
        var reported = new Option<decimal?>("--reported") { Description = "报告中公布的完成率%,与汇总核对 / a completion % a report printed, checked against the ledger" };
        var command = new Command("warnings", "预警:进度滞后、无进度、节点逾期、问题超期、补充协议逾期 / early warnings")
        {
            period, today, lag, months, days, reported, RegionOption,
        };
        command.SetAction(async (parse, ct) =>
        {
            await using var db = await StoreAccess.OpenAsync(parse, ct);
            var lookups = await StoreLookups.LoadAsync(db, ct);
            var (ok, p, region) = await ScopeAsync(parse, lookups, parse.GetRequiredValue(period), ct);
            if (!ok)
            {
                return 2;
            }

            if (await CliAsOf.ResolveAsync(parse, db, today, ct) is not { } asOf)
            {
                return 2;
            }

            var rules = new WarningRules(parse.GetValue(lag), parse.GetValue(months), parse.GetValue(days));
            var warnings = await ProjectWarningQuery.WarningsAsync(db, p, rules, asOf.Day, region, parse.GetValue(reported), null, ct);
            var o = parse.Out();
            await o.WriteLineAsync($"预警 {p}({asOf.Zh}):{warnings.Count}条 / warnings for {p} {asOf.En}: {warnings.Count}");
            var t = new TextTable("项目", "规则", "起始", "责任", "原因");
            foreach (var w in warnings)
            {
                t.Add(w.ProjectCode, RuleZh(w.Rule), w.Since.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), w.Desk, w.Reason.Zh);
            }

            t.WriteTo(o);

            // 亮灯: the red and yellow projects, each with its reason.
            var lit = (await ProjectLedgerQuery.LedgerAsync(db, p, [LedgerGrouping.Project], region, asOf.Day, ct))[0].Report.Rows
                .Where(r => r.Light?.Color is LightColor.Red or LightColor.Yellow).OrderByDescending(r => r.Light!.Color).ThenBy(r => r.GroupKey, StringComparer.Ordinal).ToList();
            await o.WriteLineAsync();
            await o.WriteLineAsync($"亮灯:红灯{lit.Count(r => r.Light!.Color == LightColor.Red)}个,黄灯{lit.Count(r => r.Light!.Color == LightColor.Yellow)}个 / lights: red and yellow projects");
            var lights = new TextTable("亮灯", "项目", "名称", "亮灯原因");
            foreach (var r in lit)
            {
                lights.Add(r.Light!.ColorZh, r.GroupKey, r.GroupLabel, r.Light.Reason.Zh);
            }

            lights.WriteTo(o);
            return 0;
        });
        return command;
    }

    private static Command ApproveCommand()
    {
        var period = new Option<string>("--period") { Description = "审核该期内各月已提交的月报 / approve submitted reports of the period's months", Required = true };
        var command = new Command("approve", "审核通过已提交的月报 / approve submitted monthly reports") { period, RegionOption };
        command.SetAction(async (parse, ct) =>
        {
            await using var db = await StoreAccess.OpenAsync(parse, ct);
            var lookups = await StoreLookups.LoadAsync(db, ct);
            var (ok, p, region) = await ScopeAsync(parse, lookups, parse.GetRequiredValue(period), ct);
            if (!ok)
            {
                return 2;
            }

            var n = await ProjectStore.ApproveAllSubmittedAsync(db, p, region, CliActor(), ct);
            await parse.Out().WriteLineAsync($"已审核{n}份月报 / approved {n} reports");
            return 0;
        });
        return command;
    }

    private static Command CloseMonthCommand()
    {
        var month = new Option<string>("--period") { Description = "关账月份,如 2022-06 / the month to close", Required = true };
        var region = new Option<string>("--region") { Description = "地区代码或名称 / region", Required = true };
        var command = new Command("close-month", "关账:该月月报只能更正 / close a month: its reports can then only be corrected") { month, region };
        command.SetAction(async (parse, ct) =>
        {
            await using var db = await StoreAccess.OpenAsync(parse, ct);
            var lookups = await StoreLookups.LoadAsync(db, ct);
            var rr = lookups.ResolveRegion(parse.GetRequiredValue(region));
            var pr = lookups.ParsePeriod(parse.GetRequiredValue(month));
            if (!rr.Success || !pr.Success)
            {
                await parse.Err().WriteLineAsync((rr.Error ?? pr.Error)!.ToString());
                return 2;
            }

            await ProjectStore.CloseMonthAsync(db, rr.Value, pr.Value.Year, pr.Value.LastMonth, CliActor(), TimeProvider.System, ct);
            await parse.Out().WriteLineAsync($"{lookups.RegionName(rr.Value)} {new ReportingMonth(pr.Value.Year, pr.Value.LastMonth)} 已关账 / closed");
            return 0;
        });
        return command;
    }

    private static Command TransitionCommand()
    {
        var code = new Argument<string>("CODE") { Description = "项目编号 / project code" };
        var status = new Argument<string>("STATUS") { Description = "储备|签约|开工|在建|竣工|投产|暂停|终止" };
        var on = new Option<string>("--on") { Description = "变更日期 / date of the change", Required = true };
        var reason = new Option<string?>("--reason") { Description = "原因(暂停、终止必填) / reason (required for 暂停/终止)" };
        var command = new Command("transition", "项目状态变更 / move a project along its lifecycle") { code, status, on, reason };
        command.SetAction(async (parse, ct) =>
        {
            var st = ProjectText.ParseStatus(parse.GetRequiredValue(status));
            if (!st.Success || !ProjectSheet.TryParseDate(parse.GetRequiredValue(on), out var date))
            {
                await parse.Err().WriteLineAsync(st.Error?.ToString() ?? "日期无法识别 / cannot read the date");
                return 2;
            }

            await using var db = await StoreAccess.OpenAsync(parse, ct);
            try
            {
                var change = await ProjectStore.TransitionAsync(db, parse.GetRequiredValue(code), st.Value, date, parse.GetValue(reason), CliActor(), ct);
                await parse.Out().WriteLineAsync($"{parse.GetRequiredValue(code)}: {ProjectText.Name(change.From)} → {ProjectText.Name(change.To)} ({change.On:yyyy-MM-dd})");
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

    private static Command HonorRollCommand()
    {
        var period = new Option<string>("--period") { Description = "统计期别,如 2023-01..06 / period", Required = true };
        var by = new Option<string>("--by") { Description = "unit(责任单位)| leader(挂点领导)| group(工作推进组)| region(地区)", Required = true };
        by.AcceptOnlyFromAmong("unit", "leader", "group", "region");
        var top = new Option<int>("--top") { Description = "红榜、黑榜各取前N名(默认5) / top and bottom N (default 5)", DefaultValueFactory = _ => 5 };
        var format = new Option<string>("--format") { Description = "table | csv | xlsx(xlsx 须 --out) / output format", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv", "xlsx");
        var output = new Option<string?>("--out") { Description = "输出文件 / output file" };
        var today = CliAsOf.Option("判断亮灯的日期", "the day 亮灯 is judged on");
        var command = new Command("honor-roll", "红黑榜:按序时进度和新开工排名,前N名和后N名 / honour roll and blacklist by progress against time and by new starts")
        {
            period, by, top, format, output, today, RegionOption,
        };
        command.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(top) < 1)
            {
                await parse.Err().WriteLineAsync("--top 须为正整数 / --top must be a positive whole number");
                return 2;
            }

            var fmt = parse.GetValue(format);
            var path = parse.GetValue(output);
            if (fmt == "xlsx" && path is null)
            {
                await parse.Err().WriteLineAsync("xlsx 格式须指定 --out 文件 / --format xlsx needs --out FILE");
                return 2;
            }

            await using var db = await StoreAccess.OpenAsync(parse, ct);
            var lookups = await StoreLookups.LoadAsync(db, ct);
            var (ok, p, region) = await ScopeAsync(parse, lookups, parse.GetRequiredValue(period), ct);
            if (!ok || await CliAsOf.ResolveAsync(parse, db, today, ct) is not { } asOf)
            {
                return 2;
            }

            var roll = await HonorRollQuery.RankAsync(db, p, HonorRollQuery.ParseBy(parse.GetRequiredValue(by))!.Value, parse.GetValue(top), region, asOf.Day, ct);
            string Label(LedgerRow r) => roll.By == HonorRollBy.Region && RegionCode.TryParse(r.GroupKey, out var rc) ? lookups.RegionName(rc) : r.GroupLabel;
            var cells = HonorRollQuery.Cells(roll, Label);
            if (fmt == "table")
            {
                var o = parse.Out();
                await o.WriteLineAsync($"红黑榜 {p} 按{ByZh(roll.By)}(前后各{roll.Top}名,{asOf.Zh})/ honour roll {p} by {roll.By} (top and bottom {roll.Top}, {asOf.En})");
                foreach (var list in Enum.GetValues<HonorList>())
                {
                    await o.WriteLineAsync();
                    await o.WriteLineAsync($"{HonorRoll.Zh(list)} / {HonorRoll.En(list)}");
                    var t = new TextTable("名次", "名称", "项目数", "年度计划", "累计完成", "完成率", "差距(百分点)", "新开工", "亮灯", "亮灯原因");
                    foreach (var e in roll.Of(list))
                    {
                        var r = e.Row;
                        t.Add(Cnt(e.Rank), Label(r), Cnt(r.ProjectCount), Yi(r.AnnualPlan), Yi(r.CompletedYearToDate),
                            r.CompletionPercent is { } c ? P(c) + "%" : "—", r.GapPoints is { } gp ? Signed(gp) : "—", Cnt(r.NewStarts),
                            r.Light?.ColorZh ?? "—", r.Light?.Reason.Zh ?? string.Empty);
                    }

                    t.WriteTo(o);
                }

                return 0;
            }

            await using (Stream stream = path is null ? new MemoryStream() : File.Create(path))
            {
                if (fmt == "xlsx")
                {
                    await HonorRollQuery.WriteXlsxAsync(stream, cells, ct);
                }
                else
                {
                    await HonorRollQuery.WriteCsvAsync(stream, cells, ct);
                    if (path is null)
                    {
                        await parse.Out().WriteAsync(new UTF8Encoding(false).GetString(((MemoryStream)stream).ToArray()).TrimStart('\uFEFF'));
                        return 0;
                    }
                }
            }

            await parse.Out().WriteLineAsync($"已导出{cells.Count}行到 {path} / exported {cells.Count} rows to {path}");
            return 0;
        });
        return command;
    }

    private static Command LightThresholdsCommand()
    {
        var year = new Option<int>("--year") { Description = "计划年度 / plan year", Required = true };
        var yellow = new Option<decimal?>("--yellow") { Description = "黄灯线:完成率低于序时进度超过N个百分点为黄灯(默认-5) / yellow line in points (default -5)" };
        var red = new Option<decimal?>("--red") { Description = "红灯线(默认-15) / red line in points (default -15)" };
        var command = new Command("light-thresholds", "查看或设定某计划年度的亮灯阈值 / show or set a plan year's 亮灯 thresholds") { year, yellow, red };
        command.SetAction(async (parse, ct) =>
        {
            var y = parse.GetValue(year);
            if (y is < 1949 or > 2200)
            {
                await parse.Err().WriteLineAsync($"计划年度{y}无效 / plan year {y} is not valid");
                return 2;
            }

            await using var db = await StoreAccess.OpenAsync(parse, ct);
            var current = await Storage.Settings.StoreSettings.LightThresholdsAsync(db, y, ct);
            if (parse.GetValue(yellow) is null && parse.GetValue(red) is null)
            {
                await parse.Out().WriteLineAsync(Describe(y, current));
                return 0;
            }

            var text = Invariant($"{parse.GetValue(yellow) ?? current.YellowBelow},{parse.GetValue(red) ?? current.RedBelow}");
            var stored = await Storage.Settings.StoreSettings.SetAsync(db, Storage.Settings.StoreSettings.LightKey(y), text, Environment.UserName, ct);
            if (!stored.Success)
            {
                await parse.Err().WriteLineAsync(stored.Error.ToString());
                return 2;
            }

            await parse.Out().WriteLineAsync("已设定 / set: " + Describe(y, LightThresholds.TryParse(stored.Value).Value));
            return 0;
        });
        return command;
    }

    private static string Describe(int year, LightThresholds t) =>
        Invariant($"{year}年亮灯:差距≥{N(t.YellowBelow)}个百分点为绿,{N(t.RedBelow)}至{N(t.YellowBelow)}为黄,低于{N(t.RedBelow)}为红 / {year}: green at gap ≥ {N(t.YellowBelow)} points, yellow from {N(t.RedBelow)}, red below {N(t.RedBelow)}");

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    private static string ByZh(HonorRollBy by) => by switch
    {
        HonorRollBy.Unit => "责任单位",
        HonorRollBy.Leader => "挂点领导",
        HonorRollBy.Group => "工作推进组",
        _ => "地区",
    };

    private static LedgerGrouping Grouping(string by) => by switch
    {
        "project" => LedgerGrouping.Project,
        "region" => LedgerGrouping.Region,
        "department" => LedgerGrouping.Department,
        "leader" => LedgerGrouping.Leader,
        "category" => LedgerGrouping.Category,
        "industry-chain" => LedgerGrouping.IndustryChain,
        "tag" => LedgerGrouping.Tag,
        "work-group" => LedgerGrouping.WorkGroup,
        _ => LedgerGrouping.Kind,
    };

    /// <summary>
    /// The headers of <c>projects report</c>'s table: Chinese by default, English with <c>--lang en</c>; the per-project table
    /// adds the export's 前期手续 columns (<see cref="LedgerReportExport.PreliminaryColumns"/>), a group has no single status.
    /// </summary>
    private static string[] ReportTableHeaders(LedgerGrouping by, bool english)
    {
        string[] common = english
            ? ["group", "name", "projects", "annual plan", "done this year", "% of plan", "gap (points)", "on track", "new starts", "completions", "light", "light reason"]
            : ["分组", "名称", "项目数", "年度计划", "累计完成", "占年度计划", "差距(百分点)", "过半", "新开工", "竣工", "亮灯", "亮灯原因"];
        return by == LedgerGrouping.Project ? [.. common, .. LedgerReportExport.PreliminaryColumns(english)] : common;
    }

    private static string GroupingZh(LedgerGrouping g) => g switch
    {
        LedgerGrouping.Project => "项目",
        LedgerGrouping.Region => "地区",
        LedgerGrouping.Department => "牵头部门",
        LedgerGrouping.Leader => "挂点领导",
        LedgerGrouping.Category => "项目类别",
        LedgerGrouping.IndustryChain => "产业链",
        LedgerGrouping.Tag => "标签",
        LedgerGrouping.WorkGroup => "工作推进组",
        _ => "项目性质",
    };

    private static string RuleZh(WarningRule r) => r switch
    {
        WarningRule.LaggingPlan => "进度滞后",
        WarningRule.NoProgress => "无投资进度",
        WarningRule.MilestoneOverdue => "节点逾期",
        WarningRule.ProblemOverdue => "问题超期",
        WarningRule.AgreementDateMissed => "补充协议逾期",
        _ => "数据不一致",
    };

    private static string P(decimal v) => Math.Round(v, 1, MidpointRounding.AwayFromZero).ToString("0.0", CultureInfo.InvariantCulture);

    private static string Signed(decimal v) => (v >= 0 ? "+" : string.Empty) + P(v);

    private static string Cnt(decimal v) => v.ToString("0.##", CultureInfo.InvariantCulture);

    private static string N(decimal v) => (v / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);

    /// <summary>A 万元 figure the Chinese way: 亿元 from 1亿 up, else 万元 (176.8亿元, 3500万元).</summary>
    private static string Yi(decimal wan) => wan >= 10_000m
        ? Core.Quantities.AmountText.Format(ProjectMoney.FromWanYuan(wan, Core.Quantities.Unit.YiYuan))
        : Core.Quantities.AmountText.Format(ProjectMoney.FromWanYuan(wan));
}
