using System.Runtime.CompilerServices;
using Baiqiang.Core.Access;
using Baiqiang.Core.Evaluation;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Regions;
using Baiqiang.Storage.Evaluation;
using Baiqiang.Storage.PeerGroups;
using Baiqiang.Storage.Regions;
using Baiqiang.Storage.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Baiqiang.Storage.Tests.PeerGroups;

/// <summary>
/// Custom peer groups on each provider: ids, validation with every bad entry named in both languages, rights, audit
/// (old → new), refusal of prefecture and list groups, and deletion that leaves nothing dangling. The class shares one
/// store holding the division tables, 泸州's prefecture group and the CCID top-100 districts list.
/// </summary>
public abstract class PeerGroupStoreTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StoreFixture
{
    private static readonly ConditionalWeakTable<StoreFixture, Task> Prepared = new();

    private static readonly Actor Analyst = Actor.AnalystNamed("zhao");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A context on the class's store, with the division tables and the two derived groups loaded once.</summary>
    private async Task<BaiqiangDbContext> OpenAsync()
    {
        var db = fixture.Open();
        await Prepared.GetValue(fixture, PrepareAsync);
        return db;
    }

    private static async Task PrepareAsync(StoreFixture f)
    {
        await using var db = f.Open();
        await RegionStore.ImportDivisionTablesAsync(db, SharedData.Path("divisions"), CancellationToken.None);
        await PeerGroupStore.CreatePrefectureGroupAsync(db, new RegionCode(510500), CancellationToken.None);
        await PeerGroupStore.ImportRankingListAsync(db, SharedData.Path("rankings", "ccid_2025_top100_districts.tsv"), CancellationToken.None);
    }

    private static CustomPeerGroupInput Input(string? id, string? zh, string? en, params string[] members) => new(id, zh, en, members);

    [Fact]
    public async Task CreateCustom_CodesAndNames_RemovesDuplicatesAndSlugsTheEnglishName()
    {
        await using var db = await OpenAsync();

        var group = await PeerGroupStore.CreateCustomAsync(db, Input(null, "川南测试各区", "South Sichuan test", "510502", "纳溪区", "江阳区", " 510504 ", "南通市通州区"), Analyst, Ct);
        var second = await PeerGroupStore.CreateCustomAsync(db, Input(null, "川南测试各区（二）", "South Sichuan test", "510502", "510503"), Analyst, Ct);

        Assert.Equal("custom:south-sichuan-test", group.Id);
        Assert.Equal("custom:south-sichuan-test-2", second.Id);
        Assert.Equal(PeerGroupKind.Custom, group.Kind);
        Assert.Equal([320612, 510502, 510503, 510504], group.Members.Select(m => m.Code.Value));
        Assert.Equal(["通州区", "江阳区", "纳溪区", "龙马潭区"], group.Members.Select(m => m.Name));
        Assert.Equal([320612, 510502, 510503, 510504], (await PeerGroupStore.MembersAsync(db, group.Id, Ct)).Select(c => c.Value));
        var listed = Assert.Single(await PeerGroupStore.ListAsync(db, Ct), g => g.Id == group.Id);
        Assert.Equal(("川南测试各区", "South Sichuan test", 4), (listed.NameZh, listed.NameEn, listed.MemberCount));
    }

