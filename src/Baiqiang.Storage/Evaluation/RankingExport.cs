using System.Globalization;
using System.Text;
using System.Text.Json;
using Baiqiang.Core.Evaluation;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Text;
using MiniExcelLibs;

namespace Baiqiang.Storage.Evaluation;

/// <summary>
/// A ranking's output file, shared by <c>baiqiang rank --framework … --format csv|xlsx|json</c> and the web app's export:
/// one row per unit by rank (code, name, score, rank, tier, then one column per dimension), CSV (UTF-8, invariant
/// numbers), XLSX (sheet <c>排名</c>, English <c>ranking</c>) or JSON (framework, version, note, period, group, dropped
/// units, imputed cells and the rows).
/// </summary>
/// <remarks>CSV and XLSX headers are Chinese by default (地区代码, 地区名称 — the observation export's own words — 综合得分, 排名,
/// 档次, then each dimension's Chinese name); <see cref="Export.ExportLanguage.English"/> (<c>--lang en</c>, <c>?lang=en</c>) writes
/// the machine names (code, name, score, rank, tier, dimension codes). JSON keys are always the machine names.</remarks>
public static class RankingExport
{
    private static readonly string[] CsvHeader = ["code", "name", "score", "rank", "tier"];

    /// <summary>The Chinese header of <see cref="CsvHeader"/>, column for column; code and name reuse the observation export's.</summary>
    private static readonly string[] ChineseHeader =
        [Export.ObservationExporter.ChineseColumns[0], Export.ObservationExporter.ChineseColumns[1], "综合得分", "排名", "档次"];

    /// <summary>The header row of a CSV or XLSX ranking in <paramref name="language"/>.</summary>
    public static IReadOnlyList<string> Header(EvaluationFramework framework, Export.ExportLanguage language)
    {
        ArgumentNullException.ThrowIfNull(framework);
        return language == Export.ExportLanguage.English
            ? [.. CsvHeader, .. Dimensions(framework)]
            : [.. ChineseHeader, .. framework.Dimensions.Where(d => !d.IsLeaf).Select(d =>
                d.NameZh.Length > 0 && framework.Dimensions.Count(o => !o.IsLeaf && o.NameZh == d.NameZh) == 1 ? d.NameZh : d.Code)];
    }

    /// <summary>The XLSX sheet name in <paramref name="language"/>.</summary>
    public static string SheetName(Export.ExportLanguage language) => language == Export.ExportLanguage.English ? "ranking" : "排名";

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The formats <see cref="WriteAsync"/> knows.</summary>
    public static IReadOnlyList<string> Formats { get; } = ["csv", "xlsx", "json"];

    /// <summary>Rows ordered by rank then code: code, name (from <paramref name="names"/>), score and dimension scores rounded to 6 places.</summary>
    public static IReadOnlyList<Dictionary<string, object?>> Rows(EvaluationResult result, IReadOnlyDictionary<string, string> names)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(names);
        var dims = Dimensions(result.Framework);
        return [.. Enumerable.Range(0, result.Units.Count).OrderBy(i => result.Ranks[i]).ThenBy(i => result.Units[i], StringComparer.Ordinal).Select(i =>
        {
            var row = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["code"] = result.Units[i],
                ["name"] = names.TryGetValue(result.Units[i], out var n) ? n : result.Units[i],
                ["score"] = Math.Round(result.Scores[i], 6),
                ["rank"] = result.Ranks[i],
                ["tier"] = result.Tiers[i],
            };
            foreach (var d in dims)
            {
                row[d] = Math.Round(result.NodeScores[d][i], 6);
            }

            return row;
        })];
    }

    /// <summary>Writes the ranking to <paramref name="stream"/> in <paramref name="format"/> (csv, xlsx or json), headers in
    /// <paramref name="language"/> (Chinese by default).</summary>
    public static async Task WriteAsync(
        Stream stream, string format, EvaluationResult result, IReadOnlyDictionary<string, string> names, StatPeriod period, string group, CancellationToken ct,
        Export.ExportLanguage language = Export.ExportLanguage.Chinese)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(result);
        var rows = Rows(result, names);
        var fw = result.Framework;
        switch (format)
        {
            case "json":
            {
                var doc = new
                {
                    framework = fw.Name,
                    version = fw.Version,
                    note = fw.Note,
                    period = period.ToString(),
                    group,
                    dropped = result.DroppedUnits,
                    imputedCells = result.Imputed.Count,
                    rows,
                };
                await JsonSerializer.SerializeAsync(stream, doc, JsonOptions, ct);
                break;
            }

            case "xlsx":
            {
                var header = Header(fw, language);
                var sheet = rows.Select(r => r.Values.Select((v, i) => (header[i], v)).ToDictionary(x => x.Item1, x => x.v, StringComparer.Ordinal)).ToList();
                await stream.SaveAsAsync(sheet, printHeader: true, sheetName: SheetName(language), excelType: ExcelType.XLSX, cancellationToken: ct);
                break;
            }

            case "csv":
            {
                var w = new StringBuilder();
                w.Append(string.Join(',', Header(fw, language).Select(Field))).Append('\n');
                foreach (var r in rows)
                {
                    w.Append(string.Join(',', r.Values.Select(v => v switch
                    {
                        double d => Number(d),
                        int k => k.ToString(CultureInfo.InvariantCulture),
                        _ => Field(Convert.ToString(v, CultureInfo.InvariantCulture) ?? string.Empty),
                    }))).Append('\n');
                }

                await stream.WriteAsync(new UTF8Encoding(false).GetBytes(w.ToString()), ct);
                break;
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "csv, xlsx or json");
        }
    }

    /// <summary>A number in the shortest invariant form that round-trips to 12 decimals.</summary>
    public static string Number(double v) => v.ToString("0.############", CultureInfo.InvariantCulture);

    /// <summary>A CSV text field: neutralised against formulas (<see cref="FormulaText"/>), quoted when it holds a comma,
    /// quote or line break.</summary>
    public static string Field(string s) => FormulaText.CsvField(s);

    private static string[] Dimensions(EvaluationFramework fw) => [.. fw.Dimensions.Where(d => !d.IsLeaf).Select(d => d.Code)];
}
