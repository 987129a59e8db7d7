using System.Collections.Concurrent;
using System.Reflection;
using Baiqiang.Core.Text;
using Baiqiang.Storage;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Baiqiang.Web.Shared.Inputs;

/// <summary>Marks a page model's query property as a period a person may type in Chinese (<c>2022年上半年</c>).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PeriodInputAttribute : Attribute;

/// <summary>Marks a page model's query property as a region a person may give by name (<c>江阳</c>); with
/// <see cref="Multiple"/>, a list separated by commas or 、. On a posted form it also marks a property of a bound input
/// object (<c>Input.Region</c>).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class RegionInputAttribute : Attribute
{
    public bool Multiple { get; init; }
}

/// <summary>An input the page could not read: the text as typed (kept in the box), the reason, for a shared region
/// name the regions it could mean, and the part of the text that failed (one name of a list).</summary>
public sealed record InputError(string Typed, Bilingual Message, IReadOnlyList<RegionCandidate> Candidates, string Part)
{
    /// <summary>The typed text with the failing part replaced by <paramref name="code"/> (the candidate links' value).</summary>
    public string With(string code) => Part == Typed ? code : Typed.Replace(Part, code, StringComparison.Ordinal);
}

/// <summary>
/// Turns typed periods and region names in a page's query into canonical values before the page runs. A GET whose
/// <see cref="PeriodInputAttribute"/>/<see cref="RegionInputAttribute"/> properties hold text that reads as a period or a
/// region is redirected to the same page with the canonical values (<c>?period=2022-01..06&amp;region=510502</c>), so URLs
/// stay canonical; text that cannot be read is cleared from the model and shown beside its box by the input partials
/// (<c>_PeriodInput</c>, <c>_RegionInput</c>), with the reason in both languages and the candidates of a shared name.
/// </summary>
public sealed class CanonicalInputsFilter : IAsyncPageFilter
{
    private const string ItemKey = "bq.input-errors";

