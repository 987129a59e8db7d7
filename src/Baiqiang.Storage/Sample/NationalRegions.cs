using System.Globalization;
using Baiqiang.Core.Regions;

namespace Baiqiang.Storage.Sample;

/// <summary>
/// The 2023 national division tables (<c>provinces.csv</c>, <c>cities.csv</c>, <c>areas.csv</c> of shared/data/divisions)
/// read into memory, plus the sample's parks: the regions the CLI holds after <c>regions import</c> and <c>sample</c>,
/// for the extraction tests and benchmarks that need the whole country without a store.
/// </summary>
public static class NationalRegions
{
    /// <summary>Every province, prefecture and county-level unit of <paramref name="divisionsFolder"/>, and the sample's parks.</summary>
    public static List<Region> Load(string divisionsFolder)
    {
        var list = new Dictionary<RegionCode, Region>();
        foreach (var f in Csv(Path.Combine(divisionsFolder, "provinces.csv")))
        {
            var code = new RegionCode(Int(f[0]) * 10000);
            list[code] = new Region(code, f[1], RegionKind.Province, null);
        }

        var prefectureNames = new Dictionary<RegionCode, string>();
        foreach (var f in Csv(Path.Combine(divisionsFolder, "cities.csv")))
        {
            var code = new RegionCode(Int(f[0]) * 100);
            prefectureNames[code] = f[1];
            list[code] = new Region(code, f[1], RegionKindRules.Infer(code, f[1]), code.Parent);
        }

        foreach (var f in Csv(Path.Combine(divisionsFolder, "areas.csv")))
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
