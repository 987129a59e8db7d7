using System.Globalization;
using System.Text;
using Baiqiang.Core.Quantities;

namespace Baiqiang.Cli;

internal static class DecimalFormatting
{
    /// <summary>Drops trailing zeros (41.00 → 41) without changing the value.</summary>
    public static decimal Normalize(this decimal value) => value / 1.000000000000000000000000000000000m;

    public static string Invariant(this decimal value) => value.Normalize().ToString(CultureInfo.InvariantCulture);
}

internal static class QualifierText
{
    public static string Zh(Qualifier q) => q switch
    {
        Qualifier.More => "余",
        Qualifier.Nearly => "近",
        Qualifier.Over => "超",
        Qualifier.AtLeast => "以上",
        Qualifier.About => "约",
        Qualifier.AtMost => "以下",
        _ => string.Empty,
    };

    public static string En(Qualifier q) => q switch
    {
        Qualifier.More => "more",
        Qualifier.Nearly => "nearly",
        Qualifier.Over => "over",
        Qualifier.AtLeast => "at-least",
        Qualifier.About => "about",
        Qualifier.AtMost => "at-most",
        _ => "exact",
    };
}

/// <summary>A plain-text table that lines up Chinese (double-width) and Latin text in a terminal.</summary>
internal sealed class TextTable(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    public void Add(params string[] cells) => _rows.Add(cells);

    public int Count => _rows.Count;

    public void WriteTo(TextWriter writer)
    {
        var widths = headers.Select(Width).ToArray();
        foreach (var row in _rows)
        {
            for (var i = 0; i < row.Length && i < widths.Length; i++)
            {
                widths[i] = Math.Max(widths[i], Width(row[i]));
            }
        }

        WriteRow(writer, headers, widths);
        writer.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in _rows)
        {
            WriteRow(writer, row, widths);
        }
    }

    private static void WriteRow(TextWriter writer, string[] cells, int[] widths)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < widths.Length; i++)
        {
            var cell = i < cells.Length ? cells[i] : string.Empty;
            sb.Append(cell);
            if (i < widths.Length - 1)
            {
                sb.Append(' ', widths[i] - Width(cell) + 2);
            }
        }

        writer.WriteLine(sb.ToString().TrimEnd());
    }

    /// <summary>Display width: CJK and full-width characters take two columns.</summary>
    internal static int Width(string s)
    {
        var w = 0;
        foreach (var c in s)
        {
            w += c is (>= '\u1100' and <= '\u115F') or (>= '\u2E80' and <= '\uA4CF') or (>= '\uAC00' and <= '\uD7A3') or (>= '\uF900' and <= '\uFAFF') or (>= '\uFE30' and <= '\uFE4F') or (>= '\uFF00' and <= '\uFF60') or (>= '\uFFE0' and <= '\uFFE6') ? 2 : 1;
        }

        return w;
    }
}
