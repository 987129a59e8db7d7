using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Baiqiang.Storage;

/// <summary>The store on SQLite; migrations in <c>Migrations/Sqlite</c>.</summary>
public sealed class SqliteBaiqiangDbContext(DbContextOptions<SqliteBaiqiangDbContext> options) : BaiqiangDbContext(options)
{
    public override StoreProvider Provider => StoreProvider.Sqlite;
}

/// <summary>The store on PostgreSQL; migrations in <c>Migrations/Postgres</c>.</summary>
public sealed class PostgresBaiqiangDbContext(DbContextOptions<PostgresBaiqiangDbContext> options) : BaiqiangDbContext(options)
{
    public override StoreProvider Provider => StoreProvider.PostgreSql;
}

/// <summary>Lets <c>dotnet ef migrations add … --context SqliteBaiqiangDbContext</c> build the context without a host.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteBaiqiangDbContext>
{
    public SqliteBaiqiangDbContext CreateDbContext(string[] args)
        => (SqliteBaiqiangDbContext)BaiqiangStore.Open(new StoreOptions(StoreProvider.Sqlite, "Data Source=design-time.db"));
}

/// <summary>Lets <c>dotnet ef migrations add … --context PostgresBaiqiangDbContext</c> build the context without a server.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresBaiqiangDbContext>
{
    public PostgresBaiqiangDbContext CreateDbContext(string[] args)
        => (PostgresBaiqiangDbContext)BaiqiangStore.Open(new StoreOptions(StoreProvider.PostgreSql, "Host=localhost;Database=baiqiang_design"));
}