    [Fact]
    public async Task CreateCustom_GivenOrMissingId_IsPrefixedLowerCasedOrNumbered()
    {
        await using var db = await OpenAsync();

        var given = await PeerGroupStore.CreateCustomAsync(db, Input("Chuannan-Given", "给定标识组", null, "510502", "510503"), Analyst, Ct);
        var prefixed = await PeerGroupStore.CreateCustomAsync(db, Input("custom:dui_biao", "带前缀标识组", "", "510502", "510503"), Analyst, Ct);
        var first = await PeerGroupStore.CreateCustomAsync(db, Input(null, "无英文名组一", null, "510502", "510503"), Analyst, Ct);
        var next = await PeerGroupStore.CreateCustomAsync(db, Input("  ", "无英文名组二", "  ", "510502", "510503"), Analyst, Ct);

        Assert.Equal("custom:chuannan-given", given.Id);
        Assert.Equal("custom:dui_biao", prefixed.Id);
        Assert.StartsWith("custom:", first.Id, StringComparison.Ordinal);
        var n = int.Parse(first.Id["custom:".Length..], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal($"custom:{n + 1}", next.Id);
        Assert.Equal(string.Empty, next.NameEn);
    }

    [Fact]
    public async Task CreateCustom_BadInput_NamesEveryBadEntryInBothLanguagesAndStoresNothing()
    {
        await using var db = await OpenAsync();
        var before = await db.PeerGroups.CountAsync(Ct);

        var e = await Assert.ThrowsAsync<PeerGroupRuleException>(() => PeerGroupStore.CreateCustomAsync(
            db, Input("pref:999", "  ", null, "江阳区", "不存在县", "999999", "通州区", "510502"), Analyst, Ct));

        Assert.Equal(PeerGroupRefusal.Invalid, e.Refusal);
        Assert.Equal(["id", "nameZh", "members", "members", "members"], e.Errors.Select(x => x.Field));
        Assert.Contains("custom:", e.Errors[0].Message.Zh, StringComparison.Ordinal);
        Assert.Equal("请填写对比组的中文名称", e.Errors[1].Message.Zh);
        Assert.Equal("the peer group's Chinese name is required", e.Errors[1].Message.En);
        Assert.Equal("第2项：未知地区“不存在县”", e.Errors[2].Message.Zh);
        Assert.Equal("entry 2: unknown region '不存在县'", e.Errors[2].Message.En);
        Assert.Contains("999999", e.Errors[3].Message.Zh, StringComparison.Ordinal);
        Assert.StartsWith("entry 3:", e.Errors[3].Message.En, StringComparison.Ordinal);
        // 通州区 is both 110112 (北京) and 320612 (南通): refused with both candidates.
        Assert.Contains("110112", e.Errors[4].Message.Zh, StringComparison.Ordinal);
        Assert.Contains("320612", e.Errors[4].Message.En, StringComparison.Ordinal);
        Assert.Contains("ambiguous", e.Errors[4].Message.En, StringComparison.Ordinal);
        Assert.Contains(" / ", e.Message, StringComparison.Ordinal);
        Assert.Equal(before, await db.PeerGroups.CountAsync(Ct));
    }

    [Theory]
    [InlineData("custom:", "标识“custom:”无效")]
    [InlineData("-lead", "标识“-lead”无效")]
    [InlineData("川南", "标识“川南”无效")]
    [InlineData("a b", "标识“a b”无效")]
    public async Task CreateCustom_BadSlug_IsRefused(string id, string zh)
    {
        await using var db = await OpenAsync();
        var e = await Assert.ThrowsAsync<PeerGroupRuleException>(() => PeerGroupStore.CreateCustomAsync(db, Input(id, "坏标识组", null, "510502", "510503"), Analyst, Ct));
        var error = Assert.Single(e.Errors);
        Assert.Equal("id", error.Field);
        Assert.StartsWith(zh, error.Message.Zh, StringComparison.Ordinal);
        Assert.StartsWith("invalid id", error.Message.En, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateCustom_OneDistinctRegionOr501_IsRefusedWithTheCount()
    {
        await using var db = await OpenAsync();
        var counties = (await db.Regions.AsNoTracking().Where(r => r.ValidTo == null && r.Kind == RegionKind.County).OrderBy(r => r.Code).Select(r => r.Code).Take(501).ToListAsync(Ct))
            .Select(c => c.ToString()).ToArray();
        Assert.Equal(501, counties.Length);

        var one = await Assert.ThrowsAsync<PeerGroupRuleException>(() => PeerGroupStore.CreateCustomAsync(db, Input(null, "一个地区组", null, "510502", "江阳区"), Analyst, Ct));
        var many = await Assert.ThrowsAsync<PeerGroupRuleException>(() => PeerGroupStore.CreateCustomAsync(db, Input(null, "太多地区组", null, counties), Analyst, Ct));
        var fiveHundred = await PeerGroupStore.CreateCustomAsync(db, Input(null, "五百县组", null, counties[..500]), Analyst, Ct);

        Assert.Equal("对比组至少需要2个不同的地区（现有1个）", Assert.Single(one.Errors).Message.Zh);
        Assert.Equal("a peer group has at most 500 regions (got 501)", Assert.Single(many.Errors).Message.En);
        Assert.Equal(500, fiveHundred.Members.Count);
    }

    [Fact]
    public async Task CreateCustom_TakenIdOrName_IsRefused()
    {
        await using var db = await OpenAsync();
        await PeerGroupStore.CreateCustomAsync(db, Input("taken", "已占用组", null, "510502", "510503"), Analyst, Ct);

        var id = await Assert.ThrowsAsync<PeerGroupRuleException>(() => PeerGroupStore.CreateCustomAsync(db, Input("custom:taken", "另一个组", null, "510502", "510503"), Analyst, Ct));
        var name = await Assert.ThrowsAsync<PeerGroupRuleException>(() => PeerGroupStore.CreateCustomAsync(db, Input(null, "泸州市各县市区", null, "510502", "510503"), Analyst, Ct));

        Assert.Equal("对比组标识“custom:taken”已被占用", Assert.Single(id.Errors).Message.Zh);
        Assert.Equal("a peer group named '泸州市各县市区' already exists (pref:510500)", Assert.Single(name.Errors).Message.En);
    }

    [Fact]
    public async Task UpdateCustom_RenameAndReplaceMembers_AuditsOldAndNewByTheActor()
    {
        await using var db = await OpenAsync();
        var group = await PeerGroupStore.CreateCustomAsync(db, Input("audited", "审计组", "Audited", "510502", "510503"), Analyst, Ct);

        var updated = await PeerGroupStore.UpdateCustomAsync(db, group.Id, new CustomPeerGroupChange("审计组（改）", null, ["510503", "龙马潭区", "泸县", "510503"]), Actor.ReviewerOf("qian", new RegionCode(510500)), Ct);
        var rows = await db.AuditEntries.AsNoTracking().Where(a => a.Entity == "peer_group" && a.Key == group.Id).OrderBy(a => a.Id).ToListAsync(Ct);
        await PeerGroupStore.UpdateCustomAsync(db, group.Id, new CustomPeerGroupChange("审计组（改）", "Audited", ["510504", "510503", "510521"]), Analyst, Ct);

        Assert.Equal(("审计组（改）", "Audited"), (updated.NameZh, updated.NameEn));
        Assert.Equal([510503, 510504, 510521], updated.Members.Select(m => m.Code.Value));
        Assert.Contains(rows, a => a.Field is null && a.NewValue!.Contains("name_zh=审计组", StringComparison.Ordinal) && a.User == "zhao");
        Assert.Contains(rows, a => a.Field == "members" && a.OldValue is null && a.NewValue == "510502,510503" && a.User == "zhao");
        Assert.Contains(rows, a => a.Field == "name_zh" && a.OldValue == "审计组" && a.NewValue == "审计组（改）" && a.User == "qian");
        Assert.Contains(rows, a => a.Field == "members" && a.OldValue == "510502,510503" && a.NewValue == "510503,510504,510521" && a.User == "qian");
        Assert.Equal(4, rows.Count);
        Assert.Equal(4, await db.AuditEntries.CountAsync(a => a.Entity == "peer_group" && a.Key == group.Id, Ct)); // an update that changes nothing writes nothing
    }

    [Fact]
    public async Task UpdateCustom_OnlyTheEnglishName_KeepsMembers()
    {
        await using var db = await OpenAsync();
        var group = await PeerGroupStore.CreateCustomAsync(db, Input("en-only", "英文名组", null, "510502", "510503"), Analyst, Ct);

        var updated = await PeerGroupStore.UpdateCustomAsync(db, "custom:en-only", new CustomPeerGroupChange(NameEn: "English only"), Analyst, Ct);

        Assert.Equal(("英文名组", "English only"), (updated.NameZh, updated.NameEn));
        Assert.Equal([510502, 510503], updated.Members.Select(m => m.Code.Value));
        var bad = await Assert.ThrowsAsync<PeerGroupRuleException>(() => PeerGroupStore.UpdateCustomAsync(db, group.Id, new CustomPeerGroupChange(Members: ["510502"]), Analyst, Ct));
        Assert.Equal("members", Assert.Single(bad.Errors).Field);
    }

    [Theory]
    [InlineData("pref:510500", PeerGroupRefusal.NotCustom, "由区划表生成")]
    [InlineData("ccid_2025_top100_districts", PeerGroupRefusal.NotCustom, "由榜单导入")]
    [InlineData("custom:nope", PeerGroupRefusal.NotFound, "对比组“custom:nope”不存在")]
    public async Task UpdateOrDelete_PrefectureListOrUnknownGroup_IsRefused(string id, PeerGroupRefusal refusal, string zh)
    {
        await using var db = await OpenAsync();
        var members = await db.PeerGroupMembers.CountAsync(Ct);

        var update = await Assert.ThrowsAsync<PeerGroupRuleException>(() => PeerGroupStore.UpdateCustomAsync(db, id, new CustomPeerGroupChange("改名"), Actor.LocalAdmin("root"), Ct));
        var delete = await Assert.ThrowsAsync<PeerGroupRuleException>(() => PeerGroupStore.DeleteCustomAsync(db, id, Actor.LocalAdmin("root"), Ct));

        Assert.Equal((refusal, refusal), (update.Refusal, delete.Refusal));
        Assert.Contains(zh, Assert.Single(update.Errors).Message.Zh, StringComparison.Ordinal);
        Assert.Equal(members, await db.PeerGroupMembers.CountAsync(Ct));
    }

    [Fact]
    public async Task Writes_ByEditor_AreDenied_AnalystReviewerAdminMay()
    {
        await using var db = await OpenAsync();
        var editor = Actor.EditorOf("sun", new RegionCode(510502));

        var create = await Assert.ThrowsAsync<AccessDeniedException>(() => PeerGroupStore.CreateCustomAsync(db, Input("by-editor", "填报员组", null, "510502", "510503"), editor, Ct));
        var own = await PeerGroupStore.CreateCustomAsync(db, Input("rights", "权限组", null, "510502", "510503"), Actor.LocalAdmin("root"), Ct);
        await Assert.ThrowsAsync<AccessDeniedException>(() => PeerGroupStore.UpdateCustomAsync(db, own.Id, new CustomPeerGroupChange("改"), editor, Ct));
        await Assert.ThrowsAsync<AccessDeniedException>(() => PeerGroupStore.DeleteCustomAsync(db, own.Id, editor, Ct));

        Assert.Contains("无权修改对比组", create.Reason.Zh, StringComparison.Ordinal);
        Assert.False(await db.PeerGroups.AnyAsync(g => g.Id == "custom:by-editor", Ct));
        Assert.True(PeerGroupStore.CanEdit(Actor.AnalystNamed("a")));
        Assert.True(PeerGroupStore.CanEdit(Actor.ReviewerOf("r", new RegionCode(510502))));
        Assert.True(PeerGroupStore.CanEdit(Actor.LocalAdmin("root")));
        Assert.False(PeerGroupStore.CanEdit(editor));
    }

    [Fact]
    public async Task DeleteCustom_RemovesGroupAndMembers_AuditsAndRankingsThenSayItIsGone()
    {
        await using var db = await OpenAsync();
        var group = await PeerGroupStore.CreateCustomAsync(db, Input("to-delete", "待删除组", null, "510502", "510503", "510504"), Analyst, Ct);
        var framework = await FrameworkStore.SaveAsync(db, EvaluationFramework.Top100Illustration, Actor.LocalAdmin("root"), TimeProvider.System, Ct);
        var (data, _) = await EvaluationDataLoader.LoadAsync(db, EvaluationFramework.Top100Illustration, StatPeriod.ForYear(2024), group.Id, null, Ct);
        Assert.Equal(["510502", "510503", "510504"], data.Units);

        var deleted = await PeerGroupStore.DeleteCustomAsync(db, group.Id, Analyst, Ct);

        Assert.Equal(3, deleted.Members.Count);
        Assert.Null(await PeerGroupStore.GetAsync(db, group.Id, Ct));
        Assert.False(await db.PeerGroupMembers.AnyAsync(m => m.PeerGroupId == group.Id, Ct));
        var rows = await db.AuditEntries.AsNoTracking().Where(a => a.Entity == "peer_group" && a.Key == group.Id && a.NewValue == null).ToListAsync(Ct);
        Assert.Contains(rows, a => a.Field is null && a.OldValue!.Contains("name_zh=待删除组", StringComparison.Ordinal));
        Assert.Contains(rows, a => a.Field == "members" && a.OldValue == "510502,510503,510504");
        // Nothing refers to a group: the framework is untouched and a ranking of the deleted group is a plain "does not exist".
        Assert.NotNull(await FrameworkStore.LoadAsync(db, framework.Name, framework.Version, Ct));
        var gone = await Assert.ThrowsAsync<EvaluationException>(() => EvaluationDataLoader.LoadAsync(db, EvaluationFramework.Top100Illustration, StatPeriod.ForYear(2024), group.Id, null, Ct));
        Assert.Contains("custom:to-delete", gone.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportRankingList_DoesNotTouchCustomGroups_AndAuditsItsMembersOnce()
    {
        await using var db = await OpenAsync();
        await PeerGroupStore.ImportRankingListAsync(db, SharedData.Path("rankings", "ccid_2025_top100_districts.tsv"), Ct);

        var rows = await db.AuditEntries.AsNoTracking().Where(a => a.Entity == "peer_group" && a.Key == "ccid_2025_top100_districts" && a.Field == "members").ToListAsync(Ct);

        Assert.Single(rows); // the first import; re-importing the same list changes nothing
        Assert.Equal(100, rows[0].NewValue!.Split(',').Length);
    }

    [Theory]
    [InlineData("510502,510503、江阳区；纳溪区\n南通市 通州区\r\n, ，", new[] { "510502", "510503", "江阳区", "纳溪区", "南通市 通州区" })]
    [InlineData("  ", new string[0])]
    [InlineData(null, new string[0])]
    public void SplitMembers_Separators_GiveTrimmedEntries(string? text, string[] expected) =>
        Assert.Equal(expected, PeerGroupStore.SplitMembers(text));
}

public sealed class SqlitePeerGroupStoreTests(SqliteFixture fixture) : PeerGroupStoreTests<SqliteFixture>(fixture);

public sealed class PostgresPeerGroupStoreTests(PostgresFixture fixture) : PeerGroupStoreTests<PostgresFixture>(fixture);
