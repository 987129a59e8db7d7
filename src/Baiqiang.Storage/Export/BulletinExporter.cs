using System.Globalization;
using Baiqiang.Core.Observations;
using Baiqiang.Core.Periods;

namespace Baiqiang.Storage.Export;

/// <summary>How <see cref="BulletinExporter"/> splits figures into sheets.</summary>
public enum BulletinSheets
{
    /// <summary>One sheet per region: indicators down (指标名称 | 计量单位), periods across with 绝对值 / 同比增长% under each.</summary>
    Region = 0,

    /// <summary>One sheet per topic (an indicator): regions down, periods across with 绝对值 / 同比增长% under each; the unit in a 单位 line.</summary>
    Topic,
}

/// <summary>A stored figure with the names the bulletin shows.</summary>
public sealed record BulletinFigure(ObservationRecord Record, string RegionName, string IndicatorName);

/// <summary>
/// Writes figures as a statistics-bureau workbook (the layout <see cref="Import.BulletinLayoutReader"/> reads): a title row,
/// a two-row header with merged period cells over 绝对值 / 同比增长% pairs, one sheet per region or per topic. Re-importing
/// the file unchanged stores the same facts (values in each indicator's unit, growth with its price basis when the
/// column or row shares one: 同比增长%(可比价), 地区生产总值(按可比价计算)). A period whose figures carry a second growth at
/// current prices gets a third column, 同比增长%(现价), under its merged period cell.
/// </summary>
/// <remarks>Qualifiers other than exact (超, 约 …) are not written: a bulletin cell holds a number.</remarks>
public static class BulletinExporter
{
    private const string ValueHeader = "绝对值";
    private const string GrowthHeader = "同比增长%";
    private const string CurrentPriceGrowthHeader = "同比增长%(现价)";

