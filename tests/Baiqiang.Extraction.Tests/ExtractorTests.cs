using Baiqiang.Core.Quantities;

namespace Baiqiang.Extraction.Tests;

public sealed class ExtractorTests
{
    private static ExtractionResult Run(string text, DateOnly? date = null, RegionMatcher? matcher = null)
        => new FactExtractor(matcher ?? Regions.SampleOnly).Extract("t.txt", text, date ?? new DateOnly(2023, 7, 31));

    [Fact]
    public void Extract_TongzhouSeed_GdpWithGrowthForNantongTongzhouInFirstHalf()
    {
        var result = Seeds.Extract("004_tongzhou_h1_report_card");
        var gdp = Assert.Single(result.Facts, f => f.IndicatorCode?.Value == "gdp" && f.Kind == FactKind.Value);
        Assert.Equal(880.5m, gdp.Value);
        Assert.Equal("亿元", gdp.Unit);
        Assert.Equal(88_050_000_000m, gdp.ValueBase);
        Assert.Equal(7.8m, gdp.GrowthPct);
        Assert.Equal("2023-01..06", gdp.Period?.ToString());
        Assert.Equal(320612, gdp.RegionCode?.Value);
        Assert.Equal("地區生產總值", gdp.IndicatorRaw);
        Assert.Equal("地区生产总值", gdp.Indicator);
    }

    [Fact]
    public void Extract_TongzhouWithoutContext_StaysUnresolvedNationally()
    {
        var result = Run("上半年,通州区实现地区生产总值880.5亿元,同比增长7.8%。", matcher: Regions.NationalNoPreference);
        var gdp = Assert.Single(result.Facts);
        Assert.Equal("通州区", gdp.Region);
        Assert.Null(gdp.RegionCode);
    }

    [Fact]
    public void Extract_TongzhouWithBeijingContext_ResolvesToBeijing()
    {
        var result = Run("北京市通州区上半年实现地区生产总值600亿元,增长5%。", matcher: Regions.NationalNoPreference);
        Assert.Equal(110112, Assert.Single(result.Facts).RegionCode?.Value);
    }

    [Theory]
    [InlineData("上半年,全县规上工业增加值下降15.4%。", -15.4)]
    [InlineData("上半年,全县地区生产总值增长-8.7%。", -8.7)]
    [InlineData("上半年,全县社会消费品零售总额增長(zhǎng)１３．３％。", 13.3)]
    public void Extract_GrowthSigns_AreNegativeForDeclines(string text, double expected)
        => Assert.Equal((decimal)expected, Assert.Single(Run(text).Facts).GrowthPct);

    [Fact]
    public void Extract_PercentagePoints_AreAPullNeverAPercent()
    {
        var facts = Run("储能、汽车电子等产业分别拉动规上工业总产值增长5.6和4.4个百分点。").Facts;
        Assert.Equal(2, facts.Count);
        Assert.All(facts, f => Assert.Equal(FactKind.Pull, f.Kind));
        Assert.All(facts, f => Assert.Equal("个百分点", f.Unit));
        Assert.All(facts, f => Assert.Null(f.GrowthPct));
        Assert.Equal([5.6m, 4.4m], facts.Select(f => f.Value!.Value));
    }

    [Fact]
    public void Extract_Multiples_AreTimesNotPercent()
    {
        var facts = Run("上半年,第二产业投资增长3倍,基础设施投资增长1.4倍。").Facts;
        Assert.Equal([3m, 1.4m], facts.Select(f => f.Value!.Value));
        Assert.All(facts, f => Assert.Equal(FactKind.Multiple, f.Kind));
        Assert.All(facts, f => Assert.Equal("倍", f.Unit));
    }

    [Fact]
    public void Extract_QualifiersAndMultipliers_AreKept()
    {
        var facts = Run("全区3000余名机关干部深入辖区1.47万余家企业,促成贷款近3亿元,减税降费超10亿元,新增企业50户以上。").Facts;
        var firms = Assert.Single(facts, f => f.Unit == "家");
        Assert.Equal(14_700m, firms.Value);
        Assert.Equal("余", firms.QualifierText);
        Assert.Equal("近", Assert.Single(facts, f => f.Value == 3m).QualifierText);
        Assert.Equal("超", Assert.Single(facts, f => f.Value == 10m).QualifierText);
        Assert.Equal("以上", Assert.Single(facts, f => f.Value == 50m).QualifierText);
    }

