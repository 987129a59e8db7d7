using System.Globalization;
using Baiqiang.Core.Access;
using Baiqiang.Core.Indicators;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Quantities;
using Baiqiang.Core.Regions;
using Baiqiang.Core.Targets;
using Baiqiang.Core.Text;
using Baiqiang.Storage.Indicators;
using Baiqiang.Storage.Infrastructure;
using Baiqiang.Storage.Regions;
using Microsoft.EntityFrameworkCore;

namespace Baiqiang.Storage.Targets;

/// <summary>
/// A target as a user states it (CLI options, a form, a JSON body): text and numbers, validated by <see cref="TargetStore"/>.
/// </summary>
/// <param name="Region">Region code (<c>510502</c>) or a unique name (<c>江阳区</c>).</param>
/// <param name="Subject">An indicator code or name from the catalogue (<c>industrial_output_total</c>, <c>工业总产值</c>), or a
/// count/amount measure (<see cref="TargetSubjects.Measures"/>, e.g. <c>new_signed_projects</c>).</param>
/// <param name="Deadline">The period the figure is measured over, canonical or Chinese (<c>2025</c>, <c>2025年</c>, <c>2023年上半年</c>).</param>
/// <param name="Comparator"><c>&gt;=</c>/<c>≥</c> (default), <c>&lt;=</c>/<c>≤</c> or <c>=</c>.</param>
/// <param name="Value">An absolute target value in <paramref name="Unit"/>; give it or <paramref name="Multiple"/>, not both.</param>
/// <param name="Unit">The value's unit (亿元, 万元, 个 …); blank means the indicator's unit (个 for counts, 亿元 for amounts).</param>
/// <param name="Qualifier">The value's qualifier as written (100个以上 → <see cref="Qualifier.AtLeast"/>).</param>
/// <param name="Multiple">N × the value of <paramref name="BasePeriod"/> (2 = 翻一番); indicators only.</param>
/// <param name="BasePeriod">The base period of a multiple, before the deadline.</param>
/// <param name="Description">The target as the plan words it; blank → generated from the fields.</param>
/// <param name="Key">The target's key (letters, digits, <c>.</c>, <c>_</c>, <c>-</c>); blank on create → region-subject-deadline.</param>
/// <param name="Growth">A growth target in percent (16 = 增长16%, over the same period a year earlier); indicators only.</param>
/// <param name="Increase">An increase target (新增20家: 20 in <paramref name="Unit"/>, blank = the indicator's unit) over the figure at the
/// end of the year before the deadline's year, or of <paramref name="BasePeriod"/> when given; indicators only.</param>
public sealed record TargetInput(
    string? Region,
    string? Subject,
    string? Deadline,
    string? Comparator = null,
    decimal? Value = null,
    string? Unit = null,
    Qualifier Qualifier = Qualifier.Exact,
    decimal? Multiple = null,
    string? BasePeriod = null,
    string? Description = null,
    string? Key = null,
    decimal? Growth = null,
    decimal? Increase = null);

/// <summary>One refused field of a <see cref="TargetInput"/>: the field's name (as in JSON: <c>region</c>, <c>subject</c>,
/// <c>deadline</c>, <c>comparator</c>, <c>value</c>, <c>unit</c>, <c>multiple</c>, <c>basePeriod</c>, <c>description</c>,
/// <c>key</c>) and why, in Chinese and English.</summary>
public sealed record TargetFieldError(string Field, Bilingual Message)
{
    public override string ToString() => Message.ToString();
}

/// <summary>What a create or update stored (the entity, detached from nothing — it is the tracked row) or why it stored nothing.</summary>
public sealed record TargetSaveResult(TargetEntity? Target, IReadOnlyList<TargetFieldError> Errors)
{
    public bool Success => Errors.Count == 0 && Target is not null;
}

