using Baiqiang.Core.Targets;
using Baiqiang.Storage.Targets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Baiqiang.Storage.Tests.Targets;

/// <summary>A store at the migration before <c>GrowthTargets</c> upgrades in place: its targets keep their form and read with
/// no growth and no increase.</summary>
public sealed class GrowthTargetsUpgradeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task MigrateAsync_StoreAtThePreviousMigration_KeepsItsTargets()
    {
        var folder = Directory.CreateTempSubdirectory("baiqiang-growth-targets-upgrade-").FullName;
        try
        {
            var options = BaiqiangStore.Resolve(Path.Combine(folder, "old.db"), null);
            await using (var old = BaiqiangStore.Open(options))
            {
                var previous = BaiqiangStore.KnownMigrations(StoreProvider.Sqlite).Order(StringComparer.Ordinal).TakeWhile(m => !m.EndsWith("_GrowthTargets", StringComparison.Ordinal)).Last();
                await old.GetService<IMigrator>().MigrateAsync(previous, Ct);
                await old.Database.ExecuteSqlRawAsync(
                    "INSERT INTO targets (key, code_key, subject_kind, subject, region_code, deadline, comparator, value, qualifier, unit, multiple_of_base, base_period, description_zh) " +
                    "VALUES ('jy-old-x2', 'jy-old-x2', 'indicator', 'gdp', 510502, '2025', '>=', NULL, 0, '', '2', '2020', '地区生产总值在2020年基础上翻一番')", Ct);
            }

            await BaiqiangStore.MigrateAsync(options, Ct);
            await using var db = BaiqiangStore.Open(options);

            var kept = (await TargetStore.FindAsync(db, "jy-old-x2", Ct))!;
            Assert.Equal((null, null), (kept.GrowthPercent, kept.Increase));
            var target = kept.ToTarget();
            Assert.Equal((TargetForm.Multiple, 2m), (target.Form, target.MultipleOfBase!.Value));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
