using Baiqiang.Core.Indicators;
using Baiqiang.Core.Observations;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Quantities;
using Baiqiang.Core.Regions;
using Baiqiang.Storage;
using Baiqiang.Storage.Observations;
using Baiqiang.Web.Dashboard;
using Baiqiang.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Baiqiang.Web.Tests;

/// <summary>
/// The report card on figures with two growths (test figures, NOT published statistics, for a future period no sample
/// figure uses): GDP, published at comparable prices, is shown and ranked at comparable prices; retail sales, published
/// at current prices, at current prices; each line names the basis of the growth it shows and carries the other one.
/// </summary>
public sealed class DashboardTwoGrowthsTests(WebFactory factory) : IClassFixture<WebFactory>
{
    private static readonly StatPeriod H1 = StatPeriod.CumulativeTo(2031, 6);
    private static readonly RegionCode Jiangyang = new(510502);
    private static readonly RegionCode Longmatan = new(510504);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ObservationRecord Figure(RegionCode region, string indicator, decimal comparable, decimal current) => new(
        region, new IndicatorCode(indicator), H1, 100m, Unit.YiYuan, comparable, Qualifier.Exact,
        new ObservationSource(SourceKind.User, "two-growths-test"), GrowthBasis.Comparable, current);

    [Fact]
    public async Task LoadAsync_TwoGrowths_RanksEachIndicatorOnItsPublishedBasis()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BaiqiangDbContext>();
        db.ChangeTracker.QueryTrackingBehavior = Microsoft.EntityFrameworkCore.QueryTrackingBehavior.TrackAll;
        // 江阳 leads at comparable prices and trails at current prices; 龙马潭 the other way round.
        await ObservationWriter.WriteAsync(db,
            [
                Figure(Jiangyang, "gdp", 9m, 3m), Figure(Longmatan, "gdp", 2m, 5m),
                Figure(Jiangyang, "retail_sales", 9m, 3m), Figure(Longmatan, "retail_sales", 2m, 5m),
            ],
            "two-growths-test", TimeProvider.System, Ct);

        var card = (await DashboardQuery.LoadAsync(db, Jiangyang, H1, null, new DateOnly(2031, 7, 20), Ct)).Card!;

        var gdp = Assert.Single(card.Indicators, l => l.Indicator == "gdp");
        Assert.Equal((9m, "comparable", 3m, "current", 1), (gdp.GrowthPercent!.Value, gdp.GrowthBasis, gdp.OtherGrowthPercent!.Value, gdp.OtherGrowthBasis, gdp.Rank!.Value));
        var retail = Assert.Single(card.Indicators, l => l.Indicator == "retail_sales");
        Assert.Equal((3m, "current", 9m, "comparable", 2), (retail.GrowthPercent!.Value, retail.GrowthBasis, retail.OtherGrowthPercent!.Value, retail.OtherGrowthBasis, retail.Rank!.Value));
    }
}