/// <summary>
/// Creates, updates, deletes and lists a region's targets (目标). Every write takes an <see cref="Actor"/>: an editor changes
/// only targets of regions in scope (<see cref="Actor.EnsureCanEdit"/>, which throws <see cref="AccessDeniedException"/>),
/// administrators any. Changes are audited by the context (entity <c>target</c>, key the target's key, old → new per field).
/// </summary>
/// <remarks>
/// <para>Validation returns every refused field at once, each "中文 / English": the region must be stored; the subject must be
/// in the stored indicator catalogue (by code, Chinese name or alias) or be one of <see cref="TargetSubjects.Measures"/>; the
/// deadline and base period are read by <see cref="ChinesePeriodParser"/> (so <c>2025</c> and <c>2025年</c> both work, but a
/// relative 今年 is refused — there is no reference date); the comparator is ≥, ≤ or =.</para>
/// <para>Exactly one of an absolute value or a multiple of a base period. An indicator's value is converted exactly into the
/// indicator's unit as observation import does (5000万元 → 0.5亿元), so progress compares like with like; a unit of another
/// dimension is refused. Counts need a count unit, amounts a money unit (kept as given). A multiple must be &gt; 0, applies to
/// indicators only (its base value comes from the observations), and its base period must lie in an earlier year than the
/// deadline.</para>
/// <para>Keys are unique in the store. A generated key is <c>{region}-{subject}-{deadline}</c> (<c>510502-gdp-2025</c>), with
/// <c>-2</c>, <c>-3</c> … when taken. An update cannot change the key; it may move the target to another region only when the
/// actor may edit both.</para>
/// </remarks>
public static class TargetStore
{
    public const int MaxKeyLength = 100;
    public const int MaxDescriptionLength = 1000;

    /// <summary>Validates and stores a new target, under the store's write lock: keys are unique store-wide, which on
    /// PostgreSQL (unique per region, Cluster/CitusKeys) only this check guarantees.</summary>
    public static Task<TargetSaveResult> CreateAsync(BaiqiangDbContext db, Actor actor, TargetInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        return StoreWriteLock.RunAsync(db, () => CreateUnlockedAsync(db, actor, input, ct), ct);
    }

    private static async Task<TargetSaveResult> CreateUnlockedAsync(BaiqiangDbContext db, Actor actor, TargetInput input, CancellationToken ct)
    {
        var (target, errors) = await ValidateAsync(db, actor, input, existingKey: null, ct);
        if (target is null)
        {
            return new TargetSaveResult(null, errors);
        }

        var entity = TargetEntity.From(target);
        db.Targets.Add(entity);
        await db.SaveChangesAsAsync(actor.Name, ct);
        return new TargetSaveResult(entity, []);
    }

    /// <summary>Validates and applies a change to the target <paramref name="key"/>; null when there is no such target.</summary>
    public static async Task<TargetSaveResult?> UpdateAsync(BaiqiangDbContext db, Actor actor, string key, TargetInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        var entity = await FindTrackedAsync(db, key, ct);
        if (entity is null)
        {
            return null;
        }

        actor.EnsureCanEdit(entity.RegionCode);
        if (string.Equals((input.Description ?? string.Empty).Trim(), entity.DescriptionZh, StringComparison.Ordinal)
            && await HasGeneratedDescriptionAsync(db, entity, ct))
        {
            // The description was generated from the old fields and comes back unchanged: generate it from the new ones,
            // so "≥ 450亿元" does not stay in the text after the value became 500亿元.
            input = input with { Description = null };
        }

        var (target, errors) = await ValidateAsync(db, actor, input, entity.Key, ct);
        if (target is null)
        {
            return new TargetSaveResult(null, errors);
        }

        var fresh = TargetEntity.From(target);
        if (fresh.RegionCode != entity.RegionCode)
        {
            // The region is part of the target's key (Cluster/CitusKeys): a target stays in the region it was set for.
            return new TargetSaveResult(null, [new("region", new(
                $"目标“{entity.Key}”属于{entity.RegionCode}，不能改为{fresh.RegionCode}", $"target '{entity.Key}' belongs to {entity.RegionCode} and cannot move to {fresh.RegionCode}"))]);
        }

        entity.SubjectKind = fresh.SubjectKind;
        entity.Subject = fresh.Subject;
        entity.RegionCode = fresh.RegionCode;
        entity.Deadline = fresh.Deadline;
        entity.Comparator = fresh.Comparator;
        entity.Value = fresh.Value;
        entity.Qualifier = fresh.Qualifier;
        entity.Unit = fresh.Unit;
        entity.MultipleOfBase = fresh.MultipleOfBase;
        entity.BasePeriod = fresh.BasePeriod;
        entity.GrowthPercent = fresh.GrowthPercent;
        entity.Increase = fresh.Increase;
        entity.DescriptionZh = fresh.DescriptionZh;
        await db.SaveChangesAsAsync(actor.Name, ct);
        return new TargetSaveResult(entity, []);
    }