    [Fact]
    public void Extract_Range_AppliesTheUnitToBothEnds()
    {
        var fact = Assert.Single(Run("今年,全县计划新增投资5至8亿元。").Facts);
        Assert.Equal(5m, fact.Value);
        Assert.Equal(8m, fact.High);
        Assert.Equal("亿元", fact.Unit);
        Assert.Equal(500_000_000m, fact.ValueBase);
        Assert.Equal("至8", FactWriter.Qualifier(fact));
    }

    [Fact]
    public void Extract_ChineseNumerals_AreRead()
    {
        var facts = Run("今年实施重点项目一百三十四个,新开工项目二十七个。").Facts;
        Assert.Equal([134m, 27m], facts.Select(f => f.Value!.Value));
    }

    [Theory]
    [InlineData("今年1至6月,全区规上工业增加值增长6.5%。", "2023-01..06")]
    [InlineData("一季度,全区规上工业增加值增长6.5%。", "2023-01..03")]
    [InlineData("前三季度,全区规上工业增加值增长6.5%。", "2023-01..09")]
    [InlineData("去年,全区规上工业增加值增长6.5%。", "2022")]
    [InlineData("上半年,全区规上工业总产值增长3%;上年同期,全区规上工业增加值增长6.5%。", "2022-01..06")]
    public void Extract_Periods_ResolveAgainstTheDocumentDate(string text, string period)
        => Assert.Equal(period, Run(text).Facts[^1].Period?.ToString());

    [Fact]
    public void Extract_PeriodInAMeetingName_DoesNotBecomeThePeriodOfLaterFigures()
    {
        var facts = Run("7月26日,全市二季度招商引资暨项目建设推进会举行。\n新签约项目投资12亿元,其中制造业8亿元。").Facts;
        Assert.NotEmpty(facts);
        Assert.All(facts, f => Assert.NotEqual("2023-Q2", f.Period?.ToString()));
    }

    [Fact]
    public void Extract_PeriodBeforeAFigure_StillHoldsWhenNoMeetingIsNamed()
    {
        var fact = Assert.Single(Run("二季度全区社会消费品零售总额增长6.1%。").Facts);
        Assert.Equal("2023-Q2", fact.Period?.ToString());
    }

    [Fact]
    public void Extract_ComparisonBasePeriod_DoesNotReplaceThePeriod()
    {
        var facts = Run("上半年,全县实现生产总值145.17亿元,同比增长6.4%,增速比一季度提高1.0个百分点。第一产业增加值6.06亿元,同比增长4.0%。").Facts;
        Assert.All(facts, f => Assert.Equal("2023-01..06", f.Period?.ToString()));
    }

    [Theory]
    [InlineData("2023年地区生产总值2011.9亿元,按可比价格计算,比上年增长5.7%。", 2011.9, 5.7)]
    [InlineData("上半年,全县实现GDP总量400.61亿元,按可比价计算同比增长6.1%。", 400.61, 6.1)]
    [InlineData("2023年地區生產總值2011.9億元,按可比價格計算,比上年增長5.7%。", 2011.9, 5.7)]
    public void Extract_GrowthAfterAComparableBasis_BelongsToTheValueBeforeIt(string text, double value, double growth)
    {
        var fact = Assert.Single(Run(text).Facts);
        Assert.Equal(FactKind.Value, fact.Kind);
        Assert.Equal((decimal)value, fact.Value);
        Assert.Equal((decimal)growth, fact.GrowthPct);
        Assert.Equal("gdp", fact.IndicatorCode?.Value);
    }

    [Fact]
    public void Extract_StemsInAReportThatNamesNoRegion_AreWordsNotPlaces()
    {
        var facts = Run("上半年,全县建安工程投资增长13.6%,新兴产业规上工业增加值增长6.9%。", matcher: Regions.NationalNoPreference).Facts;
        Assert.Equal(2, facts.Count);
        Assert.All(facts, f => Assert.Null(f.RegionCode));
    }

