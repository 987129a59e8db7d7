using Baiqiang.Core.Quantities;

namespace Baiqiang.Core.Projects;

/// <summary>
/// The project ledger keeps every amount as a <see cref="decimal"/> in 万元 (<see cref="Unit.WanYuan"/>). These helpers
/// convert to and from <see cref="Amount"/> with <see cref="Amount.ConvertTo"/> (exact; a non-money amount throws
/// <see cref="InvalidOperationException"/>).
/// </summary>
public static class ProjectMoney
{
    /// <summary>The internal unit: 万元.</summary>
    public static Unit InternalUnit => Unit.WanYuan;

    /// <summary>An amount in any money unit as 万元: 335.7亿元 → 3,357,000.</summary>
    public static decimal ToWanYuan(Amount amount) => Fmt.Normalize(amount.ConvertTo(Unit.WanYuan).Value);

    /// <summary>A 万元 figure as an <see cref="Amount"/> in <paramref name="unit"/> (default 万元): 1,768,000 → 176.8亿元.</summary>
    public static Amount FromWanYuan(decimal wanYuan, Unit? unit = null)
    {
        var a = Amount.WanYuan(wanYuan).ConvertTo(unit ?? Unit.WanYuan);
        return a with { Value = Fmt.Normalize(a.Value) };
    }
}
