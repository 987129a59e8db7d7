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
public sealed record StoreOptions(StoreProvider Provider, string ConnectionString);
