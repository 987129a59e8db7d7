using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Baiqiang.Extraction;

/// <summary>Writes facts one per line as JSON Lines or CSV with the contract's fields in the contract's order, then confidence, rule and comparator.</summary>
public static class FactWriter
{
    /// <summary>The output fields, in order.</summary>
    public static IReadOnlyList<string> Fields { get; } =
    [
        "doc", "kind", "region", "regionCode", "indicator", "indicatorRaw", "indicatorCode", "period", "value", "unit", "valueBase",
        "qualifier", "growthPct", "planSharePct", "sentence", "offset", "confidence", "rule", "comparator",
    ];

    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>One JSON object on one line (Chinese kept as is, not \u-escaped).</summary>
    public static string ToJsonLine(ExtractedFact fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, JsonOptions))
        {
            w.WriteStartObject();
            w.WriteString("doc", fact.Doc);
            w.WriteString("kind", fact.KindText);
            WriteStringOrNull(w, "region", fact.Region);
            WriteStringOrNull(w, "regionCode", fact.RegionCode?.ToString());
            w.WriteString("indicator", fact.Indicator);
            w.WriteString("indicatorRaw", fact.IndicatorRaw);
            WriteStringOrNull(w, "indicatorCode", fact.IndicatorCode?.Value);
            WriteStringOrNull(w, "period", fact.Period?.ToString());
            WriteNumberOrNull(w, "value", fact.Value);
            w.WriteString("unit", fact.Unit);
            WriteNumberOrNull(w, "valueBase", fact.ValueBase);
            WriteStringOrNull(w, "qualifier", Qualifier(fact));
            WriteNumberOrNull(w, "growthPct", fact.GrowthPct);
            WriteNumberOrNull(w, "planSharePct", fact.PlanSharePct);
            w.WriteString("sentence", fact.Sentence);
            w.WriteNumber("offset", fact.Offset);
            w.WriteNumber("confidence", fact.Confidence);
            w.WriteString("rule", fact.Rule);
            WriteStringOrNull(w, "comparator", fact.Comparator);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>The qualifier field: the written word (余, 近, 超, 约, 以上, 以下), or for a range the high end (至8).</summary>
    public static string? Qualifier(ExtractedFact fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        var q = fact.QualifierText;
        if (fact.High is { } h)
        {
            return (q is null ? string.Empty : q + " ") + "至" + Numbers.Text(h);
        }

        return q;
    }

    /// <summary>The CSV header line.</summary>
    public static string CsvHeader => string.Join(',', Fields);

    /// <summary>One CSV line (RFC 4180 quoting; empty for null).</summary>
    public static string ToCsvLine(ExtractedFact fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        string?[] cells =
        [
            fact.Doc, fact.KindText, fact.Region, fact.RegionCode?.ToString(), fact.Indicator, fact.IndicatorRaw, fact.IndicatorCode?.Value,
            fact.Period?.ToString(), N(fact.Value), fact.Unit, N(fact.ValueBase), Qualifier(fact), N(fact.GrowthPct), N(fact.PlanSharePct),
            fact.Sentence, fact.Offset.ToString(CultureInfo.InvariantCulture), N(fact.Confidence), fact.Rule, fact.Comparator,
        ];
        return string.Join(',', cells.Select(Csv));
    }

    private static string? N(decimal? v) => v is { } d ? Numbers.Text(d) : null;

    private static string Csv(string? cell)
    {
        if (cell is null)
        {
            return string.Empty;
        }

        return cell.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
    }

    private static void WriteStringOrNull(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }

    private static void WriteNumberOrNull(Utf8JsonWriter w, string name, decimal? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, Numbers.Strip(v));
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
