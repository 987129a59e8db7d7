using Baiqiang.Core.Quantities;

namespace Baiqiang.Extraction.Tests;

/// <summary>
/// The fourth hand-judged set's statement-level error kinds (docs/extraction.md, "Rules for the fourth set's error kinds,
/// rules-units"), each on sentences written for these tests: units (百羽, 万千瓦, a bare 亿, 万吨标准煤, 万㎡, 美元), plan shares against a
/// task or goal, project classes, names that lost words, growths detached from their level, and 分别 lists of 城乡 and of things used.
/// </summary>
public sealed partial class CorpusMissTests
{
    [Theory]
    [InlineData("1-6月,江阳区家禽出栏125.6百羽,增长3.2%。", 125.6, "百羽")]
    [InlineData("1-6月,江阳区家禽存栏86.4万羽,下降1.5%。", 86.4, "万羽")]
    [InlineData("6月末,江阳区电力装机容量达到56.2万千瓦,增长4.1%。", 56.2, "万千瓦")]
    [InlineData("1-6月,江阳区规上工业综合能源消费量12.3万吨标准煤,下降2.1%。", 12.3, "万吨标准煤")]
    [InlineData("1-6月,江阳区商品房销售面积4.23万㎡,增长1.1%。", 4.23, "万平方米")]
    public void Unit_WrittenAfterTheFigure_IsReadAndKeptAsWritten(string sentence, double value, string unit)
    {
        var fact = Assert.Single(Facts(sentence));
        Assert.Equal(FactKind.Value, fact.Kind);
        Assert.Equal((decimal)value, fact.Amount?.Value);
        Assert.Equal(unit, fact.Amount?.Unit.Symbol);
        Assert.NotNull(fact.GrowthPct);
    }

    [Fact]
    public void Unit_PowerAndStandardCoal_AreNotEnergyInKilowattHoursNorTons()
    {
        Assert.False(Unit.WanKilowatt.IsCompatibleWith(Unit.WanKilowattHour));
        Assert.False(Unit.WanTonCoalEquivalent.IsCompatibleWith(Unit.WanTon));
        Assert.False(Unit.WanTonCoalEquivalent.IsCompatibleWith(Unit.KilowattHour));
        Assert.False(Unit.YiUsDollar.IsCompatibleWith(Unit.YiYuan));
        Assert.Equal(12_000m, new Amount(1.2m, Unit.YiUsDollar).ConvertTo(Unit.WanUsDollar).Value); // dollars convert among themselves, exactly
    }

    [Fact]
    public void Unit_BareYiAfterAMoneyMeasure_Is亿元()
    {
        var fact = Assert.Single(Facts("1-6月,江阳区固定资产投资完成56.7亿,增长8.1%。"));
        Assert.Equal(56.7m, fact.Amount?.Value);
        Assert.Equal("亿元", fact.Amount?.Unit.Symbol);
        Assert.Equal(8.1m, fact.GrowthPct);
    }

    [Fact]
    public void Unit_BareYiAfterAMeasureThatIsNotMoney_IsNoFigure()
    {
        var facts = Facts("1-6月,江阳区天然气产量1.2亿,增长2.0%。");
        Assert.DoesNotContain(facts, f => f.Amount?.Unit.Dimension == Dimension.Money);
    }

