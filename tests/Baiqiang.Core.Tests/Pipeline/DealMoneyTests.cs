using Baiqiang.Core.Periods;
using Baiqiang.Core.Pipeline;
using Baiqiang.Core.Projects;
using Baiqiang.Core.Regions;

namespace Baiqiang.Core.Tests.Pipeline;

/// <summary>The contract, the 到位资金 chain, 资金到位率, 履约率 and stage-to-stage rates, by hand-computed figures.</summary>
public sealed class DealMoneyTests
{
    private static readonly ReportingMonth March = new(2026, 3);

    private static FundsMonth Stored(int month, decimal thisMonth, decimal cumulative) =>
        new(new ReportingMonth(2026, month), thisMonth, cumulative, cumulative - thisMonth, false, string.Empty, false);

    [Fact]
    public void Check_ChangedEarlierMonthBreaksStoredLaterMonth_ReportedOnTheRowWithTheStoredMonth()
    {
        var (chain, errors) = DealFunds.Check("D1", 10000m, [Stored(3, 100m, 100m), Stored(4, 50m, 150m)], [new FundsEntry(March, 200m, 200m, string.Empty, 2)]);

        Assert.Empty(chain);
        var e = Assert.Single(errors);
        Assert.Equal((2, "cumulative"), (e.Row, e.Column));
        Assert.StartsWith("与已存的2026-04到位资金不符:累计到位150万元低于上月累计200万元", e.Reason.Zh, StringComparison.Ordinal);
        Assert.StartsWith("conflicts with the stored 2026-04 funds", e.Reason.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_OnlyCumulativeGiven_ThisMonthDerivedFromPreviousReport()
    {
        var (chain, errors) = DealFunds.Check("D1", null, [Stored(3, 100m, 100m)], [new FundsEntry(new ReportingMonth(2026, 6), null, 160m, string.Empty, 2)]);

        Assert.Empty(errors);
        Assert.Equal(60m, chain[1].ThisMonth);
        Assert.Equal(100m, chain[1].PreviousCumulative);
        Assert.Equal(160m, DealFunds.InPlaceAt(chain, new ReportingMonth(2026, 12)));
        Assert.Equal(100m, DealFunds.InPlaceAt(chain, new ReportingMonth(2026, 5)));
        Assert.Equal(160m, DealFunds.ThisYearAt(chain, new ReportingMonth(2026, 12)));
    }

    [Fact]
    public void Check_JanuaryFirstReport_MayCarryAnOpeningBalanceUnlikeAKeyProject()
    {
        var (chain, errors) = DealFunds.Check("D1", null, [], [new FundsEntry(new ReportingMonth(2026, 1), 10m, 110m, string.Empty, 2)]);

        Assert.Empty(errors);
        Assert.True(chain[0].IsOpeningBalance);
        Assert.Equal(100m, chain[0].PreviousCumulative);
        Assert.Null(MonthlyReport.OpeningFor(1, 10m, 110m, false));
    }

    [Fact]
    public void ValidateFigures_KeyProjectWording_Unchanged()
    {
        var e = MonthlyReport.ValidateFigures(10m, 90m, 100m);
        Assert.Equal("本年累计完成90万元低于上月累计100万元", e!.Value.Zh);
    }

    [Theory]
    [InlineData(-1, null, "不能为负数")]
    [InlineData(100, "2022-12-31", "早于线索日期")]
    public void TrySetContract_BadInput_RefusedAndNothingSet(int amount, string? on, string zh)
    {
        var deal = new Deal("C1", "x", new RegionCode(360123), new Investor("y", InvestorType.Private), new DateOnly(2023, 1, 1));

        var r = deal.TrySetContract(amount, on is null ? null : DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Contains(zh, r.Error!.Value.Zh, StringComparison.Ordinal);
        Assert.Null(deal.Contract);
        Assert.Contains("尚未签约", deal.TrySetContract(100m, null).Error!.Value.Zh, StringComparison.Ordinal);
    }

    [Fact]
    public void FundsRates_CohortAndPeriod_HandComputed()
    {
        var rates = FundsRates.Compute(
            [new DealFundsFacts(1000m, new DateOnly(2026, 2, 1), 250m), new DealFundsFacts(3000m, new DateOnly(2025, 5, 1), 3000m), new DealFundsFacts(500m, new DateOnly(2026, 8, 1), 0m)],
            StatPeriod.Create(2026, 1, 6), 400m);

        Assert.Equal(25m, rates.Cohort.Percent);       // 250 ÷ 1000
        Assert.Equal(81.25m, rates.Period.Percent);    // (250 + 3000) ÷ 4000
        Assert.Equal(2, rates.Period.Deals);
    }

    [Fact]
    public void PerformanceRate_EarlyButNotDue_OutsideTheBase()
    {
        var asOf = new DateOnly(2026, 6, 30);
        var rate = PerformanceRate.Compute(
        [
            new ContractMilestone(ContractMilestoneKind.Registration, new(2026, 3, 1), null, new(2026, 3, 1)),
            new ContractMilestone(ContractMilestoneKind.Start, new(2026, 6, 1), null, new(2026, 6, 2)),
            new ContractMilestone(ContractMilestoneKind.Production, new(2027, 1, 1), null, new(2026, 5, 1)),
        ], asOf);

        Assert.Equal((1, 2), (rate.MetOnTime, rate.Due));
        Assert.Equal(50m, rate.Percent);
    }

    [Fact]
    public void StageRates_LostDealStaysInBase()
    {
        var rates = StageRates.Compute(
        [
            new DealStageFacts(new(2026, 1, 1), new(2026, 1, 5), null, null, null),
            new DealStageFacts(new(2026, 1, 1), null, null, null, null),
        ], StatPeriod.ForYear(2026));

        Assert.Equal((2, 1), (rates[0].Base, rates[0].Reached));
        Assert.Equal(4m, rates[0].MedianDays);
        Assert.Equal(0m, rates[1].Percent);
        Assert.Equal(1, rates[1].Base);
    }
}
