namespace Baiqiang.Storage;

/// <summary>Which database engine holds the store.</summary>
public enum StoreProvider
{
    /// <summary>A SQLite file (the default).</summary>
    Sqlite = 1,
    /// <summary>A PostgreSQL database (15 or later).</summary>
    PostgreSql = 2,
}

/// <summary>Where the store is: a provider and an ADO.NET connection string for it.</summary>
public sealed record StoreOptions(StoreProvider Provider, string ConnectionString)
{
    /// <summary>The connection string with any password masked, for messages and logs.</summary>
    public string Describe()
    {
        var parts = ConnectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return string.Join(';', parts.Select(p =>
        {
            var eq = p.IndexOf('=', StringComparison.Ordinal);
            var key = eq < 0 ? p : p[..eq].Trim();
            return key.Equals("Password", StringComparison.OrdinalIgnoreCase) || key.Equals("Pwd", StringComparison.OrdinalIgnoreCase)
                ? $"{key}=***"
                : p;
        }));
    }
}
