using Npgsql;

namespace Baiqiang.Storage.Tests.Support;

/// <summary>A migrated, empty store of one provider, private to one test class.</summary>
public abstract class StoreFixture : IAsyncLifetime
{
    public abstract StoreProvider Provider { get; }

    /// <summary>Set once the store is ready.</summary>
    public StoreOptions? Options { get; protected set; }

    /// <summary>Why the store cannot be used (PostgreSQL without BAIQIANG_TEST_PG), or null.</summary>
    public string? Unavailable { get; protected set; }

    /// <summary>Opens a context; skips the test (or fails it when CI=true) if the provider is unavailable.</summary>
    public BaiqiangDbContext Open()
    {
        if (Unavailable is { } reason)
        {
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail("CI=true but " + reason);
            }

            Assert.Skip(reason);
        }

        return BaiqiangStore.Open(Options!);
    }

    public abstract ValueTask InitializeAsync();

    public abstract ValueTask DisposeAsync();
}

public sealed class SqliteFixture : StoreFixture
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "baiqiang-tests-" + Guid.NewGuid().ToString("N"));

    public override StoreProvider Provider => StoreProvider.Sqlite;

    public override async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        Options = BaiqiangStore.Resolve(Path.Combine(_folder, "store.db"), null);
        await BaiqiangStore.MigrateAsync(Options, TestContext.Current.CancellationToken);
    }

    public override ValueTask DisposeAsync()
    {
        if (Options is not null)
        {
            BaiqiangStore.ReleaseSqlitePool(Options);
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }

        return ValueTask.CompletedTask;
    }
}

public sealed class PostgresFixture : StoreFixture
{
    public const string Variable = "BAIQIANG_TEST_PG";

    private readonly string _database = "baiqiang_test_" + Guid.NewGuid().ToString("N")[..12];
    private string? _admin;

    public override StoreProvider Provider => StoreProvider.PostgreSql;

    public override async ValueTask InitializeAsync()
    {
        _admin = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(_admin))
        {
            Unavailable = $"PostgreSQL tests need {Variable} (e.g. Host=127.0.0.1;Port=5433;Username=postgres;Database=postgres)";
            return;
        }

        await using (var connection = new NpgsqlConnection(_admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{_database}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        Options = new StoreOptions(StoreProvider.PostgreSql, new NpgsqlConnectionStringBuilder(_admin) { Database = _database }.ConnectionString);
        await BaiqiangStore.MigrateAsync(Options, CancellationToken.None);
    }

    public override async ValueTask DisposeAsync()
    {
        if (_admin is null || Options is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