    /// <summary>Deletes the target <paramref name="key"/>; false when there is no such target.</summary>
    public static async Task<bool> DeleteAsync(BaiqiangDbContext db, Actor actor, string key, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        var entity = await FindTrackedAsync(db, key, ct);
        if (entity is null)
        {
            return false;
        }

        actor.EnsureCanEdit(entity.RegionCode);
        db.Targets.Remove(entity);
        await db.SaveChangesAsAsync(actor.Name, ct);
        return true;
    }

    /// <summary>The targets of <paramref name="region"/> (exactly that region; all when null), by region, deadline and key. Not tracked.</summary>
    public static async Task<List<TargetEntity>> ListAsync(BaiqiangDbContext db, RegionCode? region, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var query = db.Targets.AsNoTracking();
        if (region is { } r)
        {
            query = query.Where(t => t.RegionCode == r);
        }

        var rows = await query.ToListAsync(ct);
        return [.. rows.OrderBy(t => t.RegionCode).ThenBy(t => t.Deadline).ThenBy(t => t.Key, StringComparer.Ordinal)];
    }

    /// <summary>The target <paramref name="key"/>, or null. Not tracked.</summary>
    public static async Task<TargetEntity?> FindAsync(BaiqiangDbContext db, string key, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var k = await StoredCodes.ResolveAsync(db.Targets.Select(t => t.Key), key, ct);
        return await db.Targets.AsNoTracking().SingleOrDefaultAsync(t => t.Key == k, ct);
    }

    /// <summary>The stored comparator (<c>&gt;=</c>, <c>&lt;=</c>, <c>=</c>) as printed: ≥, ≤, =.</summary>
    public static string ComparatorSymbol(string stored) => stored switch
    {
        "<=" => "≤",
        "=" => "=",
        _ => "≥",
    };

    /// <summary>Reads ≥ / &gt;= / ≤ / &lt;= / = (blank → ≥); null for anything else.</summary>
    public static Comparator? ParseComparator(string? text) => (text ?? string.Empty).Trim() switch
    {
        "" or ">=" or "≥" or "＞＝" or "=>" => Comparator.AtLeast,
        "<=" or "≤" or "＜＝" or "=<" => Comparator.AtMost,
        "=" or "==" or "＝" => Comparator.Equal,
        _ => null,
    };

    /// <summary>The stored target as the input that would store it again (value in its stored unit), for updates that change
    /// only some fields.</summary>
    public static TargetInput InputOf(TargetEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var t = entity.ToTarget();
        return new TargetInput(
            entity.RegionCode.ToString(), entity.Subject, entity.Deadline.ToString(), entity.Comparator,
            t.Value?.Value, (t.Value?.Unit ?? t.Increase?.Unit)?.Symbol, t.Value?.Qualifier ?? Qualifier.Exact, t.MultipleOfBase, entity.BasePeriod?.ToString(),
            entity.DescriptionZh, entity.Key, t.GrowthPercent, t.Increase?.Value);
    }

    /// <summary>True when the stored description is exactly what <see cref="Describe"/> makes of the stored fields.</summary>
    private static async Task<bool> HasGeneratedDescriptionAsync(BaiqiangDbContext db, TargetEntity entity, CancellationToken ct)
    {
        var t = entity.ToTarget();
        var subjectZh = t.SubjectKind == TargetSubjectKind.Indicator
            ? (await FindIndicatorAsync(db, entity.Subject, ct))?.NameZh
            : TargetSubjects.Find(entity.Subject)?.NameZh;
        return subjectZh is not null
            && string.Equals(entity.DescriptionZh, Describe(subjectZh, t.Deadline, t.Comparator, t.Value, t.MultipleOfBase, t.BasePeriod, t.GrowthPercent, t.Increase), StringComparison.Ordinal);
    }

    private static async Task<TargetEntity?> FindTrackedAsync(BaiqiangDbContext db, string key, CancellationToken ct)
    {
        var k = await StoredCodes.ResolveAsync(db.Targets.Select(t => t.Key), key, ct);
        return k.Length == 0 ? null : await db.Targets.AsTracking().SingleOrDefaultAsync(t => t.Key == k, ct);
    }

