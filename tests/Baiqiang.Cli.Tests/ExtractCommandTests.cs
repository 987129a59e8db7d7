using System.Text.Json;
using Baiqiang.Storage;
using Baiqiang.Storage.Extraction;
using Microsoft.EntityFrameworkCore;

namespace Baiqiang.Cli.Tests;

/// <summary><c>baiqiang extract</c> and <c>baiqiang review</c>, end to end against a temporary SQLite store.</summary>
public sealed class ExtractCommandTests
{
    private static string Seed(string name) => Path.Combine(SharedData.Folder("seeds")!, name);

    [Fact]
    public async Task Extract_TongzhouSeedWithDate_PrintsGdpForTongzhouInFirstHalf()
    {
        using var store = new TempStore();
        var cli = new CliRunner(store.Path);
        await cli.OkAsync("regions", "import", SharedData.Path("divisions"));

        var output = await cli.OkAsync("extract", Seed("004_tongzhou_h1_report_card.txt"), "--date", "2023-07-31");

        var facts = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var gdp = Assert.Single(facts, f => f.GetProperty("indicatorCode").GetString() == "gdp" && f.GetProperty("kind").GetString() == "value");
        Assert.Equal(880.5m, gdp.GetProperty("value").GetDecimal());
        Assert.Equal("亿元", gdp.GetProperty("unit").GetString());
        Assert.Equal(7.8m, gdp.GetProperty("growthPct").GetDecimal());
        Assert.Equal("2023-01..06", gdp.GetProperty("period").GetString());
        Assert.Equal("320612", gdp.GetProperty("regionCode").GetString());
    }

