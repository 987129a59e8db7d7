using System.Globalization;
using Baiqiang.Core.Access;
using Baiqiang.Core.Indicators;
using Baiqiang.Core.Quantities;
using Baiqiang.Core.Text;
using Baiqiang.Storage;
using Baiqiang.Storage.Indicators;
using Microsoft.EntityFrameworkCore;

namespace Baiqiang.Web.Indicators;

/// <summary>
/// One catalogue entry as the 指标目录 page and <c>/api/indicators</c> show it: <c>kind</c> flow|stock|rate|ratio,
/// <c>accumulation</c> cumulative (1–N月累计)|point (期末/时点), <c>direction</c> up|down|neutral (the catalogue file's words),
/// <c>parent</c> the parent's code (null at the top), <c>retired</c> yyyy-MM-dd or null while in use.
/// </summary>
public sealed record IndicatorItem(
    string Code, string NameZh, string NameEn, string Unit, string Dimension, string Kind, string Accumulation, string Direction,
    string Category, string? Parent, string? ParentNameZh, bool ComparableGrowth, bool AllowsNegative, IReadOnlyList<string> Aliases,
    string? Retired, string Description);

/// <summary>An indicator with its children (the parts whose parent it is).</summary>
public sealed record IndicatorDetail(IndicatorItem Indicator, IReadOnlyList<IndicatorItem> Children);

/// <summary>
/// A new indicator (POST: <c>code</c>, <c>nameZh</c> and <c>unit</c> required) or the fields to change (PUT: absent fields keep
/// their value, <c>parent</c> "" clears it). Words as in the catalogue file: kind flow|stock|rate|ratio, accumulation
/// cumulative|point, direction up|down|neutral; aliases are a list (traditional forms of the name and aliases are added).
/// </summary>
public sealed record IndicatorRequest(
    string? Code, string? NameZh, string? NameEn, string? Unit, string? Kind, string? Accumulation, string? Direction, string? Category,
    string? Parent, bool? ComparableGrowth, bool? AllowsNegative, IReadOnlyList<string>? Aliases, string? Description);

/// <summary>Retires an indicator from <c>on</c> (yyyy-MM-dd): figures for periods ending that day or later are refused.</summary>
public sealed record RetireIndicatorRequest(string? On);

/// <summary>What a write stored, or why nothing was stored (errors by field, "中文 / English"); <see cref="Missing"/> for an
/// unknown code, <see cref="Conflict"/> for a new code that is already taken.</summary>
public sealed record IndicatorWrite(IndicatorDetail? Indicator, bool Missing, Dictionary<string, string[]> Errors)
{
    public bool Conflict { get; init; }
}

/// <summary>
/// The reads and writes the 指标目录 pages and <c>/api/indicators</c> share. Writes go through <see cref="IndicatorStore"/> —
/// the same code as <c>baiqiang indicators add|update|retire</c> — so each is checked (admins and analysts only) and audited.
/// </summary>
public static class IndicatorViews
{
    /// <summary>The kinds' names as the pages show them.</summary>
    public static readonly IReadOnlyDictionary<string, (string Zh, string En)> KindNames = new Dictionary<string, (string Zh, string En)>(StringComparer.Ordinal)
    {
        ["flow"] = ("流量", "flow"), ["stock"] = ("存量", "stock"), ["rate"] = ("速率/指数", "rate or index"), ["ratio"] = ("比率", "ratio"),
    };

    /// <summary>The directions' names as the pages show them.</summary>
    public static readonly IReadOnlyDictionary<string, (string Zh, string En)> DirectionNames = new Dictionary<string, (string Zh, string En)>(StringComparer.Ordinal)
    {
        ["up"] = ("越高越好", "higher is better"), ["down"] = ("越低越好", "lower is better"), ["neutral"] = ("中性", "neutral"),
    };

    /// <summary>Whether <paramref name="actor"/> may add, change and retire indicators (admins and analysts).</summary>
    public static bool CanEdit(Actor actor) => actor is not null && (actor.IsAdmin || actor.Roles.HasFlag(Role.Analyst));

