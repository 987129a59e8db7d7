namespace Baiqiang.Core.Text;

/// <summary>
/// Keeps text cells of exported spreadsheets from running as formulas (OWASP “CSV injection”): a text that starts with
/// <c>=</c>, <c>+</c>, <c>-</c>, <c>−</c>, <c>@</c>, a tab or a carriage return (or their full-width forms, which
/// spreadsheet programs also accept) is written with a leading apostrophe, which Excel and WPS show as plain text.
/// Imports take the apostrophe off again (<see cref="Restore"/>), so an exported name re-imports as itself.
/// </summary>
/// <remarks>Only for text columns (names, descriptions, free text). A numeric column is written as a number: −8.7 stays −8.7.</remarks>
public static class FormulaText
{
    /// <summary>True when a spreadsheet program could read <paramref name="text"/> as a formula.</summary>
    public static bool LooksLikeFormula(ReadOnlySpan<char> text)
        => !text.IsEmpty && text[0] is '=' or '+' or '-' or '−' or '@' or '\t' or '\r' or '＝' or '＋' or '－' or '＠';

    /// <summary>The text to write in a CSV text cell: <paramref name="text"/>, with a leading apostrophe when it looks like a formula.</summary>
    public static string Neutralize(string? text)
    {
        var t = text ?? string.Empty;
        return LooksLikeFormula(t) ? "'" + t : t;
    }

    /// <summary>The text an import keeps from a text cell: without the apostrophe <see cref="Neutralize"/> added. An
    /// apostrophe before anything else (“'s-Hertogenbosch”) is the cell's own and stays.</summary>
    public static string Restore(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length > 1 && text[0] == '\'' && LooksLikeFormula(text.AsSpan(1)) ? text[1..] : text;
    }

    /// <summary>A CSV text field: neutralised against formulas (<see cref="Neutralize"/>), quoted when it holds a comma,
    /// quote or line break.</summary>
    public static string CsvField(string? text)
    {
        var s = Neutralize(text);
        return s.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
    }
}
