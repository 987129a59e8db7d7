using Baiqiang.Core.Text;

namespace Baiqiang.Web.Shared;

/// <summary>
/// The user's language: Chinese (zh-CN) unless the <c>bq.lang</c> cookie or a <c>?lang=en</c> query says English.
/// Views write text as pairs, <c>@L["成绩单", "Report card"]</c>: the bilingual table lives beside its use.
/// </summary>
public sealed class Lang(IHttpContextAccessor accessor)
{
    public const string Cookie = "bq.lang";
    private const string ItemKey = "bq.lang";

    public bool En { get; } = IsEnglish(accessor.HttpContext);

    public string Code => En ? "en" : "zh-CN";

    public string this[string zh, string en] => En ? en : zh;

    public string this[Bilingual text] => En ? text.En : text.Zh;

    private static bool IsEnglish(HttpContext? http)
    {
        if (http is null)
        {
            return false;
        }

        if (http.Items.TryGetValue(ItemKey, out var chosen) && chosen is string s)
        {
            return s == "en";
        }

        return http.Request.Cookies.TryGetValue(Cookie, out var cookie) && cookie == "en";
    }

    /// <summary>The current URL with <c>lang</c> set to <paramref name="lang"/>.</summary>
    public static string SwitchUrl(HttpRequest request, string lang)
    {
        var query = new Microsoft.AspNetCore.Http.Extensions.QueryBuilder(
            request.Query.Where(q => q.Key != "lang").SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v ?? string.Empty))));
        query.Add("lang", lang);
        return request.PathBase + request.Path + query.ToQueryString();
    }

    /// <summary>Middleware: <c>?lang=en|zh</c> switches the language and remembers it in a cookie for a year.</summary>
    public static async Task SwitchFromQuery(HttpContext http, Func<Task> next)
    {
        var q = http.Request.Query["lang"].ToString();
        if (q is "en" or "zh")
        {
            http.Items[ItemKey] = q;
            http.Response.Cookies.Append(Cookie, q, new CookieOptions { MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true, Secure = http.Request.IsHttps });
        }

        await next();
    }
}
