// Usage: dotnet run --project tools/Baiqiang.Migrations -- NAME [--replace]
// Writes a migration called NAME for SQLite (Migrations/Sqlite) and PostgreSQL (Migrations/Postgres) into
// src/Baiqiang.Storage. With --replace, the existing migrations and snapshots are deleted; because the running build
// still contains them, the tool then asks to be run once more, and NAME becomes the only migration (use only while no
// store outside development holds the schema).
using System.Globalization;
using Baiqiang.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.EntityFrameworkCore.Design.Internal;
using Microsoft.Extensions.DependencyInjection;

if (args.Length == 0 || args[0].StartsWith('-'))
{
    await Console.Error.WriteLineAsync("usage: dotnet run --project tools/Baiqiang.Migrations -- NAME [--replace]");
    return 2;
}

var name = args[0];
var replace = args.Contains("--replace", StringComparer.Ordinal);
var storage = FindStorageProject();

if (replace)
{
    var old = Directory.GetFiles(Path.Combine(storage, "Migrations"), "*.cs", SearchOption.AllDirectories);
    if (old.Length > 0)
    {
        foreach (var file in old)
        {
            File.Delete(file);
        }

        await Console.Out.WriteLineAsync($"deleted {old.Length} migration files; run the same command again to scaffold {name} from a build without them");
        return 0;
    }
}

foreach (var (provider, folder) in new[] { (StoreProvider.Sqlite, "Sqlite"), (StoreProvider.PostgreSql, "Postgres") })
{
    var outDir = Path.Combine(storage, "Migrations", folder);
    var connection = provider == StoreProvider.Sqlite ? "Data Source=design-time.db" : "Host=localhost;Database=baiqiang_design";
    await using var db = BaiqiangStore.Open(new StoreOptions(provider, connection));
    var designServices = new DesignTimeServicesBuilder(
            typeof(BaiqiangDbContext).Assembly, typeof(BaiqiangDbContext).Assembly, new OperationReporter(null), [])
        .Build(db);
    var scaffolder = designServices.GetRequiredService<IMigrationsScaffolder>();
    var migration = scaffolder.ScaffoldMigration(name, "Baiqiang.Storage", $"Migrations.{folder}", "C#");
    var files = scaffolder.Save(storage, migration, outDir);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{folder}: {files.MigrationFile}"));
}

return 0;

static string FindStorageProject()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        var candidate = Path.Combine(dir.FullName, "src", "Baiqiang.Storage");
        if (Directory.Exists(candidate))
        {
            return candidate;
        }
    }

    throw new DirectoryNotFoundException("src/Baiqiang.Storage not found above " + AppContext.BaseDirectory);
}