    /// <summary>Every check of the remarks; the Core <see cref="Target"/> when all pass. Throws <see cref="AccessDeniedException"/>
    /// as soon as the region is known and the actor may not edit it.</summary>
    private static async Task<(Target? Target, List<TargetFieldError> Errors)> ValidateAsync(
        BaiqiangDbContext db, Actor actor, TargetInput input, string? existingKey, CancellationToken ct)
    {
        var errors = new List<TargetFieldError>();
        void Fail(string field, string zh, string en) => errors.Add(new TargetFieldError(field, new Bilingual(zh, en)));

        // Region first: rights are refused before any detail of the content is judged.
        var region = await ResolveRegionAsync(db, input.Region, errors, ct);
        if (region is { } r)
        {
            actor.EnsureCanEdit(r);
        }

        // Subject: a catalogue indicator, else a count/amount measure.
        var subjectText = (input.Subject ?? string.Empty).Trim();
        IndicatorEntity? indicator = null;
        TargetMeasure? measure = null;
        if (subjectText.Length == 0)
        {
            Fail("subject", "指标不能为空", "the indicator is required");
        }
        else
        {
            indicator = await FindIndicatorAsync(db, subjectText, ct);
            measure = indicator is null ? TargetSubjects.Find(subjectText) : null;
            if (indicator is null && measure is null)
            {
                Fail("subject", $"未知指标“{subjectText}”：不在指标目录中，也不是招商或项目计数", $"unknown indicator '{subjectText}': not in the indicator catalogue nor a pipeline or project count");
            }
        }

        var deadline = ReadPeriod(input.Deadline, "deadline", "目标期限", "the deadline", errors);

        var comparator = ParseComparator(input.Comparator);
        if (comparator is null)
        {
            Fail("comparator", $"比较方式“{input.Comparator}”无法识别，应为 ≥、≤ 或 =", $"comparator '{input.Comparator}' is not one of ≥ (>=), ≤ (<=) or =");
        }

        // Exactly one form: an absolute value, a multiple of a base period, a growth rate or an increase (which may name its base).
        var hasBaseText = !string.IsNullOrWhiteSpace(input.BasePeriod);
        var isMultiple = input.Multiple is not null || (hasBaseText && input.Increase is null);
        Amount? value = null;
        decimal? multiple = null;
        StatPeriod? basePeriod = null;
        decimal? growth = null;
        Amount? increase = null;
        var forms = (input.Value is null ? 0 : 1) + (isMultiple ? 1 : 0) + (input.Growth is null ? 0 : 1) + (input.Increase is null ? 0 : 1);
        if (forms > 1)
        {
            Fail("value", input.Growth is null && input.Increase is null
                    ? "目标值与倍数只能填一个：要么填目标值，要么填基期和倍数"
                    : "目标值、倍数、增速、新增量只能填一个",
                input.Growth is null && input.Increase is null
                    ? "give either a target value or a multiple of a base period, not both"
                    : "give only one of a target value, a multiple, a growth rate or an increase");
        }
        else if (forms == 0)
        {
            Fail("value", "须填写目标值，或填写基期和倍数", "give a target value, or a base period and a multiple");
        }
        else if (input.Value is { } v)
        {
            value = ReadValue(v, input.Unit, input.Qualifier, indicator, measure, errors);
        }
        else if (input.Growth is { } g)
        {
            growth = ReadGrowth(g, input.Unit, measure, errors);
        }
        else if (input.Increase is { } inc)
        {
            increase = ReadIncrease(inc, input, indicator, measure, deadline, errors);
            basePeriod = hasBaseText ? ReadPeriod(input.BasePeriod, "basePeriod", "基期", "the base period", errors) : null;
            if (basePeriod is { } ib && deadline is { } idl && (ib >= idl || ib.Year >= idl.Year))
            {
                Fail("basePeriod", $"基期{ib}必须早于目标期限{idl}所在年份", $"the base period {ib} must lie in a year before the deadline {idl}");
            }
        }
        else
        {
            if (input.Multiple is not { } m)
            {
                Fail("multiple", "倍数目标须填写倍数（如 2 表示翻一番）", "a multiple-of-base target needs the multiple (2 = doubling)");
            }
            else if (m <= 0)
            {
                Fail("multiple", $"倍数必须大于0，而不是{Show(m)}", $"the multiple must be greater than 0, not {Show(m)}");
            }
            else
            {
                multiple = m;
            }

            if (!hasBaseText)
            {
                Fail("basePeriod", "倍数目标须填写基期（如 2020）", "a multiple-of-base target needs the base period (e.g. 2020)");
            }
            else
            {
                basePeriod = ReadPeriod(input.BasePeriod, "basePeriod", "基期", "the base period", errors);
                if (basePeriod is { } bp && deadline is { } dl && (bp >= dl || bp.Year >= dl.Year))
                {
                    Fail("basePeriod", $"基期{bp}必须早于目标期限{dl}所在年份", $"the base period {bp} must lie in a year before the deadline {dl}");
                }
            }

            if (measure is not null)
            {
                Fail("multiple", $"“{measure.NameZh}”是计数或金额，只能设目标值，不能设基期倍数", $"'{measure.Name}' is a count or amount: give a target value, not a multiple of a base period");
            }

            if (!string.IsNullOrWhiteSpace(input.Unit))
            {
                Fail("unit", "倍数目标不填单位（按指标本身的单位比较）", "a multiple-of-base target takes no unit (it is compared in the indicator's own unit)");
            }
        }

        var key = await ReadKeyAsync(db, input.Key, existingKey, region, subjectText, indicator, measure, deadline, errors, ct);

        var description = (input.Description ?? string.Empty).Trim();
        if (description.Length > MaxDescriptionLength)
        {
            Fail("description", $"目标描述不能超过{MaxDescriptionLength}个字", $"the description may not exceed {MaxDescriptionLength} characters");
        }

        if (errors.Count > 0 || region is null || deadline is null || comparator is null || key is null)
        {
            return (null, errors);
        }

        var (kind, subject, subjectZh) = indicator is not null
            ? (TargetSubjectKind.Indicator, indicator.Code.Value, indicator.NameZh)
            : (measure!.Kind, measure.Name, measure.NameZh);
        if (description.Length == 0)
        {
            description = Describe(subjectZh, deadline.Value, comparator.Value, value, multiple, basePeriod, growth, increase);
        }

        try
        {
            return (new Target(key, kind, subject, region.Value, deadline.Value, comparator.Value, value, multiple, basePeriod, description, growth, increase), errors);
        }
        catch (ArgumentException e)
        {
            // Core's own rules: the checks above should have caught each one; keep its bilingual message if not.
            errors.Add(new TargetFieldError(FieldOf(e.ParamName), Split(e.Message)));
            return (null, errors);
        }
    }

