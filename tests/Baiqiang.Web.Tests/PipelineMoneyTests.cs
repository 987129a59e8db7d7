using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Baiqiang.Web.Tests.Support;

namespace Baiqiang.Web.Tests;

/// <summary>Contracts, 到位资金 and 履约 uploads, 资金到位率, 履约率 and stage-to-stage rates through the API and the pages.</summary>
public sealed class PipelineMoneyTests(WebFactory factory) : IClassFixture<WebFactory>, IAsyncLifetime
{
    internal const string Deals = "项目编号,项目名称,地区代码,投资方,投资方类型,计划投资(万元),线索日期,签约日期,合同投资(万元)\n"
        + "JY-M1,资金项目一,510502,甲公司,民企,10000,2024-01-02,2024-01-12,10000\n"
        + "JY-M2,资金项目二,510502,乙公司,民企,6000,2024-01-02,2024-02-01,6000\n";

    public async ValueTask InitializeAsync() => await factory.EnsureUserAsync("jy-money", "editor", 510502);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static MultipartFormDataContent Upload(string text, string name)
    {
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        return new MultipartFormDataContent { { file, "file", name } };
    }

    internal static async Task<HttpStatusCode> PostFileAsync(HttpClient client, string path, string text)
    {
        using var response = await client.PostAsync(new Uri(path, UriKind.Relative), Upload(text, "f.csv"), Ct);
        return response.StatusCode;
    }

