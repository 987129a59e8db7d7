using Baiqiang.Core.Periods;
using Baiqiang.Core.Regions;

namespace Baiqiang.Briefing.Tests;

/// <summary>The default key-project, investment and service sections read the project, pipeline and service tables of the sample.</summary>
public sealed class ModuleSourcesTests
{
    private static readonly RegionCode Jiangyang = new(510502);
    private static readonly RegionCode AnyiPark = new(360123401);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GenerateAsync_JiangyangFirstHalf2022_KeyProjectCompletionFromProjectTables()
    {
        await using var store = await SampleStore.CreateAsync();

        var doc = await BriefingGenerator.GenerateAsync(store.Db, Jiangyang, StatPeriod.CumulativeTo(2022, 6), store.Options_() with { Charts = false }, Ct);

        var plan = Assert.Single(doc.Sentences, s => s.Key == "key_project_plan");
        Assert.Contains("完成年度计划的52.7%", plan.Text, StringComparison.Ordinal);
        Assert.All(plan.Sources, s => Assert.Equal("projects", s.Reference));
        var lagging = Assert.Single(doc.Sentences, s => s.Key == "key_projects_lagging");
        Assert.Contains("酒城大道提升改造", lagging.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GenerateAsync_AnyiPark2023_InvestmentSentenceFromPipeline()
    {
        await using var store = await SampleStore.CreateAsync();

        var doc = await BriefingGenerator.GenerateAsync(store.Db, AnyiPark, StatPeriod.ForYear(2023), store.Options_() with { Charts = false }, Ct);

        var investment = Assert.Single(doc.Sentences, s => s.Key == "investment");
        Assert.Contains("新签约项目38个", investment.Text, StringComparison.Ordinal);
        Assert.Contains("新签约项目总投资256.79亿元", investment.Text, StringComparison.Ordinal);
        Assert.Contains("投产项目32个", investment.Text, StringComparison.Ordinal);
        Assert.All(investment.Sources, s => Assert.Equal("pipeline", s.Reference));
    }

    [Fact]
    public async Task GenerateAsync_AnyiPark2023WithFunds_InvestmentSentenceCarriesFundsRate()
    {
        await using var store = await SampleStore.CreateAsync();
        var admin = Core.Access.Actor.LocalAdmin("test");
        await Storage.Pipeline.DealMoneyStore.SetContractAsync(store.Db, admin, "AY2023-01", 4000m, null, Ct);
        var saved = await Storage.Pipeline.DealMoneyStore.SaveFundsAsync(store.Db, admin, "f.csv",
            [new Storage.Pipeline.FundsRow(2, "AY2023-01", new Core.Projects.ReportingMonth(2023, 3), 1000m, 1000m, string.Empty)], Ct);
        Assert.True(saved.Success);

        var doc = await BriefingGenerator.GenerateAsync(store.Db, AnyiPark, StatPeriod.ForYear(2023), store.Options_() with { Charts = false }, Ct);

        // 1000 ÷ 4000: the only deal under contract.
        Assert.Contains("资金到位率25%", Assert.Single(doc.Sentences, s => s.Key == "investment").Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GenerateAsync_AnyiPark2023_ScoreboardSectionWithTwelveMonthsAnd2022LeftOut()
    {
        await using var store = await SampleStore.CreateAsync();

        var doc = await BriefingGenerator.GenerateAsync(store.Db, AnyiPark, StatPeriod.ForYear(2023), store.Options_() with { Charts = false }, Ct);
        var earlier = await BriefingGenerator.GenerateAsync(store.Db, AnyiPark, StatPeriod.ForYear(2022), store.Options_() with { Charts = false }, Ct);

        var section = Assert.Single(doc.Sections, s => s.Kind == "scoreboard");
        Assert.Contains("月月有签约、月月有落地、月月有开工", section.Heading, StringComparison.Ordinal);
        Assert.Single(doc.Sentences, s => s.Key == "scoreboard");
        var table = Assert.Single(section.Blocks.OfType<Model.TableBlock>());
        Assert.Equal(12, table.Rows.Count);
        Assert.Equal("1月", table.Rows[0][0]);
        Assert.DoesNotContain(earlier.Sections, s => s.Kind == "scoreboard");
    }

    [Fact]
    public async Task GenerateAsync_JiangyangMarch2023_ServiceSentenceFromDeskWithResolutionRate()
    {
        await using var store = await SampleStore.CreateAsync();

        var doc = await BriefingGenerator.GenerateAsync(store.Db, Jiangyang, StatPeriod.ForMonth(2023, 3), store.Options_() with { Charts = false }, Ct);

        var service = Assert.Single(doc.Sentences, s => s.Key == "service");
        Assert.Contains("走访企业25次", service.Text, StringComparison.Ordinal);
        Assert.Contains("梳理企业需求17件", service.Text, StringComparison.Ordinal);
        Assert.Contains("解决企业需求6件", service.Text, StringComparison.Ordinal);
        Assert.Contains("解决率35.29%", service.Text, StringComparison.Ordinal);
        Assert.All(service.Sources, s => Assert.Equal("service-desk", s.Reference));
    }

    [Fact]
    public async Task GenerateAsync_TongzhouFirstHalf2023_NoDeskOrDealData_InvestmentLeftOutNotInvented()
    {
        await using var store = await SampleStore.CreateAsync();

        var doc = await BriefingGenerator.GenerateAsync(store.Db, SampleStore.Tongzhou, StatPeriod.ForMonth(2023, 1), store.Options_() with { Charts = false }, Ct);

        Assert.DoesNotContain(doc.Sentences, s => s.Key == "investment" && s.Sources.Any(r => r.Reference == "pipeline"));
        Assert.DoesNotContain(doc.Sentences, s => s.Key == "service" && s.Sources.Any(r => r.Reference == "service-desk"));
    }
}
