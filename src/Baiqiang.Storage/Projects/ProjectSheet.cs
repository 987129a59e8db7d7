using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Baiqiang.Core.Quantities;
using Baiqiang.Core.Text;
using Baiqiang.Storage.Export;
using Baiqiang.Storage.Import;
using MiniExcelLibs;

namespace Baiqiang.Storage.Projects;

/// <summary>A column of the project sheet (台账 / 月报表).</summary>
public enum SheetColumn
{
    None = 0,
    Seq,
    Code,
    Name,
    Region,
    Owner,
    Content,
    TotalInvestment,
    AnnualPlan,
    PlanYear,
    ThisMonth,
    Cumulative,
    PercentOfPlan,
    Progress,
    Problems,
    Leader,
    Department,
    Start,
    Finish,
    Category,
    Kind,
    IndustryChain,
    Status,
    Tags,
    WorkGroup,
    ReportMonth,

    /// <summary>工作推进组: the work group's name (a ledger grouping); 工作专班 lists its members.</summary>
    WorkGroupName,

    /// <summary>调整原因: the reason for re-planning baselined milestones (前期手续 dates) the row changes.</summary>
    ReplanReason,

    /// <summary>前期手续 columns “立项计划日期” / “立项完成日期” … (<see cref="ProjectSheet.PreliminaryColumns"/>).</summary>
    ApprovalPlanned,
    ApprovalDone,
    LandPlanned,
    LandDone,
    PlanningPlanned,
    PlanningDone,
    EiaPlanned,
    EiaDone,
    EnergyPlanned,
    EnergyDone,
    PermitPlanned,
    PermitDone,
}

/// <summary>A recognised header cell: which column, the unit its money is in (万元 when the header names none), and for
/// “1-6月累计完成投资” the months of the span.</summary>
public sealed record SheetHeader(int Index, string Text, SheetColumn Column, Unit? MoneyUnit, int? SpanLastMonth, int? PlanYear);

/// <summary>One row of the project sheet as exported. Money in 万元.</summary>
public sealed record ProjectSheetRow(
    string Code, string Name, string Region, string Owner, string Content, decimal TotalInvestment, int PlanYear, decimal AnnualPlan,
    decimal? ThisMonth, decimal? Cumulative, decimal? PercentOfPlan, string Progress, string Problems, string Leader, string Department,
    DateOnly? Start, DateOnly? Finish, string Category, string Kind, string IndustryChain, string Status, string Tags, string WorkGroup,
    string WorkGroupName = "");

/// <summary>
/// The spreadsheet offices use for the key-project ledger and the monthly dispatch form: the columns 序号, 项目名称, 建设单位,
/// 建设内容及规模, 总投资(万元), 年度计划投资(万元), 本月完成投资, 1-N月累计完成投资, 占年度计划%, 形象进度, 存在问题, 责任领导,
/// 责任单位, 开工时间, 计划竣工时间, plus 项目编号 and 所属地区 (so rows match projects unambiguously) and the descriptive
/// columns a ledger needs (项目类别, 项目性质, 产业链, 项目状态, 标签, 工作专班, 工作推进组, 计划年度).
/// </summary>
/// <remarks>
/// <para>A monthly form carries a 填报月份 column (e.g. 2022-06); a ledger (project list) does not. That is how
/// <see cref="ProjectFileImporter"/> tells them apart unless told.</para>
/// <para>Money headers may name their unit: “总投资(亿元)” is read in 亿元 and converted exactly to 万元; a header without a
/// unit is 万元; a non-money unit (“总投资(个)”) is refused. CSV is UTF-8 with a BOM, comma-separated, CRLF; XLSX has one
/// sheet “重点项目”.</para>
/// </remarks>
public static partial class ProjectSheet
{
    public const string MonthHeader = "填报月份";

