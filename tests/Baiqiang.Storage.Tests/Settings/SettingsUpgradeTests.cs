using Baiqiang.Storage.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Baiqiang.Storage.Tests.Settings;

/// <summary>A store made by the schema before the settings table upgrades in place: its data stays, the table appears.</summary>
public sealed class SettingsUpgradeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task MigrateAsync_StoreOfThePreviousSchema_GainsSettingsAndKeepsItsRows()
    {
        var folder = Directory.CreateTempSubdirectory("baiqiang-settings-upgrade-").FullName;
        try
        {
            var options = BaiqiangStore.Resolve(Path.Combine(folder, "old.db"), null);
            var known = BaiqiangStore.KnownMigrations(StoreProvider.Sqlite);
            var settings = known.Single(m => m.EndsWith("_StoreSettingsAsOf", StringComparison.Ordinal));
            var previous = known.Last(m => string.CompareOrdinal(m, settings) < 0);
            await using (var old = BaiqiangStore.Open(options))
            {
                await old.GetService<IMigrator>().MigrateAsync(previous, Ct);
                // Raw SQL in the columns that schema had: the current model may have columns that migration lacks.
                await old.Database.ExecuteSqlRawAsync(
                    "INSERT INTO regions (code, name, kind, vintage) VALUES (510502, '江阳区', 3, '2023-stats')", Ct); // 3 = MunicipalDistrict
            }

            Assert.False(await BaiqiangStore.IsUpToDateAsync(options, Ct));
            await BaiqiangStore.MigrateAsync(options, Ct);

            await using var db = BaiqiangStore.Open(options);
            Assert.Equal("江阳区", (await db.Regions.SingleAsync(Ct)).Name);
            Assert.True((await StoreSettings.SetAsync(db, StoreSettings.AsOfKey, "2023-07-31", "test", Ct)).Success);
            Assert.Equal(AsOfSource.StoreSetting, (await AsOfDay.ResolveAsync(db, null, TimeProvider.System, Ct)).Source);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