    [Fact]
    public void PlanShare_CompletedAgainstAYearlyTaskWithItsFigure_GoesToTheLevel_AndTheTaskIsNoFact()
    {
        var facts = Facts("1-3月,江阳区完成工业总产值36.2亿元,完成年任务150亿元的24.1%。");
        var level = Assert.Single(facts);
        Assert.Equal(36.2m, level.Amount?.Value);
        Assert.Equal(24.1m, level.PlanSharePct);
        Assert.Equal(FactKind.PlanCompletion, level.Kind);
        Assert.DoesNotContain(facts, f => f.Indicator.Contains("任务", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("1-3月,江阳区固定资产投资8.5亿元,占年任务的18.5%。")]
    [InlineData("1-3月,江阳区固定资产投资8.5亿元,完成全年任务的18.5%。")]
    [InlineData("1-3月,江阳区固定资产投资8.5亿元,为年度目标的18.5%。")]
    public void PlanShare_AgainstATaskOrGoalWithoutItsFigure_IsThePlanShareOfTheLevel_NotAShareNorATarget(string sentence)
    {
        var level = Assert.Single(Facts(sentence));
        Assert.Equal(FactKind.PlanCompletion, level.Kind);
        Assert.Equal(8.5m, level.Amount?.Value);
        Assert.Equal(18.5m, level.PlanSharePct);
    }

    [Fact]
    public void ProjectClass_PlanAndCompletion_KeepTheClassInTheirNames()
    {
        var facts = Facts("1-2月,全区省重点项目年度计划投资56.2亿元,完成投资12.3亿元;基础设施项目年度计划投资20.4亿元,完成投资4.1亿元。");
        Assert.Equal(["省重点项目年度计划投资", "省重点项目完成投资", "基础设施项目年度计划投资", "基础设施项目完成投资"], facts.Select(f => f.Indicator));
        Assert.Equal([56.2m, 12.3m, 20.4m, 4.1m], facts.Select(f => f.Amount!.Value.Value));
    }

    [Fact]
    public void ProjectClass_TimeProgressInBrackets_IsNoFact()
    {
        var facts = Facts("1-2月,江阳区重点项目完成投资12.3亿元(时序进度16.67%)。");
        Assert.DoesNotContain(facts, f => f.Indicator.Contains("进度", StringComparison.Ordinal));
        Assert.DoesNotContain(facts, f => f.Amount?.Value == 16.67m);
    }

    [Theory]
    [InlineData("1-5月,江阳区税收总额12.3亿元,增长4.5%。", "税收总额")]
    [InlineData("1-5月,江阳区限上批发业完成商品销售额12.3亿元,增长5.0%。", "限上批发业完成商品销售额")]
    [InlineData("1-5月,江阳区5000万元以上项目投资8.2亿元,增长3.0%。", "5000万元以上项目投资")]
    [InlineData("1-5月,江阳区规上工业企业工业生产用电量1.2亿千瓦时,增长4.0%。", "规上工业企业工业生产用电量")]
    [InlineData("1-5月,江阳区国有控股企业增加值12.1亿元,增长3.0%。", "国有控股企业增加值")]
    public void Name_KeepsTheWordsThatSayWhichMeasure(string sentence, string name)
    {
        var fact = Assert.Single(Facts(sentence));
        Assert.Equal(name, fact.Indicator);
        Assert.Null(fact.IndicatorCode);
        Assert.NotNull(fact.GrowthPct);
    }

    [Fact]
    public void Name_ContributionRate_KeepsWhoseContributionToWhat()
    {
        var fact = Assert.Single(Facts("1-5月,全县第二产业对经济增长的贡献率为45.2%。"));
        Assert.Equal("第二产业对经济增长的贡献率", fact.Indicator);
        Assert.Equal(45.2m, fact.Amount?.Value);
    }

    [Fact]
    public void Growth_OfAMeasureNamedAgainAfterAShare_GoesToTheLevel()
    {
        var facts = Facts("1-3月,江阳区第二产业实现增加值280.5亿元,占地区生产总值比重61.8%,增加值增长6.8%。");
        var level = Assert.Single(facts, f => f.Kind == FactKind.Value);
        Assert.Equal(280.5m, level.Amount?.Value);
        Assert.Equal(6.8m, level.GrowthPct);
        Assert.DoesNotContain(facts, f => f.Kind == FactKind.Growth);
    }

    [Fact]
    public void Growth_AfterABaseYearLevelAndAShortfall_GoesToThisYearsLevel()
    {
        var facts = Facts("1-5月,江阳区一般公共预算收入180000万元,比上年同期196978万元短收16978万元,下降8.6%。");
        var level = Assert.Single(facts, f => f.Kind == FactKind.Value);
        Assert.Equal(180000m, level.Amount?.Value);
        Assert.Equal(-8.6m, level.GrowthPct);
        var shortfall = Assert.Single(facts, f => f.Kind == FactKind.Increment);
        Assert.Equal(-16978m, shortfall.Amount?.Value);
        Assert.DoesNotContain(facts, f => f.Amount?.Value == 196978m);
    }

    [Fact]
    public void Respectively_UrbanAndRuralIncome_AreTwoFactsWithTheirGrowthsInOrder()
    {
        var facts = Facts("1-9月,江阳区城乡居民人均可支配收入分别达到18687元、5634元,增长7.8%、9.2%。");
        Assert.Equal([("城镇居民人均可支配收入", 18687m, 7.8m), ("农村居民人均可支配收入", 5634m, 9.2m)],
            facts.Select(f => (f.Indicator, f.Amount!.Value.Value, f.GrowthPct!.Value)));
    }

    [Fact]
    public void Respectively_ThingsUsedByOneSubject_EachKeepsItsOwnName()
    {
        var facts = Facts("1-6月,江阳区规上工业用电、煤、天然气、热力分别增长3.1%、-2.2%、5.5%、1.0%。");
        Assert.Equal([("规上工业用电", 3.1m), ("规上工业用煤", -2.2m), ("规上工业用天然气", 5.5m), ("规上工业用热力", 1.0m)],
            facts.Select(f => (f.Indicator, f.GrowthPct!.Value)));
    }

    [Fact]
    public void CompanyGrowth_IsNotAFactOfTheRegion()
    {
        var facts = Facts("1-5月,江阳区限上批发业销售额12.6亿元,增长4.2%,其中中省属批发企业烟草增长3.1%,中石油增长5.2%。");
        var level = Assert.Single(facts);
        Assert.Equal(4.2m, level.GrowthPct);
    }
}
