using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Baiqiang.Briefing.Templates;

/// <summary>One chart a section asks for: <c>growth_bars</c>, <c>trend</c> (of <see cref="Indicator"/>) or <c>plan_completion</c>.</summary>
public sealed record ChartTemplate(string Type, string Title, string? Indicator = null);

/// <summary>
/// One section of a briefing template: its kind (economy, targets, key_projects, investment, service, warnings), heading,
/// the indicators it covers (economy), the charts it draws and its phrase templates with <c>{placeholders}</c>.
/// </summary>
public sealed record SectionTemplate(
    string Kind,
    string Heading,
    IReadOnlyList<string>? Indicators,
    IReadOnlyList<ChartTemplate>? Charts,
    IReadOnlyDictionary<string, string> Phrases,
    bool Table = true);

/// <summary>
/// A briefing template: a JSON file a user can edit (see docs/briefing.md). The default Chinese and English templates are
/// embedded; <see cref="Load"/> reads a user's file.
/// </summary>
/// <param name="Language">"zh" or "en": chooses number words and period labels.</param>
/// <param name="Title">Title with {region}, {period}.</param>
/// <param name="Subtitle">Subtitle with {region}, {period}, {date}.</param>
/// <param name="Numbering">Section numbers (一、二、三 …).</param>
/// <param name="BodyFonts">Body font families, preferred first (仿宋 …); the first installed one is used in .docx.</param>
/// <param name="HeadingFonts">Heading font families (黑体 …).</param>
/// <param name="Phrases">Shared phrases: period labels, scope names, source heading.</param>
/// <param name="Sections">The sections, in order.</param>
public sealed record BriefingTemplate(
    string Language,
    string Title,
    string Subtitle,
    IReadOnlyList<string> Numbering,
    IReadOnlyList<string> BodyFonts,
    IReadOnlyList<string> HeadingFonts,
    IReadOnlyDictionary<string, string> Phrases,
    IReadOnlyList<SectionTemplate> Sections)
{
    internal static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The built-in template for "zh" (default) or "en".</summary>
    public static BriefingTemplate Default(string language = "zh")
    {
        var lang = string.Equals(language, "en", StringComparison.OrdinalIgnoreCase) ? "en" : "zh";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Baiqiang.Briefing.default.{lang}.json")
            ?? throw new InvalidOperationException($"内置模板缺失 / built-in template {lang} missing");
        return Parse(stream, $"default.{lang}.json");
    }

    /// <summary>Reads a template file; throws <see cref="FormatException"/> (bilingual) when it is not a valid template.</summary>
    public static BriefingTemplate Load(string path)
    {
        using var stream = File.OpenRead(path);
        return Parse(stream, path);
    }

    /// <summary>The template as JSON (to start a custom one from the default).</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>A shared phrase, or <paramref name="fallback"/> when the template does not define it.</summary>
    public string Phrase(string key, string fallback = "") => Phrases.TryGetValue(key, out var v) ? v : fallback;

    private static BriefingTemplate Parse(Stream stream, string name)
    {
        BriefingTemplate? t;
        try
        {
            t = JsonSerializer.Deserialize<BriefingTemplate>(stream, Json);
        }
        catch (JsonException e)
        {
            throw new FormatException($"模板“{name}”不是有效的 JSON:{e.Message} / template '{name}' is not valid JSON: {e.Message}", e);
        }

        if (t is null || t.Sections is null || t.Sections.Count == 0 || t.Phrases is null || string.IsNullOrWhiteSpace(t.Title))
        {
            throw new FormatException($"模板“{name}”缺少 title、phrases 或 sections / template '{name}' lacks title, phrases or sections");
        }

        foreach (var s in t.Sections)
        {
            if (!SectionKinds.All.Contains(s.Kind))
            {
                throw new FormatException($"模板“{name}”的栏目类型“{s.Kind}”未知(可用:{string.Join('、', SectionKinds.All)}) / template '{name}': unknown section kind '{s.Kind}'");
            }
        }

        return t with
        {
            Numbering = t.Numbering ?? [],
            BodyFonts = t.BodyFonts ?? [],
            HeadingFonts = t.HeadingFonts ?? [],
            Sections = [.. t.Sections.Select(s => s with { Phrases = s.Phrases ?? new Dictionary<string, string>() })],
        };
    }
}

/// <summary>The section kinds a template may list.</summary>
public static class SectionKinds
{
    public const string Economy = "economy";
    public const string Targets = "targets";
    public const string KeyProjects = "key_projects";
    public const string Investment = "investment";
    public const string Service = "service";
    public const string Warnings = "warnings";

    /// <summary>月月有签约、月月有落地、月月有开工: the year's months through the period, empty ones marked.</summary>
    public const string Scoreboard = "scoreboard";

    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal) { Economy, Targets, KeyProjects, Investment, Service, Warnings, Scoreboard };
}
