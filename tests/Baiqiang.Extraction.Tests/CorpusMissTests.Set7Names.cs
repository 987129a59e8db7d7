namespace Baiqiang.Extraction.Tests;

/// <summary>
/// The seventh hand-judged set's error kinds of names, tables, formats, 分别 lists and non-facts (docs/extraction.md, "Rules for
/// the seventh set's names, tables and units, rules-names"), each on sentences written for these tests: a bare measure after
/// 完成/实现 keeps the subject named before it, 分产业看 under an investment paragraph, 预计 and 截至 are no part of a subject,
/// 生产性 and 新增就业 are no verbs, 万元GDP能耗 is not GDP, thresholds are no values, people are values, 负增长, a middle dot as
/// the decimal point, a flattened table with | lines between its cells, 轻、重工业 and lists before 由负转正.
/// </summary>
public sealed partial class CorpusMissTests
{
    [Fact]
    public void BareMeasureAfterAVerb_TakesTheSubjectNamedEarlierInTheSentence()
    {
        var fact = Assert.Single(Facts("上半年,全区规模以上工业总产值增速有所放缓,截至六月底累计完成产值62.15亿元,同比增长9%。"));
        Assert.Equal(("industrial_output", 62.15m, 9m), (fact.IndicatorCode?.Value, fact.Value!.Value, fact.GrowthPct!.Value));
    }

    [Fact]
    public void BareMeasureAfterAVerb_InTheNextSentence_TakesTheSubjectOfTheFigureBefore_AndEstimatedIsNoPartOfIt()
    {
        var facts = Facts("1-5月,江阳区规模工业预计完成总产值11.6亿元,同比增长52.3%;实现增加值3.71亿元,同比增长48.2%。");
        Assert.Equal(2, facts.Count);
        Assert.DoesNotContain("预计", facts[0].Indicator, StringComparison.Ordinal);
        Assert.StartsWith("规模工业", facts[0].Indicator, StringComparison.Ordinal);
        Assert.Equal(("规模工业增加值", 3.71m, 48.2m), (facts[1].Indicator, facts[1].Value!.Value, facts[1].GrowthPct!.Value));
    }

    [Fact]
    public void BareMeasureOpeningAClause_AfterAnotherMeasureOfOneSubject_IsThatSubjects()
    {
        var facts = Facts("1-5月,县属规模工业总产值完成5.46亿元,同比增长31.2%,增加值1.38亿元,同比增长27.5%。");
        Assert.Equal(("县属规模工业增加值", 1.38m), (facts[^1].Indicator, facts[^1].Value!.Value));
        facts = Facts("1-5月,规上工业企业主营业务收入完成41.2亿元,同比增长20.3%,利税总额实现1.82亿元,同比增长12%。");
        Assert.Equal(("规上工业企业利税总额", 1.82m, 12m), (facts[^1].Indicator, facts[^1].Value!.Value, facts[^1].GrowthPct!.Value));
    }

    [Fact]
    public void IndustriesWithoutAMeasure_UnderAnInvestmentParagraph_AreThatInvestmentByIndustry()
    {
        var facts = Facts("一季度,全市固定资产投资同比增长6.2%。分产业看,第一产业下降12.1%,第二产业增长33.4%,第三产业下降5.2%。");
        Assert.Equal(
            [("第一产业投资", -12.1m), ("第二产业投资", 33.4m), ("第三产业投资", -5.2m)],
            facts.Skip(1).Select(f => (f.Indicator, f.GrowthPct!.Value)));
    }

    [Theory]
    [InlineData("2023年,全区规模以上生产性服务业营业收入增长15.2%。", "规模以上生产性服务业营业收入")]
    [InlineData("2023年,全区万元GDP能耗下降6.3%。", "万元GDP能耗")]
    public void WordsThatLookLikeVerbsOrCatalogueNames_StayInsideTheName(string sentence, string name)
        => Assert.Equal(name, Assert.Single(Facts(sentence)).Indicator);

    [Fact]
    public void LongNameStartingWithALevel_KeepsTheWholeLevelWord()
        => Assert.Equal("县级以上农业龙头企业年销售收入", Assert.Single(Facts("2023年,县级以上农业龙头企业年销售收入21.3亿元,增长8.2%。")).Indicator);

    [Fact]
    public void GdpWithAHeadNoun_IsStillGdp()
        => Assert.Equal("gdp", Assert.Single(Facts("上半年,全县实现GDP总量212.4亿元,增长5.5%。")).IndicatorCode?.Value);

    [Fact]
    public void Thresholds_AreNoValues_AndTheSizeClassStaysInTheName()
    {
        var facts = Facts("2023年,新签约总投资1000万美元以上的项目8个,新开工5000万元及以上项目投资额增长21.3%。");
        Assert.DoesNotContain(facts, f => f.Value is 1000m or 5000m);
        Assert.Equal("5000万元及以上项目投资额", Assert.Single(facts, f => f.Kind == FactKind.Growth).Indicator);
    }

    [Fact]
    public void PeopleAndJobs_AreValuesNotCounts()
    {
        var facts = Facts("2023年末,江阳区常住人口21.4万人。全年出生人口2210人,死亡人口1130人。年末城镇登记失业人数215人。全年城镇新增就业岗位5120个。");
        Assert.Equal(
            [("常住人口", 21.4m), ("出生人口", 2210m), ("死亡人口", 1130m), ("城镇登记失业人数", 215m), ("城镇新增就业岗位", 5120m)],
            facts.Select(f => (f.Indicator, f.Value!.Value)));
        Assert.All(facts, f => Assert.Equal(FactKind.Value, f.Kind));
    }