    /// <summary>
    /// The catalogue filtered: <paramref name="query"/> matches a code, Chinese or English name or alias, in simplified or
    /// traditional characters (both sides are normalised), as a substring; <paramref name="category"/> exactly;
    /// <paramref name="kind"/> flow|stock|rate|ratio; <paramref name="status"/> active|retired (anything else: all).
    /// </summary>
    public static IReadOnlyList<IndicatorItem> Filter(Catalogue catalogue, string? query, string? category, string? kind, string? status)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        var q = string.IsNullOrWhiteSpace(query) ? null : Catalogue.Key(query.Trim());
        return
        [
            .. catalogue.All
                .Where(i => q is null || Matches(i, q))
                .Where(i => string.IsNullOrWhiteSpace(category) || string.Equals(i.Category, category.Trim(), StringComparison.Ordinal))
                .Where(i => string.IsNullOrWhiteSpace(kind) || string.Equals(IndicatorCatalogue.KindText(i.Kind), kind.Trim(), StringComparison.OrdinalIgnoreCase))
                .Where(i => status switch
                {
                    "active" => i.Retired is null,
                    "retired" => i.Retired is not null,
                    _ => true,
                })
                .Select(i => Item(catalogue, i)),
        ];
    }

    /// <summary>The catalogue's categories in first-use order.</summary>
    public static IReadOnlyList<string> Categories(Catalogue catalogue) =>
        [.. (catalogue ?? throw new ArgumentNullException(nameof(catalogue))).All.Select(i => i.Category).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal)];

    public static async Task<IReadOnlyList<IndicatorItem>> ListAsync(BaiqiangDbContext db, string? query, string? category, string? kind, string? status, CancellationToken ct)
        => Filter(await IndicatorStore.LoadCatalogueAsync(db, ct), query, category, kind, status);

    /// <summary>One indicator by code, name or alias (traditional characters too); null when none.</summary>
    public static async Task<IndicatorDetail?> GetAsync(BaiqiangDbContext db, string codeOrName, CancellationToken ct)
    {
        var catalogue = await IndicatorStore.LoadCatalogueAsync(db, ct);
        return catalogue.Find(codeOrName) is { } i ? Detail(catalogue, i) : null;
    }

    /// <summary>Adds an indicator; <see cref="AccessDeniedException"/> for a role that may not.</summary>
    public static async Task<IndicatorWrite> AddAsync(BaiqiangDbContext db, Actor actor, IndicatorRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        Ensure(actor);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var code = IndicatorCode.TryParse(request.Code);
        if (!code.Success)
        {
            errors["code"] = [code.Error!.Value.ToString()];
        }

        if (string.IsNullOrWhiteSpace(request.Unit))
        {
            errors["unit"] = [new Bilingual("计量单位不能为空", "the unit is required").ToString()];
        }

        var blank = new Indicator(code.Success ? code.Value : new IndicatorCode("x"), string.Empty, string.Empty, Unit.None, IndicatorKind.Flow,
            Direction.HigherIsBetter, true, false, []);
        var indicator = Apply(request, blank, errors);
        if (errors.Count > 0)
        {
            return new IndicatorWrite(null, false, errors);
        }

        return await WriteAsync(db, () => IndicatorStore.AddAsync(db, indicator!, ct, actor), ct);
    }

    /// <summary>Changes the fields given for the indicator <paramref name="code"/> (its code never changes).</summary>
    public static async Task<IndicatorWrite> UpdateAsync(BaiqiangDbContext db, Actor actor, string code, IndicatorRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        Ensure(actor);
        if ((await IndicatorStore.LoadCatalogueAsync(db, ct)).Find(code) is not { } existing)
        {
            return new IndicatorWrite(null, true, []);
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var indicator = Apply(request with { Code = null }, existing, errors);
        return errors.Count > 0
            ? new IndicatorWrite(null, false, errors)
            : await WriteAsync(db, () => IndicatorStore.UpdateAsync(db, indicator!, ct, actor), ct);
    }

    /// <summary>Retires the indicator <paramref name="code"/> from the day given (yyyy-MM-dd; blank: today).</summary>
    public static async Task<IndicatorWrite> RetireAsync(BaiqiangDbContext db, Actor actor, string code, string? on, DateOnly today, CancellationToken ct)
    {
        Ensure(actor);
        if ((await IndicatorStore.LoadCatalogueAsync(db, ct)).Find(code) is not { } existing)
        {
            return new IndicatorWrite(null, true, []);
        }

        var day = today;
        if (!string.IsNullOrWhiteSpace(on) && !DateOnly.TryParseExact(on.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
        {
            return new IndicatorWrite(null, false, new(StringComparer.Ordinal)
            {
                ["on"] = [new Bilingual($"停用日期“{on}”应为 yyyy-MM-dd", $"the retirement date '{on}' should be yyyy-MM-dd").ToString()],
            });
        }

        return await WriteAsync(db, () => IndicatorStore.RetireAsync(db, existing.Code.Value, day, ct, actor), ct);
    }

    /// <summary>The half of a "中文 / English" message the user reads.</summary>
    public static string Pick(string message, bool en) => message.Split(" / ", 2) is [var zh, var english] ? (en ? english : zh) : message;

    /// <summary>Aliases as the form's text box shows them: joined by '|'.</summary>
    public static IReadOnlyList<string> SplitAliases(string? text) =>
        text is null ? [] : text.Split(['|', '\n', '，', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static IndicatorItem Item(Catalogue catalogue, Indicator i)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(i);
        return new IndicatorItem(
            i.Code.Value, i.NameZh, i.NameEn, i.Unit.Symbol, i.Unit.Dimension.ToString(), IndicatorCatalogue.KindText(i.Kind),
            i.PublishedCumulatively ? "cumulative" : "point", IndicatorCatalogue.DirectionText(i.Direction), i.Category, i.Parent?.Value,
            i.Parent is { } p ? catalogue.Get(p)?.NameZh : null, i.ComparableGrowth, i.AllowsNegative, i.Aliases,
            i.Retired?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), i.Description);
    }

    private static IndicatorDetail Detail(Catalogue catalogue, Indicator i) =>
        new(Item(catalogue, i), [.. catalogue.Children(i.Code).Select(c => Item(catalogue, c))]);

    private static bool Matches(Indicator i, string key) =>
        Catalogue.Key(i.Code.Value).Contains(key, StringComparison.OrdinalIgnoreCase)
        || Catalogue.Key(i.NameZh).Contains(key, StringComparison.OrdinalIgnoreCase)
        || Catalogue.Key(i.NameEn).Contains(key, StringComparison.OrdinalIgnoreCase)
        || i.Aliases.Any(a => Catalogue.Key(a).Contains(key, StringComparison.OrdinalIgnoreCase));

    private static void Ensure(Actor actor)
    {
        if (!CanEdit(actor))
        {
            throw new AccessDeniedException(new Bilingual("只有管理员和分析员可以修改指标目录", "only admins and analysts may change the indicator catalogue"));
        }
    }

    /// <summary>The request's fields over <paramref name="i"/>; each bad value is added to <paramref name="errors"/> by field.</summary>
    private static Indicator? Apply(IndicatorRequest r, Indicator i, Dictionary<string, string[]> errors)
    {
        T Read<T>(string field, string? text, Func<string, T> parse, T current)
        {
            if (text is null)
            {
                return current;
            }

            try
            {
                return parse(text);
            }
            catch (Exception e) when (e is FormatException or ArgumentException)
            {
                errors[field] = [e.Message];
                return current;
            }
        }

        var unit = Read("unit", string.IsNullOrWhiteSpace(r.Unit) ? null : r.Unit.Trim(), u => Unit.TryFind(u, out var found)
            ? found
            : throw new FormatException(new Bilingual($"未知计量单位“{u}”", $"unknown unit '{u}'").ToString()), i.Unit);
        var kind = Read("kind", r.Kind, IndicatorCatalogue.ParseKind, i.Kind);
        var direction = Read("direction", r.Direction, IndicatorCatalogue.ParseDirection, i.Direction);
        var cumulative = Read("accumulation", r.Accumulation, IndicatorCatalogue.ParseAccumulation, i.PublishedCumulatively);
        var parent = Read<IndicatorCode?>("parent", r.Parent, p => p.Trim().Length == 0 ? null : new IndicatorCode(p.Trim()), i.Parent);
        var name = r.NameZh?.Trim() ?? i.NameZh;
        if (name.Length == 0)
        {
            errors["nameZh"] = [new Bilingual("指标中文名称不能为空", "the indicator's Chinese name is required").ToString()];
        }

        if (errors.Count > 0)
        {
            return null;
        }

        var aliases = r.Aliases is { } a ? [.. a.Select(x => x.Trim()).Where(x => x.Length > 0).Distinct(StringComparer.Ordinal)] : i.Aliases.ToList();
        IndicatorCatalogue.AddTraditional(aliases, name);
        return new Indicator(i.Code, name, r.NameEn?.Trim() ?? i.NameEn, unit, kind, direction, cumulative, r.AllowsNegative ?? i.AllowsNegative, aliases)
        {
            Category = r.Category?.Trim() ?? i.Category,
            Parent = parent,
            ComparableGrowth = r.ComparableGrowth ?? i.ComparableGrowth,
            Description = r.Description?.Trim() ?? i.Description,
            Retired = i.Retired,
        };
    }

    private static async Task<IndicatorWrite> WriteAsync(BaiqiangDbContext db, Func<Task<Indicator>> write, CancellationToken ct)
    {
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.TrackAll;
        try
        {
            var saved = await write();
            var catalogue = await IndicatorStore.LoadCatalogueAsync(db, ct);
            return new IndicatorWrite(Detail(catalogue, catalogue.Get(saved.Code) ?? saved), false, []);
        }
        catch (IndicatorException e)
        {
            var field = e.Reason.En.Contains("parent", StringComparison.Ordinal) ? "parent"
                : e.Reason.En.Contains("code", StringComparison.Ordinal) ? "code"
                : e.Reason.En.Contains("name", StringComparison.Ordinal) ? "nameZh" : "indicator";
            return new IndicatorWrite(null, false, new(StringComparer.Ordinal) { [field] = [e.Reason.ToString()] })
            {
                Conflict = e.Reason.En.EndsWith("already exists", StringComparison.Ordinal),
            };
        }
    }
}