    /// <summary>
    /// The 前期手续 columns of a ledger: for each step (立项, 用地, 规划, 环评, 能评, 施工许可) a planned-date column
    /// (“环评计划日期”, also “环评计划时间”/“环评计划办结”) and a done-date column (“环评完成日期”, also “环评办结日期”/“环评完成时间”).
    /// Headers in traditional characters (環評計劃日期) read the same.
    /// </summary>
    public static IReadOnlyList<(string Step, SheetColumn Planned, SheetColumn Done)> PreliminaryColumns { get; } =
    [
        ("立项", SheetColumn.ApprovalPlanned, SheetColumn.ApprovalDone),
        ("用地", SheetColumn.LandPlanned, SheetColumn.LandDone),
        ("规划", SheetColumn.PlanningPlanned, SheetColumn.PlanningDone),
        ("环评", SheetColumn.EiaPlanned, SheetColumn.EiaDone),
        ("能评", SheetColumn.EnergyPlanned, SheetColumn.EnergyDone),
        ("施工许可", SheetColumn.PermitPlanned, SheetColumn.PermitDone),
    ];

    /// <summary>The header row for a sheet whose cumulative column covers months 1..<paramref name="lastMonth"/>.</summary>
    public static IReadOnlyList<string> Headers(int lastMonth, bool monthlyForm)
    {
        List<string> h =
        [
            "序号", "项目编号", "项目名称", "所属地区", "建设单位", "建设内容及规模", "总投资(万元)", "计划年度", "年度计划投资(万元)",
            "本月完成投资(万元)", CumulativeHeader(lastMonth), "占年度计划%", "形象进度", "存在问题", "责任领导", "责任单位", "开工时间",
            "计划竣工时间", "项目类别", "项目性质", "产业链", "项目状态", "标签", "工作专班", "工作推进组",
        ];
        if (monthlyForm)
        {
            h.Add(MonthHeader);
        }

        return h;
    }

    public static string CumulativeHeader(int lastMonth) => lastMonth == 1
        ? "1月累计完成投资(万元)"
        : string.Create(CultureInfo.InvariantCulture, $"1-{lastMonth}月累计完成投资(万元)");

