namespace Baiqiang.Extraction.Tests;

/// <summary>
/// Names and kinds decided structurally (docs/extraction.md, "Names and kinds, decided structurally, rules-names2"), each on
/// sentences written for these tests: scope words are no part of a name, a part of a size-class subset does not take the whole's
/// code, a name cut inside an industry's or a function's name is extended over its joiner, words after a figure that are a growth
/// are not its name, and people are values.
/// </summary>
public sealed partial class CorpusMissTests
{
    private static readonly DateOnly September = new(2024, 9, 20);

    private static IReadOnlyList<ExtractedFact> ShippedFacts(string text, DateOnly date)
        => new FactExtractor(Regions.National, Core.Indicators.IndicatorCatalogue.Shipped).Extract("t.txt", text, date).Facts;

    [Theory]
    [InlineData("1至9月,江阳区经济运行平稳。其中,全省民生支出512.3亿元,同比增长6.6%。", "livelihood_expenditure")]
    [InlineData("年末全盟常住人口35.6万人,比上年末增加0.2万人。", "resident_population")]
    [InlineData("1至9月,江阳区经济运行平稳。其中,全区城镇居民人均可支配收入32150元,增长5.1%。", "per_capita_disposable_income.urban")]
    public void ScopeWord_AtANamesHead_IsNoPartOfTheMeasure(string sentence, string code)
    {
        var fact = Assert.Single(ShippedFacts(sentence, September), f => f.Kind == FactKind.Value);
        Assert.Equal(code, fact.IndicatorCode?.Value);
        Assert.DoesNotContain("全", fact.Indicator, StringComparison.Ordinal);
    }

    [Fact]
    public void ScopeWord_NoneBeforeWordsOfTheirOwn_全区域IsKept()
    {
        Assert.Equal(0, Statements.NameWords.ScopeWordLength("全区域农业总产值"));
        Assert.Equal(2, Statements.NameWords.ScopeWordLength("全盟常住人口"));
        Assert.Equal(2, Statements.NameWords.ScopeWordLength("预计地区生产总值"));
    }

    private const string SubsetBreakdown =
        "1至9月,全省限额以上单位实现消费品零售额1520.6亿元,同比增长7.4%。按经营单位所在地分,城镇消费品零售额1410.2亿元,同比增长7.9%;"
        + "乡村消费品零售额110.4亿元,同比增长3.1%。按消费形态分,商品零售1380.5亿元,同比增长6.8%;餐饮收入140.1亿元,同比增长12.6%。";

    [Fact]
    public void SubjectBeforeTheVerb_AndTheMeasureAfterIt_AreOneCatalogueName()
    {
        var whole = Assert.Single(ShippedFacts(SubsetBreakdown, September), f => f.Value == 1520.6m);
        Assert.Equal(("retail_sales_above_quota", 7.4m), (whole.IndicatorCode?.Value, whole.GrowthPct!.Value));
    }

    [Fact]
    public void PartsOfASizeClassSubset_KeepTheirNames_ButNotTheWholesCodes()
    {
        var facts = ShippedFacts(SubsetBreakdown, September).Where(f => f.Value != 1520.6m).ToList();
        Assert.Equal(4, facts.Count);
        Assert.All(facts, f => Assert.Null(f.IndicatorCode));
        Assert.Equal(["城镇消费品零售额", "乡村消费品零售额", "商品零售额", "餐饮收入"], facts.Select(f => f.Indicator));
    }

    [Fact]
    public void PartsOfAnUncataloguedSizeClassSubset_LoseTheWholesCodesToo()
    {
        var facts = ShippedFacts("1-8月份,江阳区限额以上消费品零售额6.42亿元,同比增长12.1%。按经营单位所在地分,城镇消费品零售额5.31亿元,增长13.0%;乡村消费品零售额1.11亿元,增长8.2%。", September);
        Assert.All(facts.Where(f => f.Value is 5.31m or 1.11m), f => Assert.Null(f.IndicatorCode));
        Assert.Equal(2, facts.Count(f => f.Value is 5.31m or 1.11m));
    }

    [Fact]
    public void PartsOfTheWholeItself_KeepTheirCodes()
    {
        var facts = ShippedFacts("1至9月,全区社会消费品零售总额80.2亿元,同比增长5.1%。其中,城镇消费品零售额70.1亿元,同比增长5.5%;限额以上单位消费品零售额30.4亿元。", September);
        Assert.Equal("retail_sales_urban", Assert.Single(facts, f => f.Value == 70.1m).IndicatorCode?.Value);
    }

    [Fact]
    public void CatalogueNameBeforeAVerbAndItsMeasure_IsTheMeasuresSubject_NotTheFiguresName()
    {
        var fact = Assert.Single(ShippedFacts("1至9月,江阳区重大项目建设加快。从项目规模看,亿元以上项目完成投资同比增长12.4%。", September));
        Assert.Equal((FactKind.Growth, "亿元以上项目完成投资", (string?)null), (fact.Kind, fact.Indicator, fact.IndicatorCode?.Value));
    }

