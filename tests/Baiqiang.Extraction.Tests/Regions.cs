using System.Globalization;
using Baiqiang.Core.Regions;
using Baiqiang.Storage.Sample;

namespace Baiqiang.Extraction.Tests;

/// <summary>The national division tables of 2023 (shared/data/divisions) plus the sample's parks, as the CLI sees them after <c>regions import</c> and <c>sample</c>.</summary>
internal static class Regions
{
    private static readonly Lazy<RegionMatcher> NationalLazy = new(() => new RegionMatcher(new RegionRegistry(LoadNational()), SampleData.Regions.Select(r => r.Code)));

    /// <summary>Every province, prefecture and county-level unit, and the three seed parks; sample regions preferred when ambiguous.</summary>
    public static RegionMatcher National => NationalLazy.Value;

    /// <summary>Only the sample's regions (no ambiguity: one 通州区).</summary>
    public static RegionMatcher SampleOnly { get; } = new(new RegionRegistry(SampleData.Regions));

    /// <summary>The national tables without preferences: an ambiguous name stays unresolved unless the text says which.</summary>
    public static RegionMatcher NationalNoPreference { get; } = new(new RegionRegistry(LoadNational()));

    private static List<Region> LoadNational()
    {
        var folder = SharedData.Path("divisions");
        var list = new Dictionary<RegionCode, Region>();
        foreach (var f in Csv(Path.Combine(folder, "provinces.csv")))
        {
            var code = new RegionCode(Int(f[0]) * 10000);
            list[code] = new Region(code, f[1], RegionKind.Province, null);
        }

        var prefectureNames = new Dictionary<RegionCode, string>();
        foreach (var f in Csv(Path.Combine(folder, "cities.csv")))
        {
            var code = new RegionCode(Int(f[0]) * 100);
            prefectureNames[code] = f[1];
            list[code] = new Region(code, f[1], RegionKindRules.Infer(code, f[1]), code.Parent);
        }

        foreach (var f in Csv(Path.Combine(folder, "areas.csv")))
        {
            var code = RegionCode.Parse(f[0]);
            var parent = new RegionCode(Int(f[2]) * 100);
            if (code != parent)
            {
                list[code] = new Region(code, f[1], RegionKindRules.Infer(code, f[1], prefectureNames.GetValueOrDefault(parent)), parent);
            }
        }

        foreach (var r in SampleData.Regions.Where(r => r.IsPark))
        {
            list[r.Code] = r;
        }

        return [.. list.Values];
    }

    private static int Int(string s) => int.Parse(s, CultureInfo.InvariantCulture);

    private static IEnumerable<string[]> Csv(string path)
        => File.ReadLines(path).Skip(1).Where(l => l.Length > 0).Select(l => l.TrimStart('\uFEFF').Split(',').Select(f => f.Trim().Trim('"')).ToArray());
}