    [Fact]
    public void NegativeGrowth_IsAGrowthBelowZero()
    {
        var fact = Assert.Single(Facts("1-5月,江阳区上划中央收入42.16亿元,负增长2.35%。"));
        Assert.Equal((42.16m, -2.35m), (fact.Value!.Value, fact.GrowthPct!.Value));
    }

    [Fact]
    public void MiddleDotBetweenDigits_IsTheDecimalPoint()
    {
        var facts = Facts("2023年,江阳区医疗保健类价格上涨1·6%,交通通信类价格上涨3·2%。");
        Assert.Equal([("医疗保健类价格", 1.6m), ("交通通信类价格", 3.2m)], facts.Select(f => (f.Indicator, f.GrowthPct!.Value)));
    }

    [Fact]
    public void LineEndingInAFigure_BeforeALineOpeningASentence_KeepsItsBreak()
    {
        var facts = Facts("2023年江阳区统计公报\n全年地区生产总值150.2亿元,增长5.1%。三次产业结构为10.2:45:44.8\n全年居民消费价格总水平比上年上涨1.4%。");
        Assert.Equal("居民消费价格总水平", Assert.Single(facts, f => f.GrowthPct == 1.4m).Indicator);
    }

    [Fact]
    public void FlattenedTable_WithBarLinesBetweenItsCells_IsReadRowByRow()
    {
        var facts = Facts("2023年江阳区生产总值及其增长速度\n|\n单位:亿元\n|\n指 标\n|\n绝对数\n|\n比上年增长%\n|\n生产总值\n|\n152.6\n|\n5.3\n|\n第一产业\n|\n18.4\n|\n3.1\n|\n金融业\n|\n6.2\n|\n-0.8\n|\n");
        var table = facts.Where(f => f.Rule == "table.indicator-rows").ToList();
        Assert.Equal([(152.6m, 5.3m), (18.4m, 3.1m), (6.2m, -0.8m)], table.Select(f => (f.Value!.Value, f.GrowthPct!.Value)));
        Assert.All(table, f => Assert.Equal("亿元", f.Unit));
        Assert.Equal("第一产业增加值", table[1].Indicator); // a row of the product by industry is the industry's value added
    }

    [Fact]
    public void InfrastructureBuilding_IsANounBeforeTheVerb_AndTheProjectsCountedBefore_NameABareInvestment()
    {
        var facts = Facts("1-5月,江阳区配套基础设施建设完成投资3.1亿元(工业园完成投资2.6亿元)。");
        Assert.Equal("配套基础设施建设完成投资", facts[0].Indicator);
        var growth = Assert.Single(Facts("一季度,全市5000万元及以上项目420个,投资额增长18.2%。"), f => f.Kind == FactKind.Growth);
        Assert.Equal("5000万元及以上项目投资额", growth.Indicator);
    }

    [Fact]
    public void SharesRespectively_OfLightAndHeavyIndustry_AreSharesOfEach()
    {
        var facts = Facts("2023年,全区规模以上工业中,轻工业增加值下降3.2%,重工业增加值增长11%,轻、重工业占比分别为28.4%和71.6%。");
        Assert.Equal([("轻工业增加值", -3.2m), ("重工业增加值", 11m)], facts.Where(f => f.Kind == FactKind.Growth).Select(f => (f.Indicator, f.GrowthPct!.Value)));
        Assert.Equal([("轻工业占比", 28.4m), ("重工业占比", 71.6m)], facts.Where(f => f.Kind == FactKind.Share).Select(f => (f.Indicator, f.Value!.Value)));
    }

    [Fact]
    public void LevelAgainstItsTaskFigure_TakesThePlanShareAndTheGrowth_AndTheTaskIsNoFact()
    {
        var facts = Facts("1-5月,完成规模工业增加值12650万元,占任务数18800万元的67.3%,同比下降12.41%。");
        var level = Assert.Single(facts);
        Assert.Equal((FactKind.PlanCompletion, 12650m, 67.3m, -12.41m), (level.Kind, level.Value!.Value, level.PlanSharePct!.Value, level.GrowthPct!.Value));
    }

    [Fact]
    public void Respectively_AfterTwoIndustriesSeparatedByACommaEachWithAnEnumerationComma_PairsEachWithItsRate()
    {
        var facts = Facts("1-5月,规模以上交通运输、仓储和邮政业,科学研究、技术服务业营业收入分别增长11.2%、9.8%。");
        Assert.Equal([("规模以上交通运输、仓储和邮政业营业收入", 11.2m), ("科学研究、技术服务业营业收入", 9.8m)], facts.Select(f => (f.Indicator, f.GrowthPct!.Value)));
    }

    [Fact]
    public void Respectively_AfterTwoIndustriesAndTheirChangeOfState_PairsEachWithItsRate()
    {
        var facts = Facts("1-4月,全市规上工业增加值增长3.2%。其中,农副食品加工业及印刷和记录媒介复制业由负转正,分别增长2.3%、14.7%。");
        Assert.Equal([("农副食品加工业", 2.3m), ("印刷和记录媒介复制业", 14.7m)], facts.Skip(1).Select(f => (f.Indicator, f.GrowthPct!.Value)));
    }
}
