using System.CommandLine;
using Baiqiang.Storage;
using Baiqiang.Storage.Indicators;

namespace Baiqiang.Cli.Store;

/// <summary>Opens the store chosen by --db / BAIQIANG_DB / the default, bringing its schema and catalogue up to date.</summary>
internal static class StoreAccess
{
    public static StoreOptions Options(ParseResult parse) => BaiqiangStore.Resolve(parse.GetValue(BaiqiangCommand.DbOption));

    /// <summary>Migrates (idempotent) and seeds the built-in indicator catalogue, then opens a context.</summary>
    public static async Task<BaiqiangDbContext> OpenAsync(ParseResult parse, CancellationToken ct)
    {
        var options = Options(parse);
        await BaiqiangStore.MigrateAsync(options, ct);
        var db = BaiqiangStore.Open(options);
        db.CurrentUser = Environment.UserName;
        db.LockTimeout = TimeSpan.FromSeconds(Math.Max(1, parse.GetValue(BaiqiangCommand.LockTimeoutOption)));
        var err = parse.Err();
        db.Waiting = () => err.WriteLine("正在等待其他导入完成… / waiting for another import to finish…");
        await IndicatorStore.SeedCatalogueAsync(db, ct);
        return db;
    }

    public static TextWriter Out(this ParseResult parse) => parse.InvocationConfiguration.Output;

    public static TextWriter Err(this ParseResult parse) => parse.InvocationConfiguration.Error;
}
