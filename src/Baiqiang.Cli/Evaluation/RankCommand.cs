using System.CommandLine;
using System.Globalization;
using Baiqiang.Cli.Store;
using Baiqiang.Core.Evaluation;
using Baiqiang.Core.Periods;
using Baiqiang.Storage.Evaluation;

namespace Baiqiang.Cli.Evaluation;

/// <summary>
/// <c>baiqiang rank --input M.csv --method … [--weights W.csv | --weights-method …] [--directions …]</c> → CSV
/// <c>unit,score,rank</c>; and <c>baiqiang rank --framework F --period P --group G [--format csv|xlsx|json]</c>
/// ranking regions from the store.
/// </summary>
internal static class RankCommand
{
    public static Command Create()
    {
        var input = new Option<string?>("--input") { Description = "决策矩阵 CSV(首行指标名,首列单元名)/ decision matrix CSV (header of indicator names, first column unit names)" };
        var method = new Option<string>("--method") { Description = "排序方法 / method: " + MatrixMethods.RankMethodsHelp, DefaultValueFactory = _ => "topsis" };
        method.AcceptOnlyFromAmong("topsis", "topsis-vector", "vikor", "wsm", "copeland");
        var weights = new Option<string?>("--weights") { Description = "权重 CSV(indicator,weight,即 baiqiang weights 的输出)/ weights CSV (indicator,weight — the output of baiqiang weights)" };
        var weightsMethod = new Option<string?>("--weights-method") { Description = "客观赋权方法(默认 equal)/ objective weights (default equal): " + MatrixMethods.WeightMethodsHelp };
        weightsMethod.AcceptOnlyFromAmong("entropy", "entropy-minmax", "critic", "std", "equal", "pca");
        var directions = new Option<string?>("--directions") { Description = "各指标方向,如 +,-,+(默认全为 +)/ directions, e.g. +,-,+ (default all +)" };
        var framework = new Option<string?>("--framework") { Description = "指标体系:JSON/XLSX 文件或已保存的名称(内置 top100-illustration)/ framework file (JSON/XLSX) or stored name (built-in: top100-illustration)" };
        var period = new Option<string?>("--period") { Description = "统计期别,如 2024 / period, e.g. 2024" };
        var group = new Option<string?>("--group") { Description = "对比组,如 pref:510500 或榜单 id / peer group, e.g. pref:510500 or a ranking list id" };
        var format = new Option<string>("--format") { Description = "输出格式 / output format: csv|xlsx|json", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "xlsx", "json");
        var output = new Option<string?>("--out") { Description = "输出文件(xlsx 必填)/ output file (required for xlsx)" };
        var population = new Option<string?>("--population") { Description = "人口表(2020普查 population.csv),库中无常住人口时用于人均折算 / census population table for per-capita leaves when the store has no resident population" };
        var lang = Output.ExportLanguageOption.Create();
        var command = new Command("rank", "综合评价排名 / composite evaluation and ranking")
        {
            input, method, weights, weightsMethod, directions, framework, period, group, format, output, population, lang,
        };
        command.SetAction(async (parse, ct) =>
        {
            try
            {
                if (parse.GetValue(input) is { } file)
                {
                    return await RankMatrixAsync(parse, file, parse.GetRequiredValue(method), parse.GetValue(weights), parse.GetValue(weightsMethod), parse.GetValue(directions), ct);
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

    private static async Task<int> RankMatrixAsync(ParseResult parse, string file, string method, string? weightsFile, string? weightsMethod, string? directions, CancellationToken ct)
    {
        if (weightsFile is not null && weightsMethod is not null)
        {
            await parse.Err().WriteLineAsync("--weights 与 --weights-method 只能选一个 / give either --weights or --weights-method, not both");
            return 2;
        }

        var matrix = await MatrixMethods.LoadAsync(file, directions, ct);
        var w = weightsFile is not null
            ? MatrixMethods.ReadWeights(weightsFile, matrix.Criteria)
            : MatrixMethods.Weights(matrix, weightsMethod ?? "equal");
        var (scores, ranks) = MatrixMethods.Rank(matrix, method, w);
        var o = parse.Out();
        await o.WriteLineAsync("unit,score,rank");
        for (int i = 0; i < scores.Length; i++)
        {
            await o.WriteLineAsync($"{MatrixMethods.Field(matrix.Units[i])},{MatrixMethods.Number(scores[i])},{ranks[i].ToString(CultureInfo.InvariantCulture)}");
        }

        return 0;
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
