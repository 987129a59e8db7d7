using System.Data.Common;
using System.Globalization;
using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace Baiqiang.Storage;

/// <summary>Finds, opens and migrates the store.</summary>
public static class BaiqiangStore
{
    /// <summary>The environment variable naming the store when <c>--db</c> is not given.</summary>
    public const string EnvironmentVariable = "BAIQIANG_DB";

    /// <summary>
    /// The default SQLite file: <c>LocalApplicationData/baiqiang/baiqiang.db</c> (on Linux <c>~/.local/share/baiqiang/baiqiang.db</c>).
    /// Creates the folder.
    /// </summary>
    public static string DefaultSqlitePath()
    {
        var folder = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "baiqiang");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, "baiqiang.db");
    }

    /// <summary>
    /// Decides where the store is: the <c>--db</c> value if given, else <c>BAIQIANG_DB</c>, else <see cref="DefaultSqlitePath"/>.
    /// </summary>
    /// <remarks>A value containing <c>Host=</c> or starting with <c>postgres://</c> / <c>postgresql://</c> is PostgreSQL
    /// (URLs are converted to key=value form); anything else is a SQLite file path (or a <c>Data Source=</c> string).
    /// Throws <see cref="FormatException"/> for a PostgreSQL URL that cannot be read.</remarks>
    /// <summary>
    /// Closes the pooled connections of this SQLite store only (so its file can be deleted), leaving every other
    /// store's pool alone; a no-op for PostgreSQL. Unlike <c>SqliteConnection.ClearAllPools</c>, it cannot dispose a
    /// connection another store is opening on another thread at the same moment.
    /// </summary>
    public static void ReleaseSqlitePool(StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Provider == StoreProvider.Sqlite)
        {
            using var connection = new SqliteConnection(options.ConnectionString);
            SqliteConnection.ClearPool(connection);
        }
    }

    public static StoreOptions Resolve(string? dbArgument) => Resolve(dbArgument, Environment.GetEnvironmentVariable(EnvironmentVariable));

    /// <summary><see cref="Resolve(string?)"/> with the environment value passed in (for tests and hosts).</summary>
    public static StoreOptions Resolve(string? dbArgument, string? environmentValue)
    {
        var value = !string.IsNullOrWhiteSpace(dbArgument) ? dbArgument.Trim()
            : !string.IsNullOrWhiteSpace(environmentValue) ? environmentValue.Trim()
            : DefaultSqlitePath();

        if (value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return new StoreOptions(StoreProvider.PostgreSql, FromUrl(value));
        }

        if (value.Contains("Host=", StringComparison.OrdinalIgnoreCase))
        {
            return new StoreOptions(StoreProvider.PostgreSql, value);
        }

        if (value.Contains("Data Source=", StringComparison.OrdinalIgnoreCase))
        {
            return new StoreOptions(StoreProvider.Sqlite, value);
        }

        var path = Path.GetFullPath(value);
        if (Path.GetDirectoryName(path) is { Length: > 0 } dir)
        {
            Directory.CreateDirectory(dir);
        }

        return new StoreOptions(StoreProvider.Sqlite, new SqliteConnectionStringBuilder { DataSource = path, DefaultTimeout = 60 }.ToString());
    }

    private static string FromUrl(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw new FormatException($"无法识别PostgreSQL地址“{url}” / cannot read PostgreSQL URL '{url}'");
        }

        var b = new NpgsqlConnectionStringBuilder { Host = uri.Host, Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port };
        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            b.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length > 1)
            {
                b.Password = Uri.UnescapeDataString(parts[1]);
            }
        }

        var database = uri.AbsolutePath.Trim('/');
        if (database.Length > 0)
        {
            b.Database = Uri.UnescapeDataString(database);
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            var key = Uri.UnescapeDataString(kv[0]);
            var v = kv.Length > 1 ? Uri.UnescapeDataString(kv[1]) : string.Empty;
            if (string.Equals(key, "sslmode", StringComparison.OrdinalIgnoreCase))
            {
                b.SslMode = Enum.Parse<SslMode>(v.Replace("-", string.Empty, StringComparison.Ordinal), ignoreCase: true);
            }
            else
            {
                b[key] = v;
            }
        }

        return b.ConnectionString;
    }

    /// <summary>How many statements Npgsql prepares automatically on each PostgreSQL connection the store's contexts use
    /// (<c>Max Auto Prepare</c>), unless the connection string sets it.</summary>
    /// <remarks>Observations are partitioned by <c>period_year</c> (issue 22). A statement without a year bound (a
    /// region's series, the report card's own rows) is planned over every year partition; sent unprepared, as EF Core's
    /// commands are by default, it was planned again on every execution (0.55 of the series API's 1.02 ms). With
    /// automatic preparation Npgsql prepares a statement after its fifth execution on a connection (the statement stays
    /// prepared when the pooled connection is reused) and PostgreSQL then keeps one generic plan for it, pruning at run
    /// time where the statement names a year. PostgreSQL re-plans a prepared statement by itself when the table changes
    /// (a partition added, an index dropped and rebuilt by a bulk import). 64 covers the hot statements of the web app
    /// with room to spare; the least recently used is unprepared beyond that.</remarks>
    public const int PostgresMaxAutoPrepare = 64;

    /// <summary>The PostgreSQL connection string the store's EF Core contexts use: <paramref name="connectionString"/> with
    /// <c>Max Auto Prepare=</c><see cref="PostgresMaxAutoPrepare"/> added when it does not say <c>Max Auto Prepare</c>
    /// itself (any value, 0 included, is kept).</summary>
    public static string WithAutoPrepare(string connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        foreach (string key in given.Keys)
        {
            if (string.Equals(key.Replace(" ", string.Empty, StringComparison.Ordinal), "MaxAutoPrepare", StringComparison.OrdinalIgnoreCase))
            {
                return connectionString;
            }
        }

        return new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = PostgresMaxAutoPrepare }.ConnectionString;
    }

    /// <summary>Opens a context on the store (no connection is made until first use). The caller disposes it.</summary>
    public static BaiqiangDbContext Open(StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Provider switch
        {
            StoreProvider.Sqlite => new SqliteBaiqiangDbContext(new DbContextOptionsBuilder<SqliteBaiqiangDbContext>()
                .UseSqlite(options.ConnectionString)
                .Options),
            StoreProvider.PostgreSql => new PostgresBaiqiangDbContext(new DbContextOptionsBuilder<PostgresBaiqiangDbContext>()
                .UseNpgsql(WithAutoPrepare(options.ConnectionString))
                .Options),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Provider, "未知数据库类型 / unknown store provider"),
        };
    }

    /// <summary>Creates or upgrades the schema. On SQLite also switches the file to WAL journaling (persistent).</summary>
    /// <remarks>A store whose history table already lists every migration of this build is left alone after one
    /// cheap query on a plain connection: asking EF (<c>Migrate</c>, even <c>GetMigrations</c>) builds its services and
    /// model first, about two seconds on every command, which is only worth paying when something is to be applied.
    /// On PostgreSQL the database is created first (tolerating another node creating it at the same moment),
    /// then the migrations run under <see cref="Cluster.StoreLocks.MigrateKey"/>: of several nodes started together one
    /// applies them and the others find the store current.</remarks>
    public static async Task MigrateAsync(StoreOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (await IsUpToDateAsync(options, cancellationToken))
        {
            return;
        }

        if (options.Provider != StoreProvider.PostgreSql)
        {
            await MigrateNowAsync(options, cancellationToken);
            return;
        }

        await EnsureDatabaseAsync(options, cancellationToken);
        await Cluster.StoreLocks.RunExclusiveAsync(options, Cluster.StoreLocks.MigrateKey, async () =>
        {
            if (!await IsUpToDateAsync(options, cancellationToken))
            {
                await MigrateNowAsync(options, cancellationToken);
            }

            return true;
        }, cancellationToken);
    }

    /// <summary>Creates the (empty) PostgreSQL database when it does not exist; another node creating it first is fine.
    /// Nothing to do on SQLite (the file is made on first open).</summary>
    public static async Task EnsureDatabaseAsync(StoreOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Provider != StoreProvider.PostgreSql)
        {
            return;
        }

        await using var db = Open(options);
        var creator = db.GetService<Microsoft.EntityFrameworkCore.Storage.IRelationalDatabaseCreator>();
        if (await creator.ExistsAsync(cancellationToken))
        {
            return;
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await creator.CreateAsync(cancellationToken);
                return;
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
            {
                // Created by another node in the meantime.
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 10)
            {
                // The template database is being copied by another node's CREATE DATABASE: try again shortly.
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), cancellationToken);
                if (await creator.ExistsAsync(cancellationToken))
                {
                    return;
                }
            }
        }
    }

    private static async Task MigrateNowAsync(StoreOptions options, CancellationToken cancellationToken)
    {
        await using var db = Open(options);
        await Migrations.Data.CodeKeysData.RefuseCollisionsAsync(db, cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        if (options.Provider == StoreProvider.Sqlite)
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        await Pipeline.FundsRollup.RebuildIfPendingAsync(db, cancellationToken);
    }

    /// <summary>The ids of this build's migrations for <paramref name="provider"/>, read from the migration classes'
    /// attributes (what EF's migrations assembly reads, without building EF's services).</summary>
    internal static IReadOnlyList<string> KnownMigrations(StoreProvider provider)
    {
        var context = provider == StoreProvider.Sqlite ? typeof(SqliteBaiqiangDbContext) : typeof(PostgresBaiqiangDbContext);
        return [.. typeof(BaiqiangStore).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Migration)) && t.GetCustomAttribute<DbContextAttribute>()?.ContextType == context)
            .Select(t => t.GetCustomAttribute<MigrationAttribute>()?.Id)
            .OfType<string>()
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>True when <c>__EFMigrationsHistory</c> holds every migration this build knows and no rollup waits to be
    /// rebuilt (<see cref="Pipeline.FundsRollup.RebuildKey"/>); false when the store (or its history table) does not exist
    /// yet or anything is unapplied.</summary>
    internal static async Task<bool> IsUpToDateAsync(StoreOptions options, CancellationToken cancellationToken)
    {
        var known = KnownMigrations(options.Provider);
        DbConnection connection;
        string exists;
        if (options.Provider == StoreProvider.Sqlite)
        {
            var sqlite = new SqliteConnectionStringBuilder(options.ConnectionString);
            if (sqlite.DataSource is not { Length: > 0 } file || (sqlite.Mode != SqliteOpenMode.Memory && !file.Contains(":memory:", StringComparison.Ordinal) && !File.Exists(file)))
            {
                return false;
            }

            connection = new SqliteConnection(options.ConnectionString);
            exists = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsHistory'";
        }
        else
        {
            connection = new NpgsqlConnection(options.ConnectionString);
            exists = "SELECT COUNT(*) FROM pg_catalog.pg_class WHERE oid = to_regclass('\"__EFMigrationsHistory\"')";
        }

        await using (connection)
        {
            try
            {
                await connection.OpenAsync(cancellationToken);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName)
            {
                // The database does not exist yet: EF's Migrate creates it.
                return false;
            }

            await using (var check = connection.CreateCommand())
            {
                check.CommandText = exists;
                if (Convert.ToInt64(await check.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) == 0)
                {
                    return false;
                }
            }

            var applied = new HashSet<string>(StringComparer.Ordinal);
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = "SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\"";
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    applied.Add(reader.GetString(0));
                }
            }

            if (known.Count == 0 || !known.All(applied.Contains))
            {
                return false;
            }

            // A rollup still to be rebuilt after its migration (Pipeline.FundsRollup.RebuildKey) is work MigrateAsync must do.
            await using var pending = connection.CreateCommand();
            pending.CommandText = "SELECT COUNT(*) FROM settings WHERE \"key\" = '" + Pipeline.FundsRollup.RebuildKey + "'";
            return Convert.ToInt64(await pending.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) == 0;
        }
    }

    internal static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
