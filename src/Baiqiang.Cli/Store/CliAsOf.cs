using System.CommandLine;
using Baiqiang.Storage;
using Baiqiang.Storage.Projects;
using Baiqiang.Storage.Settings;

namespace Baiqiang.Cli.Store;

/// <summary>The <c>--today</c> option every judging command takes, and the day it resolves to through
/// <see cref="AsOfDay.ResolveAsync"/>: the option, else the store's <c>as-of</c> setting, else the clock.</summary>
internal static class CliAsOf
{
    public static Option<string?> Option(string zh, string en) => new("--today")
    {
        Description = $"{zh}(默认为数据设定日 settings as-of，未设定则为今天) / {en} (default: the store's as-of setting, else today)",
    };

    /// <summary>The as-of day, or null after printing why <c>--today</c> could not be read.</summary>
    public static async Task<AsOfDay?> ResolveAsync(ParseResult parse, BaiqiangDbContext db, Option<string?> today, CancellationToken ct)
    {
        DateOnly? given = null;
        if (parse.GetValue(today) is { } text)
        {
            if (!ProjectSheet.TryParseDate(text, out var day))
            {
                await parse.Err().WriteLineAsync($"日期“{text}”无法识别，应写作 2023-07-31 / cannot read date '{text}'; write it like 2023-07-31");
                return null;
            }

            given = day;
        }

        return await AsOfDay.ResolveAsync(db, given, TimeProvider.System, ct);
    }
}
