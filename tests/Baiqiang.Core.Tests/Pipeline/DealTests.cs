using Baiqiang.Core.Pipeline;
using Baiqiang.Core.Projects;
using Baiqiang.Core.Regions;

namespace Baiqiang.Core.Tests.Pipeline;

public sealed class DealTests
{
    private static readonly RegionCode AnyiPark = new(360123401);

    private static Deal NewDeal(DateOnly leadOn) => new("AY-001", "新能源电池项目", AnyiPark, new Investor("某新能源公司", InvestorType.Listed, "长三角", "江苏省"), leadOn)
    {
        PlannedInvestment = 120000m,
        IndustryChain = "新能源",
        Source = LeadSource.Exhibition,
        Responsible = "张三",
        Department = "招商局",
    };

    [Fact]
    public void Advance_ForwardWithOrderedDates_RecordsEachStageDate()
    {
        var deal = NewDeal(new DateOnly(2023, 1, 5));
        deal.Advance(DealStage.Negotiating, new DateOnly(2023, 2, 1));
        deal.Advance(DealStage.Signed, new DateOnly(2023, 3, 1));
        deal.Advance(DealStage.Started, new DateOnly(2023, 5, 1));

        Assert.Equal(DealStage.Started, deal.Stage);
        Assert.Equal(new DateOnly(2023, 3, 1), deal.DateOf(DealStage.Signed));
        Assert.Null(deal.DateOf(DealStage.Landed));
        Assert.Equal(new DateOnly(2023, 5, 1), deal.ReachedOn(DealStage.Landed));
    }

    [Fact]
    public void TryAdvance_Backwards_FailsAndChangesNothing()
    {
        var deal = NewDeal(new DateOnly(2023, 1, 5));
        deal.Advance(DealStage.Signed, new DateOnly(2023, 3, 1));

        var r = deal.TryAdvance(DealStage.Negotiating, new DateOnly(2023, 4, 1));

        Assert.False(r.Success);
        Assert.Contains("倒退", r.Error!.Value.Zh, StringComparison.Ordinal);
        Assert.Equal(DealStage.Signed, deal.Stage);
        Assert.Null(deal.DateOf(DealStage.Negotiating));
    }

    [Fact]
    public void TryAdvance_SignedBeforeLead_FailsAsOutOfOrder()
    {
        var deal = NewDeal(new DateOnly(2023, 3, 5));

        var r = deal.TryAdvance(DealStage.Signed, new DateOnly(2023, 3, 1));

        Assert.False(r.Success);
        Assert.Contains("out of order", r.Error!.Value.En, StringComparison.Ordinal);
        Assert.Equal(DealStage.Lead, deal.Stage);
    }

    [Fact]
    public void TryAdvance_LostWithoutReason_Fails()
    {
        var deal = NewDeal(new DateOnly(2023, 3, 5));
        Assert.False(deal.TryAdvance(DealStage.Lost, new DateOnly(2023, 4, 1), " ").Success);
        deal.Advance(DealStage.Lost, new DateOnly(2023, 4, 1), "投资方转投外省");
        Assert.Equal(DealStage.Lost, deal.Stage);
        Assert.Equal(DealStage.Lead, deal.FurthestStage);
        Assert.False(deal.TryAdvance(DealStage.Signed, new DateOnly(2023, 5, 1)).Success);
    }

    [Fact]
    public void Restore_DatesOutOfOrder_FailsNamingTheStages()
    {
        var dates = new Dictionary<DealStage, DateOnly> { [DealStage.Lead] = new(2023, 5, 1), [DealStage.Signed] = new(2023, 4, 1) };

        var r = Deal.Restore(NewDeal, dates, null, null);

        Assert.False(r.Success);
        Assert.Contains("签约", r.Error!.Value.Zh, StringComparison.Ordinal);
    }

    [Fact]
    public void Restore_LostReasonWithoutDate_Fails()
    {
        var dates = new Dictionary<DealStage, DateOnly> { [DealStage.Lead] = new(2023, 5, 1) };
        Assert.False(Deal.Restore(NewDeal, dates, null, "价格").Success);
    }

    [Fact]
    public void ToProject_SignedDeal_MapsFieldsAndRemembersCode()
    {
        var deal = NewDeal(new DateOnly(2023, 1, 5));
        deal.Advance(DealStage.Signed, new DateOnly(2023, 3, 1));
        deal.Advance(DealStage.Started, new DateOnly(2023, 6, 1));

        var project = DealConversion.ToProject(deal, "AY-KP-2023-01");

        Assert.Equal("AY-KP-2023-01", project.Code);
        Assert.Equal(deal.Name, project.Name);
        Assert.Equal(AnyiPark, project.Region);
        Assert.Equal(120000m, project.TotalInvestment);
        Assert.Equal("某新能源公司", project.OwnerEnterprise);
        Assert.Equal("新能源", project.IndustryChain);
        Assert.Equal("张三", project.Leader);
        Assert.Equal("招商局", project.LeadDepartment);
        Assert.Equal(ProjectStatus.Started, project.Status);
        Assert.Equal(new DateOnly(2023, 6, 1), project.StatusSince);
        Assert.Contains(DealConversion.Tag, project.Tags);
        Assert.Equal("AY-KP-2023-01", deal.ProjectCode);
        Assert.Throws<DomainRuleException>(() => DealConversion.ToProject(deal));
    }

    [Fact]
    public void ToProject_UnsignedDeal_Throws()
    {
        var deal = NewDeal(new DateOnly(2023, 1, 5));
        deal.Advance(DealStage.Negotiating, new DateOnly(2023, 2, 1));
        var ex = Assert.Throws<DomainRuleException>(() => DealConversion.ToProject(deal));
        Assert.Contains("签约后", ex.Reason.Zh, StringComparison.Ordinal);
        Assert.Null(deal.ProjectCode);
    }

    [Theory]
    [InlineData("注册", DealStage.Landed)]
    [InlineData("落地", DealStage.Landed)]
    [InlineData("投产", DealStage.Producing)]
    [InlineData("signed", DealStage.Signed)]
    public void ParseStage_ChineseOrEnglish_Parses(string text, DealStage expected) => Assert.Equal(expected, PipelineText.ParseStage(text).Value);
}
