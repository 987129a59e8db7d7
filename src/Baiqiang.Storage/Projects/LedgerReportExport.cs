using System.Globalization;
using System.Text;
using Baiqiang.Core.Projects;
using Baiqiang.Storage.Export;
using MiniExcelLibs;

namespace Baiqiang.Storage.Projects;

/// <summary>Writes consolidated ledger rows (<see cref="LedgerReport"/>) as CSV or XLSX: one row per group and a 合计 row per grouping.</summary>
/// <remarks>Money columns are 万元; percentages are rounded to 2 decimals (half away from zero); 计算式 shows how completion was computed;
/// 亮灯 is 绿/黄/红/无 and 亮灯原因 says why in words (both empty when the ledger was consolidated without thresholds).</remarks>
public static class LedgerReportExport
{
    public static IReadOnlyList<string> Columns { get; } =
    [
        "分组方式", "分组", "名称", "项目数", "状态分布", "总投资(万元)", "年度计划投资(万元)", "本期完成投资(万元)", "累计完成投资(万元)",
        "占年度计划%", "时间进度%", "差距(百分点)", "时间过半任务过半", "新开工", "竣工", "计算式", "亮灯", "亮灯原因",
    ];

    /// <summary>The cells of every row of <paramref name="reports"/> (groups, then 合计), named by <paramref name="label"/>.</summary>
    public static List<object?[]> Cells(IEnumerable<LedgerReport> reports, Func<LedgerGrouping, LedgerRow, string> label)
    {
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(label);
        var result = new List<object?[]>();
        foreach (var report in reports)
        {
            foreach (var (r, isTotal) in report.Rows.Select(r => (r, false)).Append((report.Total, true)))
            {
                result.Add(
                [
                    report.GroupBy.ToString().ToLowerInvariant(), r.GroupKey, isTotal ? "合计" : label(report.GroupBy, r),
                    r.ProjectCount, string.Join(";", r.CountByStatus.OrderBy(k => k.Key).Select(k => $"{ProjectText.Name(k.Key)}{k.Value}")),
                    Import.ImportText.Trim(r.TotalInvestment), Import.ImportText.Trim(r.AnnualPlan), Import.ImportText.Trim(r.CompletedInPeriod),
                    Import.ImportText.Trim(r.CompletedYearToDate), Round(r.CompletionPercent), Round(r.TimeElapsedPercent), Round(r.GapPoints),
                    r.OnTrack ? "是" : "否", r.NewStarts, r.Completions, r.Formula, r.Light?.ColorZh, r.Light?.Reason.Zh,
                ]);
            }
        }

        return result;
    }

    public static async Task WriteCsvAsync(Stream stream, List<object?[]> cells, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(cells);
        var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(Csv(Columns, cells).ToString());
        await stream.WriteAsync(bytes, ct).ConfigureAwait(false);
    }

    /// <summary>A header row of <paramref name="columns"/> and one CRLF line per row of <paramref name="cells"/>: numbers invariant, text quoted as needed.</summary>
    internal static StringBuilder Csv(IReadOnlyList<string> columns, List<object?[]> cells)
    {
        var sb = new StringBuilder();
        sb.AppendJoin(',', columns).Append("\r\n");
        foreach (var c in cells)
        {
            for (var i = 0; i < c.Length; i++)
            {
                if (i > 0)
                {
                    sb.Append(',');
                }

                _ = c[i] switch
                {
                    null => sb,
                    IFormattable f => ObservationExporter.Number(sb, f.ToString(null, CultureInfo.InvariantCulture)),
                    var other => ObservationExporter.Field(sb, other.ToString()),
                };
            }

            sb.Append("\r\n");
        }

        return sb;
    }

    public static async Task WriteXlsxAsync(Stream stream, List<object?[]> cells, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var sheet = cells.Select(c => Columns.Select((h, i) => (h, c[i])).ToDictionary(k => k.h, k => k.Item2, StringComparer.Ordinal));
        await MiniExcel.SaveAsAsync(stream, sheet, sheetName: "台账汇总", excelType: ExcelType.XLSX, cancellationToken: ct).ConfigureAwait(false);
    }

    private static decimal? Round(decimal? v) => v is { } x ? Import.ImportText.Trim(Math.Round(x, 2, MidpointRounding.AwayFromZero)) : null;
}
