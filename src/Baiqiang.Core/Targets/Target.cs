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

/// <summary>The form a target's goal takes.</summary>
public enum TargetForm
{
    /// <summary>An absolute level: 地区生产总值达到1000亿元 (<see cref="Target.Value"/>).</summary>
    Level = 1,
    /// <summary>N × a base period's value: 在2020年基础上翻一番 (<see cref="Target.MultipleOfBase"/>, <see cref="Target.BasePeriod"/>).</summary>
    Multiple = 2,
    /// <summary>A growth rate over the same period a year earlier: 全社会固定资产投资增长16%以上 (<see cref="Target.GrowthPercent"/>).</summary>
    Growth = 3,
    /// <summary>An increase over a base figure: 新增规上企业20家 (<see cref="Target.Increase"/>; from the end of the year before
    /// the deadline's year, or from <see cref="Target.BasePeriod"/> when given).</summary>
    Increase = 4,
}

/// <summary>
/// A goal from a plan or work report: "工业总产值在2020年基础上翻一番" (by 2025), "新签约项目100个以上" (2023).
/// </summary>
/// <remarks>
/// <para>Exactly one form is given: an absolute <see cref="Value"/>, a <see cref="MultipleOfBase"/> (2 = 翻一番)
/// of the value in <see cref="BasePeriod"/>, which must come before <see cref="Deadline"/>, a <see cref="GrowthPercent"/>
/// (16 = 增长16%, over the same period a year earlier) of an indicator, or an <see cref="Increase"/> (新增20家) of an
/// indicator over its figure at the end of the year before the deadline's year (or in <see cref="BasePeriod"/>, when given). Anything else throws
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
    string? DescriptionZh,
    decimal? GrowthPercent = null,
    Amount? Increase = null)
{
    /// <summary>Which form the goal takes (validated on construction).</summary>
    public TargetForm Form { get; } = Validate(Id, SubjectKind, Subject, Deadline, Value, MultipleOfBase, BasePeriod, GrowthPercent, Increase);

    /// <summary>True for the "N times the base period's value" form.</summary>
    public bool IsMultipleOfBase => Form == TargetForm.Multiple;

    /// <summary>"工业总产值在2020年基础上翻一番": <paramref name="multiple"/> × the value of <paramref name="basePeriod"/>, at least.</summary>
    public static Target Multiple(string id, string indicatorCode, RegionCode region, StatPeriod basePeriod, StatPeriod deadline, decimal multiple, string? descriptionZh = null)
        => new(id, TargetSubjectKind.Indicator, indicatorCode, region, deadline, Comparator.AtLeast, null, multiple, basePeriod, descriptionZh);

    /// <summary>An absolute target: "新签约项目100个以上".</summary>
    public static Target Absolute(string id, TargetSubjectKind kind, string subject, RegionCode region, StatPeriod deadline, Comparator comparator, Amount value, string? descriptionZh = null)
        => new(id, kind, subject, region, deadline, comparator, value, null, null, descriptionZh);

    /// <summary>A growth target: "全社会固定资产投资增长16%以上" → <paramref name="growthPercent"/> 16, judged "≥".</summary>
    public static Target Growth(string id, string indicatorCode, RegionCode region, StatPeriod deadline, Comparator comparator, decimal growthPercent, string? descriptionZh = null)
        => new(id, TargetSubjectKind.Indicator, indicatorCode, region, deadline, comparator, null, null, null, descriptionZh, growthPercent);

    /// <summary>An increase target: "新增规上企业20家" → <paramref name="increase"/> 20家 over the figure at the end of the year
    /// before the deadline's year, or over <paramref name="basePeriod"/>'s figure when given.</summary>
    public static Target Increasing(string id, string indicatorCode, RegionCode region, StatPeriod deadline, Comparator comparator, Amount increase, StatPeriod? basePeriod = null, string? descriptionZh = null)
        => new(id, TargetSubjectKind.Indicator, indicatorCode, region, deadline, comparator, null, null, basePeriod, descriptionZh, null, increase);

    private static TargetForm Validate(string id, TargetSubjectKind kind, string subject, StatPeriod deadline, Amount? value, decimal? multiple, StatPeriod? basePeriod,
        decimal? growth, Amount? increase)
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

        if (growth is not null || increase is not null)
        {
            return ValidateChange(kind, deadline, value, multiple, basePeriod, growth, increase);
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

        return isMultiple ? TargetForm.Multiple : TargetForm.Level;
    }

    /// <summary>The rules of a growth or increase target: an indicator's, given alone (an increase may name its base period).</summary>
    private static TargetForm ValidateChange(TargetSubjectKind kind, StatPeriod deadline, Amount? value, decimal? multiple, StatPeriod? basePeriod, decimal? growth, Amount? increase)
    {
        if (value is not null || multiple is not null || (growth is not null && (increase is not null || basePeriod is not null)))
        {
            throw Error("目标须且只须给出目标值、倍数、增速或新增量之一", "give exactly one of a target value, a multiple, a growth rate or an increase", nameof(Value));
        }

        if (kind != TargetSubjectKind.Indicator)
        {
            throw Error("增速目标和新增目标只适用于指标", "growth and increase targets apply to indicators only", nameof(Subject));
        }

        if (growth is not null)
        {
            if (growth <= -100m)
            {
                throw Error($"增速须大于-100%，而不是{growth}%", $"the growth must be greater than -100%, not {growth}%", nameof(GrowthPercent));
            }

            return TargetForm.Growth;
        }

        if (basePeriod is { } bp && (bp >= deadline || bp.Year >= deadline.Year))
        {
            throw Error($"基期{bp}必须早于目标期{deadline}", $"base period {bp} must precede deadline {deadline}", nameof(BasePeriod));
        }

        return TargetForm.Increase;
    }

    private static ArgumentException Error(string zh, string en, string param) => new($"{zh} / {en}", param);
}
