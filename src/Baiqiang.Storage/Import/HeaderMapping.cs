using System.Globalization;

namespace Baiqiang.Storage.Import;

/// <summary>What a bulletin workbook's figure column was understood to hold: the mapping <c>import --dry-run</c> prints.</summary>
/// <param name="Sheet">Worksheet name.</param>
/// <param name="Cell">The column's top header cell (<c>B3</c>).</param>
/// <param name="HeaderPath">The header texts from top to bottom, joined by “ / ” (<c>1-6月累计 / 绝对值</c>).</param>
/// <param name="Indicator">Indicator code and name, or “按行(A列)” when each row names its own.</param>
/// <param name="Region">Region code and name, or “按行(A列)”.</param>
/// <param name="Period">Canonical period, or “按行(A列)”.</param>
/// <param name="Measure">本月, 累计, 数值 or 增速 (a growth column also names the column it belongs to).</param>
/// <param name="Figures">Cells of this column that hold a figure.</param>
public sealed record HeaderMapping(string Sheet, string Cell, string HeaderPath, string Indicator, string Region, string Period, string Measure, int Figures)
{
    /// <summary>One line: <c>江阳区!C3 “1-6月累计 / 绝对值” → 指标 按行(A列) | 地区 510502 江阳区 | 期别 2023-01..06 | 累计 | 12个数</c>.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Sheet}!{Cell} “{HeaderPath}” → 指标 indicator: {Indicator} | 地区 region: {Region} | 期别 period: {Period} | {Measure} | {Figures}个数 figures");
}
