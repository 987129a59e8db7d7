using Baiqiang.Core.Pipeline;
using Baiqiang.Core.Projects;
using Baiqiang.Core.Text;
using Baiqiang.Storage.Import;
using Baiqiang.Storage.Lists;
using Baiqiang.Storage.Projects;

namespace Baiqiang.Storage.Pipeline;

/// <summary>A row of the monthly 到位资金 form: deal code, 填报月份, 本月到位 and 累计到位 (万元; either may be blank), 备注.</summary>
public sealed record FundsRow(int Row, string DealCode, ReportingMonth Month, decimal? ThisMonth, decimal? Cumulative, string Note);

/// <summary>A row of the 履约 milestone list: deal code, 节点, 约定日期, 约定金额 (万元), 实际日期.</summary>
public sealed record MilestoneRow(int Row, string DealCode, ContractMilestone Milestone);

/// <summary>The monthly 到位资金 form (<c>baiqiang pipeline import-funds</c>): its columns and row parser.</summary>
/// <remarks>Money headers name their unit (<c>本月到位(万元)</c>, <c>累计到位(亿元)</c>); 填报月份 reads 2026-03 or 2026年3月.
/// The cumulative rule is checked against the store by <see cref="DealMoneyStore.SaveFundsAsync"/>.</remarks>
public static class FundsFile
{
    public static IReadOnlyList<ListColumn> Columns { get; } =
    [
        new("code", "项目编号", Required: true, Aliases: ["deal code", "deal_code"]),
        new("month", "填报月份", Required: true, Aliases: ["report_month", "report month"]),
        new("this_month", "本月到位", IsMoney: true, Aliases: ["本月到位资金", "this month"]),
        new("cumulative", "累计到位", IsMoney: true, Aliases: ["累计到位资金"]),
        new("note", "备注"),
    ];

    public static Task<ListImport<FundsRow>> ReadAsync(string path, ImportOptions? options, CancellationToken ct) =>
        ListFileReader.ReadAsync(path, Columns, Parse, options, ct);

    public static FundsRow? Parse(ListRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var code = row.Required("code", "项目编号");
        ReportingMonth? month = row.Required("month", "填报月份") is { } m ? row.Take("month", ProjectFileImporter.ParseMonth(m)) : null;
        var thisMonth = row.Money("this_month");
        var cumulative = row.Money("cumulative");
        if (code is null || month is null)
        {
            return null;
        }

        if (thisMonth is null && cumulative is null)
        {
            row.Error("cumulative", new Bilingual("本月到位和累计到位不能都为空", "this month's and the cumulative funds must not both be empty"));
            return null;
        }

        return new FundsRow(row.Row, code, month.Value, thisMonth, cumulative, row.Text("note"));
    }

    /// <summary>The Chinese header of a column key, for errors found after reading.</summary>
    public static string Header(string key) => Columns.FirstOrDefault(c => c.Key == key)?.Zh ?? key;
}

/// <summary>The 履约 milestone list (<c>baiqiang pipeline import-milestones</c>): its columns and row parser.</summary>
public static class MilestoneFile
{
    public static IReadOnlyList<ListColumn> Columns { get; } =
    [
        new("code", "项目编号", Required: true, Aliases: ["deal code", "deal_code"]),
        new("milestone", "节点", Required: true, Aliases: ["履约节点", "kind"]),
        new("promised_on", "约定日期", Required: true),
        new("promised_amount", "约定金额", IsMoney: true),
        new("met_on", "实际日期", Aliases: ["实际完成日期"]),
    ];

    public static Task<ListImport<MilestoneRow>> ReadAsync(string path, ImportOptions? options, CancellationToken ct) =>
        ListFileReader.ReadAsync(path, Columns, Parse, options, ct);

    public static MilestoneRow? Parse(ListRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var code = row.Required("code", "项目编号");
        ContractMilestoneKind? kind = row.Required("milestone", "节点") is { } k ? row.Take("milestone", ContractMilestone.ParseKind(k)) : null;
        var promisedOn = row.Date("promised_on");
        if (promisedOn is null && row.Text("promised_on").Length == 0)
        {
            row.Error("promised_on", new Bilingual("约定日期不能为空", "the promised date must not be empty"));
        }

        var amount = row.Money("promised_amount");
        var metOn = row.Date("met_on");
        return code is null || kind is null || promisedOn is null ? null : new MilestoneRow(row.Row, code, new ContractMilestone(kind.Value, promisedOn.Value, amount, metOn));
    }
}
