using Baiqiang.Core.Periods;
using Baiqiang.Core.Regions;

namespace Baiqiang.Core.Services;

/// <summary>Who received the money: an enterprise or an individual business (个体工商户).</summary>
public enum BeneficiaryKind
{
    /// <summary>企业.</summary>
    Enterprise = 1,

    /// <summary>个体工商户.</summary>
    IndividualBusiness = 2,
}

/// <summary>奖补 (a payment) or 减免 (a waiver, such as rent relief).</summary>
public enum CashOutKind
{
    /// <summary>奖补.</summary>
    Subsidy = 1,

    /// <summary>减免.</summary>
    Relief = 2,
}

/// <summary>One policy cash-out (奖补兑现 / 减免) to one beneficiary.</summary>
/// <remarks>Amount in 万元, &gt; 0. <see cref="CreditCode"/> is set for enterprises that have one; individual
/// businesses may have none.</remarks>
public sealed record PolicyCashOut(string Id, string Programme, CashOutKind Kind, BeneficiaryKind BeneficiaryKind, string Beneficiary, RegionCode Region, decimal Amount, DateOnly On)
{
    public decimal Amount { get; } = Amount > 0 ? Amount : throw new ArgumentOutOfRangeException(nameof(Amount), Amount, "兑现金额须大于0 / the amount must be greater than 0");

    public UnifiedSocialCreditCode? CreditCode { get; init; }
}

/// <summary>Totals of cash-outs by programme.</summary>
/// <param name="Programme">政策项目.</param>
/// <param name="Kind">奖补 or 减免.</param>
/// <param name="Enterprises">Distinct enterprise beneficiaries.</param>
/// <param name="IndividualBusinesses">Distinct individual-business beneficiaries.</param>
/// <param name="Amount">Total, 万元.</param>
public sealed record CashOutTotal(string Programme, CashOutKind Kind, int Enterprises, int IndividualBusinesses, decimal Amount);

/// <summary>Totals by programme over a period (江阳: 779.19万元 of rent waived for 336 firms and 76 sole traders).</summary>
public static class CashOutTotals
{
    public static IReadOnlyList<CashOutTotal> ByProgramme(IEnumerable<PolicyCashOut> cashOuts, StatPeriod period)
    {
        ArgumentNullException.ThrowIfNull(cashOuts);
        return cashOuts
            .Where(c => c.On >= period.Start && c.On <= period.End)
            .GroupBy(c => (c.Programme, c.Kind))
            .OrderBy(g => g.Key.Programme, StringComparer.Ordinal)
            .Select(g => new CashOutTotal(
                g.Key.Programme,
                g.Key.Kind,
                g.Where(c => c.BeneficiaryKind == BeneficiaryKind.Enterprise).Select(c => c.Beneficiary).Distinct(StringComparer.Ordinal).Count(),
                g.Where(c => c.BeneficiaryKind == BeneficiaryKind.IndividualBusiness).Select(c => c.Beneficiary).Distinct(StringComparer.Ordinal).Count(),
                g.Sum(c => c.Amount)))
            .ToList();
    }
}
