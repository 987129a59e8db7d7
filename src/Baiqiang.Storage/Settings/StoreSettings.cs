using System.Globalization;
using Baiqiang.Core.Projects;
using Baiqiang.Core.Text;
using Microsoft.EntityFrameworkCore;

namespace Baiqiang.Storage.Settings;

/// <summary>
/// The store's settings by key. Known keys are checked before they are stored (<see cref="AsOfKey"/> must be a day), so a
/// bad value is refused with a bilingual reason instead of breaking every later judgement.
/// </summary>
public static class StoreSettings
{
    /// <summary>The day the store's data is judged as of when no <c>--today</c>/<c>?today=</c> is given (yyyy-MM-dd).</summary>
    public const string AsOfKey = "as-of";

    /// <summary>The keys the store understands (besides <see cref="LightKey"/>'s per-year keys).</summary>
    public static IReadOnlyList<string> Keys { get; } = [AsOfKey];

    /// <summary>The prefix of the per-plan-year 亮灯 thresholds: <c>light-2023</c> = <c>-5,-15</c> (yellow line, red line, in points).</summary>
    public const string LightPrefix = "light-";

    /// <summary>The key of <paramref name="planYear"/>'s 亮灯 thresholds, e.g. light-2023.</summary>
    public static string LightKey(int planYear) => LightPrefix + planYear.ToString("D4", CultureInfo.InvariantCulture);

    /// <summary>The 亮灯 thresholds of <paramref name="planYear"/>: the stored <see cref="LightKey"/>, else <see cref="LightThresholds.Default"/>.</summary>
    public static async Task<LightThresholds> LightThresholdsAsync(BaiqiangDbContext db, int planYear, CancellationToken ct)
    {
        var text = await GetAsync(db, LightKey(planYear), ct);
        return text is not null && LightThresholds.TryParse(text) is { Success: true } t ? t.Value : LightThresholds.Default;
    }

    public static async Task<string?> GetAsync(BaiqiangDbContext db, string key, CancellationToken ct) =>
        (await db.Settings.AsNoTracking().SingleOrDefaultAsync(s => s.Key == key, ct))?.Value;

    /// <summary>Stores <paramref name="value"/> under <paramref name="key"/> (audited as <paramref name="user"/>); the value
    /// as stored, or why it was refused.</summary>
    public static async Task<ParseResult<string>> SetAsync(BaiqiangDbContext db, string key, string value, string user, CancellationToken ct)
    {
        var checkedValue = Check(key, value.Trim());
        if (!checkedValue.Success)
        {
            return checkedValue;
        }

        var row = await db.Settings.SingleOrDefaultAsync(s => s.Key == key, ct);
        if (row is null)
        {
            db.Settings.Add(new StoreSettingEntity { Key = key, Value = checkedValue.Value });
        }
        else
        {
            row.Value = checkedValue.Value;
        }

        await db.SaveChangesAsAsync(user, ct);
        return checkedValue;
    }

    /// <summary>Removes the setting; false when it was not set.</summary>
    public static async Task<bool> UnsetAsync(BaiqiangDbContext db, string key, string user, CancellationToken ct)
    {
        var row = await db.Settings.SingleOrDefaultAsync(s => s.Key == key, ct);
        if (row is null)
        {
            return false;
        }

        db.Settings.Remove(row);
        await db.SaveChangesAsAsync(user, ct);
        return true;
    }

    /// <summary>The value normalised for <paramref name="key"/>, or why it cannot be stored.</summary>
    public static ParseResult<string> Check(string key, string value)
    {
        if (IsLightKey(key))
        {
            var t = LightThresholds.TryParse(value);
            return t.Success ? ParseResult<string>.Ok(t.Value.ToString()) : ParseResult<string>.Fail(t.Error!.Value);
        }

        if (!Keys.Contains(key, StringComparer.Ordinal))
        {
            return ParseResult<string>.Fail(
                $"未知的设置项“{key}”，可用：{string.Join("、", Keys)}、light-年度(如 light-2023)",
                $"unknown setting '{key}'; known: {string.Join(", ", Keys)}, light-YEAR (e.g. light-2023)");
        }

        if (key == AsOfKey)
        {
            return DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                ? ParseResult<string>.Ok(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
                : ParseResult<string>.Fail($"截至日期“{value}”应写作 2023-07-31", $"as-of day '{value}' must look like 2023-07-31");
        }

        return value.Length > StoreSettingEntity.MaxValueLength
            ? ParseResult<string>.Fail($"设置值过长（最多{StoreSettingEntity.MaxValueLength}字）", $"value too long (at most {StoreSettingEntity.MaxValueLength} characters)")
            : ParseResult<string>.Ok(value);
    }

    private static bool IsLightKey(string key) =>
        key.Length == LightPrefix.Length + 4 && key.StartsWith(LightPrefix, StringComparison.Ordinal)
        && int.TryParse(key.AsSpan(LightPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1949 and <= 2200;
}
