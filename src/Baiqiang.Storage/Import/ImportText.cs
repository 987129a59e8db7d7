using System.Globalization;
using System.Text;
using Baiqiang.Core.Quantities;
using Baiqiang.Core.Text;

namespace Baiqiang.Storage.Import;

/// <summary>Cell-level text rules shared by both layouts: numbers, growth, units, qualifiers, “no data” marks.</summary>
internal static class ImportText
{
    private const NumberStyles NumberStyle = NumberStyles.Float | NumberStyles.AllowThousands;

    /// <summary>Marks offices put in a cell that has no figure: -, —, --, /, …, ×, 无.</summary>
    public static bool IsNoData(ReadOnlySpan<char> cell)
    {
        var t = cell.Trim();
        return t.IsEmpty || t is "-" or "--" or "—" or "——" or "－" or "/" or "／" or "…" or "……" or "..." or "×" or "无" or "N/A" or "n/a" or "NA";
    }

    /// <summary>Parses an amount: invariant digits, optional sign, thousands separators and exponent; full-width
    /// digits and minus signs (－, −) are accepted.</summary>
    public static bool TryParseDecimal(ReadOnlySpan<char> cell, out decimal value)
    {
        var t = cell.Trim();
        if (decimal.TryParse(t, NumberStyle, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }

        var n = Normalize(t);
        return n is not null && decimal.TryParse(n, NumberStyle, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Reads the cell as a double (for telling an out-of-range number from a typo); full-width forms accepted.</summary>
    public static bool TryParseDouble(ReadOnlySpan<char> cell, out double value)
    {
        var t = cell.Trim();
        if (!t.IsEmpty && t[^1] is '%' or '％')
        {
            t = t[..^1].TrimEnd();
        }

        var n = Normalize(t);
        return n is null
            ? double.TryParse(t, NumberStyle, CultureInfo.InvariantCulture, out value)
            : double.TryParse(n, NumberStyle, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>True when the mantissa of a numeric literal (the part before any exponent) has a digit other than 0.</summary>
    public static bool HasNonZeroDigit(ReadOnlySpan<char> cell)
    {
        foreach (var c in cell)
        {
            if (c is 'e' or 'E')
            {
                return false;
            }

            if (c is (>= '1' and <= '9') or (>= '１' and <= '９'))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Parses a growth percentage: “7.8”, “7.8%”, “-2.1”, “−2.1％”.</summary>
    public static bool TryParsePercent(ReadOnlySpan<char> cell, out decimal value)
    {
        var t = cell.Trim();
        if (!t.IsEmpty && t[^1] is '%' or '％')
        {
            t = t[..^1].TrimEnd();
        }

        return TryParseDecimal(t, out value);
    }

    private static string? Normalize(ReadOnlySpan<char> t)
    {
        var changed = false;
        var sb = new StringBuilder(t.Length);
        foreach (var c in t)
        {
            var m = c switch
            {
                >= '０' and <= '９' => (char)('0' + (c - '０')),
                '－' or '−' or '—' or '–' => '-',
                '＋' => '+',
                '．' or '。' => '.',
                '，' => ',',
                _ => c,
            };
            changed |= m != c;
            sb.Append(m);
        }

        return changed ? sb.ToString() : null;
    }

    /// <summary>Finds a unit by symbol or alias in the shipped units (<see cref="UnitTable.Shipped"/>).</summary>
    public static ParseResult<Unit> ResolveUnit(string text) => ResolveUnit(text, UnitTable.Shipped);

    /// <summary>Finds a unit by symbol, alias or code in <paramref name="units"/> (traditional forms read as simplified).
    /// “亿” or “万” alone is ambiguous and fails saying so, listing the candidates.</summary>
    public static ParseResult<Unit> ResolveUnit(string text, UnitTable units)
    {
        ArgumentNullException.ThrowIfNull(units);
        var t = text.Trim();
        if (units.TryFind(t, out var unit))
        {
            return ParseResult<Unit>.Ok(unit);
        }

        var candidates = t.Length == 0 ? [] : units.SymbolsStartingWith(t).ToList();
        if (candidates.Count > 1)
        {
            var list = string.Join("、", candidates);
            return ParseResult<Unit>.Fail(
                $"计量单位“{t}”有歧义,可能是{list};请写出完整单位",
                $"unit '{t}' is ambiguous: it could be {string.Join(", ", candidates)}; write the unit in full");
        }

        if (candidates.Count == 1)
        {
            return ParseResult<Unit>.Fail(
                $"未知计量单位“{t}”,是否应为“{candidates[0]}”?",
                $"unknown unit '{t}'; did you mean '{candidates[0]}'?");
        }

        return ParseResult<Unit>.Fail($"未知计量单位“{t}”", $"unknown unit '{t}'");
    }

    /// <summary>Reads a qualifier: empty → Exact; an enum name (Exact, More …); or the Chinese word (余, 多, 近, 超, 逾, 以上, 约, 左右, 以下, 不足).</summary>
    public static bool TryParseQualifier(ReadOnlySpan<char> cell, out Qualifier qualifier)
    {
        var t = cell.Trim();
        qualifier = Qualifier.Exact;
        if (t.IsEmpty)
        {
            return true;
        }

        switch (t)
        {
            case "余" or "多" or "余/多":
                qualifier = Qualifier.More;
                return true;
            case "近":
                qualifier = Qualifier.Nearly;
                return true;
            case "超" or "逾" or "超过":
                qualifier = Qualifier.Over;
                return true;
            case "以上":
                qualifier = Qualifier.AtLeast;
                return true;
            case "约" or "左右":
                qualifier = Qualifier.About;
                return true;
            case "以下" or "不足":
                qualifier = Qualifier.AtMost;
                return true;
            case "精确" or "准确":
                return true;
            default:
                break;
        }

        if (int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            return false;
        }

        return Enum.TryParse(t, ignoreCase: true, out qualifier) && Enum.IsDefined(qualifier);
    }

    /// <summary>A number in messages: invariant, no trailing zeros beyond what was given.</summary>
    public static string Show(decimal value) => Trim(value).ToString(CultureInfo.InvariantCulture);

    /// <summary>The same value without trailing zeros: PostgreSQL's numeric(28,8) returns 880.5 as 880.50000000.</summary>
    public static decimal Trim(decimal value) => value / 1.000000000000000000000000000000000m;

    /// <summary>Collapses white space and maps full-width brackets, colon and percent sign to their ASCII forms.</summary>
    public static string NormalizeHeader(string text)
    {
        var sb = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = sb.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                sb.Append(' ');
                pendingSpace = false;
            }

            sb.Append(c switch
            {
                '（' => '(',
                '）' => ')',
                '【' or '[' => '(',
                '】' or ']' => ')',
                '％' => '%',
                '：' => ':',
                '－' or '—' or '–' or '～' or '~' => '-',
                _ => c,
            });
        }

        return sb.ToString();
    }
}
