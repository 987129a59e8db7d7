using Baiqiang.Core.Indicators;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Quantities;
using Baiqiang.Core.Regions;
using Baiqiang.Storage.Indicators;
using Baiqiang.Storage.Targets;
using Baiqiang.Storage.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Baiqiang.Storage.Tests.Targets;

/// <summary>Indicators and targets round-trip through the value converters and are audited, on each provider.</summary>
public abstract class CatalogTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StoreFixture
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Indicator_SaveAndLoad_RoundTripsUnitAndAliases()
    {
        var gdp = new Indicator(new IndicatorCode("gdp"), "地区生产总值", "GDP", Unit.YiYuan, IndicatorKind.Flow, Direction.HigherIsBetter, true, false, ["GDP", "生产总值"]);
        await using (var db = fixture.Open())
        {
            db.Indicators.Add(IndicatorEntity.From(gdp, isBuiltin: true));
            await db.SaveChangesAsync(Ct);
        }

        await using var read = fixture.Open();
        var loaded = (await read.Indicators.SingleAsync(i => i.Code == new IndicatorCode("gdp"), Ct)).ToIndicator();
        Assert.Equal((gdp.Code, gdp.NameZh, gdp.Unit, gdp.Kind, gdp.Direction), (loaded.Code, loaded.NameZh, loaded.Unit, loaded.Kind, loaded.Direction));
        Assert.Equal(gdp.Aliases, loaded.Aliases);
        Assert.Contains(await read.AuditEntries.ToListAsync(Ct), a => a.Entity == "indicator" && a.Key == "gdp" && a.Field == null && a.User == "system");
    }

    [Fact]
    public async Task Target_ChangeValue_AuditsOldAndNewValueForCurrentUser()
    {
        long id;
        await using (var db = fixture.Open())
        {
            var target = new TargetEntity
            {
                Key = "jiangyang-gdp-doubling-2035",
                Subject = "gdp",
                RegionCode = new RegionCode(510502),
                Deadline = StatPeriod.ForYear(2035),
                Value = null,
                Unit = Unit.Times,
                MultipleOfBase = 2m,
                BasePeriod = StatPeriod.ForYear(2020),
                DescriptionZh = "到2035年经济总量翻一番",
            };
            db.Targets.Add(target);
            await db.SaveChangesAsync(Ct);
            id = target.Id;
        }

        await using (var db = fixture.Open())
        {
            db.CurrentUser = "zhang";
            var target = await db.Targets.SingleAsync(t => t.Id == id, Ct);
            Assert.Equal(StatPeriod.ForYear(2020), target.BasePeriod);
            target.MultipleOfBase = 2.5m;
            await db.SaveChangesAsync(Ct);
        }

        await using var read = fixture.Open();
        var row = Assert.Single(await read.AuditEntries.Where(a => a.Entity == "target" && a.Field == "multiple_of_base").ToListAsync(Ct));
        Assert.Equal(("jiangyang-gdp-doubling-2035", "zhang"), (row.Key, row.User));
        Assert.Equal((2m, 2.5m), (decimal.Parse(row.OldValue!, System.Globalization.CultureInfo.InvariantCulture), decimal.Parse(row.NewValue!, System.Globalization.CultureInfo.InvariantCulture)));
    }
}

public sealed class SqliteCatalogTests(SqliteFixture fixture) : CatalogTests<SqliteFixture>(fixture);

public sealed class PostgresCatalogTests(PostgresFixture fixture) : CatalogTests<PostgresFixture>(fixture);
