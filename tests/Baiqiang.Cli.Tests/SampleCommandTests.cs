using System.Globalization;
using Baiqiang.Core.Metrics;
using Baiqiang.Core.Quantities;
using Baiqiang.Storage.Sample;

namespace Baiqiang.Cli.Tests;

/// <summary>The done-when line: <c>baiqiang init &amp;&amp; baiqiang sample &amp;&amp; baiqiang series 510502 gdp</c>.</summary>
public sealed class SampleCommandTests
{
    [Fact]
    public async Task InitSampleSeries_Jiangyang_PrintsPublishedGdpGrowth()
    {
        using var store = new TempStore();
        var cli = new CliRunner(store.Path);

        await cli.OkAsync("init");
        await cli.OkAsync("sample");
        var output = await cli.OkAsync("series", "510502", "gdp");

        Assert.Contains("江阳区(510502)", output, StringComparison.Ordinal);
        Assert.Contains("地区生产总值", output, StringComparison.Ordinal);
        var lines = output.Split('\n');
        Assert.Contains(lines, l => l.StartsWith("2021 ", StringComparison.Ordinal) && l.Contains("增长9.8%", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("2022-01..06", StringComparison.Ordinal) && l.Contains("增长3.7%", StringComparison.Ordinal));

        // No 2023 level: the only copy found names no publisher, date or original (docs/sample-data.md), so it is a gap.
        Assert.DoesNotContain(lines, l => l.StartsWith("2023 ", StringComparison.Ordinal));

        // The growth rank among 泸州's seven county-level units: 2021 against 泸县's published 8.3% (its 2021 bulletin), saying
        // how many units have the figure; the half year has no other unit's growth, and says so rather than 第1.
        Assert.Contains("全市增幅排名", output, StringComparison.Ordinal);
        Assert.Contains("位居全市第1（7个地区中2个有数据）", Assert.Single(lines, l => l.StartsWith("2021 ", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains(Metric.PeersLackFigures.Zh, Assert.Single(lines, l => l.StartsWith("2022-01..06", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.DoesNotContain(lines, l => l.StartsWith("注/note:", StringComparison.Ordinal));
        var luxian = (await cli.OkAsync("series", "泸县", "gdp")).Split('\n');
        var luxian2021 = Assert.Single(luxian, l => l.StartsWith("2021 ", StringComparison.Ordinal));
        Assert.Contains("435.1亿元", luxian2021, StringComparison.Ordinal);
        Assert.Contains("位居全市第2（7个地区中2个有数据）", luxian2021, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Series_NoOtherUnitHasTheGrowth_NoteSaysWhatToImport()
    {
        using var store = new TempStore();
        var cli = new CliRunner(store.Path);
        await cli.OkAsync("sample");

        var lines = (await cli.OkAsync("series", "崇川区", "gdp")).Split('\n');

        Assert.Contains(Metric.PeersLackFigures.Zh, Assert.Single(lines, l => l.StartsWith("2022 ", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.DoesNotContain("第1", string.Join('\n', lines), StringComparison.Ordinal);
        var note = Assert.Single(lines, l => l.StartsWith("注/note:", StringComparison.Ordinal));
        Assert.Contains("pref:320600", note, StringComparison.Ordinal);
        Assert.Contains("其他6个地区", note, StringComparison.Ordinal);
        Assert.Contains("baiqiang import", note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Series_PeersImported_RanksJiangyangAmongLuzhouUnits()
    {
        using var store = new TempStore();
        var cli = new CliRunner(store.Path);
        await cli.OkAsync("init");
        await cli.OkAsync("sample");

        // Test figures (not published ones) for two more 泸州 units: 江阳区's seed growth of 9.8% in 2021 lies between them.
        var file = store.File("peers.csv");
        await File.WriteAllTextAsync(file,
            "region,indicator,period,value,unit,growth\n510503,gdp,2021,100,亿元,8\n510504,gdp,2021,200,亿元,10.5\n",
            TestContext.Current.CancellationToken);
        await cli.OkAsync("import", file);

        var lines = (await cli.OkAsync("series", "510502", "gdp")).Split('\n');

        // 龙马潭区 10.5, 江阳区 9.8 (seed), 泸县 8.3 (its bulletin), 纳溪区 8.
        Assert.Contains("位居全市第2（7个地区中4个有数据）", Assert.Single(lines, l => l.StartsWith("2021 ", StringComparison.Ordinal)), StringComparison.Ordinal);
        // 2022-01..06 has no other member's growth: said so, not ranked first.
        Assert.Contains(Metric.PeersLackFigures.Zh, Assert.Single(lines, l => l.StartsWith("2022-01..06", StringComparison.Ordinal)), StringComparison.Ordinal);
        var naxi = (await cli.OkAsync("series", "纳溪区", "gdp")).Split('\n');
        Assert.Contains("位居全市第4（7个地区中4个有数据）", Assert.Single(naxi, l => l.StartsWith("2021 ", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Series_ByChineseNames_PrintsTongzhouReportCard()
    {
        using var store = new TempStore();
        var cli = new CliRunner(store.Path);
        await cli.OkAsync("sample");

        var output = await cli.OkAsync("series", "通州区", "一般公共预算收入");

        Assert.Contains("2023-01..06", output, StringComparison.Ordinal);
        Assert.Contains("41亿元", output, StringComparison.Ordinal);
        Assert.Contains("增长27.8%", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sample_LoadedTwice_ChangesNothing()
    {
        using var store = new TempStore();
        var cli = new CliRunner(store.Path);
        await cli.OkAsync("sample");

        var second = await cli.OkAsync("sample");

        Assert.Contains("observations +0", second, StringComparison.Ordinal);
        Assert.Contains("targets +0", second, StringComparison.Ordinal);
        Assert.DoesNotContain("observations +1", second, StringComparison.Ordinal);
        Assert.Contains("交易 deals +0", second, StringComparison.Ordinal);
        Assert.Contains("项目 projects +0", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sample_FreshStore_PrintsWhatEachModuleAdded()
    {
        using var store = new TempStore();
        var cli = new CliRunner(store.Path);

        var output = await cli.OkAsync("sample");

        var lines = output.Split('\n');
        string Line(string start) => Assert.Single(lines, l => l.TrimStart().StartsWith(start, StringComparison.Ordinal));
        Assert.Contains($"observations +{SampleData.Observations.Count} ", Line("种子报道数据"), StringComparison.Ordinal);
        Assert.Contains($"observations +{SampleDistrictFigures.Observations.Count} ", Line("公开发布的区级数据"), StringComparison.Ordinal);
        Assert.Contains("docs/sample-data.md", Line("公开发布的区级数据"), StringComparison.Ordinal);
        Assert.Contains($"targets +{SampleData.Targets.Count}", Line("目标"), StringComparison.Ordinal);
        Assert.Contains("pref:510500（7个地区 regions）", Line("对比组"), StringComparison.Ordinal);
        Assert.Contains("交易 deals +40", Line("招商引资"), StringComparison.Ordinal);
        Assert.Equal(
            "企业服务 service desk: 企业 enterprises +92, 走访 visits +25, 诉求 requests +84, 政策兑现 cash-outs +413",
            Line("企业服务").Trim());
        Assert.Equal("重点项目 key projects: 项目 projects +18, 月报 monthly reports +102, 问题 problems +1", Line("重点项目").Trim());
        Assert.Contains("as-of = 2023-07-31", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Series_Chongchuan_PrintsBulletinFiguresWithPriceBasis()
    {
        using var store = new TempStore();
        var cli = new CliRunner(store.Path);
        await cli.OkAsync("sample");

        var output = await cli.OkAsync("series", "崇川区", "地区生产总值");

        var lines = output.Split('\n');
        var year = Assert.Single(lines, l => l.StartsWith("2022 ", StringComparison.Ordinal));
        Assert.Contains("1676.93亿元", year, StringComparison.Ordinal);
        Assert.Contains("按可比价", year, StringComparison.Ordinal);
        Assert.Contains("增长2.1%", year, StringComparison.Ordinal);
        var quarter = Assert.Single(lines, l => l.StartsWith("2021-01..03", StringComparison.Ordinal));
        Assert.Contains("379.33亿元", quarter, StringComparison.Ordinal);

        // 2023 from the district government's profile page: a level with no growth printed.
        var y2023 = Assert.Single(lines, l => l.StartsWith("2023 ", StringComparison.Ordinal));
        Assert.Contains("1737.1", y2023, StringComparison.Ordinal);
        Assert.DoesNotContain("增长", y2023, StringComparison.Ordinal);
        var revenue = (await cli.OkAsync("series", "崇川区", "一般公共预算收入")).Split('\n');
        Assert.Contains("113.2亿元", Assert.Single(revenue, l => l.StartsWith("2023 ", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public void SampleFigures_EveryReference_NamesADocumentWithTitleAndDate()
    {
        foreach (var o in SampleData.Observations.Concat(SampleDistrictFigures.Observations))
        {
            var d = SampleDocuments.Find(o.Source.Reference);
            Assert.True(d is not null, $"no document for {o.Source.Reference}");
            Assert.False(string.IsNullOrWhiteSpace(d.TitleZh));
            Assert.False(string.IsNullOrWhiteSpace(d.DateZh));
            Assert.False(string.IsNullOrWhiteSpace(d.DateEn));
        }

        foreach (var o in SampleDistrictFigures.Observations)
        {
            Assert.Contains(o.Region, SampleDistrictFigures.Districts.Concat(SampleDistrictFigures.PrefecturePeers));
            Assert.StartsWith("http", SampleDocuments.Find(o.Source.Reference)!.Url, StringComparison.Ordinal);
            Assert.InRange(o.Period.Year, 2021, 2023);
        }
    }

    [Fact]
    public void SampleDataDoc_EveryDistrictFigure_IsListedWithItsSource()
    {
        var doc = File.ReadAllLines(RepoFile("docs", "sample-data.md"));

        foreach (var o in SampleDistrictFigures.Observations)
        {
            var period = o.Period.ToString();
            var value = o.Value is { } v ? v.ToString(CultureInfo.InvariantCulture) + (o.Unit == Unit.Percent ? "%" : "亿元") : "— (not printed)";
            var growth = o.GrowthPercent is { } g ? "增长" + g.ToString(CultureInfo.InvariantCulture) + "%" : "—";
            Assert.Contains(doc, l => l.StartsWith("| ", StringComparison.Ordinal)
                && l.Contains(o.Region.ToString(), StringComparison.Ordinal)
                && l.Contains($"`{o.Indicator}`", StringComparison.Ordinal)
                && l.Contains($"| {period}", StringComparison.Ordinal)
                && l.Contains($"| {value} |", StringComparison.Ordinal)
                && l.Contains($"| {growth} |", StringComparison.Ordinal)
                && l.Contains($"`{o.Source.Reference}`", StringComparison.Ordinal));
        }

        foreach (var (reference, d) in SampleDocuments.All.Where(p => p.Key.StartsWith("pub:", StringComparison.Ordinal)))
        {
            Assert.Contains(doc, l => l.Contains($"`{reference}`", StringComparison.Ordinal) && l.Contains(d.Url!, StringComparison.Ordinal));
        }
    }

    private static string RepoFile(params string[] parts)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Baiqiang.slnx")))
            {
                return Path.Combine([dir.FullName, .. parts]);
            }
        }

        throw new DirectoryNotFoundException("Baiqiang.slnx not found above " + AppContext.BaseDirectory);
    }

    [Fact]
    public async Task Series_UrbanPrimacy_ShowsBothYears()
    {
        using var store = new TempStore();
        var cli = new CliRunner(store.Path);
        await cli.OkAsync("sample");

        var output = await cli.OkAsync("series", "江阳区", "城区首位度", "--format", "csv");

        Assert.Contains("510502,江阳区,urban_primacy,2020,28.6,%,", output, StringComparison.Ordinal);
        Assert.Contains("510502,江阳区,urban_primacy,2021,34.5,%,", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Series_UnknownIndicator_FailsWithBilingualMessage()
    {
        using var store = new TempStore();
        var cli = new CliRunner(store.Path);
        await cli.OkAsync("sample");

        var (exit, _, error) = await cli.RunAsync("series", "510502", "no_such_thing");

        Assert.Equal(1, exit);
        Assert.Contains("未知指标", error, StringComparison.Ordinal);
        Assert.Contains("unknown indicator", error, StringComparison.Ordinal);
    }
}
