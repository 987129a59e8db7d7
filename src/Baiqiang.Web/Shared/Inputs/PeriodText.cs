using Baiqiang.Core.Periods;
using Baiqiang.Core.Text;

namespace Baiqiang.Web.Shared.Inputs;

/// <summary>
/// A period as a person types it on a page — canonical (<c>2022-01..06</c>) or Chinese (<c>2022年1-6月</c>, <c>2022年上半年</c>,
/// <c>2022年一季度</c>, <c>前三季度</c>, traditional or full-width) — read by <see cref="ChinesePeriodParser"/> and turned into
/// the canonical string that URLs and the API carry.
/// </summary>
/// <remarks>Relative words (今年, 上年, or a span without a year such as 前三季度) resolve against the page's as-of day
/// (the store's <c>as-of</c> setting, else today), the day every other judgement on the pages uses.</remarks>
public static class PeriodText
{
    /// <summary>The canonical string for <paramref name="text"/>, or a bilingual reason it cannot be read.</summary>
    public static ParseResult<string> ToCanonical(string text, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parsed = ChinesePeriodParser.TryParse(text, asOf);
        return parsed.Success
            ? ParseResult<string>.Ok(parsed.Value.ToString())
            : ParseResult<string>.Fail($"期别:{parsed.Error!.Value.Zh}", $"period: {parsed.Error!.Value.En}");
    }
}
