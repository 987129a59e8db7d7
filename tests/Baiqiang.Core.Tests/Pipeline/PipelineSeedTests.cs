using Baiqiang.Core.Periods;
using Baiqiang.Core.Pipeline;
using Baiqiang.Core.Quantities;
using Baiqiang.Core.Regions;
using Baiqiang.Core.Targets;

namespace Baiqiang.Core.Tests.Pipeline;

/// <summary>Rebuilds 安义's 2023 investment figures: 38 new projects, 256.79亿元, 开工率 100%, 投产率 84.05% (by amount).</summary>
public sealed class PipelineSeedTests
{
    private static readonly RegionCode AnyiPark = new(360123401);

    /// <summary>32 producing deals of 67,447.5万元 (2,158,320万元) and 6 others making 409,580万元: 2,567,900万元 in all.</summary>
    internal static List<Deal> Anyi2023()
    {
        var deals = new List<Deal>();
        for (var i = 0; i < 38; i++)
        {
            var producing = i < 32;
            var amount = producing ? 67447.5m : (i == 37 ? 68265m : 68263m);
            var month = (i % 12) + 1;
            var deal = new Deal($"AY2023-{i + 1:D2}", $"安义项目{i + 1}", AnyiPark, new Investor($"投资方{i + 1}", (InvestorType)((i % 7) + 1), i % 2 == 0 ? "长三角" : "粤港澳"), new DateOnly(2022, 12, 1))
            {
                PlannedInvestment = amount,
                Source = (LeadSource)((i % 5) + 1),
                IndustryChain = i % 3 == 0 ? "铝型材" : "电子信息",
            };
            deal.Advance(DealStage.Signed, new DateOnly(2023, month, 2));
            deal.Advance(DealStage.Landed, new DateOnly(2023, month, 10));
            deal.Advance(DealStage.Started, new DateOnly(2023, month, 20));
            if (producing)
            {
                deal.Advance(DealStage.Producing, new DateOnly(2023, month, 28));
            }

            deals.Add(deal);
        }

        return deals;
    }

    [Fact]
    public void Rates_Anyi2023_StartRate100AndProductionRate8405ByAmount()
    {
        var row = PipelineRates.Total(Anyi2023(), StatPeriod.ForYear(2023));

        Assert.Equal(38, row.NewSignings);
        Assert.Equal(256.79m, Amount.WanYuan(row.SignedAmount).ConvertTo(Unit.YiYuan).Value);
        Assert.Equal(100m, row.Start.ByCountPercent);
        Assert.Equal(100m, row.Start.ByAmountPercent);
        Assert.Equal(84.05m, Math.Round(row.Production.ByAmountPercent!.Value, 2, MidpointRounding.AwayFromZero));
        Assert.Equal(84.21m, Math.Round(row.Production.ByCountPercent!.Value, 2, MidpointRounding.AwayFromZero));
        Assert.Equal(PipelineRates.SignedBase, row.Production.BaseLabel);
        Assert.Contains("按金额", row.Production.Formula, StringComparison.Ordinal);
        Assert.Contains("84.05%", row.Production.Formula, StringComparison.Ordinal);
    }

    [Fact]
    public void Rates_PeriodBeforeSignings_EmptyBasesGiveNoRate()
    {
        var row = PipelineRates.Total(Anyi2023(), StatPeriod.ForYear(2021));
        Assert.Equal(0, row.NewSignings);
        Assert.Null(row.Start.ByCountPercent);
        Assert.Null(row.Production.ByAmountPercent);
    }

    [Fact]
    public void Rates_FirstHalf_CountsOnlyWhatHappenedByPeriodEnd()
    {
        var deals = Anyi2023();
        var late = new Deal("AY-LATE", "跨期项目", AnyiPark, new Investor("X", InvestorType.Private), new DateOnly(2023, 1, 1)) { PlannedInvestment = 100m };
        late.Advance(DealStage.Signed, new DateOnly(2023, 6, 30));
        late.Advance(DealStage.Started, new DateOnly(2023, 7, 1));
        deals.Add(late);

        var row = PipelineRates.Total(deals, StatPeriod.CumulativeTo(2023, 6));

        // Months 1..6 hold deals i % 12 in 0..5: 4 each for i < 36 → 3 × 6 = 18, plus i = 36, 37 (months 1, 2): 20; plus the late one.
        Assert.Equal(21, row.NewSignings);
        Assert.Equal(20, row.Start.Count);
    }

    [Fact]
    public void Compute_BySource_GroupsSumToTotal()
    {
        var deals = Anyi2023();
        var rows = PipelineRates.Compute(deals, StatPeriod.ForYear(2023), PipelineGrouping.Source);
        Assert.Equal(5, rows.Count);
        Assert.Equal(38, rows.Sum(r => r.NewSignings));
        Assert.Contains(rows, r => r.Group == "以商招商");
    }

    [Fact]
    public void Scoreboard_MonthWithoutStart_IsFlagged()
    {
        var deals = Anyi2023().Where(d => d.DateOf(DealStage.Started)!.Value.Month != 4).ToList();

        var board = MonthlyScoreboard.Build(deals, 2023);

        Assert.Equal(12, board.Count);
        Assert.True(board[3].Broken);
        Assert.Equal("无签约、无落地、无开工", board[3].FlagZh);
        Assert.False(board[0].Broken);
        Assert.Equal(4, board[0].Signings);
    }

    [Fact]
    public void Targets_SignedCountAndAmount_ProgressAgainstTimeElapsed()
    {
        var targets = new[]
        {
            Target.Absolute("anyi-signed", TargetSubjectKind.Count, PipelineMeasures.SignedCount, new RegionCode(360123), StatPeriod.ForYear(2023), Comparator.AtLeast, new Amount(40m, Unit.Ge)),
            Target.Absolute("anyi-signed-amount", TargetSubjectKind.Amount, PipelineMeasures.SignedInvestment, new RegionCode(360123), StatPeriod.ForYear(2023), Comparator.AtLeast, Amount.YiYuan(200m)),
            Target.Absolute("other", TargetSubjectKind.Indicator, "gdp", new RegionCode(360123), StatPeriod.ForYear(2023), Comparator.AtLeast, Amount.YiYuan(200m)),
        };

        var progress = PipelineTargets.Evaluate(targets, Anyi2023(), StatPeriod.ForMonth(2023, 6));

        Assert.Equal(2, progress.Count);
        Assert.Equal(20m, progress[0].Status.Current);
        Assert.Equal(50m, progress[0].Status.ProgressPercent);
        Assert.Equal(50m, progress[0].Status.TimeElapsedPercent);
        Assert.True(progress[0].Status.OnTrack);
        Assert.True(progress[1].Status.Current > 100m);
    }
}
