using Baiqiang.Briefing.Sections;
using Baiqiang.Core.Projects;

namespace Baiqiang.Briefing.Tests;

public sealed class KeyProjectsSourceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task KeyProjectsSource_LedgerInMemory_PrintsCountsPlanCompletionAndLaggingProjects()
    {
        await using var store = await SampleStore.CreateAsync();
        var calendar = new ProjectLedgerCalendar();
        var projects = new List<Project>
        {
            new("TZ-001", "度亘光电二期", SampleStore.Tongzhou, ProjectStatus.UnderConstruction, new DateOnly(2022, 6, 1))
            {
                TotalInvestment = 11_000m, AnnualPlans = new Dictionary<int, decimal> { [2023] = 6_000m },
            },
            new("TZ-002", "福立旺精密金属零部件", SampleStore.Tongzhou, ProjectStatus.UnderConstruction, new DateOnly(2022, 6, 1))
            {
                TotalInvestment = 50_000m, AnnualPlans = new Dictionary<int, decimal> { [2023] = 20_000m },
            },
            new("TZ-003", "储能设备产业园", SampleStore.Tongzhou, ProjectStatus.Signed, new DateOnly(2023, 3, 1))
            {
                TotalInvestment = 30_000m, AnnualPlans = new Dictionary<int, decimal> { [2023] = 4_000m },
            },
        };
        var reports = new List<MonthlyReport>();
        reports.AddRange(Approved("TZ-001", 3_600m, calendar));
        reports.AddRange(Approved("TZ-002", 12_000m, calendar));
        reports.AddRange(Approved("TZ-003", 400m, calendar));
        var source = new KeyProjectsSource(projects, reports, [], new DateOnly(2023, 7, 10));

        var doc = await BriefingGenerator.GenerateAsync(store.Db, SampleStore.Tongzhou, SampleStore.H1of2023,
            store.Options_() with { Sources = [source] }, Ct);

        var section = Assert.Single(doc.Sections, s => s.Kind == "key_projects");
        Assert.Equal("三、重点项目建设", section.Heading);
        Assert.Equal("通州区共有重点项目3个，其中签约1个、在建2个。", Assert.Single(doc.Sentences, s => s.Key == "key_projects_count").Text);
        // (0.36 + 1.2 + 0.04) ÷ (0.6 + 2 + 0.4) = 53.33%, 3.33 points ahead of 50%.
        Assert.Equal("年度计划投资3亿元，上半年完成投资1.6亿元，完成年度计划的53.3%，快于时间进度3.3个百分点。",
            Assert.Single(doc.Sentences, s => s.Key == "key_project_plan").Text);
        var lagging = Assert.Single(doc.Sentences, s => s.Key == "key_projects_lagging").Text;
        Assert.StartsWith("进度滞后项目1个：储能设备产业园（", lagging, StringComparison.Ordinal);
        // 亮灯: 60%, 60% and 10% against 50% of the year.
        Assert.Equal("序时进度亮灯：红灯1个、黄灯0个、绿灯2个。", Assert.Single(doc.Sentences, s => s.Key == "key_projects_lights").Text);
        Assert.Equal("红灯项目：储能设备产业园（完成率10.0%，低于序时进度50.0%达40.0个百分点(红灯线-15个百分点)）。",
            Assert.Single(doc.Sentences, s => s.Key == "key_projects_red").Text);
    }

    private static List<MonthlyReport> Approved(string code, decimal ytd, ProjectLedgerCalendar calendar)
    {
        var list = new List<MonthlyReport>();
        var cumulative = 0m;
        for (var m = 1; m <= 6; m++)
        {
            var amount = m == 6 ? ytd - cumulative : decimal.Floor(ytd / 6);
            var r = MonthlyReport.Create(code, 2023, m, amount, cumulative + amount, cumulative, calendar, "按计划推进");
            r.Submit(calendar);
            r.Approve("区发改局");
            list.Add(r);
            cumulative += amount;
        }

        return list;
    }
}

public sealed class ChartRendererTests
{
    [Fact]
    public void FontFamily_NotoCjkInstalled_UsesTheCjkFontFile()
    {
        if (!File.Exists("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"))
        {
            Assert.Skip("fonts-noto-cjk is not installed");
        }

        Assert.Equal("Baiqiang CJK", Charts.ChartRenderer.FontFamily);
    }

    [Fact]
    public void GrowthBars_ChineseLabels_ReturnsPngOfRequestedSize()
    {
        var fig = new Charts.ChartRenderer(600, 300).GrowthBars("主要指标增速", [("地区生产总值", 7.8m), ("一般公共预算收入", 27.8m), ("出口总额", -2.1m)], "同比增长(%)");

        Assert.Equal(600, fig.WidthPx);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], fig.Png.Take(4).ToArray());
        Assert.True(fig.Png.Length > 5_000);
    }
}