    [Fact]
    public void Extract_RespectivelyList_GivesEachNameItsGrowth()
    {
        var facts = Run("上半年,船舶工业、水产加工总产值分别增长37.0%、16.4%。高新技术和数字经济规上工业增加值分别增长6.9%和16.3%。").Facts;
        Assert.Equal(
            [("船舶工业总产值", 37.0m), ("水产加工总产值", 16.4m), ("高新技术规上工业增加值", 6.9m), ("数字经济规上工业增加值", 16.3m)],
            facts.Select(f => (f.Indicator, f.GrowthPct!.Value)));
        Assert.All(facts, f => Assert.Equal(FactKind.Growth, f.Kind));
        Assert.All(facts, f => Assert.Null(f.IndicatorCode)); // a part of 规上工业增加值 is not the indicator itself
    }

    [Fact]
    public void Extract_ChangeInGrowth_IsPointsOfThePreviousFactsIndicator()
    {
        var facts = Run("上半年,农林牧渔业总产值可比增长4.0%,比一季度提高1.6个百分点。").Facts;
        Assert.Equal(2, facts.Count);
        Assert.All(facts, f => Assert.Equal("农林牧渔业总产值", f.Indicator));
        Assert.Equal(4.0m, facts[0].GrowthPct);
        Assert.Equal(1.6m, facts[1].Value);
        Assert.Equal("个百分点", facts[1].Unit);
        Assert.Equal("2023-01..06", facts[1].Period?.ToString());
    }

    [Fact]
    public void Extract_PullOfTheWholeCounty_IsAPullOfItsIndicator()
    {
        var facts = Run("上半年,第二产业增加值同比增长4.1%。第二产业拉动全县GDP增长1.94个百分点,贡献度为30.5%。").Facts;
        var pull = Assert.Single(facts, f => f.Kind == FactKind.Pull);
        Assert.Equal(1.94m, pull.Value);
        Assert.Equal("gdp", pull.IndicatorCode?.Value);
        Assert.DoesNotContain(facts, f => f.IndicatorCode?.Value == "urban_contribution");
    }

    [Theory]
    [InlineData("上半年,通州区经济稳步增长。\n度亘光电项目总投资1.1亿元。", null)]
    [InlineData("2022年,江阳区重点项目总投资3197.6亿元。", "2022")]
    public void Extract_OneNamedProjectsTotalInvestment_HasNoPeriodButAProgrammesHas(string text, string? period)
    {
        var fact = Assert.Single(Run(text).Facts, f => f.Unit == "亿元");
        Assert.Equal(period, fact.Period?.ToString());
    }

    [Fact]
    public void Extract_WithoutDate_UsesTheLatestFullDateInTheText()
    {
        var result = new FactExtractor(Regions.SampleOnly).Extract("t.txt", "2022年06月14日 来源:日报\n今年1至4月,园区营业收入100.03亿元,同比增长23.9%。");
        Assert.Equal(new DateOnly(2022, 6, 14), result.ReferenceDate);
        Assert.True(result.ReferenceDateInferred);
        Assert.Equal("2022-01..04", Assert.Single(result.Facts).Period?.ToString());
    }

    [Fact]
    public void Extract_ScopeWords_MeanTheMainRegion()
    {
        var result = Run("通州区坚持项目为王。\n上半年,全区高新产值占比55.9%。");
        var share = Assert.Single(result.Facts);
        Assert.Equal(FactKind.Share, share.Kind);
        Assert.Equal("全区", share.Region);
        Assert.Equal(320612, share.RegionCode?.Value);
        Assert.Equal("high_tech_output_share", share.IndicatorCode?.Value);
    }

    [Fact]
    public void Extract_Park_ResolvesAsAUserDefinedRegion()
    {
        var result = Run("安义高新园区强攻项目建设。1至4月,园区营业收入100.03亿元,同比增长23.9%。");
        Assert.Equal(360123401, Assert.Single(result.Facts).RegionCode?.Value);
    }

    [Fact]
    public void Extract_Targets_AreKeptApartFromObservations()
    {
        var facts = Run("上半年,全区地区生产总值增长7.8%。确保今年新开工重大项目27个,力争全社会固定资产投资增长16%以上。").Facts;
        Assert.Equal(FactKind.Growth, facts[0].Kind);
        Assert.All(facts.Skip(1), f => Assert.Equal(FactKind.Target, f.Kind));
        Assert.Equal(2, facts.Count(f => f.Kind == FactKind.Target));
    }

