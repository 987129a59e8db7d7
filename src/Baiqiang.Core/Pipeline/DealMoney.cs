using System.Globalization;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Projects;
using Baiqiang.Core.Text;

namespace Baiqiang.Core.Pipeline;

/// <summary>A deal's contract: 合同投资 (万元) and the date it was signed.</summary>
public sealed record DealContract(decimal Amount, DateOnly SignedOn);

/// <summary>One month of a deal's 实际到位资金 as stored, 万元.</summary>
/// <param name="Month">填报月份.</param>
/// <param name="ThisMonth">本月到位.</param>
/// <param name="Cumulative">累计到位: from the contract on, not reset in January.</param>
/// <param name="PreviousCumulative">The cumulative the figures were checked against (for an opening report, 期初累计).</param>
/// <param name="IsOpeningBalance">True when <paramref name="PreviousCumulative"/> is an opening balance carried by the deal's first report.</param>
/// <param name="Note">备注 (required when the cumulative is above 合同投资).</param>
/// <param name="OverContract">True when the cumulative is above 合同投资: allowed with a note, and flagged.</param>
public sealed record FundsMonth(ReportingMonth Month, decimal ThisMonth, decimal Cumulative, decimal PreviousCumulative, bool IsOpeningBalance, string Note, bool OverContract);

/// <summary>A month of 到位资金 to check: an import row (<paramref name="Row"/> &gt; 0) or a stored month (0). Either
/// figure may be blank (null) and is then derived from the previous cumulative.</summary>
public sealed record FundsEntry(ReportingMonth Month, decimal? ThisMonth, decimal? Cumulative, string Note, int Row);

/// <summary>A refusal of <see cref="DealFunds.Check"/>: the import row, the column key (<c>this_month</c>, <c>cumulative</c>, <c>note</c>, <c>month</c>) and why.</summary>
public sealed record FundsError(int Row, string Column, Bilingual Reason);

/// <summary>
/// The monthly 到位资金 of a deal, checked with the key projects' cumulative rule (<see cref="CumulativeFigures"/>).
/// </summary>
/// <remarks>
/// <para>累计到位 runs from the contract on (it is what 资金到位率 divides by 合同投资), so unlike 完成投资 it is not reset
/// in January. Each month's cumulative equals the previous reported month's cumulative plus 本月到位 exactly; a cumulative
/// that decreases is refused. The deal's first reported month may carry an opening balance (期初累计) = 累计到位 − 本月到位
/// when both are given, like a key project's first report of a year.</para>
/// <para>A cumulative above 合同投资 is allowed only with a note (备注) and is flagged (<see cref="FundsMonth.OverContract"/>).</para>
/// <para>New rows are merged with the stored months (a row replaces the stored month it names) and the whole chain is
/// checked again, so a changed month cannot leave a later stored month inconsistent; such a conflict is reported on the
/// latest import row before it.</para>
/// </remarks>
public static class DealFunds
{
    /// <summary>Checks <paramref name="incoming"/> against <paramref name="stored"/>; returns the full chain, or the errors and no chain.</summary>
    public static (IReadOnlyList<FundsMonth> Chain, IReadOnlyList<FundsError> Errors) Check(
        string dealCode, decimal? contract, IEnumerable<FundsMonth> stored, IEnumerable<FundsEntry> incoming)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(incoming);
        var errors = new List<FundsError>();
        var merged = new SortedDictionary<ReportingMonth, FundsEntry>();
        foreach (var s in stored)
        {
            merged[s.Month] = new FundsEntry(s.Month, s.ThisMonth, s.Cumulative, s.Note, 0);
        }

        var seen = new HashSet<ReportingMonth>();
        foreach (var e in incoming)
        {
            if (!seen.Add(e.Month))
            {
                errors.Add(new FundsError(e.Row, "month", new Bilingual($"项目{dealCode}的{e.Month}重复出现", $"deal {dealCode} appears twice for {e.Month}")));
                continue;
            }

            if (e.ThisMonth is null && e.Cumulative is null)
            {
                errors.Add(new FundsError(e.Row, "cumulative", new Bilingual("本月到位和累计到位不能都为空", "this month's and the cumulative funds must not both be empty")));
                continue;
            }

            merged[e.Month] = e;
        }

        var chain = new List<FundsMonth>(merged.Count);
        decimal? last = null;
        var lastRow = 0;
        foreach (var e in merged.Values)
        {
            lastRow = e.Row > 0 ? e.Row : lastRow;
            var previous = last ?? 0m;
            var thisMonth = e.ThisMonth ?? (e.Cumulative!.Value - previous);
            var cumulative = e.Cumulative ?? (previous + e.ThisMonth!.Value);
            var opening = last is null && e.ThisMonth is not null && e.Cumulative is not null ? CumulativeFigures.Opening(thisMonth, cumulative, false) : null;
            previous = opening ?? previous;
            if (CumulativeFigures.Validate(thisMonth, cumulative, previous, CumulativeWording.FundsInPlace) is { } error)
            {
                var column = cumulative < previous || e.ThisMonth is null ? "cumulative" : "this_month";
                if (e.Row > 0)
                {
                    errors.Add(new FundsError(e.Row, column, error));
                }
                else if (lastRow > 0)
                {
                    errors.Add(new FundsError(lastRow, column, new Bilingual($"与已存的{e.Month}到位资金不符:{error.Zh}", $"conflicts with the stored {e.Month} funds: {error.En}")));
                }

                continue; // the next month is checked against the last valid cumulative, so one bad row gives one error
            }

            last = cumulative;
            var over = contract is { } c && cumulative > c;
            if (over && e.Row > 0 && string.IsNullOrWhiteSpace(e.Note))
            {
                errors.Add(new FundsError(e.Row, "note", new Bilingual(
                    $"累计到位{Wan(cumulative)}超过合同投资{Wan(contract!.Value)},须在备注中说明",
                    $"the cumulative funds {N(cumulative)} exceed the contracted investment {N(contract!.Value)} (10k yuan); a note is required")));
                continue;
            }

            chain.Add(new FundsMonth(e.Month, thisMonth, cumulative, previous, opening is not null, e.Note.Trim(), over));
        }

