using Baiqiang.Core.Access;
using Baiqiang.Core.Projects;
using Baiqiang.Core.Regions;
using Baiqiang.Storage.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Baiqiang.Storage.Tests.Projects;

/// <summary>A store made by the schema before <c>MilestoneBaselines</c> upgrades in place: its milestones stay, read as 节点 without a baseline, and can be baselined.</summary>
public sealed class MilestoneBaselinesUpgradeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task MigrateAsync_StoreOfThePreviousSchema_KeepsMilestonesAndBaselinesThem()
    {
        var folder = Directory.CreateTempSubdirectory("baiqiang-baseline-upgrade-").FullName;
        var options = BaiqiangStore.Resolve(Path.Combine(folder, "old.db"), null);
        try
        {
            var known = BaiqiangStore.KnownMigrations(StoreProvider.Sqlite);
            var mine = known.Single(m => m.EndsWith("_MilestoneBaselines", StringComparison.Ordinal));
            var previous = known.Last(m => string.CompareOrdinal(m, mine) < 0);
            await using (var old = BaiqiangStore.Open(options))
            {
                await old.GetService<IMigrator>().MigrateAsync(previous, Ct);
                // Raw SQL in the columns that schema had.
                await old.Database.ExecuteSqlRawAsync(
                    "INSERT INTO projects (id, region_code, code, code_key, name, category, kind, owner_enterprise, construction_content, total_investment, tags, leader, "
                    + "lead_department, work_group, work_group_name, initial_status, status) VALUES (1, 510502, 'UP-M1', 'UP-M1', '老项目', 1, 1, '', '', '1000', '', '', '', '', '', 2, 2)", Ct);
                await old.Database.ExecuteSqlRawAsync(
                    "INSERT INTO project_milestones (region_code, project_id, project_code, name, deadline) VALUES (510502, 1, 'UP-M1', '主体封顶', '2023-06-30')", Ct);
            }

            await BaiqiangStore.MigrateAsync(options, Ct);

            await using var db = BaiqiangStore.Open(options);
            var m = Assert.Single((await ProjectStore.FindAsync(db, "UP-M1", Ct))!.Milestones);
            Assert.Equal(("主体封顶", MilestoneKind.Node, (DateOnly?)null), (m.Name, m.Kind, m.Baseline));
            Assert.Equal(1, (await MilestonePlanStore.ApprovePlanAsync(db, 2023, new RegionCode(510502), Actor.LocalAdmin("t"), Ct)).Baselined);
            db.ChangeTracker.Clear();
            Assert.Equal(new DateOnly(2023, 6, 30), (await ProjectStore.FindAsync(db, "UP-M1", Ct))!.Milestones[0].Baseline);
        }
        finally
        {
            BaiqiangStore.ReleaseSqlitePool(options);
            Directory.Delete(folder, recursive: true);
        }
    }
}
