using Baiqiang.Core.Access;
using Baiqiang.Core.Projects;
using Baiqiang.Core.Regions;
using Baiqiang.Storage.Projects;
using Baiqiang.Storage.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Baiqiang.Storage.Tests.Projects;

/// <summary>A store made by the schema before attachments upgrades in place: its projects stay and take files and coordinates.</summary>
public sealed class ProjectAttachmentsUpgradeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task MigrateAsync_StoreOfThePreviousSchema_KeepsProjectsAndGainsAttachments()
    {
        var folder = Directory.CreateTempSubdirectory("baiqiang-attachments-upgrade-").FullName;
        try
        {
            var options = BaiqiangStore.Resolve(Path.Combine(folder, "old.db"), null);
            var known = BaiqiangStore.KnownMigrations(StoreProvider.Sqlite);
            var added = known.Single(m => m.EndsWith("_ProjectAttachments", StringComparison.Ordinal));
            var previous = known.Last(m => string.CompareOrdinal(m, added) < 0);
            await using (var old = BaiqiangStore.Open(options))
            {
                await old.GetService<IMigrator>().MigrateAsync(previous, Ct);
                await old.Database.ExecuteSqlRawAsync(
                    "INSERT INTO projects (region_code, code, code_key, name, category, kind, owner_enterprise, construction_content, total_investment, tags, leader, lead_department, work_group, work_group_name, initial_status, status) " +
                    "VALUES (510502, 'OLD-1', 'OLD-1', '老项目', 1, 1, '', '', 1000, '', '', '', '', '', 1, 1)", Ct);
            }

            Assert.False(await BaiqiangStore.IsUpToDateAsync(options, Ct));
            await BaiqiangStore.MigrateAsync(options, Ct);

            await using var db = BaiqiangStore.Open(options);
            var admin = Actor.LocalAdmin("test");
            var files = await ProjectAttachmentStore.AttachAsync(db, "OLD-1", new ReportingMonth(2024, 6), null,
                [new AttachmentFile("现场.jpg", TestPhotos.Jpeg(40, 30, new TestExif(Latitude: 28.9, Longitude: 105.4)))], admin, Ct);
            await ProjectAttachmentStore.UsePhotoLocationAsync(db, "OLD-1", files[0].Id, admin, Ct);
            var p = await db.Projects.AsNoTracking().SingleAsync(x => x.Code == "OLD-1", Ct);
            Assert.Equal("老项目", p.Name);
            Assert.Equal((28.9m, 105.4m), (p.Latitude!.Value, p.Longitude!.Value));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
