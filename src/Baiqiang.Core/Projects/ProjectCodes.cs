using System.Globalization;
using Baiqiang.Core.Regions;
using Baiqiang.Core.Text;

namespace Baiqiang.Core.Projects;

/// <summary>
/// Codes assigned to projects an office's sheet lists without one: <c>{region}-{plan year}-{serial}</c>, e.g.
/// <c>320612-2023-007</c> (serial at least 3 digits, counting on from the highest serial with the same prefix).
/// </summary>
/// <remarks>Every code goes through <see cref="RecordCode.Canonical"/> and <see cref="Project.ValidateCode"/> (an invalid one throws <see cref="ArgumentException"/>).</remarks>
public static class ProjectCodes
{
    /// <summary>"320612-2023-": the prefix of the region's codes for the plan year.</summary>
    public static string Prefix(RegionCode region, int planYear)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(planYear, Periods.StatPeriod.MinYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(planYear, Periods.StatPeriod.MaxYear);
        return RecordCode.Canonical(string.Create(CultureInfo.InvariantCulture, $"{region}-{planYear:D4}-"));
    }

    /// <summary>The code with <paramref name="serial"/> (≥ 1).</summary>
    public static string Assign(RegionCode region, int planYear, int serial)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(serial, 1);
        var code = RecordCode.Canonical(Prefix(region, planYear) + serial.ToString("D3", CultureInfo.InvariantCulture));
        return Project.ValidateCode(code) is { } e ? throw new ArgumentException(e.ToString(), nameof(region)) : code;
    }

    /// <summary>For a code of this form, its prefix ("320612-2023-") and serial; null for any other code.</summary>
    public static (string Prefix, int Serial)? SerialOf(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var c = RecordCode.Canonical(code);
        var dash = c.LastIndexOf('-');
        if (dash <= 0 || dash == c.Length - 1
            || !int.TryParse(c.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var serial))
        {
            return null;
        }

        var prefix = c[..(dash + 1)];
        var first = prefix.IndexOf('-', StringComparison.Ordinal);
        return first > 0 && first + 5 == dash && RegionCode.TryParse(prefix[..first], out _)
            && int.TryParse(prefix.AsSpan(first + 1, 4), NumberStyles.None, CultureInfo.InvariantCulture, out _)
            ? (prefix, serial) : null;
    }
}
