using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace Baiqiang.Storage.Settings;

/// <summary>Where a judgement's as-of day came from.</summary>
public enum AsOfSource
{
    /// <summary>Asked for: <c>--today</c> on the CLI, <c>?today=</c> on the web.</summary>
    Given,

    /// <summary>The store's <c>as-of</c> setting (<c>baiqiang settings set as-of</c>; <c>sample</c> sets it to its seed's day).</summary>
    StoreSetting,

    /// <summary>Today by the clock (<see cref="TimeProvider"/>).</summary>
    Clock,
}

/// <summary>
/// The day warnings, overdue rules and target progress are judged as of, and where it came from, so every output can
/// say which: "截至2023-07-31（数据设定日）" / "as of 2023-07-31 (store setting)".
/// </summary>
public readonly record struct AsOfDay(DateOnly Day, AsOfSource Source)
{
    /// <summary>The source in words: 指定日期 / 数据设定日 / 今天（系统时钟）.</summary>
    public string SourceZh => Source switch
    {
        AsOfSource.Given => "指定日期",
        AsOfSource.StoreSetting => "数据设定日",
        _ => "今天，系统时钟",
    };

    public string SourceEn => Source switch
    {
        AsOfSource.Given => "given",
        AsOfSource.StoreSetting => "store setting",
        _ => "today, by the clock",
    };

    /// <summary>截至2023-07-31（数据设定日）</summary>
    public string Zh => $"截至{Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}（{SourceZh}）";

    /// <summary>as of 2023-07-31 (store setting)</summary>
    public string En => $"as of {Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} ({SourceEn})";

    public override string ToString() => $"{Zh} / {En}";

    /// <summary>
    /// The one resolver every judgement uses: <paramref name="given"/> (the command's <c>--today</c>, the page's
    /// <c>?today=</c>) if any, else the store's <c>as-of</c> setting, else today by <paramref name="clock"/>'s local time.
    /// </summary>
    public static async Task<AsOfDay> ResolveAsync(BaiqiangDbContext db, DateOnly? given, TimeProvider clock, CancellationToken ct)
    {
        if (given is { } day)
        {
            return new AsOfDay(day, AsOfSource.Given);
        }

        var setting = await db.Settings.AsNoTracking().Where(s => s.Key == StoreSettings.AsOfKey).Select(s => s.Value).SingleOrDefaultAsync(ct);
        return setting is not null && DateOnly.TryParseExact(setting, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var stored)
            ? new AsOfDay(stored, AsOfSource.StoreSetting)
            : new AsOfDay(DateOnly.FromDateTime(clock.GetLocalNow().DateTime), AsOfSource.Clock);
    }
}
