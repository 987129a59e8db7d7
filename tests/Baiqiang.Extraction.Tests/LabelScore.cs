using System.Globalization;
using System.Text.Json;

namespace Baiqiang.Extraction.Tests;

/// <summary>A hand-labelled fact (tests/Baiqiang.Extraction.Tests/Labels/*.jsonl).</summary>
internal sealed record LabelledFact(
    string Kind, string? RegionCode, string Indicator, string? IndicatorCode, string? Period, decimal? Value, string Unit, string? Qualifier,
    decimal? GrowthPct, decimal? PlanSharePct);

/// <summary>Precision and recall of extracted facts against labels.</summary>
internal sealed record Score(int Extracted, int Labelled, int Matched)
{
    public double Precision => Extracted == 0 ? 1 : (double)Matched / Extracted;

    public double Recall => Labelled == 0 ? 1 : (double)Matched / Labelled;

    public static Score operator +(Score a, Score b) => new(a.Extracted + b.Extracted, a.Labelled + b.Labelled, a.Matched + b.Matched);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"P {Precision:0.000} ({Matched}/{Extracted}), R {Recall:0.000} ({Matched}/{Labelled})");
}

/// <summary>
/// Scores extracted facts against labels. A fact matches a label (one to one, greedily in document order) when kind, region
/// code, period, value, unit, qualifier, growth and plan share are all equal, and the indicator is the same catalogue code
/// (when the label has one) or, for uncatalogued names, one name contains the other (实现产值 ⊇ 产值).
/// </summary>
internal static class LabelScore
{
    public static readonly string[] IndicatorKinds = ["value", "growth", "share", "plan_completion", "pull"];

    public static IReadOnlyList<LabelledFact> Load(string seed, string folder = "Labels")
    {
        var path = Path.Combine(AppContext.BaseDirectory, folder, seed + ".jsonl");
        var list = new List<LabelledFact>();
        foreach (var line in File.ReadLines(path).Where(l => l.Length > 0))
        {
            using var d = JsonDocument.Parse(line);
            var r = d.RootElement;
            list.Add(new LabelledFact(
                r.GetProperty("kind").GetString()!, Str(r, "regionCode"), r.GetProperty("indicator").GetString()!, Str(r, "indicatorCode"), Str(r, "period"),
                Dec(r, "value"), r.GetProperty("unit").GetString() ?? string.Empty, Str(r, "qualifier"), Dec(r, "growthPct"), Dec(r, "planSharePct")));
        }

        return list;
    }

    /// <summary>The corpus label columns, in order (tests/Baiqiang.Extraction.Tests/Corpus/*.tsv; an empty cell is null).</summary>
    public static readonly string[] TsvColumns = ["kind", "region_code", "indicator", "indicator_code", "period", "value", "unit", "qualifier", "growth_pct", "plan_share_pct"];

    /// <summary>Reads a corpus label file: a header row with exactly <see cref="TsvColumns"/>, then one fact a line.</summary>
    public static IReadOnlyList<LabelledFact> LoadTsv(string path)
    {
        var lines = File.ReadAllLines(path);
        if (lines.Length == 0 || lines[0].TrimEnd('\r') != string.Join('\t', TsvColumns))
        {
            throw new FormatException($"{path}: the header must be: {string.Join(' ', TsvColumns)}");
        }

        var list = new List<LabelledFact>();
        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Length == 0)
            {
                continue;
            }

            var c = line.Split('\t');
            if (c.Length != TsvColumns.Length)
            {
                throw new FormatException($"{path}:{i + 1}: {c.Length} cells, expected {TsvColumns.Length}");
            }

            list.Add(new LabelledFact(c[0], Null(c[1]), c[2], Null(c[3]), Null(c[4]), Number(c[5], path, i), c[6], Null(c[7]), Number(c[8], path, i), Number(c[9], path, i)));
        }

        return list;

        static string? Null(string cell) => cell.Length == 0 ? null : cell;

        static decimal? Number(string cell, string path, int i)
            => cell.Length == 0 ? null
                : decimal.TryParse(cell, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) ? d
                : throw new FormatException($"{path}:{i + 1}: '{cell}' is not a number");
    }

    public static Score Compare(IReadOnlyList<ExtractedFact> facts, IReadOnlyList<LabelledFact> labels, Func<string, bool> kindFilter, List<string>? misses = null)
    {
        var fs = facts.Where(f => kindFilter(f.KindText)).ToList();
        var ls = labels.Where(l => kindFilter(l.Kind)).ToList();
        var used = new bool[ls.Count];
        var matched = 0;
        foreach (var f in fs)
        {
            var at = ls.FindIndex(l => !used[ls.IndexOf(l)] && Matches(f, l));
            for (var k = 0; k < ls.Count; k++)
            {
                if (!used[k] && Matches(f, ls[k]))
                {
                    used[k] = true;
                    matched++;
                    at = -2;
                    break;
                }
            }

            if (at != -2)
            {
                misses?.Add("extra: " + FactWriter.ToJsonLine(f));
            }
        }

        for (var k = 0; k < ls.Count; k++)
        {
            if (!used[k])
            {
                misses?.Add("missed: " + ls[k]);
            }
        }

        return new Score(fs.Count, ls.Count, matched);
    }

    public static bool Matches(ExtractedFact f, LabelledFact l)
        => f.KindText == l.Kind
            && f.RegionCode?.ToString() == l.RegionCode
            && f.Period?.ToString() == l.Period
            && f.Value == l.Value
            && f.Unit == l.Unit
            && FactWriter.Qualifier(f) == l.Qualifier
            && f.GrowthPct == l.GrowthPct
            && f.PlanSharePct == l.PlanSharePct
            && (l.IndicatorCode is { } code
                ? f.IndicatorCode?.Value == code
                : f.IndicatorCode is null && (f.Indicator.Contains(l.Indicator, StringComparison.Ordinal) || l.Indicator.Contains(f.Indicator, StringComparison.Ordinal)));

    private static string? Str(JsonElement r, string name) => r.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static decimal? Dec(JsonElement r, string name) => r.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDecimal() : null;
}
