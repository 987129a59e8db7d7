using System.Text;
using Baiqiang.Core.Pipeline;
using Baiqiang.Core.Services;
using Baiqiang.Storage.Import;
using Baiqiang.Storage.Lists;
using Baiqiang.Storage.Pipeline;
using Baiqiang.Storage.Services;
using Baiqiang.Storage.Tests.Import;

namespace Baiqiang.Storage.Tests.Pipeline;

/// <summary>Deal and service list files: units in headers, row errors in both languages, all or nothing.</summary>
public sealed class ListFileTests
{
    private const string DealHeader = "项目编号,项目名称,地区代码,投资方,投资方类型,来源区域,产业链,线索来源,计划投资(亿元),线索日期,签约日期,开工日期";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<ListImport<T>> ReadAsync<T>(string fileName, string text, IReadOnlyList<ListColumn> columns, Func<ListRow, T?> parse, ImportOptions? options = null)
        where T : class
    {
        using var stream = new MemoryStream(new UTF8Encoding(false).GetBytes(text));
        return await ListFileReader.ReadAsync(stream, fileName, columns, parse, options, Ct);
    }

    [Fact]
    public async Task Deals_YiYuanHeader_ConvertedToWanYuan()
    {
        var r = await ReadAsync("deals.csv", ImportTestFiles.Csv(DealHeader, "AY-1,铝型材项目,360123401,某铝业,民企,长三角,铝型材,以商招商,12.5,2023-01-05,2023-02-01,2023-03-01"), DealFile.Columns, DealFile.Parse);

        Assert.True(r.Success, string.Join("\n", r.Errors));
        var deal = Assert.Single(r.Items);
        Assert.Equal(125000m, deal.PlannedInvestment);
        Assert.Equal(DealStage.Started, deal.Stage);
        Assert.Equal(LeadSource.TenantReferral, deal.Source);
    }

    [Fact]
    public async Task Deals_MoneyHeaderWithoutUnit_RejectedNamingTheColumn()
    {
        var r = await ReadAsync("deals.csv", ImportTestFiles.Csv(DealHeader.Replace("计划投资(亿元)", "计划投资", StringComparison.Ordinal), "AY-1,x,360123401,y,民企,,,,12.5,2023-01-05,,"), DealFile.Columns, DealFile.Parse);

        var e = Assert.Single(r.Errors);
        Assert.Equal("计划投资", e.Column);
        Assert.Contains("须在表头注明单位", e.Message.Zh, StringComparison.Ordinal);
        Assert.Contains("must name its unit", e.Message.En, StringComparison.Ordinal);
        Assert.Empty(r.Items);
    }

