using Baiqiang.Core.Access;
using Baiqiang.Core.Regions;
using Baiqiang.Storage;
using Baiqiang.Storage.PeerGroups;
using Microsoft.EntityFrameworkCore;

namespace Baiqiang.Web.PeerGroups;

/// <summary>A peer group in the list: kind <c>PrefectureCountyLevel</c>, <c>List</c> or <c>Custom</c>; only custom groups are <see cref="Editable"/>.</summary>
public sealed record PeerGroupItem(string Id, string NameZh, string NameEn, string Kind, int MemberCount, bool Editable);

/// <summary>A member with its region name and, for a ranking list, its published rank.</summary>
public sealed record PeerGroupMemberItem(string Code, string Name, int? Rank);

/// <summary>A peer group with its members (by rank when ranked, then code).</summary>
public sealed record PeerGroupResponse(string Id, string NameZh, string NameEn, string Kind, bool Editable, IReadOnlyList<PeerGroupMemberItem> Members);

/// <summary>
/// A new custom group: <c>id</c> optional (<c>chuannan</c> or <c>custom:chuannan</c>; made from the English name or
/// numbered when absent), <c>nameZh</c> required, <c>nameEn</c> optional, <c>members</c> region codes or exact names (2–500).
/// </summary>
public sealed record CreatePeerGroupRequest(string? Id, string? NameZh, string? NameEn, IReadOnlyList<string>? Members);

/// <summary>The whole new state of a custom group (PUT replaces): <c>nameZh</c> and <c>members</c> required, <c>nameEn</c> optional (absent clears it).</summary>
public sealed record UpdatePeerGroupRequest(string? NameZh, string? NameEn, IReadOnlyList<string>? Members);

/// <summary>The result of a write: the group, or why not (<see cref="Refusal"/>) with the errors by field, "中文 / English".</summary>
public sealed record PeerGroupWrite(PeerGroupResponse? Group, PeerGroupRefusal? Refusal, Dictionary<string, string[]> Errors);

/// <summary>
/// The reads and writes the 对比组 pages and <c>/api/peer-groups</c> share, over <see cref="PeerGroupStore"/>: records in,
/// records out. Writes take the signed-in <see cref="Actor"/> (admin, analyst or reviewer; an editor gets
/// <see cref="AccessDeniedException"/>) and switch the request's no-tracking context to tracking.
/// </summary>
public static class PeerGroupViews
{
    /// <summary>The kinds' names as the pages show them.</summary>
    public static readonly IReadOnlyDictionary<PeerGroupKind, (string Zh, string En)> KindNames = new Dictionary<PeerGroupKind, (string Zh, string En)>
    {
        [PeerGroupKind.PrefectureCountyLevel] = ("全市各县市区", "prefecture's county-level units"),
        [PeerGroupKind.List] = ("榜单", "ranking list"),
        [PeerGroupKind.Custom] = ("自定义", "custom"),
    };

    /// <summary>Whether <paramref name="actor"/> may create, change and delete custom groups.</summary>
    public static bool CanEdit(Actor actor) => PeerGroupStore.CanEdit(actor);

    public static async Task<IReadOnlyList<PeerGroupItem>> ListAsync(BaiqiangDbContext db, CancellationToken ct) =>
        [.. (await PeerGroupStore.ListAsync(db, ct)).Select(g => new PeerGroupItem(g.Id, g.NameZh, g.NameEn, g.Kind.ToString(), g.MemberCount, g.Kind == PeerGroupKind.Custom))];

    public static async Task<PeerGroupResponse?> GetAsync(BaiqiangDbContext db, string id, CancellationToken ct) =>
        await PeerGroupStore.GetAsync(db, id, ct) is { } g ? Response(g) : null;

    public static Task<PeerGroupWrite> CreateAsync(BaiqiangDbContext db, Actor actor, CreatePeerGroupRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        return WriteAsync(db, () => PeerGroupStore.CreateCustomAsync(db, new CustomPeerGroupInput(request.Id, request.NameZh, request.NameEn, request.Members), actor, ct));
    }

    /// <summary>Replaces a custom group's names and members (absent name or members are errors, an absent English name clears it).</summary>
    public static Task<PeerGroupWrite> UpdateAsync(BaiqiangDbContext db, Actor actor, string id, UpdatePeerGroupRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var change = new CustomPeerGroupChange(request.NameZh ?? string.Empty, request.NameEn ?? string.Empty, request.Members ?? []);
        return WriteAsync(db, () => PeerGroupStore.UpdateCustomAsync(db, id, change, actor, ct));
    }

    public static Task<PeerGroupWrite> DeleteAsync(BaiqiangDbContext db, Actor actor, string id, CancellationToken ct) =>
        WriteAsync(db, () => PeerGroupStore.DeleteCustomAsync(db, id, actor, ct));

    /// <summary>The member entries of a textarea: codes or names separated by commas, 、, semicolons or line breaks.</summary>
    public static IReadOnlyList<string> SplitMembers(string? text) => PeerGroupStore.SplitMembers(text);

    /// <summary>The half of a "中文 / English" message the user reads.</summary>
    public static string Pick(string message, bool en) => message.Split(" / ", 2) is [var zh, var english] ? (en ? english : zh) : message;

    private static async Task<PeerGroupWrite> WriteAsync(BaiqiangDbContext db, Func<Task<PeerGroupDetail>> write)
    {
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.TrackAll;
        try
        {
            return new PeerGroupWrite(Response(await write()), null, []);
        }
        catch (PeerGroupRuleException e)
        {
            var errors = e.Errors.GroupBy(x => x.Field, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(x => x.Message.ToString()).ToArray(), StringComparer.Ordinal);
            return new PeerGroupWrite(null, e.Refusal, errors);
        }
    }

    private static PeerGroupResponse Response(PeerGroupDetail g) => new(
        g.Id, g.NameZh, g.NameEn, g.Kind.ToString(), g.Kind == PeerGroupKind.Custom,
        [.. g.Members.Select(m => new PeerGroupMemberItem(m.Code.ToString(), m.Name, m.Rank))]);

    /// <summary>A group's members as the edit form shows them: codes (unambiguous, unlike 通州区), one per line.</summary>
    public static string MembersText(PeerGroupResponse group) => string.Join("\n", group.Members.Select(m => m.Code));
}
