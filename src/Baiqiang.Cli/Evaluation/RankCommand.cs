using System.CommandLine;
using System.Globalization;
using Baiqiang.Cli.Store;
using Baiqiang.Core.Evaluation;
using Baiqiang.Core.Periods;
using Baiqiang.Storage.Evaluation;

namespace Baiqiang.Cli.Evaluation;

/// <summary>
/// <c>baiqiang rank --input M.csv --method … [--weights W.csv | --weights-method …] [--directions …]</c> → CSV
/// <c>unit,score,rank</c> (<see cref="RankMatrix"/>, shared with the Native AOT front); and <c>baiqiang rank --framework F
/// --period P --group G [--format csv|xlsx|json]</c> ranking regions from the store.
/// </summary>
internal static class RankCommand
{
    public static Command Create()
    {
        var matrix = new RankMatrix();
        var framework = new Option<string?>("--framework") { Description = "指标体系:JSON/XLSX 文件或已保存的名称(内置 top100-illustration)/ framework file (JSON/XLSX) or stored name (built-in: top100-illustration)" };
        var period = new Option<string?>("--period") { Description = "统计期别,如 2024 / period, e.g. 2024" };
        var group = new Option<string?>("--group") { Description = "对比组,如 pref:510500 或榜单 id / peer group, e.g. pref:510500 or a ranking list id" };
        var format = new Option<string>("--format") { Description = "输出格式 / output format: csv|xlsx|json", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "xlsx", "json");
        var output = new Option<string?>("--out") { Description = "输出文件(xlsx 必填)/ output file (required for xlsx)" };
        var population = new Option<string?>("--population") { Description = "人口表(2020普查 population.csv),库中无常住人口时用于人均折算 / census population table for per-capita leaves when the store has no resident population" };
        var lang = Output.ExportLanguageOption.Create();
        var command = new Command(RankMatrix.Name, RankMatrix.Description);
        foreach (var o in matrix.Options)
        {
            command.Options.Add(o);
        }

        foreach (var o in new Option[] { framework, period, group, format, output, population, lang })
        {
            command.Options.Add(o);
        }

        command.SetAction(async (parse, ct) =>
        {
            try
            {
                if (parse.GetValue(matrix.Input) is { } file)
                {
                    return await matrix.RunAsync(parse, file, ct);
                }

                if (parse.GetValue(framework) is { } f)
                {
                    return await RankStoreAsync(parse, f, parse.GetValue(period), parse.GetValue(group), parse.GetRequiredValue(format), parse.GetValue(output), parse.GetValue(population),
                        Output.ExportLanguageOption.Value(parse, lang), ct);
                }

                await parse.Err().WriteLineAsync("须指定 --input 或 --framework / give --input or --framework");
                return 2;
            }
            catch (EvaluationException e)
            {
                await parse.Err().WriteLineAsync(e.Message);
                return 1;
            }
        });
        return command;
    }

    private static async Task<int> RankStoreAsync(
        ParseResult parse, string frameworkRef, string? periodText, string? group, string format, string? outPath, string? population,
        Baiqiang.Storage.Export.ExportLanguage language, CancellationToken ct)
    {
        if (periodText is null || group is null)
        {
            await parse.Err().WriteLineAsync("--framework 需要同时给出 --period 和 --group / --framework needs --period and --group");
            return 2;
        }

        var period = StatPeriod.TryParseCanonical(periodText);
        if (period.Error is { } bad)
        {
            await parse.Err().WriteLineAsync(bad.ToString());
            return 2;
        }

        if (format == "xlsx" && outPath is null)
        {
            await parse.Err().WriteLineAsync("xlsx 格式需要 --out 文件 / xlsx output needs --out FILE");
            return 2;
        }

        await using var db = await StoreAccess.OpenAsync(parse, ct);
        EvaluationFramework fw = File.Exists(frameworkRef)
            ? await FrameworkStore.ReadFileAsync(frameworkRef, ct)
            : await FrameworkStore.LoadAsync(db, frameworkRef, null, ct)
              ?? (frameworkRef == EvaluationFramework.Top100Illustration.Name
                  ? EvaluationFramework.Top100Illustration
                  : throw new EvaluationException(new Core.Text.Bilingual($"找不到指标体系“{frameworkRef}”", $"no framework file or stored framework named '{frameworkRef}'")));

        var (data, names) = await EvaluationDataLoader.LoadAsync(db, fw, period.Value, group, population, ct);
        EvaluationResult result;
        try
        {
            result = EvaluationPipeline.Run(fw, data);
        }
        catch (EvaluationException e)
        {
            // The store's figures are what fell short: say which figures the ranking needs and how to add them.
            await parse.Err().WriteLineAsync(e.Message);
            var leaves = string.Join('、', fw.Indicators().Select(l => l.Indicator ?? l.Code).Distinct());
            await parse.Err().WriteLineAsync(
                $"提示/hint: 先导入对比组 {group} 各地区 {period.Value} 的数据（baiqiang import，每行一个地区、指标、期别、数值、单位和来源；本指标体系的指标：{leaves}）；示例数据的来源与缺口见 docs/sample-data.md"
                + $" / import {period.Value} figures for the regions of {group} first (baiqiang import, one row per region, indicator, period, value, unit and source; this framework's indicators: {leaves}); the sample's sources and gaps: docs/sample-data.md");
            return 1;
        }

        if (outPath is not null)
        {
            await using var file = File.Create(outPath);
            await RankingExport.WriteAsync(file, format, result, names, period.Value, group, ct, language);
            if (format == "xlsx")
            {
                await parse.Out().WriteLineAsync($"已写出 / written: {outPath}");
            }
        }
        else
        {
            using var buffer = new MemoryStream();
            await RankingExport.WriteAsync(buffer, format, result, names, period.Value, group, ct, language);
            var text = System.Text.Encoding.UTF8.GetString(buffer.ToArray());
            await (format == "json" ? parse.Out().WriteLineAsync(text) : parse.Out().WriteAsync(text));
        }

        if (result.DroppedUnits.Count > 0)
        {
            await parse.Err().WriteLineAsync($"数据不足而剔除 / dropped for too little data: {string.Join(' ', result.DroppedUnits)}");
        }

        return 0;
    }
}
