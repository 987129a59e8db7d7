using System.Globalization;
using Baiqiang.Core.Access;
using Baiqiang.Core.Pipeline;
using Baiqiang.Core.Services;
using Baiqiang.Core.Text;
using Baiqiang.Storage.Import;
using Baiqiang.Storage.Infrastructure;
using Baiqiang.Storage.Lists;
using Microsoft.EntityFrameworkCore;

namespace Baiqiang.Storage.Services;

/// <summary>What a desk form did: the key of the record stored, or the errors by form field (a column key of
/// <see cref="ServiceFiles"/>; <see cref="General"/> for errors of the whole record) and nothing stored.</summary>
public sealed record DeskOutcome(string? Key, IReadOnlyDictionary<string, IReadOnlyList<Bilingual>> Errors)
{
    /// <summary>The field name of errors that concern no single field.</summary>
    public const string General = "";

    public bool Success => Errors.Count == 0;

    public static DeskOutcome Stored(string key) => new(key, new Dictionary<string, IReadOnlyList<Bilingual>>(StringComparer.Ordinal));

    public static DeskOutcome Failed(string field, IEnumerable<Bilingual> errors) =>
        new(null, new Dictionary<string, IReadOnlyList<Bilingual>>(StringComparer.Ordinal) { [field] = [.. errors] });

    internal static DeskOutcome Failed(IEnumerable<ImportError> errors) =>
        new(null, errors.GroupBy(e => e.Column ?? General, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (IReadOnlyList<Bilingual>)[.. g.Select(e => e.Message)], StringComparer.Ordinal));
}

/// <summary>
/// Desk entry (web forms and the JSON API): one enterprise, visit, request or cash-out typed in. The values go through the
/// import's own row parsers (<see cref="ServiceFiles"/> over <see cref="ListRow.FromValues"/>) and <see cref="ServiceStore"/>,
/// so a typed record meets exactly the rules, rights and audit of an imported one.
/// </summary>
/// <remarks>
/// <para>Values are by the lists' column keys (credit_code, date, …). A visit, request or cash-out takes its region from its
/// enterprise; an actor who may not edit that region is refused with <see cref="AccessDeniedException"/> before anything is
/// read further (a county editor acts only in their county). Keys left blank are given one: ZF-yyyyMMdd-n (visits),
/// SQ-yyyyMMdd-n (requests), DX-yyyyMMdd-n (cash-outs), n counting that day's records.</para>
/// <para>A visit may carry requests raised during it (<see cref="RaisedPrefix"/> values): the visit and those requests are
/// stored together or not at all.</para>
/// </remarks>
public static class ServiceDesk
{
    /// <summary>Prefix of a visit form's request fields (request.category, request.department, …).</summary>
    public const string RaisedPrefix = "request.";

    public static async Task<DeskOutcome> CreateEnterpriseAsync(BaiqiangDbContext db, Actor actor, IReadOnlyDictionary<string, string?> values, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var (enterprise, errors) = Read(ServiceFiles.EnterpriseColumns, values, ServiceFiles.ParseEnterprise);
        if (enterprise is null)
        {
            return DeskOutcome.Failed(errors);
        }

        actor.EnsureCanEdit(enterprise.Region);
        var outcome = await ServiceStore.SaveEnterprisesAsync(db, actor, [enterprise], ct);
        return outcome.Success ? DeskOutcome.Stored(enterprise.CreditCode.Value) : DeskOutcome.Failed("credit_code", outcome.Errors);
    }

    /// <summary>Changes a stored enterprise (its credit code stays); null when there is none with <paramref name="creditCode"/>.</summary>
    public static async Task<DeskOutcome?> UpdateEnterpriseAsync(BaiqiangDbContext db, Actor actor, string creditCode, IReadOnlyDictionary<string, string?> values, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(values);
        var stored = await FindEnterpriseAsync(db, creditCode, ct);
        if (stored is null)
        {
            return null;
        }

        actor.EnsureCanEdit(stored.RegionCode);
        var typed = new Dictionary<string, string?>(values, StringComparer.Ordinal) { ["credit_code"] = stored.CreditCode };
        var (enterprise, errors) = Read(ServiceFiles.EnterpriseColumns, typed, ServiceFiles.ParseEnterprise);
        if (enterprise is null)
        {
            return DeskOutcome.Failed(errors);
        }

        return await ServiceStore.UpdateEnterpriseAsync(db, actor, enterprise, ct) ? DeskOutcome.Stored(stored.CreditCode) : null;
    }

