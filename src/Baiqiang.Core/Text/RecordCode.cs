using System.Text;

namespace Baiqiang.Core.Text;

/// <summary>
/// The one rule for the codes offices give their records — project, deal, enterprise-request and target codes: a code
/// is compared in its canonical form (Unicode NFKC, trimmed: <c>ＡＹ2023-02</c> is <c>AY2023-02</c>) with ASCII letter
/// case folded (<c>ay2023-01</c> is <c>AY2023-01</c>), and a code holding a control or format character (a NUL byte,
/// a zero-width space) is refused. Every entry point — import, web form, API, CLI — goes through here, so variants of
/// one code are one record, never two.
/// </summary>
/// <remarks>A stored code keeps the spelling it was first given, for display; matching uses <see cref="Key"/>.
/// Case folding is ASCII-only so it agrees with SQLite's and PostgreSQL's <c>upper()</c> on every code in use.</remarks>
public static class RecordCode
{
    /// <summary>Compares codes by <see cref="Key"/>.</summary>
    public static IEqualityComparer<string> Comparer { get; } = new KeyComparer();

    /// <summary>The canonical spelling: NFKC, trimmed. Does not validate (see <see cref="Validate"/>).</summary>
    public static string Canonical(string? code)
    {
        var t = code ?? string.Empty;
        if (!t.IsNormalized(NormalizationForm.FormKC))
        {
            t = t.Normalize(NormalizationForm.FormKC);
        }

        return t.Trim();
    }

    /// <summary>The matching key: <see cref="Canonical"/> with ASCII letters upper-cased.</summary>
    public static string Key(string? code)
    {
        var t = Canonical(code);
        return string.Create(t.Length, t, static (span, s) =>
        {
            for (var i = 0; i < s.Length; i++)
            {
                var c = s[i];
                span[i] = c is >= 'a' and <= 'z' ? (char)(c - 32) : c;
            }
        });
    }

    /// <summary>Null when <paramref name="code"/> is a usable code; else why not (empty, control or format
    /// characters, longer than <paramref name="maxLength"/>), naming it as <paramref name="zhWhat"/> / <paramref name="enWhat"/>.</summary>
    public static Bilingual? Validate(string? code, int maxLength, string zhWhat, string enWhat)
    {
        var t = Canonical(code);
        if (t.Length == 0)
        {
            return new Bilingual($"{zhWhat}不能为空", $"the {enWhat} must not be empty");
        }

        foreach (var c in t)
        {
            if (char.IsControl(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format)
            {
                var shown = Printable(t);
                var hex = ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture);
                return new Bilingual(
                    $"{zhWhat}“{shown}”含有控制字符 U+{hex},不能使用",
                    $"{enWhat} '{shown}' contains the control character U+{hex}, which is not allowed");
            }
        }

        return t.Length > maxLength
            ? new Bilingual($"{zhWhat}“{t}”超过{maxLength}个字符", $"{enWhat} '{t}' is longer than {maxLength} characters")
            : null;
    }

    /// <summary>An error for two spellings that are one code after normalisation, naming both.</summary>
    public static Bilingual Collision(string zhWhat, string enWhat, string first, string second) => new(
        $"{zhWhat}“{Printable(first)}”与“{Printable(second)}”规范化后是同一编号",
        $"{enWhat} '{Printable(first)}' and '{Printable(second)}' are the same code once normalised");

    /// <summary>The text with control characters shown as \u0000 escapes, for messages.</summary>
    public static string Printable(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsControl(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format)
            {
                sb.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    private sealed class KeyComparer : IEqualityComparer<string>
    {
        public bool Equals(string? x, string? y) => x is null || y is null ? ReferenceEquals(x, y) : string.Equals(Key(x), Key(y), StringComparison.Ordinal);

        public int GetHashCode(string obj) => StringComparer.Ordinal.GetHashCode(Key(obj));
    }
}
