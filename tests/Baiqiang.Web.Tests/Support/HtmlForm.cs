using System.Net;
using System.Text.RegularExpressions;

namespace Baiqiang.Web.Tests.Support;

/// <summary>What a browser would post from a server-rendered form: its inputs, textareas and selected options, HTML-decoded.</summary>
public static partial class HtmlForm
{
    /// <summary>The fields of the form with <c>id="<paramref name="id"/>"</c>, in page order (the antiforgery token included).</summary>
    public static Dictionary<string, string> Fields(string html, string id)
    {
        var form = Regex.Match(html, $"<form\\b[^>]*id=\"{Regex.Escape(id)}\"[^>]*>(.*?)</form>", RegexOptions.Singleline);
        Assert.True(form.Success, $"no form #{id} in the page");
        var body = form.Groups[1].Value;
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match input in Input().Matches(body))
        {
            if (Attribute(input.Value, "name") is { } name && Attribute(input.Value, "type") is not ("submit" or "button"))
            {
                fields[name] = Attribute(input.Value, "value") ?? string.Empty;
            }
        }

        foreach (Match area in TextArea().Matches(body))
        {
            fields[area.Groups["name"].Value] = WebUtility.HtmlDecode(area.Groups["text"].Value);
        }

        foreach (Match select in Select().Matches(body))
        {
            var options = Option().Matches(select.Groups["options"].Value).ToList();
            var chosen = options.FirstOrDefault(o => o.Value.Contains("selected=\"selected\"", StringComparison.Ordinal)) ?? options.FirstOrDefault();
            fields[select.Groups["name"].Value] = chosen is null ? string.Empty : Attribute(chosen.Value, "value") ?? string.Empty;
        }

        return fields;
    }

    private static string? Attribute(string tag, string name) =>
        Regex.Match(tag, $"\\s{name}=\"([^\"]*)\"") is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;

    [GeneratedRegex("<input\\b[^>]*>")]
    private static partial Regex Input();

    [GeneratedRegex("<textarea\\b[^>]*\\sname=\"(?<name>[^\"]+)\"[^>]*>(?<text>.*?)</textarea>", RegexOptions.Singleline)]
    private static partial Regex TextArea();

    [GeneratedRegex("<select\\b[^>]*\\sname=\"(?<name>[^\"]+)\"[^>]*>(?<options>.*?)</select>", RegexOptions.Singleline)]
    private static partial Regex Select();

    [GeneratedRegex("<option\\b[^>]*>")]
    private static partial Regex Option();
}