    [Fact]
    public async Task Deals_NonMoneyUnit_Rejected()
    {
        var r = await ReadAsync("deals.csv", ImportTestFiles.Csv(DealHeader.Replace("亿元", "吨", StringComparison.Ordinal), "AY-1,x,360123401,y,民企,,,,12.5,2023-01-05,,"), DealFile.Columns, DealFile.Parse);
        Assert.Contains("不是货币单位", Assert.Single(r.Errors).Message.Zh, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deals_SignedBeforeLead_RowErrorAndNothingReturned()
    {
        var r = await ReadAsync("deals.csv", ImportTestFiles.Csv(
            DealHeader,
            "AY-1,好项目,360123401,y,民企,,,,1,2023-01-05,2023-02-01,",
            "AY-2,坏项目,360123401,y,民企,,,,1,2023-03-05,2023-02-01,"), DealFile.Columns, DealFile.Parse);

        var e = Assert.Single(r.Errors);
        Assert.Equal(3, e.Row);
        Assert.Contains("顺序错误", e.Message.Zh, StringComparison.Ordinal);
        Assert.Contains("out of order", e.ToString(), StringComparison.Ordinal);
        Assert.Empty(r.Items);
    }

    [Fact]
    public async Task Deals_StageColumnDisagreesWithDates_Rejected()
    {
        var r = await ReadAsync("deals.csv", ImportTestFiles.Csv(DealHeader + ",阶段", "AY-1,x,360123401,y,民企,,,,1,2023-01-05,2023-02-01,,洽谈"), DealFile.Columns, DealFile.Parse);
        Assert.Equal("阶段", Assert.Single(r.Errors).Column);
    }

    [Fact]
    public async Task Enterprises_BadCreditCode_RowAndColumnNamed()
    {
        var r = await ReadAsync("firms.csv", ImportTestFiles.Csv("统一社会信用代码,企业名称,地区代码,企业标签", "91110000600037341L,甲公司,510502,规上、高新技术企业", "91110000600037341X,乙公司,510502,"), ServiceFiles.EnterpriseColumns, ServiceFiles.ParseEnterprise);

        var e = Assert.Single(r.Errors);
        Assert.Equal((3, "统一社会信用代码"), (e.Row, e.Column));
        Assert.Contains("校验位", e.Message.Zh, StringComparison.Ordinal);
        Assert.Contains("check digit", e.Message.En, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Requests_ClosedWithoutResolution_Rejected()
    {
        var r = await ReadAsync("requests.csv", ImportTestFiles.Csv(
            "诉求编号,统一社会信用代码,地区代码,诉求类别,责任单位,受理日期,办理期限,办理状态,办结日期,办理结果",
            "R1,91110000600037341L,510502,用地,区自然资源局,2023-03-01,2023-04-30,已解决,2023-03-20,"), ServiceFiles.RequestColumns, ServiceFiles.ParseRequest);

        var e = Assert.Single(r.Errors);
        Assert.Equal("办理结果", e.Column);
        Assert.Contains("须填写办理结果", e.Message.Zh, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Requests_ResolvedWithResolution_Parsed()
    {
        var r = await ReadAsync("requests.csv", ImportTestFiles.Csv(
            "id,credit_code,region,category,department,raised_on,deadline,status,closed_on,resolution,satisfaction",
            "R1,91110000600037341L,510502,技术改造,区经信局,2023-03-01,2023-04-30,已解决,2023-03-21,已协调设备补贴,满意"), ServiceFiles.RequestColumns, ServiceFiles.ParseRequest);

        var req = Assert.Single(r.Items);
        Assert.Equal((RequestStatus.Resolved, 20, Satisfaction.Satisfied), (req.Status, req.DaysToResolve, req.Satisfaction));
    }

    [Fact]
    public async Task Read_UnsupportedOrOversizedOrMalformed_FileError()
    {
        Assert.Contains("不支持", Assert.Single((await ReadAsync("deals.pdf", "x", DealFile.Columns, DealFile.Parse)).Errors).Message.Zh, StringComparison.Ordinal);
        var big = await ReadAsync("deals.csv", ImportTestFiles.Csv(DealHeader, "AY-1,x,360123401,y,民企,,,,1,2023-01-05,,"), DealFile.Columns, DealFile.Parse, ImportOptions.Default with { MaxBytes = 50 });
        Assert.Contains("超过上限", Assert.Single(big.Errors).Message.Zh, StringComparison.Ordinal);
        using var bad = new MemoryStream(Encoding.UTF8.GetBytes("not a zip"));
        var xlsx = await ListFileReader.ReadAsync(bad, "deals.xlsx", DealFile.Columns, DealFile.Parse, null, Ct);
        Assert.Contains("不是有效的 XLSX", Assert.Single(xlsx.Errors).Message.Zh, StringComparison.Ordinal);
        var missing = await ReadAsync("deals.csv", ImportTestFiles.Csv("项目编号,项目名称", "A,B"), DealFile.Columns, DealFile.Parse);
        Assert.Contains(missing.Errors, e => e.Message.Zh.Contains("缺少必需的列“地区代码”", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Export_CsvAndXlsx_ReadBackToSameDeals()
    {
        var r = await ReadAsync("deals.csv", ImportTestFiles.Csv(DealHeader, "AY-1,\"铝型材,二期\",360123401,某铝业,民企,长三角,铝型材,以商招商,12.5,2023-01-05,2023-02-01,2023-03-01"), DealFile.Columns, DealFile.Parse);
        var entity = DealEntity.From(Assert.Single(r.Items));
        foreach (var ext in new[] { ".csv", ".xlsx" })
        {
            using var ms = new MemoryStream();
            if (ext == ".csv")
            {
                await ListExporter.WriteCsvAsync(ms, DealFile.ExportHeader, [DealFile.ToRow(entity)], Ct);
            }
            else
            {
                await ListExporter.WriteXlsxAsync(ms, "deals", DealFile.ExportHeader, [DealFile.ToRow(entity)], Ct);
            }

            ms.Position = 0;
            var back = await ListFileReader.ReadAsync(ms, "deals" + ext, DealFile.Columns, DealFile.Parse, null, Ct);
            Assert.True(back.Success, string.Join("\n", back.Errors));
            var d = Assert.Single(back.Items);
            Assert.Equal(("铝型材,二期", 125000m, DealStage.Started, new DateOnly(2023, 2, 1)), (d.Name, d.PlannedInvestment, d.Stage, d.DateOf(DealStage.Signed)!.Value));
        }
    }
}
