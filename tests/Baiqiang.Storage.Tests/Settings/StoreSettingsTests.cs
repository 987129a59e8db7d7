using Baiqiang.Storage.Settings;
using Baiqiang.Storage.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Baiqiang.Storage.Tests.Settings;

/// <summary>The store's as-of day: set, read, unset and audited on each provider, and the one resolver every judgement
/// uses — the given day, else the setting, else the clock — saying which it used.</summary>
public abstract class StoreSettingsTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StoreFixture
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 12, 6, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task AsOf_GivenThenSettingThenClock_ResolvesInThatOrderAndSaysWhich()
    {
        await using var db = fixture.Open();
        await StoreSettings.UnsetAsync(db, StoreSettings.AsOfKey, "test", Ct);

        var clock = await AsOfDay.ResolveAsync(db, null, Clock, Ct);
        Assert.Equal(new AsOfDay(new DateOnly(2026, 12, 6), AsOfSource.Clock), clock);
        Assert.Equal("截至2026-12-06（今天，系统时钟）", clock.Zh);

        var set = await StoreSettings.SetAsync(db, StoreSettings.AsOfKey, " 2023-07-31 ", "zhang", Ct);
        Assert.True(set.Success);
        var stored = await AsOfDay.ResolveAsync(db, null, Clock, Ct);
        Assert.Equal(new AsOfDay(new DateOnly(2023, 7, 31), AsOfSource.StoreSetting), stored);
        Assert.Equal("截至2023-07-31（数据设定日）", stored.Zh);
        Assert.Equal("as of 2023-07-31 (store setting)", stored.En);

        var given = await AsOfDay.ResolveAsync(db, new DateOnly(2022, 6, 30), Clock, Ct);
        Assert.Equal(new AsOfDay(new DateOnly(2022, 6, 30), AsOfSource.Given), given);

        Assert.True(await StoreSettings.UnsetAsync(db, StoreSettings.AsOfKey, "zhang", Ct));
        Assert.False(await StoreSettings.UnsetAsync(db, StoreSettings.AsOfKey, "zhang", Ct));
        Assert.Equal(AsOfSource.Clock, (await AsOfDay.ResolveAsync(db, null, Clock, Ct)).Source);
    }

    [Fact]
    public async Task Set_ChangedValue_AuditedOldToNewForTheUser()
    {
        await using (var db = fixture.Open())
        {
            await StoreSettings.SetAsync(db, StoreSettings.AsOfKey, "2023-06-30", "li", Ct);
            await StoreSettings.SetAsync(db, StoreSettings.AsOfKey, "2023-07-31", "li", Ct);
            Assert.Equal("2023-07-31", await StoreSettings.GetAsync(db, StoreSettings.AsOfKey, Ct));
        }

        await using var read = fixture.Open();
        Assert.Contains(await read.AuditEntries.Where(a => a.Entity == "setting" && a.Key == "as-of" && a.Field == "value").ToListAsync(Ct),
            a => a is { OldValue: "2023-06-30", NewValue: "2023-07-31", User: "li" });
    }

    [Theory]
    [InlineData("as-of", "2023-13-01", "截至日期“2023-13-01”应写作 2023-07-31")]
    [InlineData("as-of", "31/07/2023", "应写作 2023-07-31")]
    [InlineData("today", "2023-07-31", "未知的设置项“today”")]
    public async Task Set_BadKeyOrDay_RefusedBilinguallyAndNothingStored(string key, string value, string zh)
    {
        await using var db = fixture.Open();
        var before = await StoreSettings.GetAsync(db, StoreSettings.AsOfKey, Ct);

        var result = await StoreSettings.SetAsync(db, key, value, "li", Ct);

        Assert.False(result.Success);
        Assert.Contains(zh, result.Error!.Value.Zh, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(result.Error!.Value.En));
        Assert.Equal(before, await StoreSettings.GetAsync(db, StoreSettings.AsOfKey, Ct));
    }
}

public sealed class SqliteStoreSettingsTests(SqliteFixture fixture) : StoreSettingsTests<SqliteFixture>(fixture);

public sealed class PostgresStoreSettingsTests(PostgresFixture fixture) : StoreSettingsTests<PostgresFixture>(fixture);
