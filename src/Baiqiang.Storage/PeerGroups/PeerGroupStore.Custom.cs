using System.Globalization;
using System.Text;
using Baiqiang.Core.Access;
using Baiqiang.Core.Regions;
using Baiqiang.Core.Text;
using Baiqiang.Storage.Auditing;
using Baiqiang.Storage.Lookups;
using Microsoft.EntityFrameworkCore;

namespace Baiqiang.Storage.PeerGroups;

/// <summary>
/// Custom peer groups (对比组 chosen by hand: "川南经济区各区", "省内对标区县"): list, read, create, update, delete.
/// </summary>
/// <remarks>
/// <para><b>Ids.</b> A custom group's id is always <c>custom:</c> + a slug of lower-case ASCII letters, digits, <c>-</c> and
/// <c>_</c> (first a letter or digit, at most 60 characters). A given id may be written with or without the prefix
/// (<c>chuannan</c> and <c>custom:chuannan</c> are the same) and is lower-cased; without one the store makes the slug from
/// the English name (<c>South Sichuan</c> → <c>custom:south-sichuan</c>, then <c>-2</c>, <c>-3</c> … when taken), or
/// numbers it (<c>custom:1</c>, <c>custom:2</c> …) when there is no English name. The prefix keeps hand-made groups out of
/// the ids the system rebuilds (<c>pref:510500</c>, ranking-list file names), so a list re-import can never overwrite one.
/// Ids never change; rename a group through its names.</para>
/// <para><b>Rules.</b> The Chinese name is required (≤ 200 characters) and unique among all groups; the English name is
/// optional. Members are region codes or exact region names resolved like every other region input
/// (<see cref="StoreLookups.ResolveRegion"/>: any stored vintage or park; a shared name such as 通州区 must be qualified
/// as 南通市通州区 or given by code); duplicates are removed; 2–500 distinct regions. Every problem is reported at once,
/// each naming the bad entry, in Chinese and English (<see cref="PeerGroupRuleException"/>).</para>
/// <para><b>Who.</b> Administrators, analysts and reviewers (<see cref="CanEdit"/>): a peer group is an analytic choice that
/// changes no region's figures. Editors, whose role is their regions' data, are refused.</para>
/// <para><b>Only custom groups</b> are edited or deleted here; prefecture groups (<c>pref:…</c>) are rebuilt from the
/// division tables and list groups from their ranking files.</para>
/// <para><b>Deleting is safe.</b> Nothing stored refers to a peer group: framework versions hold no group, a ranking is run
/// (and exported) for the group named in the request, the report card and briefings use the prefecture's
/// <c>pref:</c> group. A saved link or command naming a deleted group gets the usual "对比组不存在 / does not exist".</para>
/// <para><b>Audit.</b> Entity <c>peer_group</c>, key = id: the context writes the added/deleted summary and name changes
/// (old → new); the store adds a <c>members</c> row with the old and new code lists whenever the member set changes.</para>
/// </remarks>
public static partial class PeerGroupStore
{
    /// <summary>The prefix of every custom group's id.</summary>
    public const string CustomPrefix = "custom:";

    /// <summary>Fewest distinct members a custom group may have.</summary>
    public const int MinMembers = 2;

    /// <summary>Most distinct members a custom group may have.</summary>
    public const int MaxMembers = 500;

    /// <summary>Longest slug after <see cref="CustomPrefix"/>.</summary>
    public const int MaxSlugLength = 60;

    /// <summary>Longest Chinese or English name (the column's width).</summary>
    public const int MaxNameLength = 200;

    /// <summary>Entries read at most from one input (codes or names before duplicates are removed).</summary>
    public const int MaxEntries = 5000;

    private const int MaxListedErrors = 20;

    private static readonly char[] Separators = [',', '，', '、', ';', '；', '\n', '\r', '\t'];

    /// <summary>Administrators, analysts and reviewers may create, change and delete custom groups.</summary>
    public static bool CanEdit(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.IsAdmin || actor.Roles.HasFlag(Role.Analyst) || actor.Roles.HasFlag(Role.Reviewer);
    }

    /// <summary>Throws <see cref="AccessDeniedException"/> unless <see cref="CanEdit"/>.</summary>
    public static void EnsureCanEdit(Actor actor)
    {
        if (!CanEdit(actor))
        {
            throw new AccessDeniedException(new Bilingual(
                $"用户“{actor.Name}”无权修改对比组（需管理员、分析员或审核员）",
                $"user '{actor.Name}' may not change peer groups (admin, analyst or reviewer only)"));
        }
    }