    /// <summary>Logs a visit (id, date, visitors, credit_code, notes) and any request raised during it (request.category, …).</summary>
    public static async Task<DeskOutcome> LogVisitAsync(BaiqiangDbContext db, Actor actor, IReadOnlyDictionary<string, string?> values, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(values);
        var typed = new Dictionary<string, string?>(values, StringComparer.Ordinal);
        if (await EnterpriseOfAsync(db, actor, typed, null, ct) is { } refused)
        {
            return refused;
        }

        var date = Day(typed.GetValueOrDefault("date")) ?? today;
        if (string.IsNullOrWhiteSpace(typed.GetValueOrDefault("id")))
        {
            typed["id"] = await NextKeyAsync(db.Set<VisitEntity>().Select(v => v.Key), "ZF", date, ct);
        }

        var (visit, errors) = Read(ServiceFiles.VisitColumns, typed, ServiceFiles.ParseVisit);
        var raised = RaisedValues(typed);
        EnterpriseRequest? request = null;
        if (raised is not null)
        {
            raised["visit_id"] = typed["id"];
            raised["credit_code"] = typed.GetValueOrDefault("credit_code");
            raised["region"] = typed.GetValueOrDefault("region");
            if (string.IsNullOrWhiteSpace(raised.GetValueOrDefault("raised_on")))
            {
                raised["raised_on"] = typed.GetValueOrDefault("date");
            }

            raised["id"] = await NextKeyAsync(db.Set<RequestEntity>().Select(r => r.Key), "SQ", Day(raised["raised_on"]) ?? date, ct);
            var (r, requestErrors) = Read(ServiceFiles.RequestColumns, raised, ServiceFiles.ParseRequest);
            request = r;
            errors.AddRange(requestErrors.Where(e => e.Column is not ("credit_code" or "region" or "visit_id" or "id")).Select(e => e with { Column = RaisedPrefix + e.Column }));
        }

        if (visit is null || errors.Count > 0)
        {
            return DeskOutcome.Failed(errors);
        }

        try
        {
            return await StoreWriteLock.RunAsync(db, async () =>
            {
                var outcome = await ServiceStore.SaveVisitsAsync(db, actor, [visit], ct);
                if (!outcome.Success)
                {
                    return DeskOutcome.Failed("id", outcome.Errors);
                }

                if (request is not null && await ServiceStore.SaveRequestsAsync(db, actor, [request], ct) is { Success: false } refused)
                {
                    // The visit is saved in this transaction already: throwing rolls it back with the request.
                    throw new DomainRuleException(refused.Errors[0]);
                }

                return DeskOutcome.Stored(visit.Id);
            }, ct);
        }
        catch (DomainRuleException e)
        {
            return DeskOutcome.Failed(DeskOutcome.General, [e.Reason]);
        }
    }

    /// <summary>
    /// Raises a request (category, department, raised_on, deadline, description) for an enterprise (credit_code), or from a
    /// stored visit (visit_id: the request is linked to it and takes its enterprise).
    /// </summary>
    public static async Task<DeskOutcome> RaiseRequestAsync(BaiqiangDbContext db, Actor actor, IReadOnlyDictionary<string, string?> values, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(values);
        var typed = new Dictionary<string, string?>(values, StringComparer.Ordinal);
        if (typed.GetValueOrDefault("visit_id") is { Length: > 0 } visitId)
        {
            var key = visitId.Trim();
            var visit = await db.Set<VisitEntity>().AsNoTracking().SingleOrDefaultAsync(v => v.Key == key, ct);
            if (visit is null)
            {
                return DeskOutcome.Failed("visit_id", [new Bilingual($"找不到走访“{key}”", $"no visit '{key}'")]);
            }

            typed["visit_id"] = visit.Key;
            typed["credit_code"] = visit.CreditCode;
            if (string.IsNullOrWhiteSpace(typed.GetValueOrDefault("raised_on")))
            {
                typed["raised_on"] = visit.On.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            }
        }

        if (await EnterpriseOfAsync(db, actor, typed, typed.GetValueOrDefault("department")?.Trim(), ct) is { } refused)
        {
            return refused;
        }

        if (string.IsNullOrWhiteSpace(typed.GetValueOrDefault("id")))
        {
            typed["id"] = await NextKeyAsync(db.Set<RequestEntity>().Select(r => r.Key), "SQ", Day(typed.GetValueOrDefault("raised_on")) ?? today, ct);
        }

        // A request raised at the desk starts as 受理; its handling moves on through start and close.
        typed.Remove("status");
        typed.Remove("closed_on");
        typed.Remove("started_on");
        typed.Remove("resolution");
        typed.Remove("satisfaction");
        var (request, errors) = Read(ServiceFiles.RequestColumns, typed, ServiceFiles.ParseRequest);
        if (request is null)
        {
            return DeskOutcome.Failed(errors);
        }

        if (await db.Set<RequestEntity>().AnyAsync(r => r.Key == request.Id, ct))
        {
            return DeskOutcome.Failed("id", [new Bilingual($"诉求编号“{request.Id}”已存在", $"request id '{request.Id}' already exists")]);
        }

        var outcome = await ServiceStore.SaveRequestsAsync(db, actor, [request], ct);
        return outcome.Success ? DeskOutcome.Stored(request.Id) : DeskOutcome.Failed(DeskOutcome.General, outcome.Errors);
    }