    [Fact]
    public void Extract_Rank_FollowsTheFactItRanks()
    {
        var facts = Run("上半年,通州实现地区生产总值880.5亿元,同比增长7.8%,增幅在全市各县市区中位居第二。").Facts;
        var rank = Assert.Single(facts, f => f.Kind == FactKind.Rank);
        Assert.Equal(2m, rank.Value);
        Assert.Equal("gdp", rank.IndicatorCode?.Value);
    }

    [Fact]
    public void Extract_JiangyangPlanCompletion_IsFlaggedAgainstItsParts()
    {
        var result = Seeds.Extract("000_jiangyang_top100_district");
        var plan = Assert.Single(result.Facts, f => f.Kind == FactKind.PlanCompletion && f.Value == 176.8m);
        Assert.Equal(54.3m, plan.PlanSharePct);
        var check = Assert.Single(result.Checks, c => c.Kind == CrossCheckKind.ReportedPercent && c.FactOffsets.Contains(plan.Offset));
        Assert.False(check.Consistent);
        Assert.Contains("52.7", check.Message.Zh, StringComparison.Ordinal);
        Assert.Contains("54.3", check.Message.Zh, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_TongzhouNeeds_PartsAddUpToTheWhole()
    {
        var result = Seeds.Extract("004_tongzhou_h1_report_card");
        var check = Assert.Single(result.Checks, c => c.Kind == CrossCheckKind.PartsSum);
        Assert.True(check.Consistent);
        Assert.Contains("39 + 20 + 8 = 67", check.Message.Zh, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_PartsThatDoNotAdd_AreFlagged()
    {
        var result = Run("截至目前,活动共梳理出企业需求67条。其中,技术改造类39条、科技创新类20条、上市融资类9条。");
        Assert.False(Assert.Single(result.Checks, c => c.Kind == CrossCheckKind.PartsSum).Consistent);
    }

    [Fact]
    public void Extract_OneIndicatorTwoGrowths_ReportsBothAndFlagsTheConflict()
    {
        var result = Run("上半年,通州区地区生产总值增长7.8%。\n上半年,通州区地区生产总值增长8.1%。");
        Assert.Equal(2, result.Facts.Count);
        Assert.Equal([7.8m, 8.1m], result.Facts.Select(f => f.GrowthPct!.Value));
        var conflict = Assert.Single(result.Checks, c => c.Kind == CrossCheckKind.ConflictingGrowth);
        Assert.False(conflict.Consistent);
        Assert.Equal(2, conflict.FactOffsets.Count);
    }

    [Fact]
    public void Extract_Boilerplate_IsSkipped()
    {
        var text = "上半年,通州区一般公共预算收入41亿元,增长27.8%。\n分享讓更多人看到\n- 評論\n相关阅读\n官渡区新开工16个项目 总投资约110亿元";
        var facts = Run(text).Facts;
        Assert.Single(facts);
    }

    [Fact]
    public void Extract_Html_StripsTagsScriptsAndNavigation()
    {
        var html = "<html><head><script>var x = '增长99%';</script></head><body><nav>首页 增长50%</nav><p>上半年,通州区一般公共预算收入41亿元,增长27.8%&#65307;</p><footer>分享</footer></body></html>";
        var result = Run(html);
        var fact = Assert.Single(result.Facts);
        Assert.Equal(41m, fact.Value);
        Assert.Equal("41", result.Text.Plain.Substring(fact.Offset, 2));
    }

    [Fact]
    public void Extract_Offsets_PointAtTheFigureInTheOriginalText()
    {
        var text = Seeds.Text("004_tongzhou_h1_report_card");
        foreach (var f in Seeds.Extract("004_tongzhou_h1_report_card").Facts.Where(f => f.Value is not null && f.Kind != FactKind.Rank))
        {
            var shown = text.Substring(f.Offset, f.Length);
            Assert.True(char.IsAsciiDigit(shown[0]) || "一二三四五六七八九十翻".Contains(shown[0], StringComparison.Ordinal), $"{f.Indicator}: '{shown}'");
        }
    }

    [Fact]
    public void Amount_ValueBase_IsInTheBaseUnit()
    {
        var fact = Assert.Single(Run("上半年,园区完成投资779.19万元。").Facts);
        Assert.Equal(7_791_900m, fact.ValueBase);
        Assert.Equal(Unit.WanYuan, fact.Amount!.Value.Unit);
    }
}
