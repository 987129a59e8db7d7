using System.CommandLine;

namespace Baiqiang.Cli.Store;

/// <summary><c>baiqiang init</c>: create or upgrade the store and load the indicator catalogue.</summary>
internal static class InitCommand
{
    public static Command Create()
    {
        var command = new Command("init", "创建或升级数据库并载入指标目录 / create or upgrade the store and load the indicator catalogue");
        command.SetAction(async (parse, ct) =>
        {
            var options = StoreAccess.Options(parse);
            await using var db = await StoreAccess.OpenAsync(parse, ct);
            await parse.Out().WriteLineAsync($"数据库已就绪 / store ready: {options.Provider} {options.Describe()}");
            return 0;
        });
        return command;
    }
}