    /// <summary>
    /// Splits what a user typed into entries: commas (, ，), 、, semicolons (; ；), tabs and line breaks separate; blanks are
    /// dropped. Spaces do not separate, so "南通市 通州区" stays one entry.
    /// </summary>
    public static IReadOnlyList<string> SplitMembers(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : [.. text.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    /// <summary>Every stored group with its member count, by kind (prefecture, list, custom) then id.</summary>
    public static async Task<IReadOnlyList<PeerGroupSummary>> ListAsync(BaiqiangDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.PeerGroups.AsNoTracking()
            .Select(g => new { g.Id, g.NameZh, g.NameEn, g.Kind, Count = g.Members.Count })
            .ToListAsync(ct);
        return [.. rows.OrderBy(r => r.Kind).ThenBy(r => r.Id, StringComparer.Ordinal).Select(r => new PeerGroupSummary(r.Id, r.NameZh, r.NameEn, r.Kind, r.Count))];
    }

    /// <summary>A group with its members' names, or null when no group has this id.</summary>
    public static async Task<PeerGroupDetail?> GetAsync(BaiqiangDbContext db, string id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var key = (id ?? string.Empty).Trim();
        var group = await db.PeerGroups.AsNoTracking().FirstOrDefaultAsync(g => g.Id == key, ct);
        if (group is null)
        {
            return null;
        }

        var members = await db.PeerGroupMembers.AsNoTracking().Where(m => m.PeerGroupId == key).ToListAsync(ct);
        var codes = members.Select(m => m.RegionCode).ToList();
        var names = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).Select(r => new { r.Code, r.Name }).ToListAsync(ct);
        var byCode = names.ToDictionary(n => n.Code, n => n.Name);
        return new PeerGroupDetail(
            group.Id, group.NameZh, group.NameEn, group.Kind,
            [.. members.OrderBy(m => m.Rank ?? int.MaxValue).ThenBy(m => m.RegionCode)
                .Select(m => new PeerGroupMemberInfo(m.RegionCode, byCode.GetValueOrDefault(m.RegionCode, m.RegionCode.ToString()), m.Rank))]);
    }

    /// <summary>
    /// Creates a custom group (see the class remarks for ids and rules). Throws <see cref="AccessDeniedException"/> for an
    /// editor and <see cref="PeerGroupRuleException"/> (<see cref="PeerGroupRefusal.Invalid"/>) listing every problem.
    /// </summary>
    public static async Task<PeerGroupDetail> CreateCustomAsync(BaiqiangDbContext db, CustomPeerGroupInput input, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(actor);
        EnsureCanEdit(actor);

        var errors = new List<PeerGroupError>();
        string? id = null;
        if (!string.IsNullOrWhiteSpace(input.Id))
        {
            id = CustomId(input.Id, errors);
            if (id is not null && await db.PeerGroups.AsNoTracking().AnyAsync(g => g.Id == id, ct))
            {
                errors.Add(new PeerGroupError("id", new Bilingual($"对比组标识“{id}”已被占用", $"peer group id '{id}' is already taken")));
            }
        }

        var nameZh = NameZh(input.NameZh, errors);
        var nameEn = NameEn(input.NameEn, errors);
        if (nameZh is not null)
        {
            await CheckNameFreeAsync(db, nameZh, exceptId: null, errors, ct);
        }

        var codes = await ResolveMembersAsync(db, input.Members, errors, ct);
        if (errors.Count > 0)
        {
            throw new PeerGroupRuleException(PeerGroupRefusal.Invalid, errors);
        }

        id ??= await NewIdAsync(db, nameEn ?? string.Empty, ct);
        var entity = new PeerGroupEntity
        {
            Id = id,
            NameZh = nameZh!,
            NameEn = nameEn ?? string.Empty,
            Kind = PeerGroupKind.Custom,
            Members = [.. codes.Order().Select(c => new PeerGroupMemberEntity { PeerGroupId = id, RegionCode = c })],
        };
        db.PeerGroups.Add(entity);
        AuditMembers(db, actor.Name, id, null, codes);
        await db.SaveChangesAsAsync(actor.Name, ct);
        return (await GetAsync(db, id, ct))!;
    }

    /// <summary>
    /// Renames a custom group and/or replaces its members (null fields stay; an empty English name clears it). Throws
    /// <see cref="AccessDeniedException"/> for an editor, <see cref="PeerGroupRuleException"/> for an unknown id
    /// (<see cref="PeerGroupRefusal.NotFound"/>), a prefecture or list group (<see cref="PeerGroupRefusal.NotCustom"/>)
    /// or broken rules (<see cref="PeerGroupRefusal.Invalid"/>). A change that changes nothing writes nothing.
    /// </summary>
    public static async Task<PeerGroupDetail> UpdateCustomAsync(BaiqiangDbContext db, string id, CustomPeerGroupChange change, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(actor);
        EnsureCanEdit(actor);
        var group = await FindCustomAsync(db, id, ct);

        var errors = new List<PeerGroupError>();
        var nameZh = change.NameZh is null ? null : NameZh(change.NameZh, errors);
        var nameEn = change.NameEn is null ? null : NameEn(change.NameEn, errors) ?? string.Empty;
        if (nameZh is not null && !string.Equals(nameZh, group.NameZh, StringComparison.Ordinal))
        {
            await CheckNameFreeAsync(db, nameZh, group.Id, errors, ct);
        }

        var codes = change.Members is null ? null : await ResolveMembersAsync(db, change.Members, errors, ct);
        if (errors.Count > 0)
        {
            throw new PeerGroupRuleException(PeerGroupRefusal.Invalid, errors);
        }

        if (nameZh is not null)
        {
            group.NameZh = nameZh;
        }

        if (nameEn is not null)
        {
            group.NameEn = nameEn;
        }

        if (codes is not null)
        {
            var old = group.Members.Select(m => m.RegionCode).ToList();
            var wanted = codes.ToHashSet();
            var gone = group.Members.Where(m => !wanted.Contains(m.RegionCode)).ToList();
            db.PeerGroupMembers.RemoveRange(gone);
            foreach (var m in gone)
            {
                group.Members.Remove(m);
            }

            var have = old.ToHashSet();
            group.Members.AddRange(codes.Where(c => !have.Contains(c)).Order().Select(c => new PeerGroupMemberEntity { PeerGroupId = group.Id, RegionCode = c }));
            AuditMembers(db, actor.Name, group.Id, old, codes);
        }

        await db.SaveChangesAsAsync(actor.Name, ct);
        return (await GetAsync(db, group.Id, ct))!;
    }

    /// <summary>
    /// Deletes a custom group and its members (safe: nothing stored refers to a group; see the class remarks) and returns
    /// what was deleted. Refusals as for <see cref="UpdateCustomAsync"/>.
    /// </summary>
    public static async Task<PeerGroupDetail> DeleteCustomAsync(BaiqiangDbContext db, string id, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        EnsureCanEdit(actor);
        var group = await FindCustomAsync(db, id, ct);
        var deleted = (await GetAsync(db, group.Id, ct))!;
        AuditMembers(db, actor.Name, group.Id, [.. group.Members.Select(m => m.RegionCode)], null);
        db.PeerGroupMembers.RemoveRange(group.Members);
        db.PeerGroups.Remove(group);
        await db.SaveChangesAsAsync(actor.Name, ct);
        return deleted;
    }

    /// <summary>The reason a group of <paramref name="kind"/> cannot be edited by hand, or null for a custom group.</summary>
    public static Bilingual? NotEditableReason(string id, PeerGroupKind kind) => kind switch
    {
        PeerGroupKind.PrefectureCountyLevel => new Bilingual(
            $"对比组“{id}”由区划表生成（全市各县市区），不能手工修改或删除；请另建自定义对比组",
            $"peer group '{id}' is built from the division tables (a prefecture's county-level units) and cannot be edited or deleted by hand; create a custom group instead"),
        PeerGroupKind.List => new Bilingual(
            $"对比组“{id}”由榜单导入（baiqiang regions peers import），不能手工修改或删除；请重新导入榜单或另建自定义对比组",
            $"peer group '{id}' is imported from a ranking list (baiqiang regions peers import) and cannot be edited or deleted by hand; re-import the list or create a custom group instead"),
        _ => null,
    };

    private static async Task<PeerGroupEntity> FindCustomAsync(BaiqiangDbContext db, string id, CancellationToken ct)
    {
        var key = (id ?? string.Empty).Trim();
        var group = await db.PeerGroups.AsTracking().Include(g => g.Members).FirstOrDefaultAsync(g => g.Id == key, ct)
            ?? throw new PeerGroupRuleException(PeerGroupRefusal.NotFound, [new PeerGroupError("id", new Bilingual($"对比组“{key}”不存在", $"peer group '{key}' does not exist"))]);
        if (NotEditableReason(group.Id, group.Kind) is { } reason)
        {
            throw new PeerGroupRuleException(PeerGroupRefusal.NotCustom, [new PeerGroupError("id", reason)]);
        }

        return group;
    }

    /// <summary>The normalised id (<c>custom:slug</c>) of what the user typed, or null with an error added.</summary>
    private static string? CustomId(string text, List<PeerGroupError> errors)
    {
        var t = text.Trim().ToLowerInvariant();
        string slug;
        if (t.StartsWith(CustomPrefix, StringComparison.Ordinal))
        {
            slug = t[CustomPrefix.Length..];
        }
        else if (t.Contains(':', StringComparison.Ordinal))
        {
            errors.Add(new PeerGroupError("id", new Bilingual(
                $"标识“{text.Trim()}”无效：自定义对比组的标识只能以 custom: 开头（pref: 与榜单标识由系统生成）",
                $"invalid id '{text.Trim()}': a custom group's id may only start with custom: (pref: and list ids belong to the system)")));
            return null;
        }
        else
        {
            slug = t;
        }

        if (!IsSlug(slug))
        {
            errors.Add(new PeerGroupError("id", new Bilingual(
                $"标识“{text.Trim()}”无效：只能用小写字母、数字、- 和 _，以字母或数字开头，最多{MaxSlugLength}个字符（如 chuannan）",
                $"invalid id '{text.Trim()}': use lower-case letters, digits, - and _, starting with a letter or digit, at most {MaxSlugLength} characters (e.g. chuannan)")));
            return null;
        }

        return CustomPrefix + slug;
    }

    private static bool IsSlug(string slug)
    {
        if (slug.Length is 0 or > MaxSlugLength || !IsAsciiLetterOrDigit(slug[0]))
        {
            return false;
        }

        foreach (var c in slug)
        {
            if (!IsAsciiLetterOrDigit(c) && c is not ('-' or '_'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsAsciiLetterOrDigit(char c) => c is (>= 'a' and <= 'z') or (>= '0' and <= '9');

    private static string? NameZh(string? text, List<PeerGroupError> errors)
    {
        var t = (text ?? string.Empty).Trim();
        if (t.Length == 0)
        {
            errors.Add(new PeerGroupError("nameZh", new Bilingual("请填写对比组的中文名称", "the peer group's Chinese name is required")));
            return null;
        }

        if (t.Length > MaxNameLength)
        {
            errors.Add(new PeerGroupError("nameZh", new Bilingual($"中文名称过长（最多{MaxNameLength}个字符）", $"the Chinese name is too long (at most {MaxNameLength} characters)")));
            return null;
        }

        return t;
    }

    private static string? NameEn(string? text, List<PeerGroupError> errors)
    {
        var t = (text ?? string.Empty).Trim();
        if (t.Length > MaxNameLength)
        {
            errors.Add(new PeerGroupError("nameEn", new Bilingual($"英文名称过长（最多{MaxNameLength}个字符）", $"the English name is too long (at most {MaxNameLength} characters)")));
            return null;
        }

        return t;
    }

    private static async Task CheckNameFreeAsync(BaiqiangDbContext db, string nameZh, string? exceptId, List<PeerGroupError> errors, CancellationToken ct)
    {
        var holder = await db.PeerGroups.AsNoTracking().Where(g => g.NameZh == nameZh && g.Id != exceptId).Select(g => g.Id).FirstOrDefaultAsync(ct);
        if (holder is not null)
        {
            errors.Add(new PeerGroupError("nameZh", new Bilingual($"已有同名对比组“{nameZh}”（{holder}）", $"a peer group named '{nameZh}' already exists ({holder})")));
        }
    }

    /// <summary>Resolves entries to distinct stored region codes (first occurrence order), adding an error per bad entry and for the count.</summary>
    private static async Task<List<RegionCode>> ResolveMembersAsync(BaiqiangDbContext db, IReadOnlyList<string>? entries, List<PeerGroupError> errors, CancellationToken ct)
    {
        var tokens = (entries ?? []).SelectMany(SplitMembers).ToList();
        var codes = new List<RegionCode>();
        if (tokens.Count > MaxEntries)
        {
            errors.Add(new PeerGroupError("members", new Bilingual(
                $"成员过多：共{tokens.Count}项，最多读取{MaxEntries}项", $"too many entries: {tokens.Count}, at most {MaxEntries} are read")));
            return codes;
        }

        var lookups = await StoreLookups.LoadAsync(db, ct);
        var seen = new HashSet<RegionCode>();
        int bad = 0;
        for (int i = 0; i < tokens.Count; i++)
        {
            var resolved = lookups.ResolveRegion(tokens[i]);
            if (resolved.Error is { } e)
            {
                if (++bad <= MaxListedErrors)
                {
                    var n = (i + 1).ToString(CultureInfo.InvariantCulture);
                    errors.Add(new PeerGroupError("members", new Bilingual($"第{n}项：{e.Zh}", $"entry {n}: {e.En}")));
                }

                continue;
            }

            if (seen.Add(resolved.Value))
            {
                codes.Add(resolved.Value);
            }
        }

        if (bad > MaxListedErrors)
        {
            var more = (bad - MaxListedErrors).ToString(CultureInfo.InvariantCulture);
            errors.Add(new PeerGroupError("members", new Bilingual($"另有{more}项无法识别", $"{more} more entries not recognised")));
        }

        var count = codes.Count.ToString(CultureInfo.InvariantCulture);
        if (bad == 0 && codes.Count < MinMembers)
        {
            errors.Add(new PeerGroupError("members", new Bilingual(
                $"对比组至少需要{MinMembers}个不同的地区（现有{count}个）", $"a peer group needs at least {MinMembers} distinct regions (got {count})")));
        }
        else if (codes.Count > MaxMembers)
        {
            errors.Add(new PeerGroupError("members", new Bilingual(
                $"对比组最多{MaxMembers}个地区（现有{count}个）", $"a peer group has at most {MaxMembers} regions (got {count})")));
        }

        return codes;
    }

    /// <summary><c>custom:</c> + the English name's slug (made unique with -2, -3 …), or the next free number.</summary>
    private static async Task<string> NewIdAsync(BaiqiangDbContext db, string nameEn, CancellationToken ct)
    {
        var taken = (await db.PeerGroups.AsNoTracking().Where(g => g.Id.StartsWith(CustomPrefix)).Select(g => g.Id).ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);
        var slug = Slugify(nameEn);
        if (slug.Length == 0)
        {
            int next = 1;
            foreach (var id in taken)
            {
                if (int.TryParse(id.AsSpan(CustomPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= next)
                {
                    next = n + 1;
                }
            }

            return CustomPrefix + next.ToString(CultureInfo.InvariantCulture);
        }

        var candidate = CustomPrefix + slug;
        for (int k = 2; taken.Contains(candidate); k++)
        {
            var suffix = "-" + k.ToString(CultureInfo.InvariantCulture);
            candidate = CustomPrefix + slug[..Math.Min(slug.Length, MaxSlugLength - suffix.Length)].TrimEnd('-') + suffix;
        }

        return candidate;
    }

    /// <summary>Lower-case ASCII letters and digits, other runs as one '-', trimmed, at most <see cref="MaxSlugLength"/>.</summary>
    internal static string Slugify(string text)
    {
        var sb = new StringBuilder();
        foreach (var ch in text.ToLowerInvariant())
        {
            if (IsAsciiLetterOrDigit(ch))
            {
                sb.Append(ch);
            }
            else if (sb.Length > 0 && sb[^1] != '-')
            {
                sb.Append('-');
            }
        }

        var slug = sb.ToString().Trim('-');
        return slug.Length <= MaxSlugLength ? slug : slug[..MaxSlugLength].TrimEnd('-');
    }

    /// <summary>Adds one <c>members</c> audit row (old → new code lists, null for none) when the member set changed.</summary>
    private static void AuditMembers(BaiqiangDbContext db, string user, string id, IReadOnlyCollection<RegionCode>? before, IReadOnlyCollection<RegionCode>? after)
    {
        static string? Codes(IReadOnlyCollection<RegionCode>? codes) => codes is null ? null : string.Join(",", codes.Order().Select(c => c.ToString()));
        var (o, n) = (Codes(before), Codes(after));
        if (string.Equals(o, n, StringComparison.Ordinal))
        {
            return;
        }

        db.AuditEntries.Add(new AuditEntry
        {
            At = db.Clock.GetUtcNow(),
            User = user,
            Entity = PeerGroupEntity.AuditName,
            Key = id,
            Field = "members",
            OldValue = o,
            NewValue = n,
        });
    }
}
