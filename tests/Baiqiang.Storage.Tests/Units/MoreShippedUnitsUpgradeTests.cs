using Baiqiang.Core.Quantities;
using Baiqiang.Storage.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Baiqiang.Storage.Tests.Units;

/// <summary>A store at the migration before <c>MoreShippedUnits</c>, seeded with the units shipped until then, upgrades in place:
/// it gains 羽/百羽/万羽, 千瓦/万千瓦, 吨标准煤/万吨标准煤 and 美元/万美元/亿美元 — except a unit the office already added under the
/// same symbol, which it keeps.</summary>
public sealed class MoreShippedUnitsUpgradeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] Added =
        ["yu", "bai_yu", "wan_yu", "kilowatt", "wan_kilowatt", "ton_coal_equivalent", "wan_ton_coal_equivalent", "usd", "wan_usd", "yi_usd"];

    [Fact]
    public async Task MigrateAsync_StoreBeforeTheNewUnits_GainsThem_AndKeepsTheOfficesOwn万美元()
    {
        var folder = Directory.CreateTempSubdirectory("baiqiang-more-units-").FullName;
        try
        {
            var options = BaiqiangStore.Resolve(Path.Combine(folder, "old.db"), null);
            await using (var old = BaiqiangStore.Open(options))
            {
                var previous = BaiqiangStore.KnownMigrations(StoreProvider.Sqlite).Order(StringComparer.Ordinal).TakeWhile(m => !m.EndsWith("_MoreShippedUnits", StringComparison.Ordinal)).Last();
                await old.GetService<IMigrator>().MigrateAsync(previous, Ct);
                // As the store stood before: none of the new units, and the office's own 万美元 (added with `units add`, no dimension of its own).
                await old.Database.ExecuteSqlRawAsync(
                    "DELETE FROM units WHERE code IN ('yu', 'bai_yu', 'wan_yu', 'kilowatt', 'wan_kilowatt', 'ton_coal_equivalent', 'wan_ton_coal_equivalent', 'usd', 'wan_usd', 'yi_usd')", Ct);
                await old.Database.ExecuteSqlRawAsync(
                    "INSERT INTO units (code, symbol, name_en, dimension, factor, count_noun, aliases, is_builtin) VALUES ('own_wan_usd', '万美元', '10k USD', 'dimensionless', '1', NULL, '', 0)", Ct);
            }

            await BaiqiangStore.MigrateAsync(options, Ct);
            await using var db = BaiqiangStore.Open(options);

            var codes = await db.Units.AsNoTracking().Select(u => u.Code).ToListAsync(Ct);
            Assert.All(Added.Where(c => c != "wan_usd"), c => Assert.Contains(c, codes));
            Assert.DoesNotContain("wan_usd", codes); // the symbol was the office's: its row stays, no second 万美元
            Assert.Contains("own_wan_usd", codes);

            var table = await UnitStore.LoadTableAsync(db, Ct);
            Assert.True(table.TryFind("亿美元", out var yiUsd));
            Assert.Equal(Dimension.UsDollar, yiUsd.Dimension);
            Assert.False(yiUsd.IsCompatibleWith(Unit.YiYuan));
            Assert.True(table.TryFind("万千瓦", out var power));
            Assert.Equal(Dimension.Power, power.Dimension);
            Assert.True(table.TryFind("万吨标煤", out var coal));
            Assert.Equal(Unit.WanTonCoalEquivalent, coal);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
