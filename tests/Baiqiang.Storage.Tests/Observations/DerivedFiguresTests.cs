using Baiqiang.Core.Indicators;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Regions;
using Baiqiang.Storage.Indicators;
using Baiqiang.Storage.Observations;
using Baiqiang.Storage.Regions;
using Baiqiang.Storage.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Baiqiang.Storage.Tests.Observations;

/// <summary>
/// 占比, 贡献率, 拉动 and 首位度 computed from stored figures and the catalogue's parents, on each provider. Test figures (not
/// published statistics): 江阳区 GDP 1100 → 1200亿元, 第二产业增加值 450 → 500亿元, 泸州市第二产业 2000亿元; 纳溪区 has only this
/// year's 第一产业增加值 with its growth.
/// </summary>
public abstract class DerivedFiguresTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StoreFixture
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly StatPeriod Year2023 = StatPeriod.ForYear(2023);

    private async Task<(BaiqiangDbContext Db, Catalogue Catalogue)> SeedAsync()
    {
        var db = fixture.Open();
        await IndicatorStore.SeedCatalogueAsync(db, Ct);
        if (!await db.Regions.AnyAsync(r => r.Code == new RegionCode(510500), Ct))
        {
            db.Regions.Add(new RegionEntity { Code = new RegionCode(510500), Name = "泸州市", Kind = RegionKind.PrefectureCity });
            db.Regions.Add(new RegionEntity { Code = new RegionCode(510502), Name = "江阳区", Kind = RegionKind.MunicipalDistrict, ParentCode = new RegionCode(510500) });
            db.Regions.Add(new RegionEntity { Code = new RegionCode(510503), Name = "纳溪区", Kind = RegionKind.MunicipalDistrict, ParentCode = new RegionCode(510500) });
            await db.SaveChangesAsync(Ct);
            var clock = new FakeTimeProvider(new DateTimeOffset(2024, 3, 1, 8, 0, 0, TimeSpan.FromHours(8)));
            await ObservationWriter.WriteAsync(db,
            [
                Records.Gdp(510502, Year2023, 1200m), Records.Gdp(510502, StatPeriod.ForYear(2022), 1100m),
                Records.Gdp(510502, Year2023, 500m, "secondary_industry_value_added"), Records.Gdp(510502, StatPeriod.ForYear(2022), 450m, "secondary_industry_value_added"),
                Records.Gdp(510500, Year2023, 2000m, "secondary_industry_value_added"),
                Records.Gdp(510503, Year2023, 330m), Records.Gdp(510503, StatPeriod.ForYear(2022), 300m),
                Records.Gdp(510503, Year2023, 60m, "primary_industry_value_added", growth: 20m),
            ], "tester", clock, Ct);
        }

        return (db, await IndicatorStore.LoadCatalogueAsync(db, Ct));
    }

    [Fact]
    public async Task ComputeAsync_ChildWithStoredPreviousYear_ShareContributionPullPrimacyWithFormulas()
    {
        var (db, catalogue) = await SeedAsync();
        await using var _ = db;

        var set = await DerivedFigures.ComputeAsync(db, new RegionCode(510502), catalogue.Find("第二产业增加值")!, null, Ct);

        Assert.Equal(("gdp", "2023"), (set.Parent, set.Period));
        var byKind = set.Figures.ToDictionary(f => f.Kind, StringComparer.Ordinal);
        Assert.Equal(["share", "contribution", "pull", "primacy"], set.Figures.Select(f => f.Kind));
        Assert.Equal(500m / 1200m * 100m, byKind["share"].Value);
        Assert.Equal("500 ÷ 1200 × 100 = 41.67%", byKind["share"].Formula);
        Assert.Equal(50m, byKind["contribution"].Value);
        Assert.Equal("(500 − 450) ÷ (1200 − 1100) × 100 = 50 ÷ 100 × 100 = 50.00%", byKind["contribution"].Formula);
        Assert.Equal(50m / 1100m * 100m, byKind["pull"].Value);
        Assert.Equal("(500 − 450) ÷ 1100 × 100 = 4.55个百分点（= 地区生产总值增速 9.09% × 贡献率 50.00% ÷ 100）", byKind["pull"].Formula);
        Assert.Equal("个百分点", byKind["pull"].Unit);
        Assert.Contains("可比价", byKind["contribution"].Explanation, StringComparison.Ordinal);
        Assert.Equal(25m, byKind["primacy"].Value);
        Assert.Equal(["part:510502:2023:500:stored", "prefecture:510500:2023:2000:stored"],
            byKind["primacy"].Inputs.Select(i => $"{i.Role}:{i.Region}:{i.Period}:{i.Value:0.####}:{i.Basis}"));
        Assert.All(byKind["contribution"].Inputs, i => Assert.Equal("stored", i.Basis));
        Assert.Empty(set.NotComputed);
    }

    [Fact]
    public async Task ComputeAsync_PreviousFromGrowth_SaysSo_AndMissingPrefectureIsNamed()
    {
        var (db, catalogue) = await SeedAsync();
        await using var _ = db;

        var set = await DerivedFigures.ComputeAsync(db, new RegionCode(510503), catalogue.Find("第一產業增加值")!, Year2023, Ct);
        var top = await DerivedFigures.ComputeAsync(db, new RegionCode(510503), catalogue.Find("gdp")!, Year2023, Ct);

        var contribution = set.Figures.Single(f => f.Kind == "contribution");
        Assert.Equal(10m / 30m * 100m, contribution.Value);
        var previous = contribution.Inputs.Single(i => i.Role == "part_previous");
        Assert.Equal(("2022", 50m, "from_growth"), (previous.Period, previous.Value, previous.Basis));
        Assert.Equal("stored", contribution.Inputs.Single(i => i.Role == "whole_previous").Basis);
        Assert.Contains(set.NotComputed, m => m.Contains("no prefecture figure", StringComparison.Ordinal) && m.Contains("首位度", StringComparison.Ordinal));
        Assert.DoesNotContain(set.Figures, f => f.Kind == "primacy");
        Assert.Empty(top.Figures);
        Assert.Contains(top.NotComputed, m => m.Contains("没有上级指标", StringComparison.Ordinal) && m.Contains("has no parent", StringComparison.Ordinal));
    }
}

public sealed class SqliteDerivedFiguresTests(SqliteFixture fixture) : DerivedFiguresTests<SqliteFixture>(fixture);

public sealed class PostgresDerivedFiguresTests(PostgresFixture fixture) : DerivedFiguresTests<PostgresFixture>(fixture);
