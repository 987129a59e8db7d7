using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
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
                .UseNpgsql(options.ConnectionString)
                .Options),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Provider, "未知数据库类型 / unknown store provider"),
        };
    }

    /// <summary>Creates or upgrades the schema. On SQLite also switches the file to WAL journaling (persistent).</summary>
    public static async Task MigrateAsync(StoreOptions options, CancellationToken cancellationToken)
    {
        await using var db = Open(options);
        await db.Database.MigrateAsync(cancellationToken);
        if (options.Provider == StoreProvider.Sqlite)
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }

    internal static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
