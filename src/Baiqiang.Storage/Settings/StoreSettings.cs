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

    /// <summary>How far a figure may stray from its region's last comparable figure before an import refuses it: a
    /// number above 1 (default <see cref="DefaultPlausibleMultiple"/>: more than 10× up or below 1/10 is refused).</summary>
    public const string PlausibleMultipleKey = "plausible-multiple";

    /// <summary>The multiple used when <see cref="PlausibleMultipleKey"/> is not set.</summary>
    public const decimal DefaultPlausibleMultiple = 10m;

    /// <summary>The keys the store understands (besides <see cref="LightKey"/>'s per-year keys).</summary>
    public static IReadOnlyList<string> Keys { get; } = [AsOfKey, PlausibleMultipleKey, FilingDayKey, SmtpKey, MailFromKey, WebhookKey, LastRunKey, StaleDealDaysKey];

    /// <summary>The day of the next month by which a monthly report is due (1–28, inclusive; default 5): 催报 after it.</summary>
    public const string FilingDayKey = "reminders.filing-day";

    /// <summary>Days without a stage change after which an open deal (not yet 投产, not lost) is reminded as stalled
    /// (1–3650; default <see cref="DefaultStaleDealDays"/>).</summary>
    public const string StaleDealDaysKey = "reminders.stale-deal-days";

    /// <summary>The stall used when <see cref="StaleDealDaysKey"/> is not set.</summary>
    public const int DefaultStaleDealDays = 90;

    /// <summary>The store's <see cref="StaleDealDaysKey"/>, else <see cref="DefaultStaleDealDays"/>.</summary>
    public static async Task<int> StaleDealDaysAsync(BaiqiangDbContext db, CancellationToken ct) =>
        int.TryParse(await GetAsync(db, StaleDealDaysKey, ct), NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days is >= 1 and <= 3650
            ? days
            : DefaultStaleDealDays;

    /// <summary>The SMTP server reminders are mailed through, <c>host:port</c> (no authentication; STARTTLS when offered).</summary>
    public const string SmtpKey = "reminders.smtp";

    /// <summary>The sender address of reminder emails.</summary>
    public const string MailFromKey = "reminders.mail-from";

    /// <summary>The 企业微信/钉钉 group robot webhook URL(s), space-separated.</summary>
    public const string WebhookKey = "reminders.webhook";

    /// <summary>The as-of day the web host's scheduled reminder sweep last ran for (yyyy-MM-dd), kept by the host.</summary>
    public const string LastRunKey = "reminders.last-run";

    /// <summary>The store's <see cref="PlausibleMultipleKey"/>, else <see cref="DefaultPlausibleMultiple"/>.</summary>
    public static async Task<decimal> PlausibleMultipleAsync(BaiqiangDbContext db, CancellationToken ct) =>
        await GetAsync(db, PlausibleMultipleKey, ct) is { } text
        && decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var multiple) && multiple > 1m
            ? multiple
            : DefaultPlausibleMultiple;

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

        if (key is AsOfKey or LastRunKey)
        {
            return DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                ? ParseResult<string>.Ok(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
                : ParseResult<string>.Fail($"截至日期“{value}”应写作 2023-07-31", $"as-of day '{value}' must look like 2023-07-31");
        }

        if (key == FilingDayKey)
        {
            return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var day) && day is >= 1 and <= 28
                ? ParseResult<string>.Ok(day.ToString(CultureInfo.InvariantCulture))
                : ParseResult<string>.Fail($"填报截止日“{value}”应为1到28之间的整数", $"filing day '{value}' must be a whole number from 1 to 28");
        }

        if (key == StaleDealDaysKey)
        {
            return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days is >= 1 and <= 3650
                ? ParseResult<string>.Ok(days.ToString(CultureInfo.InvariantCulture))
                : ParseResult<string>.Fail($"招商项目停滞天数“{value}”应为1到3650之间的整数", $"stale-deal days '{value}' must be a whole number from 1 to 3650");
        }

        if (key == SmtpKey && (value.Split(':') is not [var host, var port] || host.Length == 0
            || !int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var p) || p is < 1 or > 65535))
        {
            return ParseResult<string>.Fail($"邮件服务器“{value}”应写作 主机:端口，如 smtp.example.gov.cn:25", $"SMTP server '{value}' must look like host:port, e.g. smtp.example.gov.cn:25");
        }

        if (key == WebhookKey && value.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(u =>
                !Uri.TryCreate(u, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")) is { } bad)
        {
            return ParseResult<string>.Fail($"机器人地址“{bad}”不是 http(s) 网址", $"webhook '{bad}' is not an http(s) URL");
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

    /// <summary>True for a key the store understands: one of <see cref="Keys"/> or a plan year's <see cref="LightKey"/>.</summary>
    public static bool IsKnown(string key) => IsLightKey(key) || Keys.Contains(key, StringComparer.Ordinal);

    private static bool IsLightKey(string key) =>
        key.Length == LightPrefix.Length + 4 && key.StartsWith(LightPrefix, StringComparison.Ordinal)
        && int.TryParse(key.AsSpan(LightPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1949 and <= 2200;
}