    private static async Task<RegionCode?> ResolveRegionAsync(BaiqiangDbContext db, string? text, List<TargetFieldError> errors, CancellationToken ct)
    {
        var t = ChineseText.Normalize((text ?? string.Empty).Trim());
        if (t.Length == 0)
        {
            errors.Add(new("region", new("地区不能为空", "the region is required")));
            return null;
        }

        if (t.All(char.IsAsciiDigit))
        {
            if (!RegionCode.TryParse(t, out var code))
            {
                errors.Add(new("region", new($"地区代码“{t}”无效：应为6位或9位数字", $"region code '{t}' is invalid: it must be 6 or 9 digits")));
                return null;
            }

            if (!await db.Regions.AsNoTracking().AnyAsync(r => r.Code == code, ct))
            {
                errors.Add(new("region", new($"地区“{code}”不存在", $"region {code} is not stored")));
                return null;
            }

            return code;
        }

        var byName = await RegionStore.FindByNameAsync(db, t, ct);
        var current = byName.Where(r => r.ValidTo is null).ToList();
        var candidates = current.Count > 0 ? current : [.. byName];
        if (candidates.Count == 1)
        {
            return candidates[0].Code;
        }

        if (candidates.Count == 0)
        {
            errors.Add(new("region", new($"地区“{t}”不存在", $"no region named '{t}'")));
        }
        else
        {
            var codes = string.Join("、", candidates.Select(r => r.Code.ToString()));
            errors.Add(new("region", new($"地区名“{t}”不唯一（{codes}），请填写代码", $"region name '{t}' is ambiguous ({codes.Replace("、", ", ", StringComparison.Ordinal)}); give the code")));
        }

        return null;
    }

