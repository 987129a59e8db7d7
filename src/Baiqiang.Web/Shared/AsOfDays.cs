using Baiqiang.Storage;
using Baiqiang.Storage.Settings;

namespace Baiqiang.Web.Shared;

/// <summary>The pages' and API's as-of day: <c>?today=</c> when given, else <see cref="AsOfDay.ResolveAsync"/>'s default
/// (the store's <c>as-of</c> setting, else the clock), and which of those it was, for the page to say.</summary>
public static class AsOfDays
{
    /// <summary>The day a judgement uses when no <c>?today=</c> is given: the store's setting, else today.</summary>
    public static Task<AsOfDay> DefaultAsync(BaiqiangDbContext db, TimeProvider clock, CancellationToken ct) =>
        AsOfDay.ResolveAsync(db, null, clock, ct);

    public static async Task<DateOnly> DefaultDayAsync(BaiqiangDbContext db, TimeProvider clock, CancellationToken ct) =>
        (await DefaultAsync(db, clock, ct)).Day;

    /// <summary>The day judged on, labelled: given when the user typed one, else the default's own source.</summary>
    public static AsOfDay Judged(DateOnly day, string? typed, AsOfDay fallback) =>
        string.IsNullOrWhiteSpace(typed) ? fallback : new AsOfDay(day, AsOfSource.Given);
}
