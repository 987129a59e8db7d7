using Baiqiang.Core.Regions;
using Baiqiang.Core.Text;

namespace Baiqiang.Storage.PeerGroups;

/// <summary>A stored peer group with its member count (lists and pages).</summary>
public sealed record PeerGroupSummary(string Id, string NameZh, string NameEn, PeerGroupKind Kind, int MemberCount);

/// <summary>A member of a group with its region name (latest vintage) and, for ranking lists, its published rank.</summary>
public sealed record PeerGroupMemberInfo(RegionCode Code, string Name, int? Rank);

/// <summary>A stored peer group with its members, ordered by rank (when ranked) then code.</summary>
public sealed record PeerGroupDetail(string Id, string NameZh, string NameEn, PeerGroupKind Kind, IReadOnlyList<PeerGroupMemberInfo> Members);

/// <summary>
/// A custom group as a user gives it. <see cref="Id"/> is optional (see <see cref="PeerGroupStore.CreateCustomAsync"/>);
/// <see cref="Members"/> are region codes or exact region names (南通市通州区 for a shared name), in any order, duplicates allowed.
/// </summary>
public sealed record CustomPeerGroupInput(string? Id, string? NameZh, string? NameEn, IReadOnlyList<string>? Members);

/// <summary>Changes to a custom group: a null field stays as it is; <see cref="Members"/> replaces the whole member set.</summary>
public sealed record CustomPeerGroupChange(string? NameZh = null, string? NameEn = null, IReadOnlyList<string>? Members = null);

/// <summary>One refusal: the field it concerns (<c>id</c>, <c>nameZh</c>, <c>nameEn</c>, <c>members</c>) and why.</summary>
public sealed record PeerGroupError(string Field, Bilingual Message);

/// <summary>Why a custom-group write was refused.</summary>
public enum PeerGroupRefusal
{
    /// <summary>The input breaks a rule (see <see cref="PeerGroupRuleException.Errors"/>).</summary>
    Invalid = 1,

    /// <summary>No group has this id.</summary>
    NotFound = 2,

    /// <summary>The group is a prefecture or ranking-list group, rebuilt from its source, not edited by hand.</summary>
    NotCustom = 3,
}

/// <summary>A refused custom-group write; <c>Message</c> is every error as "中文 / English", joined by "; ".</summary>
public sealed class PeerGroupRuleException : InvalidOperationException
{
    public PeerGroupRuleException(PeerGroupRefusal refusal, IReadOnlyList<PeerGroupError> errors)
        : base(string.Join("; ", errors.Select(e => e.Message.ToString())))
    {
        Refusal = refusal;
        Errors = errors;
    }

    public PeerGroupRuleException()
        : this(PeerGroupRefusal.Invalid, [new PeerGroupError("id", new Bilingual("对比组无效", "invalid peer group"))])
    {
    }

    public PeerGroupRuleException(string message)
        : base(message)
    {
        Errors = [new PeerGroupError("id", new Bilingual(message, message))];
    }

    public PeerGroupRuleException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [new PeerGroupError("id", new Bilingual(message, message))];
    }

    public PeerGroupRefusal Refusal { get; } = PeerGroupRefusal.Invalid;

    /// <summary>Every problem found, by field; never empty.</summary>
    public IReadOnlyList<PeerGroupError> Errors { get; }
}