    /// <summary>An indicator of the stored catalogue by code, Chinese or English name, or alias.</summary>
    private static async Task<IndicatorEntity?> FindIndicatorAsync(BaiqiangDbContext db, string text, CancellationToken ct)
        => (await IndicatorStore.LoadCatalogueAsync(db, ct)).Find(text) is { } found
            ? await db.Indicators.AsNoTracking().SingleOrDefaultAsync(i => i.Code == found.Code, ct)
            : null;

    private static StatPeriod? ReadPeriod(string? text, string field, string zh, string en, List<TargetFieldError> errors)
    {
        var t = (text ?? string.Empty).Trim();
        if (t.Length == 0)
        {
            errors.Add(new(field, new($"{zh}不能为空", $"{en} is required")));
            return null;
        }

        var parsed = ChinesePeriodParser.TryParse(t);
        if (!parsed.Success)
        {
            errors.Add(new(field, new($"{zh}“{t}”无法识别：{parsed.Error!.Value.Zh}", $"{en} '{t}' cannot be read: {parsed.Error!.Value.En}")));
            return null;
        }

        return parsed.Value;
    }

    /// <summary>The absolute value in the unit it is stored in: the indicator's unit (converted exactly), or as given for a count or amount.</summary>
    private static Amount? ReadValue(decimal value, string? unitText, Qualifier qualifier, IndicatorEntity? indicator, TargetMeasure? measure, List<TargetFieldError> errors)
    {
        var symbol = (unitText ?? string.Empty).Trim();
        Unit? unit = null;
        if (symbol.Length > 0)
        {
            if (!Unit.TryFind(symbol, out var u))
            {
                errors.Add(new("unit", new($"未知计量单位“{symbol}”", $"unknown unit '{symbol}'")));
                return null;
            }

            unit = u;
        }

        if (value < 0 && indicator is not { AllowsNegative: true })
        {
            errors.Add(new("value", new($"目标值不能为负数：{Show(value)}", $"the target value may not be negative: {Show(value)}")));
            return null;
        }

        if (indicator is not null)
        {
            var from = unit ?? indicator.Unit;
            if (!from.IsCompatibleWith(indicator.Unit))
            {
                errors.Add(new("unit", new(
                    $"单位“{from.Symbol}”不能换算为指标“{indicator.NameZh}”的单位“{indicator.Unit.Symbol}”",
                    $"unit '{from.Symbol}' cannot be converted to the unit '{indicator.Unit.Symbol}' of indicator '{indicator.Code}'")));
                return null;
            }

            return Convert(value, from, indicator.Unit, qualifier, errors);
        }

        if (measure is null)
        {
            return null;
        }

        if (measure.Kind == TargetSubjectKind.Count)
        {
            var u = unit ?? Unit.Ge;
            if (u.Dimension != Dimension.Count)
            {
                errors.Add(new("unit", new($"“{measure.NameZh}”是计数，单位须为个、家、项等，而不是“{u.Symbol}”", $"'{measure.Name}' is a count: it needs a count unit (个, 家, 项 …), not '{u.Symbol}'")));
                return null;
            }

            return new Amount(value, u, qualifier);
        }

        var money = unit ?? Unit.YiYuan;
        if (money.Dimension != Dimension.Money)
        {
            errors.Add(new("unit", new($"“{measure.NameZh}”是金额，单位须为元、万元、亿元等，而不是“{money.Symbol}”", $"'{measure.Name}' is an amount of money: it needs a money unit (元, 万元, 亿元 …), not '{money.Symbol}'")));
            return null;
        }

        return new Amount(value, money, qualifier);
    }