    [Fact]
    public async Task FundsUpload_DecreasingCumulativeOrOverContract_422ByRowAndColumn()
    {
        using var jy = await factory.TokenClientAsync("jy-money");
        Assert.Equal(HttpStatusCode.OK, await PostFileAsync(jy, "/api/pipeline/deals/import?commit=true", Deals.Replace("JY-M", "JY-N", StringComparison.Ordinal)));

        using var falling = await jy.PostAsync(new Uri("/api/pipeline/funds/import?commit=true", UriKind.Relative),
            Upload("项目编号,填报月份,本月到位(万元),累计到位(万元)\nJY-N1,2024-03,2000,2000\nJY-N1,2024-04,0,1500\n", "f.csv"), Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, falling.StatusCode);
        var error = (await falling.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors")[0];
        Assert.Equal(3, error.GetProperty("row").GetInt32());
        Assert.Equal("累计到位", error.GetProperty("column").GetString());
        Assert.Equal("累计到位1500万元低于上月累计2000万元", error.GetProperty("zh").GetString());
        Assert.Contains("lower than last month's cumulative", error.GetProperty("en").GetString(), StringComparison.Ordinal);

        using var over = await jy.PostAsync(new Uri("/api/pipeline/funds/import?commit=true", UriKind.Relative),
            Upload("项目编号,填报月份,本月到位(万元),累计到位(万元),备注\nJY-N2,2024-03,7000,7000,\n", "f.csv"), Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, over.StatusCode);
        Assert.Equal("备注", (await over.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors")[0].GetProperty("column").GetString());
        var deal = await jy.GetFromJsonAsync<JsonElement>("/api/pipeline/deals/JY-N1", Ct);
        Assert.Equal(0, deal.GetProperty("money").GetProperty("funds").GetArrayLength());
    }

    [Fact]
    public async Task ContractForm_NotANumberThenValid_RefusedKeepingTypedThenSaved()
    {
        using var jy = await factory.TokenClientAsync("jy-money");
        Assert.Equal(HttpStatusCode.OK, await PostFileAsync(jy, "/api/pipeline/deals/import?commit=true", Deals.Replace("JY-M", "JY-P", StringComparison.Ordinal)));
        using var client = await factory.SignedInClientAsync("jy-money", WebFactory.UserPassword);
        var page = await client.GetStringAsync(new Uri("/Pipeline/Deal/JY-P1", UriKind.Relative), Ct);
        Assert.Contains("id=\"contract-form\"", page, StringComparison.Ordinal);

        using var bad = await client.PostAsync(new Uri("/Pipeline/Deal/JY-P1?handler=Contract", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["ContractInvestment"] = "一万二", ["ContractSignedOn"] = "2024-01-15", ["__RequestVerificationToken"] = WebFactory.Antiforgery(page),
        }), Ct);
        var refused = await bad.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("合同投资应为数字(万元)", refused, StringComparison.Ordinal);
        Assert.Contains("value=\"一万二\"", refused, StringComparison.Ordinal);
        Assert.DoesNotContain("合同已保存", refused, StringComparison.Ordinal);
        var unchanged = await jy.GetFromJsonAsync<JsonElement>("/api/pipeline/deals/JY-P1", Ct);
        Assert.Equal(10000m, unchanged.GetProperty("money").GetProperty("contractInvestment").GetDecimal());

        using var good = await client.PostAsync(new Uri("/Pipeline/Deal/JY-P1?handler=Contract", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["ContractInvestment"] = "12000", ["ContractSignedOn"] = "2024-01-15", ["__RequestVerificationToken"] = WebFactory.Antiforgery(page),
        }), Ct);
        Assert.Contains("合同已保存", await good.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var saved = await jy.GetFromJsonAsync<JsonElement>("/api/pipeline/deals/JY-P1", Ct);
        Assert.Equal(12000m, saved.GetProperty("money").GetProperty("contractInvestment").GetDecimal());
    }

    [Fact]
    public async Task Contract_PostedByEditor_SavedAndOutsideRegionForbidden()
    {
        using var jy = await factory.TokenClientAsync("jy-money");
        Assert.Equal(HttpStatusCode.OK, await PostFileAsync(jy, "/api/pipeline/deals/import?commit=true", Deals.Replace("JY-M", "JY-C", StringComparison.Ordinal)));

        using var saved = await jy.PostAsJsonAsync("/api/pipeline/deals/JY-C1/contract", new { contractInvestment = 8800m, signedOn = "2024-01-20" }, Ct);
        using var early = await jy.PostAsJsonAsync("/api/pipeline/deals/JY-C1/contract", new { contractInvestment = 8800m, signedOn = "2023-01-01" }, Ct);
        using var outside = await jy.PostAsJsonAsync("/api/pipeline/deals/AY2023-01/contract", new { contractInvestment = 1m }, Ct);

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(8800m, (await saved.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("money").GetProperty("contractInvestment").GetDecimal());
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Contains("早于线索日期", await early.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, outside.StatusCode);
    }
}

/// <summary>The scoreboard's XLSX download: one row per month, empty months flagged.</summary>
/// <summary>The stage and funds rates count every deal of a region, so they are read from a store of their own:
/// beside the refusal tests (same region, other deals) the rates would depend on which test ran first.</summary>
public sealed class PipelineMoneyRatesTests(WebFactory factory) : IClassFixture<WebFactory>, IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await factory.EnsureUserAsync("jy-money", "editor", 510502);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<HttpStatusCode> PostFileAsync(HttpClient client, string path, string text) =>
        PipelineMoneyTests.PostFileAsync(client, path, text);

    private const string Deals = PipelineMoneyTests.Deals;

    [Fact]
    public async Task FundsUpload_CommitThenRead_DealFunnelAndStageRatesShowTheRates()
    {
        using var jy = await factory.TokenClientAsync("jy-money");
        Assert.Equal(HttpStatusCode.OK, await PostFileAsync(jy, "/api/pipeline/deals/import?commit=true", Deals));
        Assert.Equal(HttpStatusCode.OK, await PostFileAsync(jy, "/api/pipeline/funds/import?commit=true",
            "项目编号,填报月份,本月到位(万元),累计到位(万元)\nJY-M1,2024-03,2000,2000\nJY-M1,2024-05,3000,5000\nJY-M2,2024-04,1000,4000\n"));
        Assert.Equal(HttpStatusCode.OK, await PostFileAsync(jy, "/api/pipeline/milestones/import?commit=true",
            "项目编号,节点,约定日期,实际日期\nJY-M1,注册,2024-02-28,2024-02-20\nJY-M1,开工,2024-05-31,\n"));

        var deal = await jy.GetFromJsonAsync<JsonElement>("/api/pipeline/deals/JY-M1?today=2024-06-30", Ct);
        var money = deal.GetProperty("money");
        Assert.Equal(10000m, money.GetProperty("contractInvestment").GetDecimal());
        Assert.Equal(50m, money.GetProperty("fundsRate").GetProperty("percent").GetDecimal()); // 5000 ÷ 10000 on 2024-06-30
        Assert.Equal(2, money.GetProperty("milestones").GetArrayLength());

        var rates = await jy.GetFromJsonAsync<JsonElement>("/api/pipeline/stage-rates?period=2024-01..06&region=510502&today=2024-06-30", Ct);
        // (5000 + 4000) ÷ 16000 = 56.25%; 履约率 1 ÷ 2 on 2024-06-30.
        Assert.Equal(56.25m, rates.GetProperty("fundsCohort").GetProperty("percent").GetDecimal());
        Assert.Equal(6000m, rates.GetProperty("arrivedInPeriod").GetDecimal());
        Assert.Equal(50m, rates.GetProperty("performance").GetProperty("percent").GetDecimal());
        var stages = rates.GetProperty("stages").EnumerateArray().ToList();
        Assert.Equal(["线索→签约", "签约→落地", "落地→开工", "开工→投产"], stages.Select(s => s.GetProperty("nameZh").GetString()));
        Assert.Equal(2, stages[0].GetProperty("reached").GetInt32());
        Assert.Equal(20m, stages[0].GetProperty("medianDays").GetDecimal()); // 10 and 30 days

        var funnel = await jy.GetFromJsonAsync<JsonElement>("/api/pipeline/funnel?period=2024-01..06&region=510502", Ct);
        Assert.Equal(4, funnel.GetProperty("money").GetProperty("stages").GetArrayLength());

        using var admin = await factory.SignedInClientAsync("admin", WebFactory.AdminPassword);
        var page = await admin.GetStringAsync(new Uri("/Pipeline/Deal/JY-M1?today=2024-06-30", UriKind.Relative), Ct);
        Assert.Contains("id=\"funds-rate\"", page, StringComparison.Ordinal);
        Assert.Contains("资金到位率(基数:本项目合同投资)", page, StringComparison.Ordinal);
        Assert.Contains("按期完成", page, StringComparison.Ordinal);
        var funnelPage = await admin.GetStringAsync(new Uri("/Pipeline?period=2024-01..06&region=510502", UriKind.Relative), Ct);
        Assert.Contains("id=\"stage-rates\"", funnelPage, StringComparison.Ordinal);
        Assert.Contains("线索→签约(基数:本期到达线索的项目)", funnelPage, StringComparison.Ordinal);
    }
}

public sealed class PipelineScoreboardExportTests(WebFactory factory) : IClassFixture<WebFactory>
{
    [Fact]
    public async Task ScoreboardExport_Xlsx_FlagsEmptyMonths()
    {
        var ct = TestContext.Current.CancellationToken;
        using var admin = await factory.SignedInClientAsync("admin", WebFactory.AdminPassword);
        var page = await admin.GetStringAsync(new Uri("/Pipeline/Scoreboard?year=2022", UriKind.Relative), ct);
        Assert.Contains("id=\"scoreboard-xlsx\"", page, StringComparison.Ordinal);

        using var response = await admin.GetAsync(new Uri("/api/pipeline/scoreboard/export?format=xlsx&year=2022", UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync(ct));
        using var zip = new System.IO.Compression.ZipArchive(stream);
        var xml = new StringBuilder();
        foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith("xl/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal)))
        {
            await using var entryStream = await entry.OpenAsync(ct);
            using var reader = new StreamReader(entryStream);
            xml.Append(await reader.ReadToEndAsync(ct));
        }

        var text = xml.ToString();
        Assert.Contains("月份", text, StringComparison.Ordinal);
        Assert.Contains("2022-12", text, StringComparison.Ordinal);
        Assert.Contains("无签约、无落地、无开工", text, StringComparison.Ordinal);

        var csv = await admin.GetStringAsync(new Uri("/api/pipeline/scoreboard/export?year=2022&lang=en", UriKind.Relative), ct);
        Assert.Contains("no signing, no landing, no start", csv, StringComparison.Ordinal);
    }
}
