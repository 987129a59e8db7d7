using Baiqiang.Core.Periods;
using Baiqiang.Core.Projects;
using Baiqiang.Core.Regions;
using Baiqiang.Storage.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Baiqiang.Storage.Tests.Projects;

/// <summary>A store made by the schema before work groups and opening balances upgrades in place: projects and reports stay, the new columns read empty/false.</summary>
public sealed class DispatchAdoptUpgradeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task MigrateAsync_StoreOfThePreviousSchema_KeepsProjectsAndReports()
    {
        var folder = Directory.CreateTempSubdirectory("baiqiang-adopt-upgrade-").FullName;
        var options = BaiqiangStore.Resolve(Path.Combine(folder, "old.db"), null);
        try
        {
            var known = BaiqiangStore.KnownMigrations(StoreProvider.Sqlite);
            var adopt = known.Single(m => m.EndsWith("_DispatchAdopt", StringComparison.Ordinal));
            var previous = known.Last(m => string.CompareOrdinal(m, adopt) < 0);
            await using (var old = BaiqiangStore.Open(options))
            {
                await old.GetService<IMigrator>().MigrateAsync(previous, Ct);
                // Raw SQL in the columns that schema had.
                await old.Database.ExecuteSqlRawAsync(
                    "INSERT INTO projects (id, region_code, code, name, category, kind, owner_enterprise, construction_content, total_investment, tags, leader, "
                    + "lead_department, work_group, initial_status, status) VALUES (1, 510502, 'UP-1', '老项目', 1, 1, '', '', '1000', '', '', '', '甲|乙', 4, 4)", Ct);
                await old.Database.ExecuteSqlRawAsync(
                    "INSERT INTO project_plans (region_code, project_id, project_code, year, amount) VALUES (510502, 1, 'UP-1', 2023, '100')", Ct);
                await old.Database.ExecuteSqlRawAsync(
                    "INSERT INTO monthly_reports (region_code, project_id, project_code, year, month, revision, completed_this_month, cumulative_this_year, "
                    + "previous_cumulative, progress, problems, state, is_current) VALUES (510502, 1, 'UP-1', 2023, 1, 0, '60', '60', '0', '', '', 3, 1)", Ct);
            }

            await BaiqiangStore.MigrateAsync(options, Ct);

            await using var db = BaiqiangStore.Open(options);
            var p = await ProjectStore.FindAsync(db, "UP-1", Ct);
            Assert.Equal(("老项目", "", 2), (p!.Name, p.WorkGroupName, p.WorkGroup.Count));
            Assert.False((await db.MonthlyReports.SingleAsync(Ct)).IsOpeningBalance);
            var row = (await ProjectLedgerQuery.LedgerAsync(db, StatPeriod.CumulativeTo(2023, 6), [LedgerGrouping.Project], new RegionCode(510502), new DateOnly(2023, 7, 1), Ct))[0].Report.Row("UP-1")!;
            Assert.Equal((60m, LightColor.Green), (row.CompletedYearToDate, row.Light!.Color));
        }
        finally
        {
            BaiqiangStore.ReleaseSqlitePool(options);
            Directory.Delete(folder, recursive: true);
        }
    }
}
