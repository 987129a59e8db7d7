using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Baiqiang.Storage.Tests;

public sealed class BaiqiangStoreTests
{
    [Fact]
    public void Resolve_DbArgument_WinsOverEnvironment()
    {
        var path = Path.Combine(Path.GetTempPath(), "bq-resolve", "a.db");
        var options = BaiqiangStore.Resolve(path, "Host=db;Database=x");
        Assert.Equal(StoreProvider.Sqlite, options.Provider);
        Assert.Contains(path, options.ConnectionString, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_NoArgument_UsesEnvironment()
    {
        var options = BaiqiangStore.Resolve(null, "Host=db.example;Port=5432;Database=baiqiang;Username=u");
        Assert.Equal(new StoreOptions(StoreProvider.PostgreSql, "Host=db.example;Port=5432;Database=baiqiang;Username=u"), options);
    }

    [Fact]
    public void Resolve_Nothing_UsesDefaultSqliteFile()
    {
        var options = BaiqiangStore.Resolve(" ", null);
        Assert.Equal(StoreProvider.Sqlite, options.Provider);
        Assert.EndsWith(Path.Combine("baiqiang", "baiqiang.db"), BaiqiangStore.DefaultSqlitePath(), StringComparison.Ordinal);
        Assert.Contains(BaiqiangStore.DefaultSqlitePath(), options.ConnectionString, StringComparison.Ordinal);
        Assert.True(Directory.Exists(Path.GetDirectoryName(BaiqiangStore.DefaultSqlitePath())));
    }

    [Theory]
    [InlineData("postgres://alice:s%40cret@db.example:6543/stats?sslmode=require")]
    [InlineData("postgresql://alice:s%40cret@db.example:6543/stats?sslmode=require")]
    public void Resolve_PostgresUrl_ConvertsToKeyValueForm(string url)
    {
        var options = BaiqiangStore.Resolve(url, null);

        Assert.Equal(StoreProvider.PostgreSql, options.Provider);
        var b = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        Assert.Equal(("db.example", 6543, "alice", "s@cret", "stats", SslMode.Require), (b.Host, b.Port, b.Username, b.Password, b.Database, b.SslMode));
    }

    [Fact]
    public void Resolve_BrokenUrl_ThrowsFormatException()
        => Assert.Throws<FormatException>(() => BaiqiangStore.Resolve("postgres://", null));

    [Fact]
    public void Open_Postgres_PreparesRepeatedStatementsAutomatically()
    {
        using var pg = BaiqiangStore.Open(new StoreOptions(StoreProvider.PostgreSql, "Host=localhost;Database=x"));

        var used = new NpgsqlConnectionStringBuilder(pg.Database.GetConnectionString());
        Assert.Equal(BaiqiangStore.PostgresMaxAutoPrepare, used.MaxAutoPrepare);
        Assert.Equal(("localhost", "x"), (used.Host, used.Database));
    }

    [Theory]
    [InlineData("Host=localhost;Database=x;Max Auto Prepare=0", 0)]
    [InlineData("Host=localhost;Database=x;max auto prepare=7", 7)]
    [InlineData("Host=localhost;Database=x;MaxAutoPrepare=9", 9)]
    public void WithAutoPrepare_ConnectionStringSetsIt_KeepsTheGivenValue(string connectionString, int expected)
    {
        Assert.Equal(connectionString, BaiqiangStore.WithAutoPrepare(connectionString));
        Assert.Equal(expected, new NpgsqlConnectionStringBuilder(BaiqiangStore.WithAutoPrepare(connectionString)).MaxAutoPrepare);
    }

    [Fact]
    public void Open_Sqlite_ConnectionStringUnchanged()
    {
        using var sqlite = BaiqiangStore.Open(new StoreOptions(StoreProvider.Sqlite, "Data Source=:memory:"));
        Assert.Equal("Data Source=:memory:", sqlite.Database.GetConnectionString());
    }

    [Fact]
    public void Open_EachProvider_GivesItsContext()
    {
        using var sqlite = BaiqiangStore.Open(new StoreOptions(StoreProvider.Sqlite, "Data Source=:memory:"));
        using var pg = BaiqiangStore.Open(new StoreOptions(StoreProvider.PostgreSql, "Host=localhost;Database=x"));
        Assert.IsType<SqliteBaiqiangDbContext>(sqlite);
        Assert.IsType<PostgresBaiqiangDbContext>(pg);
        Assert.Equal("system", sqlite.CurrentUser);
    }

    [Fact]
    public async Task MigrateAsync_SqliteFile_WalAndForeignKeysOn()
    {
        var ct = TestContext.Current.CancellationToken;
        var folder = Path.Combine(Path.GetTempPath(), "bq-pragmas-" + Guid.NewGuid().ToString("N"));
        var options = BaiqiangStore.Resolve(Path.Combine(folder, "sub", "x.db"), null);
        await BaiqiangStore.MigrateAsync(options, ct);

        await using (var db = BaiqiangStore.Open(options))
        {
            await db.Database.OpenConnectionAsync(ct);
            Assert.Equal("wal", await db.Database.SqlQueryRaw<string>("SELECT journal_mode AS \"Value\" FROM pragma_journal_mode").SingleAsync(ct));
            Assert.Equal(1, await db.Database.SqlQueryRaw<int>("SELECT foreign_keys AS \"Value\" FROM pragma_foreign_keys").SingleAsync(ct));
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
