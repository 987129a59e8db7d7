using System.Net;

namespace Baiqiang.Web.Tests.Support;

/// <summary>Signing in by hand (cookies carried explicitly), so the form can come from one node and the post go to another.</summary>
public static class CrossNodeSignIn
{
    /// <summary>Gets the sign-in form from <paramref name="form"/>, posts it to <paramref name="post"/>; returns the session cookie header.</summary>
    public static async Task<string> SignInAsync(HttpClient form, HttpClient post, string user, string password, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(post);
        using var page = await form.GetAsync(new Uri("/Auth/Login", UriKind.Relative), ct);
        var html = await page.Content.ReadAsStringAsync(ct);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/Auth/Login", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["UserName"] = user,
                ["Password"] = password,
                ["__RequestVerificationToken"] = WebFactory.Antiforgery(html),
            }),
        };
        request.Headers.Add("Cookie", Cookies(page));
        using var signedIn = await post.SendAsync(request, ct);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var cookie = Cookies(signedIn);
        Assert.Contains("bq.auth=", cookie, StringComparison.Ordinal);
        return cookie;
    }

    /// <summary>The <c>name=value</c> pairs a response sets, as one Cookie header.</summary>
    public static string Cookies(HttpResponseMessage response) =>
        string.Join("; ", (response?.Headers.TryGetValues("Set-Cookie", out var set) == true ? set : []).Select(c => c.Split(';')[0]));
}
