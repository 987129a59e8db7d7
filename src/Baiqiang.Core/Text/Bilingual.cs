namespace Baiqiang.Core.Text;

/// <summary>A message in Chinese (shown first) and English, for errors users read.</summary>
public readonly record struct Bilingual(string Zh, string En)
{
    /// <summary>"中文 / English" — the form used in CLI output and import reports.</summary>
    public override string ToString() => $"{Zh} / {En}";
}

/// <summary>The outcome of a non-throwing parse: a value, or a bilingual reason it failed.</summary>
public readonly record struct ParseResult<T>
{
    private readonly T? _value;

    private ParseResult(T? value, Bilingual? error)
    {
        _value = value;
        Error = error;
    }

    public bool Success => Error is null;

    /// <summary>The parsed value. Throws <see cref="FormatException"/> with the bilingual reason when the parse failed.</summary>
    public T Value => Error is { } e ? throw new FormatException(e.ToString()) : _value!;

    public Bilingual? Error { get; }

    public static ParseResult<T> Ok(T value) => new(value, null);

    public static ParseResult<T> Fail(string zh, string en) => new(default, new Bilingual(zh, en));

    public static ParseResult<T> Fail(Bilingual error) => new(default, error);
}