    private static readonly ConcurrentDictionary<Type, (PropertyInfo Property, Attribute Kind)[]> Inputs = new();

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        if (context.HandlerInstance is PageModel posted && !HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method))
        {
            await ResolvePostedAsync(http, posted);
            await next();
            return;
        }

        var inputs = context.HandlerInstance is PageModel page && HttpMethods.IsGet(http.Request.Method) ? InputsOf(page.GetType()) : [];
        var typed = inputs
            .Select(i => (i.Property, i.Kind, Key: http.Request.Query.Keys.FirstOrDefault(k => string.Equals(k, i.Property.Name, StringComparison.OrdinalIgnoreCase))))
            .Where(i => i.Key is not null && !string.IsNullOrWhiteSpace(http.Request.Query[i.Key].ToString()))
            .ToList();
        if (typed.Count == 0)
        {
            await next();
            return;
        }

        var ct = http.RequestAborted;
        var db = http.RequestServices.GetRequiredService<BaiqiangDbContext>();
        var clock = http.RequestServices.GetRequiredService<TimeProvider>();
        DateOnly? asOf = null;
        RegionNames? names = null;
        var canonical = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var errors = new Dictionary<string, InputError>(StringComparer.OrdinalIgnoreCase);
        foreach (var (property, kind, key) in typed)
        {
            var text = http.Request.Query[key!].ToString().Trim();
            if (kind is PeriodInputAttribute)
            {
                asOf ??= await AsOfDays.DefaultDayAsync(db, clock, ct);
                var r = PeriodText.ToCanonical(text, asOf.Value);
                Record(property.Name, text, r.Success ? r.Value : null, r.Error, []);
            }
            else
            {
                var parts = ((RegionInputAttribute)kind).Multiple
                    ? text.Split([',', '，', '、', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    : [text];
                var codes = new List<string>();
                (string Part, RegionResolution Result)? failed = null;
                foreach (var part in parts)
                {
                    if (part.All(char.IsAsciiDigit))
                    {
                        codes.Add(part); // a code: the page checks it, with its own message
                        continue;
                    }

                    // Every region is loaded only when a name has to be resolved: a code (the usual link) needs none of them.
                    names ??= await RegionNames.LoadAsync(db, ct);
                    var r = names.Resolve(part);
                    if (!r.Success)
                    {
                        failed = (part, r);
                        break;
                    }

                    codes.Add(r.Code!.Value.ToString());
                }

                Record(property.Name, text, failed is null ? string.Join(',', codes) : null, failed?.Result.Error, failed?.Result.Candidates ?? [], failed?.Part);
            }

            void Record(string name, string text, string? value, Bilingual? error, IReadOnlyList<RegionCandidate> candidates, string? part = null)
            {
                if (value is not null)
                {
                    canonical[name] = value;
                }
                else
                {
                    errors[name] = new InputError(text, error!.Value, candidates, part ?? text);
                    property.SetValue(context.HandlerInstance, null);
                }
            }
        }

        if (errors.Count == 0 && typed.Any(i => canonical[i.Property.Name] != http.Request.Query[i.Key!].ToString()))
        {
            context.Result = new Microsoft.AspNetCore.Mvc.RedirectResult(WithValues(http.Request, canonical));
            return;
        }

        if (errors.Count > 0)
        {
            http.Items[ItemKey] = errors;
        }

        await next();
    }

    /// <summary>
    /// A posted form's region boxes (<see cref="RegionInputAttribute"/> on a page property, or on a property of a bound input
    /// object, posted as <c>Input.Region</c>): a typed name that resolves to one region is replaced by its code before the
    /// handler runs, so the handler and the store see codes only. A name that does not resolve (unknown, or shared by several
    /// regions) is left as typed, which the handler's own code check refuses, so nothing is saved and the box keeps the text;
    /// the reason and the candidates are recorded for <c>_RegionInput</c> under the posted field name.
    /// </summary>
    private static async Task ResolvePostedAsync(HttpContext http, PageModel page)
    {
        var errors = new Dictionary<string, InputError>(StringComparer.OrdinalIgnoreCase);
        RegionNames? names = null;
        foreach (var (target, property, field, multiple) in PostedInputsOf(page))
        {
            if (property.GetValue(target) is not string text || string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            var parts = multiple
                ? text.Split([',', '，', '、', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                : [text.Trim()];
            if (parts.All(p => p.All(char.IsAsciiDigit)))
            {
                continue; // codes: the handler checks them, with its own message
            }

            names ??= await RegionNames.LoadAsync(http.RequestServices.GetRequiredService<BaiqiangDbContext>(), http.RequestAborted);
            List<string>? codes = new();
            foreach (var part in parts)
            {
                var r = part.All(char.IsAsciiDigit) ? null : names.Resolve(part);
                if (r is { Success: false })
                {
                    errors[field] = new InputError(text, r.Error!.Value, r.Candidates, part);
                    codes = null;
                    break;
                }

                codes.Add(r?.Code!.Value.ToString() ?? part);
            }

            if (codes is not null)
            {
                property.SetValue(target, string.Join(',', codes));
            }
        }

        if (errors.Count > 0)
        {
            http.Items[ItemKey] = errors;
        }
    }

    /// <summary>The region inputs of a posted page: its own <see cref="RegionInputAttribute"/> properties and those of its bound
    /// input objects, with the object that holds each, and the form field name.</summary>
    private static IEnumerable<(object Target, PropertyInfo Property, string Field, bool Multiple)> PostedInputsOf(PageModel page)
    {
        foreach (var p in page.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (p.GetCustomAttribute<RegionInputAttribute>() is { } own && p.PropertyType == typeof(string) && p.CanWrite)
            {
                yield return (page, p, p.Name, own.Multiple);
            }
            else if (p.GetCustomAttribute<Microsoft.AspNetCore.Mvc.BindPropertyAttribute>() is not null && p.PropertyType.IsClass
                && p.PropertyType != typeof(string) && p.GetValue(page) is { } input)
            {
                foreach (var inner in p.PropertyType.GetProperties(BindingFlags.Public | BindingFlags.Instance))
                {
                    if (inner.GetCustomAttribute<RegionInputAttribute>() is { } nested && inner.PropertyType == typeof(string) && inner.CanWrite)
                    {
                        yield return (input, inner, p.Name + "." + inner.Name, nested.Multiple);
                    }
                }
            }
        }
    }

    /// <summary>The error for the input named <paramref name="name"/> on this request, if it could not be read.</summary>
    public static InputError? ErrorFor(HttpContext http, string name)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.Items.TryGetValue(ItemKey, out var v) && v is Dictionary<string, InputError> d && d.TryGetValue(name, out var e) ? e : null;
    }

    /// <summary>True when some typed input of this request could not be read (the page then shows the reason, not data for
    /// some other choice).</summary>
    public static bool HasErrors(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.Items.ContainsKey(ItemKey);
    }

    /// <summary>The current URL with the query's <paramref name="values"/> replaced (matched without case), other keys kept.</summary>
    public static string WithValues(HttpRequest request, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(values);
        var query = new QueryBuilder();
        var done = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in request.Query)
        {
            if (values.TryGetValue(key, out var replaced))
            {
                if (done.Add(key))
                {
                    query.Add(key, replaced);
                }
            }
            else
            {
                foreach (var v in value)
                {
                    query.Add(key, v ?? string.Empty);
                }
            }
        }

        return request.PathBase + request.Path + query.ToQueryString();
    }

    private static (PropertyInfo Property, Attribute Kind)[] InputsOf(Type type) => Inputs.GetOrAdd(type, t =>
        [.. t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => (Property: p, Kind: (Attribute?)p.GetCustomAttribute<PeriodInputAttribute>() ?? p.GetCustomAttribute<RegionInputAttribute>()))
            .Where(x => x.Kind is not null && x.Property.PropertyType == typeof(string))
            .Select(x => (x.Property, x.Kind!))]);
}