    [Fact]
    public async Task Extract_JiangyangSeed_ReportsThePlanShareMismatchOnStandardError()
    {
        using var store = new TempStore();
        var (exit, output, error) = await new CliRunner(store.Path).RunAsync("extract", Seed("000_jiangyang_top100_district.txt"), "--format", "csv");
        Assert.Equal(0, exit);
        Assert.StartsWith("doc,kind,region,regionCode,indicator", output, StringComparison.Ordinal);
        Assert.Contains("54.3%", error, StringComparison.Ordinal);
        Assert.Contains("52.7%", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extract_MissingFile_FailsWithBilingualMessage()
    {
        using var store = new TempStore();
        var (exit, _, error) = await new CliRunner(store.Path).RunAsync("extract", store.File("nope.txt"));
        Assert.Equal(1, exit);
        Assert.Contains("找不到", error, StringComparison.Ordinal);
        Assert.Contains("not found", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StoreAndReview_AcceptEditReject_WritesObservationsWithDocumentSource()
    {
        using var store = new TempStore();
        var cli = new CliRunner(store.Path);
        await cli.OkAsync("regions", "import", SharedData.Path("divisions"));
        await cli.OkAsync("extract", Seed("004_tongzhou_h1_report_card.txt"), "--date", "2023-07-31", "--store");
        var again = await cli.RunAsync("extract", Seed("004_tongzhou_h1_report_card.txt"), "--date", "2023-07-31", "--store");
        Assert.Equal(0, again.Exit);

        long gdpId, revenueId, capacitorId, pullId;
        await using (var db = BaiqiangStore.Open(BaiqiangStore.Resolve(store.Path)))
        {
            Assert.Equal(1, await db.ExtractionDocuments.CountAsync(TestContext.Current.CancellationToken));
            var pending = await db.PendingFacts.ToListAsync(TestContext.Current.CancellationToken);
            Assert.All(pending, f => Assert.Equal(FactStatus.Pending, f.Status));
            gdpId = pending.Single(f => f.IndicatorCode?.Value == "gdp" && f.Kind == "value").Id;
            revenueId = pending.Single(f => f.IndicatorCode?.Value == "budget_revenue").Id;
            capacitorId = pending.First(f => f.Indicator == "超级电容").Id;
            pullId = pending.First(f => f.Kind == "pull").Id;
        }

        var list = await cli.OkAsync("review", "list");
        Assert.Contains("880.5亿元", list, StringComparison.Ordinal);

        await cli.OkAsync("review", "accept", gdpId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await cli.OkAsync("review", "edit", revenueId.ToString(System.Globalization.CultureInfo.InvariantCulture), "--value", "41.5");
        await cli.OkAsync("review", "accept", revenueId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await cli.OkAsync("review", "reject", capacitorId.ToString(System.Globalization.CultureInfo.InvariantCulture), "--reason", "企业产量,非区域指标");
        var refused = await cli.RunAsync("review", "accept", pullId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(1, refused.Exit);
        Assert.Contains("pull", refused.Err, StringComparison.Ordinal);

        await using (var db = BaiqiangStore.Open(BaiqiangStore.Resolve(store.Path)))
        {
            var ct = TestContext.Current.CancellationToken;
            var gdp = await db.Observations.SingleAsync(o => o.IndicatorCode == new Core.Indicators.IndicatorCode("gdp"), ct);
            Assert.Equal(880.5m, gdp.Value);
            Assert.Equal(7.8m, gdp.GrowthPercent);
            Assert.Equal(Core.Observations.SourceKind.Document, gdp.SourceKind);
            Assert.Contains("004_tongzhou_h1_report_card.txt", gdp.SourceReference, StringComparison.Ordinal);
            Assert.NotNull(gdp.SourceRow);
            var revenue = await db.Observations.SingleAsync(o => o.IndicatorCode == new Core.Indicators.IndicatorCode("budget_revenue"), ct);
            Assert.Equal(41.5m, revenue.Value);
            Assert.Equal(FactStatus.Accepted, (await db.PendingFacts.SingleAsync(f => f.Id == gdpId, ct)).Status);
            var rejected = await db.PendingFacts.SingleAsync(f => f.Id == capacitorId, ct);
            Assert.Equal(FactStatus.Rejected, rejected.Status);
            Assert.Equal("企业产量,非区域指标", rejected.ReviewNote);
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Entity == "pending_fact" && a.Field == "value", ct));
        }
    }

    [Fact]
    public async Task ReviewAccept_UsDollarFact_IsStoredInADollarIndicator_AndRefusedForA元One()
    {
        using var store = new TempStore();
        var cli = new CliRunner(store.Path);
        var ct = TestContext.Current.CancellationToken;
        await cli.OkAsync("sample");
        var text = store.File("fdi.txt");
        await File.WriteAllTextAsync(text, "1-6月,江阳区实际利用外资1.2亿美元,增长5.1%。", ct);
        await cli.OkAsync("extract", text, "--date", "2024-07-20", "--store");
        await cli.OkAsync("indicators", "add", "fdi_used", "--name", "实际利用外资", "--name-en", "foreign capital used", "--unit", "万美元", "--kind", "flow", "--category", "外贸");
        var dollars = await cli.OkAsync("units", "list", "--dimension", "currency_usd");

        long id;
        await using (var db = BaiqiangStore.Open(BaiqiangStore.Resolve(store.Path)))
        {
            id = (await db.PendingFacts.SingleAsync(f => f.Indicator == "实际利用外资", ct)).Id;
        }

        var ids = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var toYuan = await cli.RunAsync("review", "edit", ids, "--indicator", "gdp");
        await cli.OkAsync("review", "edit", ids, "--indicator", "fdi_used");
        await cli.OkAsync("review", "accept", ids);

        Assert.Contains("亿美元", dollars, StringComparison.Ordinal);
        Assert.DoesNotContain("亿元", dollars, StringComparison.Ordinal);
        Assert.Equal(1, toYuan.Exit); // never converted to 元
        await using (var db = BaiqiangStore.Open(BaiqiangStore.Resolve(store.Path)))
        {
            var stored = await db.Observations.SingleAsync(o => o.IndicatorCode == new Core.Indicators.IndicatorCode("fdi_used"), ct);
            Assert.Equal(12000m, stored.Value); // 1.2亿美元 = 12000万美元, exactly
            Assert.Equal(5.1m, stored.GrowthPercent);
        }
    }
}
