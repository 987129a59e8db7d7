namespace Baiqiang.Core.Quantities;

/// <summary>How exact a reported figure is: the qualifiers reports attach (1.47万余家, 近3亿元, 超10亿元).</summary>
public enum Qualifier
{
    /// <summary>No qualifier: the figure as stated.</summary>
    Exact = 0,
    /// <summary>余/多: a little more than (1.47万余家 ≈ 14,700 or more).</summary>
    More = 1,
    /// <summary>近: nearly, a little less than.</summary>
    Nearly = 2,
    /// <summary>超/逾: exceeding.</summary>
    Over = 3,
    /// <summary>以上: at least (≥).</summary>
    AtLeast = 4,
    /// <summary>约/左右: about.</summary>
    About = 5,
    /// <summary>以下/不足: at most / under.</summary>
    AtMost = 6,
}

/// <summary>
/// An exact quantity: a <see cref="decimal"/> value in a <see cref="Unit"/>, with the qualifier the source gave it.
/// </summary>
/// <remarks>
/// Values are never floating point. Conversion (<see cref="ConvertTo"/>) is exact within a dimension and throws
/// <see cref="InvalidOperationException"/> across dimensions (万元 → 家). Equality is structural (value, unit,
/// qualifier): 1亿元 and 10000万元 are different amounts that are <see cref="IsEquivalentTo"/> each other.
/// </remarks>
public readonly record struct Amount(decimal Value, Unit Unit, Qualifier Qualifier = Qualifier.Exact)
{
    /// <summary>The value in the dimension's base unit (元, 平方米, one of the count noun …).</summary>
    public decimal BaseValue => Value * Unit.Factor;

    public Amount ConvertTo(Unit target)
    {
        if (!Unit.IsCompatibleWith(target))
        {
            throw new InvalidOperationException($"不能把{Unit.Symbol}换算为{target.Symbol} / cannot convert {Unit.EnglishName} to {target.EnglishName}");
        }

        return ReferenceEquals(Unit, target) || Unit.Equals(target) ? this : new Amount(Value * Unit.Factor / target.Factor, target, Qualifier);
    }

    /// <summary>Same quantity after conversion (ignores qualifier).</summary>
    public bool IsEquivalentTo(Amount other) => Unit.IsCompatibleWith(other.Unit) && BaseValue == other.BaseValue;

    public static Amount Yuan(decimal v) => new(v, Unit.Yuan);

    public static Amount WanYuan(decimal v) => new(v, Unit.WanYuan);

    public static Amount YiYuan(decimal v) => new(v, Unit.YiYuan);

    public static Amount Percent(decimal v) => new(v, Unit.Percent);

    public static Amount Points(decimal v) => new(v, Unit.PercentagePoint);
}
