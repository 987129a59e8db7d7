using System.Globalization;
using Baiqiang.Core.Regions;
using Baiqiang.Storage.Infrastructure;
using Baiqiang.Storage.Regions;
using Microsoft.EntityFrameworkCore;

namespace Baiqiang.Storage.PeerGroups;

/// <summary>
/// Creates peer groups from ranking lists and prefectures, reads their members, and keeps custom groups
/// (<c>PeerGroupStore.Custom.cs</c>).
/// </summary>
public static partial class PeerGroupStore
{
    /// <summary>
    /// Imports a ranking TSV (header: rank, name, province, [prefecture], code, year, list, …) as a <see cref="PeerGroupKind.List"/>
    /// group whose id is the file name without extension, lower-cased (<c>ccid_2025_top100_districts</c>). Re-importing replaces
    /// the members. Throws <see cref="FormatException"/> when a row's code is not a region code.
    /// </summary>
    public static async Task<PeerGroupEntity> ImportRankingListAsync(BaiqiangDbContext db, string tsvPath, CancellationToken ct)
    {
        var rows = await Tables.ReadAsync(tsvPath, '\t', ct);
        var id = Path.GetFileNameWithoutExtension(tsvPath).ToLowerInvariant();
        var members = new Dictionary<int, PeerGroupMemberEntity>();
        foreach (var row in rows)
        {
            var code = RegionCode.Parse(row["code"]);
            int? rank = row.TryGetValue("rank", out var r) && int.TryParse(r, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
            members.TryAdd(code.Value, new PeerGroupMemberEntity { PeerGroupId = id, RegionCode = code, Rank = rank });
        }

        var nameZh = rows.Count > 0 && rows[0].TryGetValue("list", out var list) ? list : id;
        return await ReplaceAsync(db, id, nameZh, id, PeerGroupKind.List, members.Values, ct);
    }

    /// <summary>
    /// The "全市各县市区" group of a prefecture (id <c>pref:510500</c>, name 泸州市各县市区): its current districts, counties,
    /// county-level cities and banners — not statistical development zones or parks, which statistics offices do not rank
    /// among the county-level units. Built by <see cref="PeerGroup.CountyLevelUnitsOf"/>; throws
    /// <see cref="InvalidOperationException"/> when the prefecture is not stored.
    /// </summary>
    public static async Task<PeerGroupEntity> CreatePrefectureGroupAsync(BaiqiangDbContext db, RegionCode prefecture, CancellationToken ct)
    {
        if (!await db.Regions.AnyAsync(r => r.Code == prefecture, ct))
        {
            throw new InvalidOperationException($"地级区划“{prefecture}”不存在 / prefecture '{prefecture}' is not stored");
        }

        var registry = new RegionRegistry(await RegionStore.LoadAllAsync(db, ct));
        var group = PeerGroup.CountyLevelUnitsOf(registry, prefecture, asOf: null);
        return await ReplaceAsync(
            db, group.Id, group.NameZh, group.NameEn, PeerGroupKind.PrefectureCountyLevel,
            group.Members.Select(c => new PeerGroupMemberEntity { PeerGroupId = group.Id, RegionCode = c }), ct);
    }

    /// <summary>The members of a group ordered by rank (when ranked) then code; empty when the group does not exist.</summary>
    public static async Task<IReadOnlyList<RegionCode>> MembersAsync(BaiqiangDbContext db, string peerGroupId, CancellationToken ct = default)
    {
        var rows = await db.PeerGroupMembers.AsNoTracking().Where(m => m.PeerGroupId == peerGroupId).ToListAsync(ct);
        return [.. rows.OrderBy(m => m.Rank ?? int.MaxValue).ThenBy(m => m.RegionCode).Select(m => m.RegionCode)];
    }

    private static async Task<PeerGroupEntity> ReplaceAsync(
        BaiqiangDbContext db, string id, string nameZh, string nameEn, PeerGroupKind kind, IEnumerable<PeerGroupMemberEntity> members, CancellationToken ct)
    {
        if (id.StartsWith(CustomPrefix, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"标识“{id}”属于自定义对比组，不能由榜单或区划生成 / id '{id}' is reserved for custom groups");
        }

        var group = await db.PeerGroups.AsTracking().Include(g => g.Members).FirstOrDefaultAsync(g => g.Id == id, ct);
        if (group is not null && group.Kind == PeerGroupKind.Custom)
        {
            throw new InvalidOperationException($"对比组“{id}”是自定义对比组，不能被覆盖 / peer group '{id}' is a custom group and cannot be replaced");
        }

        var before = group?.Members.Select(m => m.RegionCode).ToList();
        if (group is null)
        {
            group = new PeerGroupEntity { Id = id };
            db.PeerGroups.Add(group);
        }
        else
        {
            db.PeerGroupMembers.RemoveRange(group.Members);
            await db.SaveChangesAsync(ct);
            group.Members.Clear();
        }

        group.NameZh = nameZh;
        group.NameEn = nameEn;
        group.Kind = kind;
        group.Members.AddRange(members);
        AuditMembers(db, db.CurrentUser, id, before, [.. group.Members.Select(m => m.RegionCode)]);
        await db.SaveChangesAsync(ct);
        return group;
    }
}
