namespace Baiqiang.Core.Observations;

/// <summary>The price basis a published growth rate was computed on.</summary>
/// <remarks>
/// Bulletins publish real growth of value added at comparable prices (按可比价计算) and nominal growth of sales, revenue and
/// investment at current prices (按现价计算). The two are different facts: one figure may carry both, and neither replaces
/// the other. <see cref="Unknown"/> is what a source that does not say gets; it is never guessed.
/// </remarks>
public enum GrowthBasis
{
    /// <summary>The source does not say (未注明).</summary>
    Unknown = 0,
    /// <summary>At comparable (constant) prices, i.e. real growth (可比价).</summary>
    Comparable = 1,
    /// <summary>At current prices, i.e. nominal growth (现价).</summary>
    Current = 2,
}

/// <summary>The texts of a <see cref="GrowthBasis"/>: what files and reports write, and what Baiqiang prints.</summary>
public static class GrowthBasisText
{
    /// <summary>Reads 可比价 / 按可比价计算 / 可比 / comparable, 现价 / 按现价计算 / current (traditional forms too);
    /// blank, 未注明 or unknown → <see cref="GrowthBasis.Unknown"/>. False for any other text.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out GrowthBasis basis)
    {
        var t = text.Trim().ToString().Replace("價", "价", StringComparison.Ordinal).Replace("計", "计", StringComparison.Ordinal)
            .Replace("按", string.Empty, StringComparison.Ordinal).Replace("计算", string.Empty, StringComparison.Ordinal)
            .Replace("格", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
        GrowthBasis? found = t switch
        {
            "" or "未注明" or "unknown" or "unstated" => GrowthBasis.Unknown,
            "可比价" or "可比" or "comparable" or "real" => GrowthBasis.Comparable,
            "现价" or "現价" or "current" or "nominal" => GrowthBasis.Current,
            _ => null,
        };
        basis = found ?? GrowthBasis.Unknown;
        return found is not null;
    }

    /// <summary>The file's cell: 可比价, 现价 or empty (what exports write and imports read back).</summary>
    public static string Zh(GrowthBasis basis) => basis switch
    {
        GrowthBasis.Comparable => "可比价",
        GrowthBasis.Current => "现价",
        _ => string.Empty,
    };

    /// <summary>comparable, current or empty.</summary>
    public static string En(GrowthBasis basis) => basis switch
    {
        GrowthBasis.Comparable => "comparable",
        GrowthBasis.Current => "current",
        _ => string.Empty,
    };

    /// <summary>The phrase a report puts before the growth: 按可比价计算， / 按现价计算， / empty.</summary>
    public static string ReportPrefix(GrowthBasis basis) => basis switch
    {
        GrowthBasis.Comparable => "按可比价计算，",
        GrowthBasis.Current => "按现价计算，",
        _ => string.Empty,
    };

    /// <summary>The English phrase: "at comparable prices, " / "at current prices, " / empty.</summary>
    public static string ReportPrefixEn(GrowthBasis basis) => basis switch
    {
        GrowthBasis.Comparable => "at comparable prices, ",
        GrowthBasis.Current => "at current prices, ",
        _ => string.Empty,
    };
}