    [Theory]
    [InlineData("1至9月,江阳区规上工业增加值增长5.2%。其中,化学原料和化学制品制造业同比增长8.1%,石油、煤炭及其他燃料加工业同比增长9.3%。", 9.3, "石油、煤炭及其他燃料加工业")]
    [InlineData("1至9月,江阳区一般公共预算支出20.1亿元,其中文化体育与传媒支出1.2亿元,同比增长3.3%。", 1.2, "文化体育与传媒支出")]
    [InlineData("1至9月,江阳区一般公共预算支出20.1亿元,其中医疗卫生与计划生育支出2.5亿元,同比增长7.7%。", 2.5, "医疗卫生与计划生育支出")]
    public void NameCutAtAJoinerInsideAnIndustryOrFunction_IsExtendedToTheWholeName(string sentence, double figure, string name)
    {
        var fact = Assert.Single(ShippedFacts(sentence, September), f => f.Value == (decimal)figure || f.GrowthPct == (decimal)figure && f.Kind == FactKind.Growth);
        Assert.Equal(name, fact.Indicator);
    }

    [Fact]
    public void TwoSpendingsJoinedBy和_StayTwo()
    {
        var facts = ShippedFacts("1至9月,江阳区教育支出3.1亿元和科技支出0.4亿元。", September);
        Assert.Contains(facts, f => f.Value == 0.4m && f.Indicator == "科技支出");
    }

    [Theory]
    [InlineData("1至9月,江阳区工业生产者出厂价格同比下降2.1%。", "工业生产者出厂价格")]
    [InlineData("1至9月,江阳区战略性新兴产业增加值同比增长8.8%。", "战略性新兴产业增加值")]
    [InlineData("1至9月,江阳区规模以上工业战略性新兴产业增加值同比增长8.8%。", "规模以上工业战略性新兴产业增加值")]
    public void NounInsideAName_AVerbBefore者OrAPlaceAfter性_DoesNotCutIt(string sentence, string name)
    {
        Assert.Equal(name, Assert.Single(ShippedFacts(sentence, September)).Indicator);
    }

    private const string Infographic =
        "全县地方\n一般公共预算收入\n12.35亿元 同比增长5.2%\n收入质量稳步提升\n上半年全县税收收入增长6.4%\n占一般公共预算收入比重为71.5%\n"
        + "上半年全县一般公共预算支出\n30.1亿元 同比增长3.3%\n";

    [Fact]
    public void FigureOpeningALine_WithOnlyItsGrowthAfterIt_IsNamedByTheCaptionAbove()
    {
        var facts = ShippedFacts(Infographic, new DateOnly(2024, 7, 20));
        Assert.DoesNotContain(facts, f => f.Indicator.Contains("同比", StringComparison.Ordinal));
        Assert.Equal(("budget_revenue", 5.2m), Assert.Single(facts, f => f.Value == 12.35m) is var r ? (r.IndicatorCode?.Value, r.GrowthPct!.Value) : default);
        Assert.Equal(("general_budget_expenditure", 3.3m), Assert.Single(facts, f => f.Value == 30.1m) is var x ? (x.IndicatorCode?.Value, x.GrowthPct!.Value) : default);
    }

    [Fact]
    public void ShareOpeningALineWith占_IsTheShareOfTheLineAbovesMeasure()
    {
        var share = Assert.Single(ShippedFacts(Infographic, new DateOnly(2024, 7, 20)), f => f.Kind == FactKind.Share);
        Assert.Equal(("税收收入占比", 71.5m), (share.Indicator, share.Value!.Value));
    }

    [Fact]
    public void FigureWithOnlyItsGrowthAfterIt_AndNoCaption_NamesNothing()
    {
        var facts = ShippedFacts("今年以来经济平稳。\n全县经济运行良好,12.35亿元 同比增长5.2%。", September);
        Assert.DoesNotContain(facts, f => f.Indicator.Contains("同比", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("2023年,江阳区城镇新增就业3120人,其中就业困难人员安置就业410人。", 410)]
    [InlineData("2023年,江阳区转移农村劳动力2600人。", 2600)]
    public void PeopleMeasures_AreValuesInPersons(string sentence, int people)
    {
        var fact = Assert.Single(ShippedFacts(sentence, September), f => f.Value == people);
        Assert.Equal((FactKind.Value, "人"), (fact.Kind, fact.Unit));
    }

    [Fact]
    public void JobsAProjectBrings_StayACount()
    {
        var fact = Assert.Single(ShippedFacts("2023年,江阳区新签约项目带动就业5700人。", September), f => f.Value == 5700m);
        Assert.Equal(FactKind.Count, fact.Kind);
    }

    [Fact]
    public void CountAfterAFigure_StopsBeforeAComparison()
    {
        var facts = ShippedFacts("上半年,9个设区市中,有4个市高于全省平均水平,5个市低于全省平均水平。", September);
        Assert.DoesNotContain(facts, f => f.Indicator.Contains('于', StringComparison.Ordinal));
    }
}