    /// <summary>Records a cash-out (政策兑现: programme, kind 奖补/减免, amount in 万元, date) to an enterprise of the registry.</summary>
    public static async Task<DeskOutcome> RecordCashOutAsync(BaiqiangDbContext db, Actor actor, IReadOnlyDictionary<string, string?> values, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(values);
        var typed = new Dictionary<string, string?>(values, StringComparer.Ordinal);
        if (await EnterpriseOfAsync(db, actor, typed, null, ct) is { } refused)
        {
            return refused;
        }

        if (string.IsNullOrWhiteSpace(typed.GetValueOrDefault("kind")))
        {
            typed["kind"] = ServiceText.Name(CashOutKind.Subsidy);
        }

        if (string.IsNullOrWhiteSpace(typed.GetValueOrDefault("id")))
        {
            typed["id"] = await NextKeyAsync(db.Set<CashOutEntity>().Select(c => c.Key), "DX", Day(typed.GetValueOrDefault("date")) ?? today, ct);
        }

        var (cashOut, errors) = Read(ServiceFiles.CashOutColumns, typed, ServiceFiles.ParseCashOut);
        if (cashOut is null)
        {
            return DeskOutcome.Failed(errors);
        }

        var outcome = await ServiceStore.SaveCashOutsAsync(db, actor, [cashOut], ct);
        return outcome.Success ? DeskOutcome.Stored(cashOut.Id) : DeskOutcome.Failed("id", outcome.Errors);
    }

    /// <summary>The stored enterprise with this credit code (trimmed, upper-cased), or null.</summary>
    public static Task<EnterpriseEntity?> FindEnterpriseAsync(BaiqiangDbContext db, string creditCode, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var code = (creditCode ?? string.Empty).Trim().ToUpperInvariant();
        return db.Set<EnterpriseEntity>().AsNoTracking().SingleOrDefaultAsync(e => e.CreditCode == code, ct);
    }

    /// <summary>Parses typed <paramref name="values"/> with an import row parser: the item, or its errors by column key.</summary>
    public static (T? Item, List<ImportError> Errors) Read<T>(IReadOnlyList<ListColumn> columns, IReadOnlyDictionary<string, string?> values, Func<ListRow, T?> parse)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(parse);
        var errors = new List<ImportError>();
        var item = parse(ListRow.FromValues(columns, values, errors));
        return (errors.Count == 0 ? item : null, errors);
    }

    /// <summary>
    /// Fills <c>region</c> (and the canonical credit code) from the enterprise named by <c>credit_code</c>, checking the
    /// actor's right to its region; a refusal when the code is blank, malformed or not registered.
    /// </summary>
    private static async Task<DeskOutcome?> EnterpriseOfAsync(BaiqiangDbContext db, Actor actor, Dictionary<string, string?> typed, string? department, CancellationToken ct)
    {
        var text = typed.GetValueOrDefault("credit_code")?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            return DeskOutcome.Failed("credit_code", [new Bilingual("统一社会信用代码不能为空", "the unified social credit code must not be empty")]);
        }

        var code = UnifiedSocialCreditCode.TryParse(text);
        if (!code.Success)
        {
            return DeskOutcome.Failed("credit_code", [code.Error!.Value]);
        }

        var enterprise = await FindEnterpriseAsync(db, code.Value.Value, ct);
        if (enterprise is null)
        {
            return DeskOutcome.Failed("credit_code", [ServiceStore.UnknownEnterprise(code.Value.Value)]);
        }

        actor.EnsureCanEdit(enterprise.RegionCode, department);
        typed["credit_code"] = enterprise.CreditCode;
        typed["region"] = enterprise.RegionCode.ToString();
        typed["beneficiary"] = enterprise.Name;
        typed["beneficiary_kind"] = ServiceText.Name(BeneficiaryKind.Enterprise);
        return null;
    }

    /// <summary>The request fields of a visit form, or null when none was filled in.</summary>
    private static Dictionary<string, string?>? RaisedValues(Dictionary<string, string?> typed)
    {
        var raised = typed.Where(kv => kv.Key.StartsWith(RaisedPrefix, StringComparison.Ordinal))
            .ToDictionary(kv => kv.Key[RaisedPrefix.Length..], kv => kv.Value, StringComparer.Ordinal);
        return raised.Values.Any(v => !string.IsNullOrWhiteSpace(v)) ? raised : null;
    }

    private static DateOnly? Day(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    /// <summary>PREFIX-yyyyMMdd-n with n one more than the keys of that day already stored (skipping any taken).</summary>
    private static async Task<string> NextKeyAsync(IQueryable<string> keys, string prefix, DateOnly on, CancellationToken ct)
    {
        var stem = string.Create(CultureInfo.InvariantCulture, $"{prefix}-{on:yyyyMMdd}-");
        var taken = (await keys.Where(k => k.StartsWith(stem)).ToListAsync(ct)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var n = taken.Count + 1;
        while (taken.Contains(stem + n.ToString(CultureInfo.InvariantCulture)))
        {
            n++;
        }

        return stem + n.ToString(CultureInfo.InvariantCulture);
    }
}
