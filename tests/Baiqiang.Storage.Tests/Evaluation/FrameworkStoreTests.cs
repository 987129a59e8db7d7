using Baiqiang.Core.Access;
using Baiqiang.Core.Evaluation;
using Baiqiang.Storage.Evaluation;
using Baiqiang.Storage.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Baiqiang.Storage.Tests.Evaluation;

/// <summary>Framework versions are appended, audited and access-checked, on each provider.</summary>
public abstract class FrameworkStoreTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StoreFixture
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Save_ChangedFramework_AddsVersionAndAuditRow_UnchangedDoesNot()
    {
        var fw = EvaluationFramework.Top100Illustration;
        var changed = EvaluationFramework.FromJson(fw.ToJson().Replace("\"weight\": 0.35", "\"weight\": 0.4", StringComparison.Ordinal));
        await using (var db = fixture.Open())
        {
            var v1 = await FrameworkStore.SaveAsync(db, fw, Actor.LocalAdmin("li"), Clock, Ct);
            var again = await FrameworkStore.SaveAsync(db, fw, Actor.LocalAdmin("li"), Clock, Ct);
            var v2 = await FrameworkStore.SaveAsync(db, changed, Actor.ReviewerOf("wang"), Clock, Ct);
            Assert.Equal((1, 1, 2), (v1.Version, again.Version, v2.Version));
        }

        await using var read = fixture.Open();
        var latest = await FrameworkStore.LoadAsync(read, fw.Name, null, Ct);
        var first = await FrameworkStore.LoadAsync(read, fw.Name, 1, Ct);
        Assert.Equal(0.4, latest!.Dimensions[0].Weight);
        Assert.Equal(0.35, first!.Dimensions[0].Weight);
        var audit = await read.AuditEntries.Where(a => a.Entity == "evaluation_framework").ToListAsync(Ct);
        Assert.Contains(audit, a => a.Key == "top100-illustration@v2" && a.User == "wang");
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero), (await FrameworkStore.LatestAsync(read, fw.Name, Ct))!.CreatedAt);
    }

    [Fact]
    public async Task Save_ByAnalyst_IsDenied()
    {
        await using var db = fixture.Open();
        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            FrameworkStore.SaveAsync(db, EvaluationFramework.Top100Illustration, Actor.AnalystNamed("zhao"), Clock, Ct));
    }
}

public sealed class SqliteFrameworkStoreTests(SqliteFixture fixture) : FrameworkStoreTests<SqliteFixture>(fixture);

public sealed class PostgresFrameworkStoreTests(PostgresFixture fixture) : FrameworkStoreTests<PostgresFixture>(fixture);
