using Baiqiang.Core.Access;
using Baiqiang.Core.Projects;
using Baiqiang.Core.Regions;
using Baiqiang.Storage.Notifications;
using Baiqiang.Storage.Projects;
using Baiqiang.Storage.Settings;
using Baiqiang.Storage.Tests.Projects;
using Baiqiang.Storage.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Baiqiang.Storage.Tests.Notifications;

/// <summary>A store made by the schema before 督办 and reminders upgrades in place: its rows stay, the new tables work.</summary>
public sealed class SupervisionUpgradeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task MigrateAsync_StoreOfThePreviousSchema_GainsSupervisionAndNotifications()
    {
        var folder = Directory.CreateTempSubdirectory("baiqiang-supervision-upgrade-").FullName;
        try
        {
            var options = BaiqiangStore.Resolve(Path.Combine(folder, "old.db"), null);
            var known = BaiqiangStore.KnownMigrations(StoreProvider.Sqlite);
            var added = known.Single(m => m.EndsWith("_DispatchSupervision", StringComparison.Ordinal));
            var previous = known.Last(m => string.CompareOrdinal(m, added) < 0);
            await using (var old = BaiqiangStore.Open(options))
            {
                await old.GetService<IMigrator>().MigrateAsync(previous, Ct);
                await old.Database.ExecuteSqlRawAsync("INSERT INTO settings (key, value) VALUES ('as-of', '2022-07-10')", Ct);
            }

            Assert.False(await BaiqiangStore.IsUpToDateAsync(options, Ct));
            await BaiqiangStore.MigrateAsync(options, Ct);

            await using var db = BaiqiangStore.Open(options);
            var admin = Actor.LocalAdmin("test");
            Assert.Equal("2022-07-10", await StoreSettings.GetAsync(db, StoreSettings.AsOfKey, Ct));
            await ProjectStore.CreateAsync(db, ProjectStoreTests<SqliteFixture>.Sample("UP-1", new RegionCode(510502)), admin, Ct);
            await ProjectStore.AddProblemAsync(db, new ProjectProblem("UP-1-Q1", "UP-1", "用地", "征地未完成", "区自然资源局", new DateOnly(2022, 6, 1)), admin, Ct);
            await SupervisionStore.EscalateAsync(db, "UP-1-Q1", SupervisionLevel.Supervised, new DateOnly(2022, 7, 10), "逾期", admin, Ct);
            var run = await ReminderSweep.RunAsync(db, new DateOnly(2022, 7, 10), TimeProvider.System, Ct);
            Assert.Equal(1, run.CreatedByCause[ReminderCauses.LateReport]);
            // No 2022 report against its plan: red February–June, so the sweep's rule goes on to 约谈.
            var steps = (await SupervisionStore.FindAsync(db, "UP-1-Q1", Ct))!.Supervision.Steps;
            Assert.Equal([(SupervisionLevel.Supervised, false), (SupervisionLevel.Interview, true)], steps.Select(s => (s.Level, s.ByRule)).ToArray());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
