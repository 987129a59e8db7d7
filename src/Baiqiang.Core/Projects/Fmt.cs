using System.Globalization;
using Baiqiang.Core.Quantities;

namespace Baiqiang.Core.Projects;

/// <summary>Culture-invariant formatting shared by the project ledger.</summary>
internal static class Fmt
{
    /// <summary>ISO date, e.g. 2022-06-30.</summary>
    public static string D(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A number as given, trailing zeros removed (1768000.00 → 1768000).</summary>
    public static string N(decimal v) => Normalize(v).ToString(CultureInfo.InvariantCulture);

    /// <summary>A 万元 figure shown in 亿元 (1768000 → "176.8亿元"), converted with <see cref="Amount.ConvertTo"/>.</summary>
    public static string Yi(decimal wan) => N(Amount.WanYuan(wan).ConvertTo(Unit.YiYuan).Value) + "亿元";

    /// <summary>A 万元 figure, e.g. "12.5万元".</summary>
    public static string Wan(decimal wan) => N(wan) + "万元";

    /// <summary>Two decimals, half away from zero.</summary>
    public static string P(decimal v) => Math.Round(v, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture);

    public static decimal Normalize(decimal v) => v / 1.000000000000000000000000000000000m;

    public static string Ym(int year, int month) => string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{month:D2}");
}