    public static void Write(Stream stream, IReadOnlyList<BulletinFigure> figures, BulletinSheets by)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(figures);
        WorkbookWriter.Write(stream, Sheets(figures, by));
    }

    /// <summary>The sheets <see cref="Write"/> writes.</summary>
    public static IReadOnlyList<WorkbookSheet> Sheets(IReadOnlyList<BulletinFigure> figures, BulletinSheets by)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var sheets = new List<WorkbookSheet>();
        if (figures.Count == 0)
        {
            var empty = new WorkbookSheet(by == BulletinSheets.Region ? "主要经济指标" : "指标");
            empty.Rows.Add(["没有符合条件的数据 / no figures"]);
            return [empty];
        }

        var groups = by == BulletinSheets.Region
            ? figures.GroupBy(f => f.Record.Region.ToString()).OrderBy(g => g.Key, StringComparer.Ordinal)
            : figures.GroupBy(f => f.Record.Indicator.Value).OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var group in groups)
        {
            var first = group.First();
            var periods = group.Select(f => f.Record.Period).Distinct().OrderDescending().ToList();
            var sheet = new WorkbookSheet(WorkbookWriter.SheetName(by == BulletinSheets.Region ? first.RegionName : first.IndicatorName, taken));
            var labels = by == BulletinSheets.Region ? 2 : 1;

            // Each period's first column: 绝对值 | 同比增长% [| 同比增长%(现价) when a figure of the period has a second growth].
            var twoGrowths = periods.Select(p => group.Any(f => f.Record.Period == p && f.Record.CurrentPriceGrowthPercent is not null)).ToList();
            var starts = new int[periods.Count];
            var width = labels;
            for (var i = 0; i < periods.Count; i++)
            {
                starts[i] = width;
                width += twoGrowths[i] ? 3 : 2;
            }

            // Title (and for a topic the unit line).
            sheet.Rows.Add(Row(width, (0, by == BulletinSheets.Region ? $"{first.RegionName}({first.Record.Region})主要经济指标" : first.IndicatorName)));
            sheet.Merge(0, 0, 1, width);
            if (by == BulletinSheets.Topic)
            {
                sheet.Rows.Add(Row(width, (0, $"单位:{first.Record.Unit.Symbol}")));
                sheet.Merge(1, 0, 1, width);
            }

            var top = sheet.Rows.Count;
            var header = Row(width, (0, by == BulletinSheets.Region ? "指标名称" : "地区"));
            var sub = new object?[width];
            if (by == BulletinSheets.Region)
            {
                header[1] = "计量单位";
            }

            for (var i = 0; i < periods.Count; i++)
            {
                var col = starts[i];
                header[col] = Chinese(periods[i]);
                header[col + 1] = header[col];
                sub[col] = ValueHeader;
                var basis = by == BulletinSheets.Topic ? SharedBasis(group.Where(f => f.Record.Period == periods[i])) : GrowthBasis.Unknown;
                sub[col + 1] = GrowthHeader + BasisSuffix(basis);
                if (twoGrowths[i])
                {
                    header[col + 2] = header[col];
                    sub[col + 2] = CurrentPriceGrowthHeader;
                }

                sheet.Merge(top, col, 1, twoGrowths[i] ? 3 : 2);
            }

            sheet.Rows.Add(header);
            sheet.Rows.Add(sub);
            for (var c = 0; c < labels; c++)
            {
                sheet.Merge(top, c, 2, 1);
                sub[c] = header[c];
            }

            var rows = by == BulletinSheets.Region
                ? group.GroupBy(f => f.Record.Indicator.Value).OrderBy(g => g.Key, StringComparer.Ordinal)
                : group.GroupBy(f => f.Record.Region.ToString()).OrderBy(g => g.Key, StringComparer.Ordinal);
            foreach (var line in rows)
            {
                var f0 = line.First();
                var cells = new object?[width];
                if (by == BulletinSheets.Region)
                {
                    cells[0] = f0.IndicatorName + BasisSuffix(SharedBasis(line), inLabel: true);
                    cells[1] = f0.Record.Unit.Symbol;
                }
                else
                {
                    cells[0] = $"{f0.RegionName}({f0.Record.Region}){BasisSuffix(SharedBasis(line), inLabel: true)}";
                }

                foreach (var f in line)
                {
                    var i = periods.IndexOf(f.Record.Period);
                    var col = starts[i];
                    cells[col] = f.Record.Value is { } v ? Import.ImportText.Trim(v) : null;
                    cells[col + 1] = f.Record.GrowthPercent is { } g ? Import.ImportText.Trim(g) : null;
                    if (twoGrowths[i])
                    {
                        cells[col + 2] = f.Record.CurrentPriceGrowthPercent is { } cg ? Import.ImportText.Trim(cg) : null;
                    }
                }

                sheet.Rows.Add(cells);
            }

            sheets.Add(sheet);
        }

        return sheets;
    }

    /// <summary>The period as bulletins title it: 2023年1-6月, 2023年6月, 2023年, 2023年二季度, 2023年下半年.</summary>
    public static string Chinese(StatPeriod period) => period.Kind switch
    {
        PeriodKind.Year => string.Create(CultureInfo.InvariantCulture, $"{period.Year}年"),
        PeriodKind.Month => string.Create(CultureInfo.InvariantCulture, $"{period.Year}年{period.LastMonth}月"),
        PeriodKind.Cumulative => string.Create(CultureInfo.InvariantCulture, $"{period.Year}年1-{period.LastMonth}月"),
        PeriodKind.SecondHalf => string.Create(CultureInfo.InvariantCulture, $"{period.Year}年下半年"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{period.Year}年{"一二三四"[(period.QuarterNumber ?? 1) - 1]}季度"),
    };

    /// <summary>The basis every growth of <paramref name="figures"/> shares, or Unknown when they differ or none is known.</summary>
    private static GrowthBasis SharedBasis(IEnumerable<BulletinFigure> figures)
    {
        var bases = figures.Where(f => f.Record.GrowthPercent is not null).Select(f => f.Record.GrowthBasis).Distinct().ToList();
        return bases.Count == 1 ? bases[0] : GrowthBasis.Unknown;
    }

    private static string BasisSuffix(GrowthBasis basis, bool inLabel = false) => basis switch
    {
        GrowthBasis.Comparable => inLabel ? "(按可比价计算)" : "(可比价)",
        GrowthBasis.Current => inLabel ? "(按现价计算)" : "(现价)",
        _ => string.Empty,
    };

    private static object?[] Row(int width, params (int Column, string Text)[] cells)
    {
        var row = new object?[width];
        foreach (var (column, text) in cells)
        {
            row[column] = text;
        }

        return row;
    }
}
