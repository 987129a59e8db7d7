using System.Globalization;
using System.Text;
using Baiqiang.Core.Text;
using MiniExcelLibs;

namespace Baiqiang.Storage.Export;

/// <summary>The language of an export's headers and sheet names: Chinese by default, English (<c>--lang en</c>, <c>?lang=en</c>) as before.</summary>
public enum ExportLanguage
{
    /// <summary>地区代码, 指标名称 …; sheet 指标数据.</summary>
    Chinese = 0,

    /// <summary>region, indicator_name …; sheet observations (the names scripts have always read).</summary>
    English = 1,
}

/// <summary>
/// Writes observations in the long layout (<c>地区代码,地区名称,指标代码,指标名称,统计期,数值,单位,同比增长%,限定词,来源,增速口径,同比增长(现价)%</c>, or in English
/// <c>region,region_name,indicator,indicator_name,period,value,unit,growth,qualifier,source,growth_basis,growth_current_price_percent</c>;
/// the last column is the current-price growth published beside a comparable one, see <see cref="Baiqiang.Core.Observations.TwoGrowths"/>),
/// which <see cref="Import.ObservationFileReader"/> reads back to the same records in either language.
/// </summary>
/// <remarks>
/// CSV is UTF-8 with a BOM (so Excel opens Chinese text correctly), comma-separated, CRLF line ends, RFC 4180 quoting,
/// invariant decimals (no thousands separators, no exponent). XLSX has one sheet “指标数据” (English: “observations”) with the same header;
/// region codes and periods are text cells, values and growth are number cells. Neither method closes the stream.
/// </remarks>
public static class ObservationExporter
{
    /// <summary>The header row, in column order.</summary>
    public static IReadOnlyList<string> Columns { get; } =
        ["region", "region_name", "indicator", "indicator_name", "period", "value", "unit", "growth", "qualifier", "source", "growth_basis", "growth_current_price_percent"];

    /// <summary>The Chinese header row, column for column with <see cref="Columns"/>.</summary>
    public static IReadOnlyList<string> ChineseColumns { get; } =
        ["地区代码", "地区名称", "指标代码", "指标名称", "统计期", "数值", "单位", "同比增长%", "限定词", "来源", "增速口径", "同比增长(现价)%"];

    /// <summary>The header row in <paramref name="language"/>.</summary>
    public static IReadOnlyList<string> ColumnsIn(ExportLanguage language) => language == ExportLanguage.English ? Columns : ChineseColumns;

    /// <summary>The XLSX sheet name in <paramref name="language"/>.</summary>
    public static string SheetName(ExportLanguage language) => language == ExportLanguage.English ? "observations" : "指标数据";

    public static async Task WriteCsvAsync(Stream stream, IEnumerable<ExportRow> rows, ExportLanguage language, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(rows);
        var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 1 << 16, leaveOpen: true);
        await using (writer.ConfigureAwait(false))
        {
            writer.NewLine = "\r\n";
            await writer.WriteLineAsync(string.Join(',', ColumnsIn(language)).AsMemory(), ct).ConfigureAwait(false);
            var line = new StringBuilder(256);
            foreach (var r in rows)
            {
                ct.ThrowIfCancellationRequested();
                line.Clear();
                Field(line, r.RegionCode).Append(',');
                Field(line, r.RegionName).Append(',');
                Field(line, r.IndicatorCode).Append(',');
                Field(line, r.IndicatorName).Append(',');
                Field(line, r.Period).Append(',');
                line.Append(r.Value is { } v ? Import.ImportText.Show(v) : null).Append(',');
                Field(line, r.Unit).Append(',');
                if (r.GrowthPercent is { } g)
                {
                    line.Append(Import.ImportText.Show(g));
                }

                line.Append(',');
                Field(line, r.Qualifier).Append(',');
                Field(line, r.Source).Append(',');
                Field(line, r.GrowthBasis).Append(',');
                if (r.CurrentPriceGrowthPercent is { } cg)
                {
                    line.Append(Import.ImportText.Show(cg));
                }

                line.Append("\r\n");
                await writer.WriteAsync(line, ct).ConfigureAwait(false);
            }

            await writer.FlushAsync(ct).ConfigureAwait(false);
        }
    }

    public static async Task WriteXlsxAsync(Stream stream, IEnumerable<ExportRow> rows, ExportLanguage language, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(rows);
        await MiniExcel.SaveAsAsync(stream, Sheet(rows, ColumnsIn(language)), printHeader: true, sheetName: SheetName(language), excelType: ExcelType.XLSX, cancellationToken: ct)
            .ConfigureAwait(false);
    }

    private static IEnumerable<Dictionary<string, object?>> Sheet(IEnumerable<ExportRow> rows, IReadOnlyList<string> c)
    {
        foreach (var r in rows)
        {
            yield return new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                [c[0]] = r.RegionCode,
                [c[1]] = r.RegionName,
                [c[2]] = r.IndicatorCode,
                [c[3]] = r.IndicatorName,
                [c[4]] = r.Period,
                [c[5]] = r.Value is { } v ? Import.ImportText.Trim(v) : null,
                [c[6]] = r.Unit,
                [c[7]] = r.GrowthPercent is { } g ? Import.ImportText.Trim(g) : null,
                [c[8]] = r.Qualifier,
                [c[9]] = r.Source,
                [c[10]] = r.GrowthBasis,
                [c[11]] = r.CurrentPriceGrowthPercent is { } cg ? Import.ImportText.Trim(cg) : null,
            };
        }
    }

    /// <summary>Appends a field, quoted when it holds a comma, quote, line break or edge white space.</summary>
    /// <summary>Appends a CSV text cell: neutralised against formulas (<see cref="FormulaText"/>), quoted when needed.
    /// Numbers go through <see cref="Number"/> instead, so −8.7 stays a number.</summary>
    internal static StringBuilder Field(StringBuilder sb, string? value)
    {
        var v = FormulaText.Neutralize(value);
        var quote = v.Length > 0 && (v.AsSpan().IndexOfAny(",\"\r\n") >= 0 || char.IsWhiteSpace(v[0]) || char.IsWhiteSpace(v[^1]));
        if (!quote)
        {
            return sb.Append(v);
        }

        return sb.Append('"').Append(v.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }

    /// <summary>Appends a CSV numeric cell as it is, never neutralised: a leading minus sign is a number's, not a formula's.</summary>
    internal static StringBuilder Number(StringBuilder sb, string? value) => sb.Append(value);
}
