using Baiqiang.Core.Access;
using Baiqiang.Storage.Extraction;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Baiqiang.Storage.Tests.Extraction;

/// <summary>A store whose pending facts were kept before confidence was (migration ExtractionConfidence) upgrades in place.</summary>
public sealed class ReviewUpgradeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task MigrateAsync_PendingFactsOfThePreviousSchema_KeepThemWithoutConfidence_AndBulkAcceptLeavesThem()
    {
        var folder = Directory.CreateTempSubdirectory("baiqiang-confidence-upgrade-").FullName;
        try
        {
            var options = BaiqiangStore.Resolve(Path.Combine(folder, "old.db"), null);
            var known = BaiqiangStore.KnownMigrations(StoreProvider.Sqlite);
            var confidence = known.Single(m => m.EndsWith("_ExtractionConfidence", StringComparison.Ordinal));
            var previous = known.Last(m => string.CompareOrdinal(m, confidence) < 0);
            await using (var old = BaiqiangStore.Open(options))
            {
                await old.GetService<IMigrator>().MigrateAsync(previous, Ct);
                // Raw SQL in the columns that schema had.
                await old.Database.ExecuteSqlRawAsync(
                    "INSERT INTO extraction_documents (id, name, sha256, text, stored_at, stored_by) VALUES (1, 'old.txt', 'abc', '全县地区生产总值100亿元', '2026-01-01 00:00:00+00:00', 'admin')", Ct);
                await old.Database.ExecuteSqlRawAsync(
                    "INSERT INTO pending_facts (id, document_id, status, kind, indicator, indicator_raw, unit, qualifier, sentence, offset, length, sentence_offset, check_notes) " +
                    "VALUES (1, 1, 0, 'value', '地区生产总值', '地区生产总值', '亿元', 0, '全县地区生产总值100亿元', 8, 3, 0, '')", Ct);
            }

            Assert.False(await BaiqiangStore.IsUpToDateAsync(options, Ct));
            await BaiqiangStore.MigrateAsync(options, Ct);

            await using var db = BaiqiangStore.Open(options);
            var fact = await db.PendingFacts.SingleAsync(Ct);
            Assert.Equal(("地区生产总值", (decimal?)null, (string?)null), (fact.Indicator, fact.Confidence, fact.Rule));
            var result = await ExtractionStore.AcceptAboveAsync(db, 0m, null, Actor.LocalAdmin("admin"), TimeProvider.System, Ct);
            Assert.Empty(result.Accepted);
            Assert.Empty(result.Refused); // never a candidate: it has no confidence to compare
            Assert.Equal(FactStatus.Pending, (await db.PendingFacts.AsNoTracking().SingleAsync(Ct)).Status);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
