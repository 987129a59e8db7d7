using System.Text;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Projects;
using Baiqiang.Core.Regions;
using Baiqiang.Storage.Import;
using MiniExcelLibs;

namespace Baiqiang.Storage.Projects;

/// <summary>红黑榜 from the stored ledger, and its CSV/XLSX form.</summary>
/// <remarks>
/// The ledger is read once (<see cref="ProjectLedgerQuery.LedgerAsync(BaiqiangDbContext, StatPeriod, IReadOnlyList{LedgerGrouping}, RegionCode?, DateOnly, CancellationToken)"/>,
/// with 亮灯 as of the day given) and ranked by <see cref="HonorRoll.Rank"/>. Columns: 榜单, 名次, 分组, 名称, 项目数,
/// 年度计划投资(万元), 累计完成投资(万元), 完成率%, 序时进度%, 差距(百分点), 新开工, 亮灯, 亮灯原因.
/// </remarks>
public static class HonorRollQuery
{
    public static IReadOnlyList<string> Columns { get; } =
    [
        "榜单", "名次", "分组", "名称", "项目数", "年度计划投资(万元)", "累计完成投资(万元)", "完成率%", "序时进度%", "差距(百分点)", "新开工", "亮灯", "亮灯原因",
    ];

    /// <summary>The 红黑榜 of <paramref name="period"/> by <paramref name="by"/>, top and bottom <paramref name="top"/>.</summary>
    public static async Task<HonorRoll> RankAsync(BaiqiangDbContext db, StatPeriod period, HonorRollBy by, int top, RegionCode? region, DateOnly today, CancellationToken ct)
    {
        var views = await ProjectLedgerQuery.LedgerAsync(db, period, [HonorRoll.Grouping(by)], region, today, ct);
        return HonorRoll.Rank(views[0].Report, by, top);
    }

    /// <summary>Parses unit|leader|group|region.</summary>
    public static HonorRollBy? ParseBy(string? text) => text?.Trim().ToUpperInvariant() switch
    {
        "UNIT" or "责任单位" => HonorRollBy.Unit,
        "LEADER" or "挂点领导" => HonorRollBy.Leader,
        "GROUP" or "工作推进组" => HonorRollBy.Group,
        "REGION" or "地区" => HonorRollBy.Region,
        _ => null,
    };

    /// <summary>The cells of every entry, labelled by <paramref name="label"/> (e.g. region names for region codes).</summary>
    public static List<object?[]> Cells(HonorRoll roll, Func<LedgerRow, string> label)
    {
        ArgumentNullException.ThrowIfNull(roll);
        ArgumentNullException.ThrowIfNull(label);
        return
        [
            .. roll.Entries.Select(e => new object?[]
            {
                HonorRoll.Zh(e.List), e.Rank, e.Row.GroupKey, label(e.Row), e.Row.ProjectCount, ImportText.Trim(e.Row.AnnualPlan),
                ImportText.Trim(e.Row.CompletedYearToDate), Round(e.Row.CompletionPercent), Round(e.Row.TimeElapsedPercent), Round(e.Row.GapPoints),
                e.Row.NewStarts, e.Row.Light?.ColorZh, e.Row.Light?.Reason.Zh,
            }),
        ];
    }

    /// <summary>CSV, UTF-8 with a BOM (Excel opens it in Chinese).</summary>
    public static async Task WriteCsvAsync(Stream stream, List<object?[]> cells, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(cells);
        var sb = LedgerReportExport.Csv(Columns, cells);
        var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
        await stream.WriteAsync(bytes.GetPreamble(), ct).ConfigureAwait(false);
        await stream.WriteAsync(bytes.GetBytes(sb.ToString()), ct).ConfigureAwait(false);
    }

    /// <summary>An XLSX workbook with one sheet “红黑榜”.</summary>
    public static async Task WriteXlsxAsync(Stream stream, List<object?[]> cells, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var sheet = cells.Select(c => Columns.Select((h, i) => (h, c[i])).ToDictionary(k => k.h, k => k.Item2, StringComparer.Ordinal));
        await MiniExcel.SaveAsAsync(stream, sheet, sheetName: "红黑榜", excelType: ExcelType.XLSX, cancellationToken: ct).ConfigureAwait(false);
    }

    private static decimal? Round(decimal? v) => v is { } x ? ImportText.Trim(Math.Round(x, 2, MidpointRounding.AwayFromZero)) : null;
}
