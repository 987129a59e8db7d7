using Baiqiang.Core.Access;
using Baiqiang.Core.Indicators;
using Baiqiang.Core.Quantities;
using Baiqiang.Core.Regions;
using Baiqiang.Storage.Import;
using Baiqiang.Storage.Indicators;
using Baiqiang.Storage.Lookups;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Baiqiang.Storage.Tests.Units;

/// <summary>The 新指标 decisions: a file's unknown name mapped to a catalogue indicator as its alias, or added.</summary>
public abstract partial class UnitsGrowthTests<TFixture>
{
    private static Task<NewIndicatorImportResult> DecideAsync(BaiqiangDbContext db, string csv, IReadOnlyList<IndicatorDecision> decisions, Actor? actor = null, bool addUndecided = false)
        => IndicatorDecisions.ReadDecideAndStoreAsync(db, (l, c) => ReadAsync(csv, l, c), decisions, (actor ?? Admin).Name, new FakeTimeProvider(), actor ?? Admin,
            ImportOptions.Default, Ct, addUndecided);

    [Fact]
    public async Task ReadDecideAndStoreAsync_NameMappedAsAlias_IsKnownToTheReReadAndStoredUnderTheTarget()
    {
        await using var db = await OpenAsync(110201);
        // As the web's request contexts are: queries untracked by default. The alias must still be saved, and the re-read
        // (a new lookup from the store, inside the transaction) must find it.
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
        const string Csv = "地区,指标,期别,数值,单位\n110201,决定区規上工業營收,2024-01..06,1250,万元\n110201,决定区规上工业营收,2024-01..03,600,万元\n";

        var outcome = await DecideAsync(db, Csv, [new IndicatorDecision("决定区規上工業營收", MapTo: "营业收入")]);

        Assert.True(outcome.Read.Success, string.Join("; ", outcome.Read.Errors));
        Assert.Equal(2, outcome.Written!.Inserted);
        Assert.Empty(outcome.Added);
        var target = (await IndicatorStore.LoadCatalogueAsync(db, Ct)).Find("营业收入")!;
        // The lookup every later read uses now knows the name, simplified and traditional.
        var lookups = await StoreLookups.LoadAsync(db, Ct);
        Assert.Equal(target.Code, lookups.FindIndicator("决定区规上工业营收")!.Code);
        Assert.Equal(target.Code, lookups.FindIndicator("决定区規上工業營收")!.Code);
        Assert.True((await ReadAsync(Csv, lookups, Ct)).Success);
        Assert.Equal(2, await db.Observations.CountAsync(o => o.RegionCode == new RegionCode(110201) && o.IndicatorCode == target.Code, Ct));
        Assert.Equal(0.125m, (await db.Observations.SingleAsync(o => o.RegionCode == new RegionCode(110201) && o.PeriodLastMonth == 6, Ct)).Value);
        var audit = await db.AuditEntries.AsNoTracking().Where(a => a.Entity == "indicator" && a.Key == target.Code.Value && a.User == "admin").ToListAsync(Ct);
        // The alias is the name as the file first wrote it, old → new in the audit under the admin.
        Assert.Contains(audit, a => a.Field == "aliases" && a.NewValue!.Contains("决定区規上工業營收", StringComparison.Ordinal)
            && !(a.OldValue ?? string.Empty).Contains("决定区規上工業營收", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadDecideAndStoreAsync_MapOneAddOne_StoresTheWholeFile()
    {
        await using var db = await OpenAsync(110202);
        const string Csv = "地区,指标,期别,数值,单位\n110202,决定区营收甲,2024,812.5,亿元\n110202,决定区光伏发电,2024,3.25,万千瓦时\n";
        var add = IndicatorDecision.NewIndicator(new IndicatorCode("decide_pv"), "光伏发电量(决定区)", Unit.WanKilowattHour, IndicatorKind.Flow, "office.csv");

        var outcome = await DecideAsync(db, Csv, [new IndicatorDecision("决定区营收甲", MapTo: "operating_revenue"), new IndicatorDecision("决定区光伏发电", Add: add)]);

        Assert.True(outcome.Read.Success, string.Join("; ", outcome.Read.Errors));
        Assert.Equal(2, outcome.Written!.Inserted);
        Assert.Equal("decide_pv", Assert.Single(outcome.Added).Code.Value);
        var catalogue = await IndicatorStore.LoadCatalogueAsync(db, Ct);
        Assert.Equal("decide_pv", catalogue.Find("决定区光伏发电")!.Code.Value);
        Assert.Equal("operating_revenue", catalogue.Find("决定区营收甲")!.Code.Value);
    }

    [Fact]
    public async Task ReadDecideAndStoreAsync_OneDecisionCannotBeMade_ChangesNothing()
    {
        await using var db = await OpenAsync(110203);
        const string Csv = "地区,指标,期别,数值,单位\n110203,决定区营收乙,2024,640.5,亿元\n110203,决定区风电,2024,2.75,万千瓦时\n";
        var taken = IndicatorDecision.NewIndicator(new IndicatorCode("gdp"), "决定区风电", Unit.WanKilowattHour, IndicatorKind.Flow, "office.csv");

        var outcome = await DecideAsync(db, Csv, [new IndicatorDecision("决定区营收乙", MapTo: "operating_revenue"), new IndicatorDecision("决定区风电", Add: taken)]);
        var wrongUnit = await DecideAsync(db, Csv, [new IndicatorDecision("决定区营收乙", MapTo: "全社会用电量"), new IndicatorDecision("决定区风电", MapTo: "全社会用电量")]);
        var undecided = await DecideAsync(db, Csv, [new IndicatorDecision("决定区营收乙", MapTo: "operating_revenue")]);

        Assert.Null(outcome.Written);
        var error = Assert.Single(outcome.Read.Errors);
        Assert.Equal(3, error.Row);
        Assert.Contains("指标代码“gdp”已存在", error.Message.Zh, StringComparison.Ordinal);
        Assert.Contains("'决定区风电'", error.Message.En, StringComparison.Ordinal);
        Assert.Null(wrongUnit.Written);
        Assert.Contains(wrongUnit.Read.Errors, e => e.Row == 2 && e.Message.En.Contains("does not convert", StringComparison.Ordinal));
        Assert.Null(undecided.Written);
        Assert.Contains("has no decision", Assert.Single(undecided.Read.Errors).Message.En, StringComparison.Ordinal);
        var catalogue = await IndicatorStore.LoadCatalogueAsync(db, Ct);
        Assert.Null(catalogue.Find("决定区营收乙"));
        Assert.Null(catalogue.Find("决定区风电"));
        Assert.False(await db.Observations.AnyAsync(o => o.RegionCode == new RegionCode(110203), Ct));
    }

    [Fact]
    public async Task ReadDecideAndStoreAsync_Editor_IsRefusedBeforeAnythingChanges()
    {
        await using var db = await OpenAsync(110204);
        const string Csv = "地区,指标,期别,数值,单位\n110204,决定区营收丙,2024,10,亿元\n";

        var e = await Assert.ThrowsAsync<AccessDeniedException>(() => DecideAsync(db, Csv, [new IndicatorDecision("决定区营收丙", MapTo: "operating_revenue")],
            Actor.EditorOf("editor", new RegionCode(110204))));

        Assert.Contains("analysts", e.Reason.En, StringComparison.Ordinal);
        Assert.Null((await IndicatorStore.LoadCatalogueAsync(db, Ct)).Find("决定区营收丙"));
    }

    [Fact]
    public async Task ReadDecideAndStoreAsync_MapOneAndAddTheRest_AddsTheUndecidedFromTheFile()
    {
        await using var db = await OpenAsync(110205);
        const string Csv = "地区,指标,期别,数值,单位\n110205,决定区营收丁,2024,10,亿元\n110205,决定区储能装机,2024,4,万千瓦时\n";

        var outcome = await DecideAsync(db, Csv, [new IndicatorDecision("决定区营收丁", MapTo: "operating_revenue")], addUndecided: true);

        Assert.Equal(2, outcome.Written!.Inserted);
        var added = Assert.Single(outcome.Added);
        Assert.StartsWith(NewIndicatorImport.CodePrefix, added.Code.Value, StringComparison.Ordinal);
        Assert.Equal("决定区储能装机", added.NameZh);
    }
}
