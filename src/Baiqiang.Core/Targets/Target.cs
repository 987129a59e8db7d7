using Baiqiang.Core.Indicators;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Quantities;
using Baiqiang.Core.Regions;

namespace Baiqiang.Core.Targets;

/// <summary>How the achieved figure must compare with the target value.</summary>
public enum Comparator
{
    /// <summary>≥ (以上, 突破, 翻一番).</summary>
    AtLeast = 1,
    /// <summary>≤ (控制在…以内, 以下).</summary>
    AtMost = 2,
    /// <summary>= exactly.</summary>
    Equal = 3,
}

/// <summary>What a target is about.</summary>
public enum TargetSubjectKind
{
    /// <summary>A catalogue indicator: <see cref="Target.Subject"/> is an indicator code (<c>industrial_output_total</c>).</summary>
    Indicator = 1,
    /// <summary>A named count (<c>new_signed_projects</c>): the value is in a count unit (个, 家, 项 …).</summary>
    Count = 2,
    /// <summary>A named amount that is not a catalogue indicator (<c>new_investment_attracted</c>).</summary>
    Amount = 3,
}

/// <summary>
/// A goal from a plan or work report: "工业总产值在2020年基础上翻一番" (by 2025), "新签约项目100个以上" (2023).
/// </summary>
/// <remarks>
/// <para>Exactly one form is given: an absolute <see cref="Value"/>, or a <see cref="MultipleOfBase"/> (2 = 翻一番)
/// of the value in <see cref="BasePeriod"/>, which must come before <see cref="Deadline"/>. Anything else throws
/// <see cref="ArgumentException"/> with a bilingual message, as do a blank id or subject, a subject that is not an
/// indicator code for <see cref="TargetSubjectKind.Indicator"/>, a non-count unit for
/// <see cref="TargetSubjectKind.Count"/>, and a multiple ≤ 0.</para>
/// <para>The deadline is the period the figure is measured over: <c>2025</c> means "the 2025 full-year figure".
/// Validation runs when the record is constructed; a <c>with</c> expression copies without re-validating.</para>
/// </remarks>
public sealed record Target(
    string Id,
    TargetSubjectKind SubjectKind,
    string Subject,
    RegionCode Region,
    StatPeriod Deadline,
    Comparator Comparator,
    Amount? Value,
    decimal? MultipleOfBase,
    StatPeriod? BasePeriod,
    string? DescriptionZh)
{
    /// <summary>True for the "N times the base period's value" form, false for an absolute value.</summary>
    public bool IsMultipleOfBase { get; } = Validate(Id, SubjectKind, Subject, Deadline, Value, MultipleOfBase, BasePeriod);

    /// <summary>"工业总产值在2020年基础上翻一番": <paramref name="multiple"/> × the value of <paramref name="basePeriod"/>, at least.</summary>
    public static Target Multiple(string id, string indicatorCode, RegionCode region, StatPeriod basePeriod, StatPeriod deadline, decimal multiple, string? descriptionZh = null)
        => new(id, TargetSubjectKind.Indicator, indicatorCode, region, deadline, Comparator.AtLeast, null, multiple, basePeriod, descriptionZh);

    /// <summary>An absolute target: "新签约项目100个以上".</summary>
    public static Target Absolute(string id, TargetSubjectKind kind, string subject, RegionCode region, StatPeriod deadline, Comparator comparator, Amount value, string? descriptionZh = null)
        => new(id, kind, subject, region, deadline, comparator, value, null, null, descriptionZh);

    private static bool Validate(string id, TargetSubjectKind kind, string subject, StatPeriod deadline, Amount? value, decimal? multiple, StatPeriod? basePeriod)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            throw Error("目标标识不能为空", "a target id is required", nameof(Id));
        }

        if (string.IsNullOrWhiteSpace(subject))
        {
            throw Error("目标对象不能为空", "a target subject is required", nameof(Subject));
        }

        if (kind == TargetSubjectKind.Indicator && !IndicatorCode.TryParse(subject).Success)
        {
            throw Error($"目标对象“{subject}”不是有效的指标代码", $"target subject '{subject}' is not a valid indicator code", nameof(Subject));
        }

        var isMultiple = multiple is not null || basePeriod is not null;
        if (value is not null == isMultiple)
        {
            throw Error("目标须且只须给出目标值,或给出基期和倍数之一", "give either a target value, or a base period with a multiple, not both or neither", nameof(Value));
        }

        if (isMultiple)
        {
            if (multiple is null || basePeriod is null)
            {
                throw Error("倍数目标须同时给出基期和倍数", "a multiple-of-base target needs both a base period and a multiple", nameof(MultipleOfBase));
            }

            if (multiple <= 0)
            {
                throw Error($"倍数必须大于0,而不是{multiple}", $"the multiple must be greater than 0, not {multiple}", nameof(MultipleOfBase));
            }

            if (basePeriod.Value >= deadline || basePeriod.Value.Year >= deadline.Year)
            {
                throw Error($"基期{basePeriod}必须早于目标期{deadline}", $"base period {basePeriod} must precede deadline {deadline}", nameof(BasePeriod));
            }
        }
        else if (kind == TargetSubjectKind.Count && value!.Value.Unit.Dimension != Dimension.Count)
        {
            throw Error($"计数目标的单位须为个、家等,而不是“{value.Value.Unit.Symbol}”", $"a count target needs a count unit, not '{value.Value.Unit.Symbol}'", nameof(Value));
        }

        return isMultiple;
    }

    private static ArgumentException Error(string zh, string en, string param) => new($"{zh} / {en}", param);
}
