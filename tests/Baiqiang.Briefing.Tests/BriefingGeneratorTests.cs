using Baiqiang.Briefing.Model;
using Baiqiang.Briefing.Sections;
using Baiqiang.Briefing.Templates;
using Baiqiang.Core.Indicators;
using Baiqiang.Core.Observations;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Quantities;
using Baiqiang.Core.Regions;
using Baiqiang.Storage.Observations;
using Microsoft.EntityFrameworkCore;

namespace Baiqiang.Briefing.Tests;

public sealed class BriefingGeneratorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GenerateAsync_TongzhouFirstHalf2023_StatesGdpAndBudgetRevenueWithFullWidthPunctuation()
    {
        await using var store = await SampleStore.CreateAsync();

        var doc = await BriefingGenerator.GenerateAsync(store.Db, SampleStore.Tongzhou, SampleStore.H1of2023, store.Options_(), Ct);

        Assert.Equal("通州区2023年上半年经济运行简报", doc.Title);
        var gdp = Assert.Single(doc.Sentences, s => s.Key == "gdp");
        // The sample stores no other 南通 district: a ranking of one is said once as such, never 第1 or 前列.
        Assert.Equal("上半年，通州区地区生产总值880.5亿元，同比增长7.8%，对比组内其他地区暂无数据。", gdp.Text);
        Assert.DoesNotContain(doc.Sentences, s => s.Key != "gdp" && s.Text.Contains("暂无数据", StringComparison.Ordinal));
        var revenue = Assert.Single(doc.Sentences, s => s.Key == "budget_revenue");
        Assert.Contains("一般公共预算收入41亿元", revenue.Text, StringComparison.Ordinal);
        Assert.Contains("增长27.8%", revenue.Text, StringComparison.Ordinal);
        Assert.EndsWith("。", revenue.Text, StringComparison.Ordinal);
        Assert.All(doc.Sentences.Where(s => s.Key is "gdp" or "budget_revenue"), s => Assert.DoesNotContain(",", s.Text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task GenerateAsync_EverySentenceNumber_CarriesTheSeedSource()
    {
        await using var store = await SampleStore.CreateAsync();

        var doc = await BriefingGenerator.GenerateAsync(store.Db, SampleStore.Tongzhou, SampleStore.H1of2023, store.Options_(), Ct);

        var gdp = Assert.Single(doc.Sentences, s => s.Key == "gdp");
        var source = Assert.Single(gdp.Sources);
        Assert.Equal(new SourceRef("gdp", "2023-01..06", "seed:004_tongzhou_h1_report_card"), source);
        Assert.Contains(doc.AllSources, s => s.Subject == "budget_revenue");
    }

    [Fact]
    public async Task GenerateAsync_GrowthOnlyFigures_ListedInOneSentenceWithoutValues()
    {
        await using var store = await SampleStore.CreateAsync();

        var doc = await BriefingGenerator.GenerateAsync(store.Db, SampleStore.Tongzhou, SampleStore.H1of2023, store.Options_(), Ct);

        var growthOnly = Assert.Single(doc.Sentences, s => s.Key == "growth_only");
        Assert.Equal("规上工业总产值增长12.8%；规上工业增加值增长13%；社会消费品零售总额增长13.3%；外贸进出口总额增长13.3%；出口总额增长17.7%。", growthOnly.Text);
        Assert.Contains(doc.Sentences, s => s.Text == "高新技术产业产值占比55.9%。");
    }

    [Fact]
    public async Task GenerateAsync_GrowthRemoved_SentenceKeepsValueWithoutGrowth()
    {
        await using var store = await SampleStore.CreateAsync();
        await SetAsync(store, "gdp", o => o.GrowthPercent = null);

        var doc = await BriefingGenerator.GenerateAsync(store.Db, SampleStore.Tongzhou, SampleStore.H1of2023, store.Options_(), Ct);

        var gdp = Assert.Single(doc.Sentences, s => s.Key == "gdp");
        Assert.Equal("上半年，通州区地区生产总值880.5亿元。", gdp.Text);
        Assert.DoesNotContain(doc.Sentences, s => s.Text.Contains("地区生产总值", StringComparison.Ordinal) && s.Text.Contains("7.8%", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GenerateAsync_StoredGrowthBasis_IsPrintedBeforeTheGrowthInBothLanguages()
    {
        await using var store = await SampleStore.CreateAsync();
        await SetAsync(store, "gdp", o => o.GrowthBasis = GrowthBasis.Comparable);

        var zh = await BriefingGenerator.GenerateAsync(store.Db, SampleStore.Tongzhou, SampleStore.H1of2023, store.Options_(), Ct);
        var en = await BriefingGenerator.GenerateAsync(store.Db, SampleStore.Tongzhou, SampleStore.H1of2023, store.Options_("en"), Ct);

        Assert.StartsWith("上半年，通州区地区生产总值880.5亿元，按可比价计算，同比增长7.8%", Assert.Single(zh.Sentences, s => s.Key == "gdp").Text, StringComparison.Ordinal);
        Assert.Contains("7.8% year on year at comparable prices", Assert.Single(en.Sentences, s => s.Key == "gdp").Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GenerateAsync_ValueRemoved_NoSentenceStatesTheValue()
    {
        await using var store = await SampleStore.CreateAsync();
        await SetAsync(store, "gdp", o => o.Value = null);

        var doc = await BriefingGenerator.GenerateAsync(store.Db, SampleStore.Tongzhou, SampleStore.H1of2023, store.Options_(), Ct);

        Assert.DoesNotContain(doc.Sentences, s => s.Key == "gdp");
        Assert.DoesNotContain("880.5", string.Concat(doc.Sentences.Select(s => s.Text)), StringComparison.Ordinal);
        // The revenue sentence now leads the section.
        Assert.StartsWith("上半年，通州区一般公共预算收入41亿元", doc.Sentences.First(s => s.Key == "budget_revenue").Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GenerateAsync_PreviousPeriodAndPeers_AddsChangeInGrowthAndRank()
    {
        await using var store = await SampleStore.CreateAsync();
        var q1 = StatPeriod.CumulativeTo(2023, 3);
        await WriteAsync(store,
            Obs(SampleStore.Tongzhou, "gdp", q1, 400m, 6.5m),
            Obs(new RegionCode(320613), "gdp", SampleStore.H1of2023, 900m, 5.1m),
            Obs(new RegionCode(320614), "gdp", SampleStore.H1of2023, 800m, 6.0m),
            Obs(new RegionCode(320623), "gdp", SampleStore.H1of2023, 700m, 8.1m));

        var doc = await BriefingGenerator.GenerateAsync(store.Db, SampleStore.Tongzhou, SampleStore.H1of2023, store.Options_(), Ct);

        // 7.8 is 2nd of 4 → top third of 4 is ⌈4/3⌉ = 2, so "前列" (Metric.FrontRankPhraseZh).
        Assert.Equal("上半年，通州区地区生产总值880.5亿元，同比增长7.8%，增幅比一季度回升1.3个百分点，增幅位居全市前列。",
            Assert.Single(doc.Sentences, s => s.Key == "gdp").Text);
        var en = await BriefingGenerator.GenerateAsync(store.Db, SampleStore.Tongzhou, SampleStore.H1of2023, store.Options_("en"), Ct);
        Assert.Contains("up 7.8% year on year, 1.3 points faster than in Q1, ranking 2 of 4 in the prefecture", Assert.Single(en.Sentences, s => s.Key == "gdp").Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GenerateAsync_EnglishTemplate_SameFiguresInEnglishSentences()
    {
        await using var store = await SampleStore.CreateAsync();

        var doc = await BriefingGenerator.GenerateAsync(store.Db, SampleStore.Tongzhou, SampleStore.H1of2023, store.Options_("en"), Ct);

        Assert.Equal("1. The economy", doc.Sections[0].Heading);
        Assert.Equal("In H1, 通州区's gross regional product was 88.05 billion yuan, up 7.8% year on year, no other region in the group has figures. ",
            Assert.Single(doc.Sentences, s => s.Key == "gdp").Text);
        Assert.StartsWith("General public budget revenue: 4.1 billion yuan, up 27.8%", Assert.Single(doc.Sentences, s => s.Key == "budget_revenue").Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GenerateAsync_GrowthFellSincePreviousPeriod_SaysHuiluo()
    {
        await using var store = await SampleStore.CreateAsync();
        await WriteAsync(store, Obs(SampleStore.Tongzhou, "budget_revenue", StatPeriod.CumulativeTo(2023, 5), 35m, 30m));

        var doc = await BriefingGenerator.GenerateAsync(store.Db, SampleStore.Tongzhou, SampleStore.H1of2023, store.Options_(), Ct);

        Assert.Contains("增幅比1-5月回落2.2个百分点", Assert.Single(doc.Sentences, s => s.Key == "budget_revenue").Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GenerateAsync_TargetWithoutFigure_StatedWithoutProgress_AndWithFigure_AgainstTimeElapsed()
    {
        await using var store = await SampleStore.CreateAsync();

        var before = await BriefingGenerator.GenerateAsync(store.Db, SampleStore.Tongzhou, SampleStore.H1of2023, store.Options_(), Ct);
        Assert.Equal("确保全年新开工重大项目27个（目标期2023年），暂无完成数据。",
            Assert.Single(before.Sentences, s => s.Key == "tongzhou-new-major-starts-2023").Text);

        await WriteAsync(store, new ObservationRecord(SampleStore.Tongzhou, new IndicatorCode("new_project_starts"), SampleStore.H1of2023, 12m, Unit.Ge, null,
            Qualifier.Exact, new ObservationSource(SourceKind.User, "test")));
        var after = await BriefingGenerator.GenerateAsync(store.Db, SampleStore.Tongzhou, SampleStore.H1of2023, store.Options_(), Ct);
        Assert.Equal("确保全年新开工重大项目27个：上半年完成12个，为目标的44.4%，时间进度50%，慢于时间进度5.6个百分点。",
            Assert.Single(after.Sentences, s => s.Key == "tongzhou-new-major-starts-2023").Text);
        Assert.Contains(after.Sections, s => s.Kind == SectionKinds.Investment);
    }

    [Fact]
    public async Task GenerateAsync_DefaultTemplate_NumbersSectionsAndDrawsGrowthChart()
    {
        await using var store = await SampleStore.CreateAsync();

        var doc = await BriefingGenerator.GenerateAsync(store.Db, SampleStore.Tongzhou, SampleStore.H1of2023, store.Options_(), Ct);

        Assert.Equal("一、经济运行", doc.Sections[0].Heading);
        Assert.Equal("二、目标任务完成情况", doc.Sections[1].Heading);
        var chart = Assert.Single(doc.Figures); // one point per indicator is no trend, so only the growth bars
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], chart.Png.Take(4).ToArray());
    }

    [Fact]
    public async Task GenerateAsync_PartLargerThanWhole_RaisesConsistencyWarning()
    {
        await using var store = await SampleStore.CreateAsync();
        await WriteAsync(store,
            Obs(SampleStore.Tongzhou, "trade_total", StatPeriod.CumulativeTo(2023, 6), 100m, 13.3m),
            Obs(SampleStore.Tongzhou, "exports", StatPeriod.CumulativeTo(2023, 6), 120m, 17.7m));

        var doc = await BriefingGenerator.GenerateAsync(store.Db, SampleStore.Tongzhou, SampleStore.H1of2023, store.Options_(), Ct);

        var warning = Assert.Single(doc.Sentences, s => s.Key == "part_exceeds_whole");
        Assert.Equal("出口总额（120亿元）大于外贸进出口总额（100亿元），请核实。", warning.Text);
    }

    [Fact]
    public async Task GenerateAsync_CustomTemplateWithoutTargets_LeavesSectionOutAndUsesOwnWording()
    {
        await using var store = await SampleStore.CreateAsync();
        var t = BriefingTemplate.Default();
        var economy = t.Sections[0];
        var custom = t with
        {
            Sections = [economy with
            {
                Indicators = ["budget_revenue"],
                Phrases = new Dictionary<string, string>(economy.Phrases) { ["first"] = "{region}{period}{indicator}达{value}{growth}。" },
            }],
        };
        var path = Path.Combine(store.Folder, "custom.json");
        await File.WriteAllTextAsync(path, custom.ToJson(), Ct);

        var doc = await BriefingGenerator.GenerateAsync(store.Db, SampleStore.Tongzhou, SampleStore.H1of2023,
            store.Options_() with { Template = BriefingTemplate.Load(path) }, Ct);

        var section = Assert.Single(doc.Sections);
        Assert.Equal("通州区上半年一般公共预算收入达41亿元，同比增长27.8%。", Assert.Single(doc.Sentences).Text);
        Assert.Equal("一、经济运行", section.Heading);
    }

    [Fact]
    public void Load_UnknownSectionKind_ThrowsBilingualFormatException()
    {
        var path = Path.Combine(Path.GetTempPath(), $"bad-template-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{ "language": "zh", "title": "x", "phrases": {}, "sections": [ { "kind": "weather", "heading": "天气", "phrases": {} } ] }""");
        try
        {
            var e = Assert.Throws<FormatException>(() => BriefingTemplate.Load(path));
            Assert.Contains("weather", e.Message, StringComparison.Ordinal);
            Assert.Contains("unknown section kind", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    internal static ObservationRecord Obs(RegionCode region, string indicator, StatPeriod period, decimal? value, decimal? growth)
        => new(region, new IndicatorCode(indicator), period, value, Unit.YiYuan, growth, Qualifier.Exact, new ObservationSource(SourceKind.User, "test"));

    internal static async Task WriteAsync(SampleStore store, params ObservationRecord[] records)
    {
        await ObservationWriter.WriteAsync(store.Db, records, "test", store.Clock, Ct);
        store.Db.ChangeTracker.Clear();
    }

    private static async Task SetAsync(SampleStore store, string indicator, Action<ObservationEntity> change)
    {
        var code = new IndicatorCode(indicator);
        var row = await store.Db.Observations.SingleAsync(o => o.RegionCode == SampleStore.Tongzhou && o.IndicatorCode == code && o.Period == SampleStore.H1of2023 && o.IsCurrent, Ct);
        change(row);
        await store.Db.SaveChangesAsync(Ct);
        store.Db.ChangeTracker.Clear();
    }
}