        return errors.Count > 0 ? ([], errors) : (chain, errors);
    }

    /// <summary>累计到位 as at the end of <paramref name="month"/>: the cumulative of the latest reported month ≤ it, or 0.</summary>
    public static decimal InPlaceAt(IEnumerable<FundsMonth> months, ReportingMonth month)
    {
        ArgumentNullException.ThrowIfNull(months);
        FundsMonth? best = null;
        foreach (var m in months)
        {
            if (m.Month <= month && (best is null || m.Month > best.Month))
            {
                best = m;
            }
        }

        return best?.Cumulative ?? 0m;
    }

    /// <summary>本年到位: the sum of 本月到位 of <paramref name="month"/>'s year through that month (an opening balance is not part of it).</summary>
    public static decimal ThisYearAt(IEnumerable<FundsMonth> months, ReportingMonth month)
    {
        ArgumentNullException.ThrowIfNull(months);
        return months.Where(m => m.Month.Year == month.Year && m.Month <= month).Sum(m => m.ThisMonth);
    }

    internal static string Wan(decimal v) => N(v) + "万元";

    internal static string N(decimal v) => (v / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);

    internal static string P(decimal? v) => v is { } x ? Math.Round(x, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture) + "%" : "—";
}

/// <summary>资金到位率 of a deal, a cohort or a period: 实际到位资金 ÷ 合同投资 × 100, with its base spelled out.</summary>
/// <param name="InPlace">实际到位资金 (累计到位 as at the end), 万元.</param>
/// <param name="Contracted">合同投资 of the base, 万元.</param>
/// <param name="Deals">Deals in the base.</param>
/// <param name="BaseLabel">What the base is, e.g. "本期签约项目".</param>
public sealed record FundsRate(decimal InPlace, decimal Contracted, int Deals, string BaseLabel)
{
    public const string NameZh = "资金到位率";

    public const string NameEn = "funds-in-place rate";

    /// <summary>InPlace ÷ Contracted × 100; null when nothing was contracted.</summary>
    public decimal? Percent => Contracted == 0 ? null : InPlace * 100m / Contracted;

    /// <summary>"资金到位率(基数:本期签约项目合同投资) = 实际到位资金 7500 ÷ 合同投资 10000 万元 × 100 = 75.00%(2个项目)".</summary>
    public string Formula => string.Create(CultureInfo.InvariantCulture,
        $"{NameZh}(基数:{BaseLabel}合同投资) = 实际到位资金 {DealFunds.N(InPlace)} ÷ 合同投资 {DealFunds.N(Contracted)} 万元 × 100 = {DealFunds.P(Percent)}({Deals}个项目)");
}

/// <summary>What <see cref="FundsRates"/> needs of one deal with a contract: 合同投资, its date, and 累计到位 at the period's end.</summary>
public readonly record struct DealFundsFacts(decimal Contracted, DateOnly ContractOn, decimal InPlaceAtEnd);

/// <summary>资金到位率 of a period, for its cohort and for every deal under contract by its end, with 本期到位资金.</summary>
/// <param name="Cohort">Deals whose contract was signed in the period.</param>
/// <param name="Period">Every deal whose contract was signed by the period's end.</param>
/// <param name="ArrivedInPeriod">本期到位资金: the sum of 本月到位 of the months in the period, 万元.</param>
public sealed record FundsRates(FundsRate Cohort, FundsRate Period, decimal ArrivedInPeriod)
{
    public const string CohortBase = "本期签约项目";

    public const string PeriodBase = "截至期末已签合同项目";

    public const string DealBase = "本项目";

    /// <summary>A deal's own rate: its 累计到位 ÷ its 合同投资.</summary>
    public static FundsRate ForDeal(DealContract contract, decimal inPlace)
    {
        ArgumentNullException.ThrowIfNull(contract);
        return new FundsRate(inPlace, contract.Amount, 1, DealBase);
    }

    /// <summary>The cohort and period rates of <paramref name="facts"/> (累计到位 taken at the period's last month).</summary>
    public static FundsRates Compute(IEnumerable<DealFundsFacts> facts, StatPeriod period, decimal arrivedInPeriod)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var (start, end) = (period.Start, period.End);
        decimal cIn = 0, cBase = 0, pIn = 0, pBase = 0;
        int cN = 0, pN = 0;
        foreach (var f in facts)
        {
            if (f.ContractOn > end)
            {
                continue;
            }

            pN++;
            pIn += f.InPlaceAtEnd;
            pBase += f.Contracted;
            if (f.ContractOn >= start)
            {
                cN++;
                cIn += f.InPlaceAtEnd;
                cBase += f.Contracted;
            }
        }

        return new FundsRates(new FundsRate(cIn, cBase, cN, CohortBase), new FundsRate(pIn, pBase, pN, PeriodBase), arrivedInPeriod);
    }
}
