using System.Text;
using Baiqiang.Core.Access;
using Baiqiang.Core.Pipeline;
using Baiqiang.Core.Projects;
using Baiqiang.Core.Regions;
using Baiqiang.Core.Text;
using Baiqiang.Storage.Pipeline;
using Baiqiang.Storage.Projects;
using Baiqiang.Storage.Tests.Projects;
using Baiqiang.Storage.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Baiqiang.Storage.Tests.Pipeline;

/// <summary>Issue 20 defect 3: codes that differ only in case, width or a NUL byte are one record, never two.</summary>
public abstract class RecordCodeStoreTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StoreFixture
{
    private static readonly RegionCode Jiangyang = new(510502);
    private static readonly RegionCode Longmatan = new(510504);
    private static readonly Actor Admin = Actor.LocalAdmin("admin");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Deal Deal(string code, string name = "铝型材项目") =>
        new(code, name, Jiangyang, new Investor("投资方", InvestorType.Private, "长三角", "浙江省"), new DateOnly(2023, 1, 5)) { PlannedInvestment = 5000m };

    [Theory]
    [InlineData("ＡＹ2023-02", "AY2023-02")]
    [InlineData("ay2023-01", "AY2023-01")]
    [InlineData(" Ay2023-03 ", "AY2023-03")]
    public async Task SaveDeals_VariantOfStoredCode_UpdatesTheStoredDeal(string variant, string stored)
    {
        await using var db = fixture.Open();
        Assert.True((await PipelineStore.SaveDealsAsync(db, Admin, [Deal(stored)], Ct)).Success);

        var outcome = await PipelineStore.SaveDealsAsync(db, Admin, [Deal(variant, "铝型材项目二期")], Ct);

        Assert.True(outcome.Success, string.Join("\n", outcome.Errors));
        Assert.Equal((0, 1), (outcome.Added, outcome.Updated));
        var all = await db.Deals.AsNoTracking().ToListAsync(Ct);
        var deal = Assert.Single(all, d => RecordCode.Key(d.Code) == stored);
        Assert.Equal((stored, "铝型材项目二期"), (deal.Code, deal.Name));
    }

    [Fact]
    public async Task SaveDeals_TwoSpellingsOfOneCodeInABatch_ErrorNamesBoth()
    {
        await using var db = fixture.Open();

        var outcome = await PipelineStore.SaveDealsAsync(db, Admin, [Deal("rc-1"), Deal("RC-1")], Ct);

        var e = Assert.Single(outcome.Errors);
        Assert.Contains("rc-1", e.Zh, StringComparison.Ordinal);
        Assert.Contains("RC-1", e.En, StringComparison.Ordinal);
        Assert.DoesNotContain(await db.Deals.AsNoTracking().Select(d => d.Code).ToListAsync(Ct), c => RecordCode.Key(c) == "RC-1");
    }

    [Theory]
    [InlineData("JY-F1\0")]
    [InlineData("JY\u200B-F1")]
    [InlineData("JY-F1\u0007")]
    public void ValidateCode_ControlCharacter_IsRefusedForDealsAndProjects(string code)
    {
        var deal = Core.Pipeline.Deal.ValidateCode(code);
        var project = Project.ValidateCode(code);

        Assert.Contains("控制字符", deal!.Value.Zh, StringComparison.Ordinal);
        Assert.Contains("control character", project!.Value.En, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Deal(code));
    }

    [Fact]
    public async Task DealFile_NulInCode_RowErrorAndNothingRead()
    {
        var csv = "项目编号,项目名称,地区代码,投资方,投资方类型,计划投资(亿元),线索日期\nJY-F1\0,铝型材项目,510502,某铝业,民企,1.5,2023-01-05\n";
        using var stream = new MemoryStream(new UTF8Encoding(false).GetBytes(csv));

        var r = await Lists.ListFileReader.ReadAsync(stream, "deals.csv", DealFile.Columns, DealFile.Parse, null, Ct);

        Assert.False(r.Success);
        Assert.Empty(r.Items);
        Assert.Contains(r.Errors, e => e.Row == 2 && e.Message.En.Contains("control character", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LedgerImport_FullWidthAndLowerCaseCodes_UpdateTheStoredProjects()
    {
        await using var db = fixture.Open();
        await ProjectStore.CreateAsync(db, ProjectStoreTests<TFixture>.Sample("RCP-01", Longmatan), Admin, Ct);
        await ProjectStore.CreateAsync(db, ProjectStoreTests<TFixture>.Sample("RCP-02", Longmatan), Admin, Ct);

        var csv = "项目编号,项目名称\nrcp-01,改名一\nＲＣＰ-02,改名二\n";
        var result = await ProjectFileImporter.ImportAsync(db, new MemoryStream(Encoding.UTF8.GetBytes(csv)), "ledger.csv", new ProjectImportOptions(), Admin, Ct);

        Assert.True(result.Success, string.Join("\n", result.Errors));
        Assert.Equal((0, 2), (result.Added, result.Updated));
        var stored = (await db.Projects.AsNoTracking().Select(p => new { p.Code, p.Name }).ToListAsync(Ct))
            .Where(p => RecordCode.Key(p.Code).StartsWith("RCP-", StringComparison.Ordinal)).OrderBy(p => p.Code, StringComparer.Ordinal);
        Assert.Equal(["RCP-01:改名一", "RCP-02:改名二"], stored.Select(p => p.Code + ":" + p.Name));
        Assert.Equal("RCP-01", (await ProjectStore.FindAsync(db, "ｒｃｐ-01", Ct))!.Code);
    }

    [Fact]
    public async Task CreateProject_CaseVariantOfStoredCode_RefusedNamingBothSpellings()
    {
        await using var db = fixture.Open();
        await ProjectStore.CreateAsync(db, ProjectStoreTests<TFixture>.Sample("RCQ-01", Longmatan), Admin, Ct);

        var e = await Assert.ThrowsAsync<ProjectRuleException>(() => ProjectStore.CreateAsync(db, ProjectStoreTests<TFixture>.Sample("rcq-01", Longmatan), Admin, Ct));

        Assert.Contains("RCQ-01", e.Message, StringComparison.Ordinal);
        Assert.Contains("rcq-01", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Key_FoldsWidthCaseAndSpaces()
    {
        Assert.Equal("AY2023-02", RecordCode.Key(" ａｙ2023－02 "));
        Assert.True(RecordCode.Comparer.Equals("ay2023-01", "ＡＹ2023-01"));
        Assert.False(RecordCode.Comparer.Equals("AY2023-01", "AY2023-1"));
    }
}

public sealed class SqliteRecordCodeStoreTests(SqliteFixture fixture) : RecordCodeStoreTests<SqliteFixture>(fixture);

public sealed class PostgresRecordCodeStoreTests(PostgresFixture fixture) : RecordCodeStoreTests<PostgresFixture>(fixture);
