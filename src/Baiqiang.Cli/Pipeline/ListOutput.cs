using System.CommandLine;
using System.Globalization;
using Baiqiang.Cli.Store;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Text;
using Baiqiang.Storage.Import;
using Baiqiang.Storage.Lists;

namespace Baiqiang.Cli.Pipeline;

/// <summary>Shared pieces of the pipeline and service commands: period parsing, import error output, report output.</summary>
internal static class ListOutput
{
    public static Option<string> FormatOption() => new("--format")
    {
        Description = "输出格式 table|csv|xlsx(xlsx 须配合 --out) / output format (xlsx needs --out)",
        DefaultValueFactory = _ => "table",
    };

    public static Option<string?> OutOption() => new("--out") { Description = "输出文件 / output file" };

    /// <summary>2023, 2023-06, 2023-01..06, 2023-Q3, or Chinese text (2023年1-6月).</summary>
    public static ParseResult<StatPeriod> Period(string text)
    {
        var canonical = StatPeriod.TryParseCanonical(text);
        return canonical.Success ? canonical : ChinesePeriodParser.TryParse(text);
    }

    public static async Task<int> ImportErrorsAsync(ParseResult parse, IReadOnlyList<ImportError> errors)
    {
        foreach (var e in errors)
        {
            await parse.Err().WriteLineAsync(e.ToString());
        }

        await parse.Err().WriteLineAsync($"导入失败,未写入任何数据({errors.Count}处错误) / import failed, nothing stored ({errors.Count} errors)");
        return 1;
    }

    public static async Task<int> StoreErrorsAsync(ParseResult parse, IReadOnlyList<Bilingual> errors)
    {
        foreach (var e in errors)
        {
            await parse.Err().WriteLineAsync(e.ToString());
        }

        await parse.Err().WriteLineAsync($"导入失败,未写入任何数据({errors.Count}处错误) / import failed, nothing stored ({errors.Count} errors)");
        return 1;
    }

    /// <summary>Writes a report as an aligned table, CSV (to --out or the console) or XLSX (to --out).</summary>
    public static async Task<int> WriteAsync(ParseResult parse, string format, string? outPath, string sheet, string[] header, IReadOnlyList<object?[]> rows, CancellationToken ct)
    {
        switch (format.ToUpperInvariant())
        {
            case "TABLE":
                var table = new TextTable(header);
                foreach (var r in rows)
                {
                    table.Add([.. r.Select(ListExporter.Text)]);
                }

                table.WriteTo(parse.Out());
                return 0;
            case "CSV" when outPath is null:
                using (var ms = new MemoryStream())
                {
                    await ListExporter.WriteCsvAsync(ms, header, rows, ct);
                    await parse.Out().WriteAsync(new System.Text.UTF8Encoding(false).GetString(ms.ToArray()).TrimStart('\uFEFF'));
                }

                return 0;
            case "CSV" or "XLSX" when outPath is not null:
                await ListExporter.WriteAsync(outPath, sheet, header, rows, ct);
                await parse.Out().WriteLineAsync($"已写入 {rows.Count} 行到 {outPath} / wrote {rows.Count} rows to {outPath}");
                return 0;
            default:
                await parse.Err().WriteLineAsync($"格式“{format}”无效,或 xlsx 缺少 --out / invalid format '{format}', or xlsx without --out");
                return 2;
        }
    }

    /// <summary>A percentage with two decimals, or — when the base is empty.</summary>
    public static string Percent(decimal? v) => v is { } x ? Math.Round(x, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture) + "%" : "—";

    /// <summary>万元 shown in 亿元 (2567900 → 256.79).</summary>
    public static decimal Yi(decimal wan) => Math.Round(wan / 10000m, 4, MidpointRounding.AwayFromZero).Normalize();
}
