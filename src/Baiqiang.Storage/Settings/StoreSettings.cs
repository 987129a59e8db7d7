using System.Globalization;
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

    /// <summary>How far a figure may stray from its region's last comparable figure before an import refuses it: a
    /// number above 1 (default <see cref="DefaultPlausibleMultiple"/>: more than 10× up or below 1/10 is refused).</summary>
    public const string PlausibleMultipleKey = "plausible-multiple";

    /// <summary>The multiple used when <see cref="PlausibleMultipleKey"/> is not set.</summary>
    public const decimal DefaultPlausibleMultiple = 10m;

    /// <summary>The keys the store understands.</summary>
    public static IReadOnlyList<string> Keys { get; } = [AsOfKey, PlausibleMultipleKey];

    /// <summary>The store's <see cref="PlausibleMultipleKey"/>, else <see cref="DefaultPlausibleMultiple"/>.</summary>
    public static async Task<decimal> PlausibleMultipleAsync(BaiqiangDbContext db, CancellationToken ct) =>
        await GetAsync(db, PlausibleMultipleKey, ct) is { } text
        && decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var multiple) && multiple > 1m
            ? multiple
            : DefaultPlausibleMultiple;

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
        if (!Keys.Contains(key, StringComparer.Ordinal))
        {
            return ParseResult<string>.Fail(
                $"未知的设置项“{key}”，可用：{string.Join("、", Keys)}",
                $"unknown setting '{key}'; known: {string.Join(", ", Keys)}");
        }

        if (key == AsOfKey)
        {
            return DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                ? ParseResult<string>.Ok(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
                : ParseResult<string>.Fail($"截至日期“{value}”应写作 2023-07-31", $"as-of day '{value}' must look like 2023-07-31");
        }

        if (key == PlausibleMultipleKey)
        {
            return decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var multiple) && multiple > 1m && multiple <= 1_000_000m
                ? ParseResult<string>.Ok(multiple.ToString(CultureInfo.InvariantCulture))
                : ParseResult<string>.Fail(
                    $"合理倍数“{value}”应为大于1的数(如 10：超过上一可比数据的10倍或不足其1/10即拒绝)",
                    $"plausible multiple '{value}' must be a number above 1 (e.g. 10: more than 10× the last comparable figure, or under 1/10 of it, is refused)");
        }

        return value.Length > StoreSettingEntity.MaxValueLength
            ? ParseResult<string>.Fail($"设置值过长（最多{StoreSettingEntity.MaxValueLength}字）", $"value too long (at most {StoreSettingEntity.MaxValueLength} characters)")
            : ParseResult<string>.Ok(value);
    }
}