    /// <summary>Writes the rows as CSV (UTF-8 with BOM). <paramref name="month"/> fills 填报月份 for a monthly form; null for a ledger.</summary>
    public static async Task WriteCsvAsync(Stream stream, IEnumerable<ProjectSheetRow> rows, int lastMonth, string? month, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(rows);
        var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 1 << 16, leaveOpen: true);
        await using (writer.ConfigureAwait(false))
        {
            var line = new StringBuilder(512);
            foreach (var h in Headers(lastMonth, month is not null))
            {
                ObservationExporter.Field(line, h).Append(',');
            }

            line.Length--;
            line.Append("\r\n");
            await writer.WriteAsync(line, ct).ConfigureAwait(false);
            var seq = 0;
            foreach (var r in rows)
            {
                ct.ThrowIfCancellationRequested();
                line.Clear();
                foreach (var cell in Cells(r, ++seq, month))
                {
                    (cell switch
                    {
                        null => line,
                        decimal d => ObservationExporter.Number(line, ImportText.Show(d)),
                        int i => ObservationExporter.Number(line, i.ToString(CultureInfo.InvariantCulture)),
                        _ => ObservationExporter.Field(line, Convert.ToString(cell, CultureInfo.InvariantCulture)),
                    }).Append(',');
                }

                line.Length--;
                line.Append("\r\n");
                await writer.WriteAsync(line, ct).ConfigureAwait(false);
            }

            await writer.FlushAsync(ct).ConfigureAwait(false);
        }
    }

    /// <summary>Writes the rows as an XLSX workbook (numbers as number cells, codes and dates as text).</summary>
    public static async Task WriteXlsxAsync(Stream stream, IEnumerable<ProjectSheetRow> rows, int lastMonth, string? month, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(rows);
        var headers = Headers(lastMonth, month is not null);
        await MiniExcel.SaveAsAsync(stream, Sheet(rows, headers, month), printHeader: true, sheetName: "重点项目", excelType: ExcelType.XLSX, cancellationToken: ct)
            .ConfigureAwait(false);
    }

    private static IEnumerable<Dictionary<string, object?>> Sheet(IEnumerable<ProjectSheetRow> rows, IReadOnlyList<string> headers, string? month)
    {
        var seq = 0;
        foreach (var r in rows)
        {
            var d = new Dictionary<string, object?>(headers.Count, StringComparer.Ordinal);
            var i = 0;
            foreach (var cell in Cells(r, ++seq, month))
            {
                d[headers[i++]] = cell is decimal m ? ImportText.Trim(m) : cell;
            }

            yield return d;
        }
    }

    private static IEnumerable<object?> Cells(ProjectSheetRow r, int seq, string? month)
    {
        yield return seq;
        yield return r.Code;
        yield return r.Name;
        yield return r.Region;
        yield return r.Owner;
        yield return r.Content;
        yield return r.TotalInvestment;
        yield return r.PlanYear;
        yield return r.AnnualPlan;
        yield return r.ThisMonth;
        yield return r.Cumulative;
        yield return r.PercentOfPlan is { } p ? Math.Round(p, 2, MidpointRounding.AwayFromZero) : null;
        yield return r.Progress;
        yield return r.Problems;
        yield return r.Leader;
        yield return r.Department;
        yield return Date(r.Start);
        yield return Date(r.Finish);
        yield return r.Category;
        yield return r.Kind;
        yield return r.IndustryChain;
        yield return r.Status;
        yield return r.Tags;
        yield return r.WorkGroup;
        yield return r.WorkGroupName;
        if (month is not null)
        {
            yield return month;
        }
    }

    private static string? Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // ------------------------------------------------------------------ reading headers and cells

    /// <summary>Recognises a header cell; <see cref="SheetColumn.None"/> (ignored) when unknown, or an error for a bad unit.</summary>
    public static ParseResult<SheetHeader> Classify(int index, string text)
    {
        var t = ImportText.NormalizeHeader(text ?? string.Empty);
        string? unitText = null;
        var open = t.LastIndexOf('(');
        if (t.EndsWith(')') && open >= 0)
        {
            unitText = t[(open + 1)..^1].Trim();
            if (unitText.StartsWith("单位", StringComparison.Ordinal))
            {
                unitText = unitText[2..].TrimStart(':', ' ');
            }

            t = t[..open].Trim();
        }

        t = t.Replace(" ", string.Empty, StringComparison.Ordinal);
        int? span = null;
        int? planYear = null;
        var column = t switch
        {
            "序号" => SheetColumn.Seq,
            "项目编号" or "项目代码" or "编号" or "code" => SheetColumn.Code,
            "项目名称" or "名称" => SheetColumn.Name,
            "所属地区" or "地区" or "区划代码" or "地区代码" or "region" => SheetColumn.Region,
            "建设单位" or "业主单位" => SheetColumn.Owner,
            "建设内容及规模" or "建设内容" or "主要建设内容" => SheetColumn.Content,
            "总投资" => SheetColumn.TotalInvestment,
            "年度计划投资" or "年度计划" or "本年计划投资" => SheetColumn.AnnualPlan,
            "计划年度" or "年度" => SheetColumn.PlanYear,
            "本月完成投资" or "当月完成投资" => SheetColumn.ThisMonth,
            "累计完成投资" or "本年累计完成投资" => SheetColumn.Cumulative,
            "占年度计划%" or "占年度计划" or "完成年度计划%" => SheetColumn.PercentOfPlan,
            "形象进度" => SheetColumn.Progress,
            "存在问题" or "存在困难和问题" => SheetColumn.Problems,
            "责任领导" or "挂点领导" => SheetColumn.Leader,
            "责任单位" or "牵头部门" or "牵头单位" => SheetColumn.Department,
            "开工时间" or "开工日期" => SheetColumn.Start,
            "计划竣工时间" or "竣工时间" or "计划竣工日期" => SheetColumn.Finish,
            "项目类别" or "类别" => SheetColumn.Category,
            "项目性质" or "性质" => SheetColumn.Kind,
            "产业链" => SheetColumn.IndustryChain,
            "项目状态" or "状态" => SheetColumn.Status,
            "标签" => SheetColumn.Tags,
            "工作专班" => SheetColumn.WorkGroup,
            "工作推进组" or "推进组" => SheetColumn.WorkGroupName,
            MonthHeader or "月份" => SheetColumn.ReportMonth,
            "调整原因" or "计划调整原因" => SheetColumn.ReplanReason,
            _ => SheetColumn.None,
        };
        if (column == SheetColumn.None && PreliminaryHeader().Match(ChineseText.ToSimplified(t)) is { Success: true } pm)
        {
            var cols = PreliminaryColumns.Single(c => c.Step == pm.Groups["step"].Value);
            column = pm.Groups["what"].Value == "计划" ? cols.Planned : cols.Done;
        }
        if (column == SheetColumn.None && SpanHeader().Match(t) is { Success: true } m)
        {
            column = SheetColumn.Cumulative;
            span = int.Parse(m.Groups["to"].Success ? m.Groups["to"].Value : m.Groups["from"].Value, CultureInfo.InvariantCulture);
            if (span is < 1 or > 12 || int.Parse(m.Groups["from"].Value, CultureInfo.InvariantCulture) != 1)
            {
                return ParseResult<SheetHeader>.Fail(
                    $"表头“{text}”的累计月份应为1-N月(N为1至12)", $"header '{text}' must cover months 1-N (N from 1 to 12)");
            }
        }

        if (column == SheetColumn.None && PlanYearHeader().Match(t) is { Success: true } y)
        {
            column = SheetColumn.AnnualPlan;
            planYear = int.Parse(y.Groups["year"].Value, CultureInfo.InvariantCulture);
        }

        if (column == SheetColumn.PercentOfPlan && unitText == "%")
        {
            unitText = null;
        }

        Unit? unit = null;
        if (column is SheetColumn.TotalInvestment or SheetColumn.AnnualPlan or SheetColumn.ThisMonth or SheetColumn.Cumulative)
        {
            unit = Unit.WanYuan;
            if (!string.IsNullOrEmpty(unitText))
            {
                var u = ImportText.ResolveUnit(unitText);
                if (!u.Success || u.Value.Dimension != Dimension.Money)
                {
                    return ParseResult<SheetHeader>.Fail(
                        $"表头“{text}”的单位“{unitText}”不是金额单位,请使用万元或亿元",
                        $"header '{text}': '{unitText}' is not a money unit; use 万元 (10k yuan) or 亿元 (100m yuan)");
                }

                unit = u.Value;
            }
        }

        return ParseResult<SheetHeader>.Ok(new SheetHeader(index, text ?? string.Empty, column, unit, span, planYear));
    }

    /// <summary>Parses a money cell in <paramref name="unit"/> and converts it exactly to 万元.</summary>
    public static bool TryParseMoney(string cell, Unit unit, out decimal wanYuan)
    {
        wanYuan = 0;
        if (!ImportText.TryParseDecimal(cell.AsSpan(), out var v))
        {
            return false;
        }

        wanYuan = Core.Projects.ProjectMoney.ToWanYuan(new Amount(v, unit));
        return true;
    }

    /// <summary>Parses a date: 2022-03-15, 2022/3/15, 2022.3.15, 2022年3月15日, 20220315, or a month (2022-03, 2022年3月 → the 1st).</summary>
    public static bool TryParseDate(string cell, out DateOnly date)
    {
        date = default;
        var t = cell.Trim();
        if (t.Length == 0)
        {
            return false;
        }

        if (t.EndsWith(" 00:00:00", StringComparison.Ordinal))
        {
            t = t[..^9];
        }

        string[] formats = ["yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyy年M月d日", "yyyyMMdd"];
        if (DateOnly.TryParseExact(t, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return true;
        }

        string[] months = ["yyyy-MM", "yyyy-M", "yyyy/M", "yyyy.M", "yyyy年M月"];
        return DateOnly.TryParseExact(t, months, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    [GeneratedRegex(@"^(?<from>[0-9]{1,2})(-(?<to>[0-9]{1,2}))?月(份)?累计(完成)?(投资)?(完成)?$")]
    private static partial Regex SpanHeader();

    [GeneratedRegex(@"^(?<step>立项|用地|规划|环评|能评|施工许可)(?<what>计划|完成|办结)(办结)?(日期|时间)?$")]
    private static partial Regex PreliminaryHeader();

    [GeneratedRegex(@"^(?<year>[0-9]{4})年(度)?计划(完成)?投资$")]
    private static partial Regex PlanYearHeader();
}
