using System.CommandLine;
using Baiqiang.Cli.Store;
using Baiqiang.Storage.Settings;

namespace Baiqiang.Cli.Settings;

/// <summary><c>baiqiang settings set|get|unset KEY</c>: the store's own settings, such as the day its data is judged as of
/// (<c>as-of</c>), which every warning, overdue and target judgement uses when no <c>--today</c> is given.</summary>
internal static class SettingsCommand
{
    public static Command Create() => new("settings", "数据库设置，如数据设定日 as-of(判断预警、逾期、目标进度的默认日期) / the store's settings, such as as-of (the day judgements default to)")
    {
        Set(), Get(), Unset(),
    };

    private static Argument<string> KeyArgument() => new("KEY") { Description = "设置项：as-of、plausible-multiple / setting: as-of, plausible-multiple" };

    private static Command Set()
    {
        var key = KeyArgument();
        var value = new Argument<string>("VALUE") { Description = "值，如 2023-07-31 / value, e.g. 2023-07-31" };
        var command = new Command("set", "设定一项设置 / set a setting") { key, value };
        command.SetAction(async (parse, ct) =>
        {
            var k = parse.GetRequiredValue(key);
            var check = StoreSettings.Check(k, parse.GetRequiredValue(value).Trim());
            if (!check.Success)
            {
                await parse.Err().WriteLineAsync(check.Error.ToString());
                return 2;
            }

            await using var db = await StoreAccess.OpenAsync(parse, ct);
            var stored = await StoreSettings.SetAsync(db, k, check.Value, Environment.UserName, ct);
            await parse.Out().WriteLineAsync($"已设定 {k} = {stored.Value} / set {k} = {stored.Value}");
            return 0;
        });
        return command;
    }

    private static Command Get()
    {
        var key = KeyArgument();
        var command = new Command("get", "查看一项设置 / show a setting") { key };
        command.SetAction(async (parse, ct) =>
        {
            var k = parse.GetRequiredValue(key);
            if (!StoreSettings.IsKnown(k))
            {
                // Check names the unknown key and lists the known ones, in both languages.
                await parse.Err().WriteLineAsync(StoreSettings.Check(k, string.Empty).Error.ToString());
                return 2;
            }

            await using var db = await StoreAccess.OpenAsync(parse, ct);
            if (await StoreSettings.GetAsync(db, k, ct) is { } v)
            {
                await parse.Out().WriteLineAsync(v);
                return 0;
            }

            await parse.Out().WriteLineAsync(k switch
            {
                StoreSettings.AsOfKey => $"未设定 {k}：判断以今天为准 / {k} is not set: judgements use today's date",
                StoreSettings.PlausibleMultipleKey => $"未设定 {k}：默认{StoreSettings.DefaultPlausibleMultiple}倍 / {k} is not set: the default is {StoreSettings.DefaultPlausibleMultiple}×",
                StoreSettings.StaleDealDaysKey => $"未设定 {k}：默认{StoreSettings.DefaultStaleDealDays}天 / {k} is not set: the default is {StoreSettings.DefaultStaleDealDays} days",
                _ => $"未设定 {k} / {k} is not set",
            });
            return 0;
        });
        return command;
    }

    private static Command Unset()
    {
        var key = KeyArgument();
        var command = new Command("unset", "删除一项设置(as-of 删除后以今天为准) / remove a setting (without as-of, judgements use today)") { key };
        command.SetAction(async (parse, ct) =>
        {
            var k = parse.GetRequiredValue(key);
            await using var db = await StoreAccess.OpenAsync(parse, ct);
            var removed = await StoreSettings.UnsetAsync(db, k, Environment.UserName, ct);
            await parse.Out().WriteLineAsync(removed ? $"已删除 {k} / {k} removed" : $"{k} 本未设定 / {k} was not set");
            return 0;
        });
        return command;
    }
}
