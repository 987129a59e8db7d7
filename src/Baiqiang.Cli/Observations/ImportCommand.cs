using System.CommandLine;
using Baiqiang.Cli.Store;
using Baiqiang.Core.Periods;
using Baiqiang.Storage.Import;
using Baiqiang.Storage.Lookups;
using Baiqiang.Storage.Observations;
using Baiqiang.Storage.Settings;
using Spectre.Console;

namespace Baiqiang.Cli.Observations;

/// <summary><c>baiqiang import FILE</c>: validate a CSV/XLSX file and store all of its rows, or none.</summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "CSV / XLSX 文件(长表或宽表) / a CSV or XLSX file, long or wide form" };
        var period = new Option<string?>("--period") { Description = "宽表的统计期别,如 2023-01..06 或 2023年1-6月 / the period of a wide-form file" };
        var dryRun = new Option<bool>("--dry-run") { Description = "只校验并列出表头对应关系,不写入 / validate and print the header mapping, store nothing" };
        var layout = new Option<string>("--layout")
        {
            Description = "auto(自动识别,默认)或 bulletin(统计月报式多表多级表头 XLSX) / auto (default) or bulletin (multi-sheet, merged-header XLSX)",
            DefaultValueFactory = _ => "auto",
        };
        layout.AcceptOnlyFromAmong("auto", "bulletin");
        var addIndicators = new Option<bool>("--add-indicators")
        {
            Description = "把文件中目录没有的指标按文件的名称和单位添加为本单位指标,并在同一事务中导入 / add the file's unknown indicators (its names and units) and import, in one transaction",
        };
        var mapIndicator = new Option<string[]>("--map-indicator")
        {
            Description = "把文件中的未知指标名称记为目录指标的别名并导入,可重复,如 --map-indicator \"规上营收=operating_revenue\" / record an unknown name of the file as an alias of a catalogue indicator and import (repeatable): \"NAME=CODE\"",
            AllowMultipleArgumentsPerToken = false,
        };
        var force = new Option<bool>("--force")
        {
            Description = "确认明显异常的数值(超过本地区上一可比数据的 plausible-multiple 倍)仍然导入,须同时给出 --reason,记入审计 / store figures refused only as implausible against the region's last figure; needs --reason, audited",
        };
        var reason = new Option<string?>("--reason") { Description = "--force 的原因,记入审计 / why --force is used, written to the audit" };
        var command = new Command("import", "导入观测值(全部成功或全部不写入) / import observations (all rows or none)") { file, period, dryRun, layout, addIndicators, mapIndicator, force, reason };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetRequiredValue(file);
            if (ForceError(parse.GetValue(force), parse.GetValue(reason)) is { } usage)
            {
                await parse.Err().WriteLineAsync(usage);
                return 2;
            }

            await using var db = await StoreAccess.OpenAsync(parse, ct);
            var lookups = await StoreLookups.LoadAsync(db, ct);
            var options = new ImportOptions(
                Layout: parse.GetValue(layout) == "bulletin" ? ImportLayout.Bulletin : ImportLayout.Unknown,
                PlausibleMultiple: await StoreSettings.PlausibleMultipleAsync(db, ct),
                ForceReason: parse.GetValue(force) ? parse.GetValue(reason)?.Trim() : null);
            if (parse.GetValue(period) is { } p)
            {
                var pr = lookups.ParsePeriod(p);
                if (!pr.Success)
                {
                    await parse.Err().WriteLineAsync(pr.Error.ToString());
                    return 2;
                }

                options = options with { Period = pr.Value };
            }

            if (parse.GetValue(dryRun))
            {
                var checkedOnly = await WithStatus("校验中 / validating", () => new ObservationFileReader().ReadAsync(path, lookups, options, ct));
                if (!checkedOnly.Success)
                {
                    return await FailedAsync(parse, checkedOnly);
                }

                var implausible = await LastFigureCheck.FindAsync(db, checkedOnly.Records, options.PlausibleMultiple, ct);
                if (implausible.Count > 0 && options.ForceReason is null)
                {
                    var name = Path.GetFileName(path);
                    return await FailedAsync(parse, new ImportResult([], [.. implausible.Select(f => f.ToError(name))], checkedOnly.Layout, checkedOnly.RowsRead));
                }

                foreach (var m in checkedOnly.Mapping)
                {
                    await parse.Out().WriteLineAsync(m.ToString());
                }

                await parse.Out().WriteLineAsync($"校验通过:{checkedOnly.Records.Count}条(未写入) / valid: {checkedOnly.Records.Count} rows (dry run, nothing stored)");
                return 0;
            }

            var mapped = parse.GetValue(mapIndicator) ?? [];
            if (parse.GetValue(addIndicators) || mapped.Length > 0)
            {
                var decisions = new List<IndicatorDecision>();
                foreach (var m in mapped)
                {
                    var eq = m.LastIndexOf('=');
                    if (eq <= 0 || eq == m.Length - 1)
                    {
                        await parse.Err().WriteLineAsync($"--map-indicator 须写成“文件中的名称=指标代码”:{m} / --map-indicator takes \"NAME=CODE\": {m}");
                        return 2;
                    }

                    decisions.Add(new IndicatorDecision(m[..eq].Trim(), MapTo: m[(eq + 1)..].Trim()));
                }

                var reader = new ObservationFileReader();
                var actor = Core.Access.Actor.LocalAdmin(Environment.UserName);
                Func<IImportLookups, CancellationToken, Task<ImportResult>> read = (l, c) => reader.ReadAsync(path, l, options, c);
                var outcome = await WithStatus("校验并写入中 / validating and storing", () => decisions.Count == 0
                    ? NewIndicatorImport.ReadAddAndStoreAsync(db, read, db.CurrentUser, TimeProvider.System, actor, options, ct)
                    : IndicatorDecisions.ReadDecideAndStoreAsync(db, read, decisions, db.CurrentUser, TimeProvider.System, actor, options, ct, parse.GetValue(addIndicators)));
                if (outcome.Written is not { } done)
                {
                    return await FailedAsync(parse, outcome.Read);
                }

                var catalogue = decisions.Count > 0 ? await Storage.Indicators.IndicatorStore.LoadCatalogueAsync(db, ct) : null;
                foreach (var d in decisions)
                {
                    await parse.Out().WriteLineAsync($"名称对应 / name maps to: {d.Name} → {catalogue!.Find(d.Name)?.Code.Value ?? "?"}");
                }

                foreach (var a in outcome.Added)
                {
                    await parse.Out().WriteLineAsync($"已添加指标 / added indicator {a.Code} {a.NameZh} ({a.Unit.Symbol})");
                }

                return await ImportedAsync(parse, path, outcome.Read, done, options);
            }

            // Large files are stored while they are read; any error still rolls back everything.
            var (result, written) = await WithStatus("校验并写入中 / validating and storing",
                () => ObservationImport.ReadAndStoreAsync(db, path, lookups, options, db.CurrentUser, TimeProvider.System, ct));
            if (written is not { } summary)
            {
                return await FailedAsync(parse, result);
            }

            foreach (var m in result.Mapping)
            {
                await parse.Out().WriteLineAsync(m.ToString());
            }

            return await ImportedAsync(parse, path, result, summary, options);
        });
        return command;
    }

    private static async Task<int> ImportedAsync(ParseResult parse, string path, ImportResult result, WriteSummary summary, ImportOptions options)
    {
        if (options.ForceReason is not null)
        {
            await parse.Out().WriteLineAsync("--force:明显异常的数值(如有)已导入并记入审计(plausibility_override) / --force: implausible figures, if any, were stored and audited (plausibility_override)");
        }

        foreach (var w in result.Warnings)
        {
            await parse.Out().WriteLineAsync("提醒 / warning: " + w);
        }

        await parse.Out().WriteLineAsync(
            $"已导入 / imported {Path.GetFileName(path)} ({result.Layout}): 新增 inserted {summary.Inserted}, 修订 revised {summary.Revised}, 未变 unchanged {summary.Unchanged}");
        return 0;
    }

    /// <summary>Why <c>--force</c>/<c>--reason</c> were misused: an override must say why, and a reason needs an override.</summary>
    private static string? ForceError(bool force, string? reason) => (force, string.IsNullOrWhiteSpace(reason)) switch
    {
        (true, true) => "--force 必须同时给出 --reason \"原因\"(记入审计) / --force needs --reason \"TEXT\" (written to the audit)",
        (false, false) => "--reason 只能与 --force 一起使用 / --reason is only used with --force",
        _ => null,
    };

    private static async Task<int> FailedAsync(ParseResult parse, ImportResult result)
    {
        foreach (var e in result.Errors)
        {
            await parse.Err().WriteLineAsync(e.ToString());
        }

        await parse.Err().WriteLineAsync($"导入失败,未写入任何数据({result.Errors.Count}处错误) / import failed, nothing stored ({result.Errors.Count} errors)");
        return 1;
    }

    /// <summary>Shows a spinner on an interactive terminal; runs silently when output is redirected (scripts, CI).</summary>
    internal static async Task<T> WithStatus<T>(string label, Func<Task<T>> work)
    {
        if (Console.IsErrorRedirected || Console.IsOutputRedirected)
        {
            return await work();
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return await console.Status().StartAsync(label, _ => work());
    }
}
