namespace Baiqiang.Extraction.Tokens;

/// <summary>
/// A set of characters as a bitmap over the whole UTF-16 range (8 KB): one shift and one mask per test. Scanners use it to rule
/// out a word list with one look-up (no listed word starts or ends with this character) before comparing word by word.
/// </summary>
internal sealed class CharSet
{
    private readonly uint[] _bits = new uint[(char.MaxValue + 1) / 32];

    private CharSet()
    {
    }

    /// <summary>The first characters of <paramref name="words"/> (empty words ignored).</summary>
    public static CharSet FirstOf(IEnumerable<string> words) => Of(words, w => w[0]);

    /// <summary>The last characters of <paramref name="words"/> (empty words ignored).</summary>
    public static CharSet LastOf(IEnumerable<string> words) => Of(words, w => w[^1]);

    /// <summary>Whether <paramref name="c"/> is in the set.</summary>
    public bool Contains(char c) => (_bits[c >> 5] & (1u << c)) != 0;

    private static CharSet Of(IEnumerable<string> words, Func<string, char> pick)
    {
        var set = new CharSet();
        foreach (var w in words)
        {
            if (w.Length > 0)
            {
                var c = pick(w);
                set._bits[c >> 5] |= 1u << c;
            }
        }

        return set;
    }
}
