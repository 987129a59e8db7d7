using Baiqiang.Core.Text;

namespace Baiqiang.Core.Evaluation;

/// <summary>
/// Thrown when a decision matrix, weight vector or method parameter cannot be evaluated (NaN/∞ values,
/// duplicate names, non-positive values for a geometric mean, an inconsistent AHP matrix under strict mode, …).
/// <see cref="Exception.Message"/> is "中文 / English"; <see cref="Reason"/> holds the two halves.
/// </summary>
public sealed class EvaluationException : Exception
{
    public EvaluationException()
        : this(new Bilingual("综合评价参数无效", "invalid evaluation input"))
    {
    }

    public EvaluationException(string message)
        : base(message)
    {
        Reason = new Bilingual(message, message);
    }

    public EvaluationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Reason = new Bilingual(message, message);
    }

    public EvaluationException(Bilingual reason)
        : base(reason.ToString())
    {
        Reason = reason;
    }

    /// <summary>The reason, Chinese first then English.</summary>
    public Bilingual Reason { get; }

    internal static EvaluationException Of(string zh, string en) => new(new Bilingual(zh, en));
}