    /// <summary>A growth target's percent: an indicator's, above −100%, without a unit.</summary>
    private static decimal? ReadGrowth(decimal growth, string? unitText, TargetMeasure? measure, List<TargetFieldError> errors)
    {
        var ok = true;
        if (measure is not null)
        {
            errors.Add(new("growth", new($"“{measure.NameZh}”是计数或金额，不能设增速目标", $"'{measure.Name}' is a count or amount: it takes no growth target")));
            ok = false;
        }

        if (growth <= -100m)
        {
            errors.Add(new("growth", new($"增速须大于-100%，而不是{Show(growth)}%", $"the growth must be greater than -100%, not {Show(growth)}%")));
            ok = false;
        }

        if (!string.IsNullOrWhiteSpace(unitText) && unitText.Trim() != "%")
        {
            errors.Add(new("unit", new("增速目标不填单位（按百分比）", "a growth target takes no unit (it is a percent)")));
            ok = false;
        }

        return ok ? growth : null;
    }

    /// <summary>An increase target's amount, in the indicator's unit (converted exactly as a value is).</summary>
    private static Amount? ReadIncrease(decimal increase, TargetInput input, IndicatorEntity? indicator, TargetMeasure? measure, StatPeriod? deadline, List<TargetFieldError> errors)
    {
        if (measure is not null)
        {
            errors.Add(new("increase", new($"“{measure.NameZh}”本身就是新增计数，请用目标值", $"'{measure.Name}' already counts new items: give a target value")));
            return null;
        }

        if (deadline is { } d && d.Kind is not (PeriodKind.Year or PeriodKind.Cumulative or PeriodKind.Month))
        {
            errors.Add(new("deadline", new("新增目标的期限须为年份、1-N月或月份", "an increase target's deadline must be a year, a span from January or a month")));
            return null;
        }

        var count = errors.Count;
        var amount = ReadValue(Math.Abs(increase), input.Unit, Qualifier.Exact, indicator, null, errors);
        if (errors.Count > count)
        {
            foreach (var i in Enumerable.Range(count, errors.Count - count).Where(i => errors[i].Field == "value"))
            {
                errors[i] = errors[i] with { Field = "increase" };
            }
        }

        return amount is { } a && increase < 0 ? a with { Value = -a.Value } : amount;
    }

    /// <summary>Exact conversion by the ratio of the factors (a power of ten for 元/万元/亿元), as observation import converts.</summary>
    private static Amount? Convert(decimal value, Unit from, Unit to, Qualifier qualifier, List<TargetFieldError> errors)
    {
        if (from.Equals(to) || from.Factor == to.Factor)
        {
            return new Amount(value, to, qualifier);
        }

        try
        {
            var converted = from.Factor >= to.Factor ? value * (from.Factor / to.Factor) : value / (to.Factor / from.Factor);
            return new Amount(converted, to, qualifier);
        }
        catch (OverflowException)
        {
            errors.Add(new("value", new($"目标值{Show(value)}{from.Symbol}换算为{to.Symbol}时溢出", $"the value {Show(value)} {from.EnglishName} overflows when converted to {to.EnglishName}")));
            return null;
        }
    }

