using System.Globalization;

namespace Baiqiang.Extraction;

internal static class Numbers
{
    /// <summary>Drops trailing zeros (14700.00 → 14700) without changing the value.</summary>
    public static decimal Strip(decimal value) => value / 1.0000000000000000000000000000m;

    public static string Text(decimal value) => Strip(value).ToString("0.############################", CultureInfo.InvariantCulture);
}