    private static async Task<string?> ReadKeyAsync(
        BaiqiangDbContext db, string? text, string? existingKey, RegionCode? region, string subjectText, IndicatorEntity? indicator, TargetMeasure? measure,
        StatPeriod? deadline, List<TargetFieldError> errors, CancellationToken ct)
    {
        var given = RecordCode.Canonical(text);
        if (existingKey is not null)
        {
            if (given.Length > 0 && !RecordCode.Comparer.Equals(given, existingKey))
            {
                errors.Add(new("key", new($"目标标识“{existingKey}”不能修改为“{given}”", $"the key '{existingKey}' cannot be changed to '{given}'")));
                return null;
            }

            return existingKey;
        }

        if (given.Length > 0)
        {
            if (!IsValidKey(given))
            {
                errors.Add(new("key", new(
                    $"目标标识“{given}”无效：只能用字母、数字、“.”“_”“-”，以字母或数字开头，不超过{MaxKeyLength}个字符",
                    $"key '{given}' is invalid: use letters, digits, '.', '_' and '-', start with a letter or digit, at most {MaxKeyLength} characters")));
                return null;
            }

            var stored = await StoredCodes.ResolveAsync(db.Targets.Select(t => t.Key), given, ct);
            if (await db.Targets.AsNoTracking().AnyAsync(t => t.Key == stored, ct))
            {
                errors.Add(new("key", string.Equals(stored, given, StringComparison.Ordinal)
                    ? new($"目标标识“{given}”已存在", $"key '{given}' is already taken")
                    : RecordCode.Collision("目标标识", "target key", stored, given)));
                return null;
            }

            return given;
        }

        if (region is not { } r || deadline is not { } d || (indicator is null && measure is null))
        {
            return null;
        }

        var subject = indicator?.Code.Value ?? measure!.Name;
        var stem = string.Create(CultureInfo.InvariantCulture, $"{r}-{subject}-{d}");
        stem = stem.Length > MaxKeyLength - 4 ? stem[..(MaxKeyLength - 4)] : stem;
        var taken = (await db.Targets.AsNoTracking().Where(t => t.Key.StartsWith(stem)).Select(t => t.Key).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        if (!taken.Contains(stem))
        {
            return stem;
        }

        for (var n = 2; ; n++)
        {
            var candidate = string.Create(CultureInfo.InvariantCulture, $"{stem}-{n}");
            if (!taken.Contains(candidate))
            {
                return candidate;
            }
        }
    }

    /// <summary>Letters, digits, '.', '_' and '-', starting with a letter or digit, at most <see cref="MaxKeyLength"/> characters.</summary>
    public static bool IsValidKey(string key) =>
        key.Length is > 0 and <= MaxKeyLength
        && char.IsAsciiLetterOrDigit(key[0])
        && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');

    /// <summary>"工业总产值 2025年 ≥ 2020年的2倍", "社会消费品零售总额 2022年 ≥ 450亿元", "全社会固定资产投资 2023年 增长 ≥ 16%",
    /// "规模以上工业企业数 2025年 新增 ≥ 20个".</summary>
    public static string Describe(string subjectZh, StatPeriod deadline, Comparator comparator, Amount? value, decimal? multiple, StatPeriod? basePeriod,
        decimal? growth = null, Amount? increase = null)
    {
        var symbol = comparator switch
        {
            Comparator.AtMost => "≤",
            Comparator.Equal => "=",
            _ => "≥",
        };
        if (growth is { } g)
        {
            return $"{subjectZh} {PeriodZh(deadline)} 增长 {symbol} {Show(g)}%";
        }

        if (increase is { } inc)
        {
            var from = basePeriod is { } ib ? $"比{PeriodZh(ib)}" : string.Empty;
            return $"{subjectZh} {PeriodZh(deadline)} {from}新增 {symbol} {Show(inc.Value)}{inc.Unit.Symbol}";
        }

        var goal = value is { } v
            ? AmountText.Format(v with { Qualifier = Qualifier.Exact })
            : string.Create(CultureInfo.InvariantCulture, $"{PeriodZh(basePeriod!.Value)}的{Show(multiple!.Value)}倍");
        return $"{subjectZh} {PeriodZh(deadline)} {symbol} {goal}";
    }

    /// <summary>2025 → 2025年, 2023-01..06 → 2023年1-6月, 2023-06 → 2023年6月; other spans in canonical form.</summary>
    public static string PeriodZh(StatPeriod p) => p.Kind switch
    {
        PeriodKind.Year => string.Create(CultureInfo.InvariantCulture, $"{p.Year}年"),
        PeriodKind.Month => string.Create(CultureInfo.InvariantCulture, $"{p.Year}年{p.FirstMonth}月"),
        PeriodKind.Cumulative => string.Create(CultureInfo.InvariantCulture, $"{p.Year}年1-{p.LastMonth}月"),
        _ => p.ToString(),
    };

    private static string Show(decimal v) => (v / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);

    private static string FieldOf(string? param) => param switch
    {
        nameof(Target.Subject) => "subject",
        nameof(Target.MultipleOfBase) => "multiple",
        nameof(Target.GrowthPercent) => "growth",
        nameof(Target.BasePeriod) => "basePeriod",
        nameof(Target.Id) => "key",
        _ => "value",
    };

    private static Bilingual Split(string message)
    {
        // ArgumentException appends " (Parameter 'x')"; Core's message is "中文 / English".
        var text = message;
        var cut = text.IndexOf(" (Parameter", StringComparison.Ordinal);
        if (cut >= 0)
        {
            text = text[..cut];
        }

        var slash = text.IndexOf(" / ", StringComparison.Ordinal);
        return slash < 0 ? new Bilingual(text, text) : new Bilingual(text[..slash], text[(slash + 3)..]);
    }
}
