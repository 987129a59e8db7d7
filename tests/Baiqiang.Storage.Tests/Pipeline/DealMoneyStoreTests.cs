using System.Text;
using Baiqiang.Core.Access;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Pipeline;
using Baiqiang.Core.Projects;
using Baiqiang.Core.Regions;
using Baiqiang.Storage.Lists;
using Baiqiang.Storage.Pipeline;
using Baiqiang.Storage.Tests.Import;
using Baiqiang.Storage.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Baiqiang.Storage.Tests.Pipeline;

/// <summary>Contracts, the monthly 到位资金 form, 履约 milestones and the money and stage rates against each provider.</summary>
/// <remarks>The class shares one store, so each test uses its own region (the rates are read for that region only).</remarks>
public abstract class DealMoneyStoreTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StoreFixture
{
    private static readonly Actor Admin = Actor.LocalAdmin("admin");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Deal Signed(string code, RegionCode region, DateOnly lead, DateOnly signed, decimal? contract = null)
    {
        var d = new Deal(code, "项目" + code, region, new Investor("投资方", InvestorType.Private), lead) { PlannedInvestment = 8000m };
        d.Advance(DealStage.Signed, signed);
        if (contract is { } c)
        {
            d.SetContract(c, signed);
        }

        return d;
    }

    private static FundsRow Row(int row, string code, int year, int month, decimal? thisMonth, decimal? cumulative, string note = "") =>
        new(row, code, new ReportingMonth(year, month), thisMonth, cumulative, note);

    private async Task<BaiqiangDbContext> WithDealsAsync(params Deal[] deals)
    {
        var db = fixture.Open();
        Assert.True((await PipelineStore.SaveDealsAsync(db, Admin, deals, Ct)).Success);
        return db;
    }

    [Fact]
    public async Task SaveFunds_OpeningBalanceThenNextMonth_StoredWithOpeningAndPreviousCumulative()
    {
        await using var db = await WithDealsAsync(Signed("PM1-A", new RegionCode(110101), new(2025, 1, 1), new(2025, 6, 1), 10000m));

        var outcome = await DealMoneyStore.SaveFundsAsync(db, Admin, "funds.csv", [Row(2, "PM1-A", 2026, 3, 500m, 3500m), Row(3, "PM1-A", 2026, 4, 1000m, null)], Ct);

        Assert.True(outcome.Success, string.Join("\n", outcome.Errors));
        Assert.Equal(2, outcome.Added);
        var rows = await db.DealFunds.AsNoTracking().Where(f => f.DealCode == "PM1-A").OrderBy(f => f.Month).ToListAsync(Ct);
        Assert.Equal([202603, 202604], rows.Select(r => r.Month));
        Assert.True(rows[0].IsOpeningBalance);
        Assert.Equal(3000m, rows[0].PreviousCumulative);
        Assert.False(rows[1].IsOpeningBalance);
        Assert.Equal(4500m, rows[1].Cumulative);
        Assert.Equal(3500m, rows[1].PreviousCumulative);
        Assert.Contains(await db.AuditEntries.AsNoTracking().Where(a => a.Entity == "deal_funds").Select(a => a.Key).ToListAsync(Ct), k => k == "PM1-A|202604");
    }

    [Fact]
    public async Task SaveFunds_CumulativeDecreases_RefusedNamingRowColumnAndReasonAndNothingStored()
    {
        await using var db = await WithDealsAsync(Signed("PM2-A", new RegionCode(110102), new(2025, 1, 1), new(2025, 6, 1), 10000m));
        Assert.True((await DealMoneyStore.SaveFundsAsync(db, Admin, "m3.csv", [Row(2, "PM2-A", 2026, 3, 2000m, 2000m)], Ct)).Success);

        var outcome = await DealMoneyStore.SaveFundsAsync(db, Admin, "m4.csv", [Row(2, "PM2-A", 2026, 5, 100m, 2100m), Row(3, "PM2-A", 2026, 4, 0m, 1500m)], Ct);

        var e = Assert.Single(outcome.Errors);
        Assert.Equal(3, e.Row);
        Assert.Equal("累计到位", e.Column);
        Assert.Equal("累计到位1500万元低于上月累计2000万元", e.Message.Zh);
        Assert.Equal("the cumulative funds in place 1500 is lower than last month's cumulative 2000 (10k yuan)", e.Message.En);
        Assert.Equal(1, await db.DealFunds.CountAsync(f => f.DealCode == "PM2-A", Ct));
    }

    [Fact]
    public async Task SaveFunds_AboveContract_RefusedWithoutNoteAndFlaggedWithOne()
    {
        await using var db = await WithDealsAsync(Signed("PM3-A", new RegionCode(110105), new(2025, 1, 1), new(2025, 6, 1), 1000m));

        var refused = await DealMoneyStore.SaveFundsAsync(db, Admin, "f.csv", [Row(2, "PM3-A", 2026, 1, 1200m, 1200m)], Ct);
        var e = Assert.Single(refused.Errors);
        Assert.Equal("备注", e.Column);
        Assert.Contains("超过合同投资1000万元,须在备注中说明", e.Message.Zh, StringComparison.Ordinal);
        Assert.Contains("a note is required", e.Message.En, StringComparison.Ordinal);
        Assert.False(await db.DealFunds.AnyAsync(f => f.DealCode == "PM3-A", Ct));

        var stored = await DealMoneyStore.SaveFundsAsync(db, Admin, "f.csv", [Row(2, "PM3-A", 2026, 1, 1200m, 1200m, "投资方追加设备投资")], Ct);
        Assert.True(stored.Success, string.Join("\n", stored.Errors));
        var row = await db.DealFunds.AsNoTracking().SingleAsync(f => f.DealCode == "PM3-A", Ct);
        Assert.True(row.OverContract);
        Assert.Equal("投资方追加设备投资", row.Note);
    }

    [Fact]
    public async Task SaveFunds_UnknownDealOrNoContract_RefusedByRow()
    {
        await using var db = await WithDealsAsync(Signed("PM4-A", new RegionCode(110106), new(2025, 1, 1), new(2025, 6, 1)));

        var outcome = await DealMoneyStore.SaveFundsAsync(db, Admin, "f.csv", [Row(2, "PM4-A", 2026, 1, 10m, 10m), Row(3, "PM4-NONE", 2026, 1, 10m, 10m)], Ct);

        Assert.Equal([2, 3], outcome.Errors.Select(e => e.Row).Order());
        Assert.Contains(outcome.Errors, e => e.Message.Zh.Contains("尚未登记合同投资", StringComparison.Ordinal));
        Assert.Contains(outcome.Errors, e => e.Message.En == "no deal 'PM4-NONE'");
    }

    [Fact]
    public async Task SaveFunds_EditorOfOtherRegion_Denied()
    {
        await using var db = await WithDealsAsync(Signed("PM5-A", new RegionCode(110107), new(2025, 1, 1), new(2025, 6, 1), 100m));

        await Assert.ThrowsAsync<AccessDeniedException>(() => DealMoneyStore.SaveFundsAsync(db, Actor.EditorOf("其他", new RegionCode(510502)), "f.csv", [Row(2, "PM5-A", 2026, 1, 10m, 10m)], Ct));
    }

    [Fact]
    public async Task FundsRates_TwoDealsHandComputed_CohortPeriodAndArrivals()
    {
        var region = new RegionCode(110108);
        await using var db = await WithDealsAsync(
            Signed("PM6-A", region, new(2026, 1, 5), new(2026, 2, 1), 10000m),
            Signed("PM6-B", region, new(2025, 9, 1), new(2025, 11, 1), 6000m));
        Assert.True((await DealMoneyStore.SaveFundsAsync(db, Admin, "f.csv",
            [Row(2, "PM6-A", 2026, 3, 2000m, 2000m), Row(3, "PM6-A", 2026, 5, 3000m, 5000m), Row(4, "PM6-B", 2026, 4, 1000m, 4000m)], Ct)).Success);

        var half = await DealMoneyStore.FundsRatesAsync(db, StatPeriod.Create(2026, 1, 6), region, Ct);
        var q1 = await DealMoneyStore.FundsRatesAsync(db, StatPeriod.Create(2026, 1, 3), region, Ct);

        // H1: cohort = A (signed 2026-02): 5000 ÷ 10000 = 50%; period = A + B: (5000 + 4000) ÷ 16000 = 56.25%; arrived 2000 + 3000 + 1000.
        Assert.Equal(50m, half.Cohort.Percent);
        Assert.Equal(56.25m, half.Period.Percent);
        Assert.Equal(6000m, half.ArrivedInPeriod);
        Assert.Equal("资金到位率(基数:本期签约项目合同投资) = 实际到位资金 5000 ÷ 合同投资 10000 万元 × 100 = 50.00%(1个项目)", half.Cohort.Formula);

        // Q1: B reported nothing by March: 2000 ÷ 16000 = 12.5%.
        Assert.Equal(20m, q1.Cohort.Percent);
        Assert.Equal(12.5m, q1.Period.Percent);
        Assert.Equal(2000m, q1.ArrivedInPeriod);
    }

    [Fact]
    public async Task StageRates_HandComputed_CountsAndMedianDays()
    {
        var region = new RegionCode(110109);
        var a = Signed("PM7-A", region, new(2026, 1, 1), new(2026, 1, 11));
        a.Advance(DealStage.Landed, new(2026, 2, 10));
        var b = Signed("PM7-B", region, new(2026, 1, 1), new(2026, 1, 31));
        b.Advance(DealStage.Started, new(2026, 3, 1)); // 落地 skipped: reached with 开工, no days for 签约→落地 or 落地→开工
        var c = new Deal("PM7-C", "项目C", region, new Investor("x", InvestorType.Private), new(2026, 2, 1));
        await using var db = await WithDealsAsync(a, b, c);

        var rates = await DealMoneyStore.StageRatesAsync(db, StatPeriod.Create(2026, 1, 6), region, Ct);

        var leadSigned = rates[0];
        Assert.Equal((3, 2), (leadSigned.Base, leadSigned.Reached));
        Assert.Equal(20m, leadSigned.MedianDays); // 10 and 30 days
        var signedLanded = rates[1];
        Assert.Equal((2, 2), (signedLanded.Base, signedLanded.Reached));
        Assert.Equal(30m, signedLanded.MedianDays); // only A has both dates
        Assert.Equal(1, signedLanded.DaysSample);
        var landedStarted = rates[2];
        Assert.Equal((2, 1), (landedStarted.Base, landedStarted.Reached));
        Assert.Equal(50m, landedStarted.Percent);
        Assert.Null(landedStarted.MedianDays);
        Assert.Equal("线索→签约(基数:本期到达线索的项目) = 到达签约 2 ÷ 3 × 100 = 66.67%; 间隔天数中位数 20 天(2个项目)", leadSigned.Formula);
    }

    [Fact]
    public async Task Milestones_ImportedThenPerformance_MetOnTimeOverDue()
    {
        var region = new RegionCode(110111);
        await using var db = await WithDealsAsync(Signed("PM8-A", region, new(2025, 1, 1), new(2025, 3, 1), 5000m));
        MilestoneRow M(int row, ContractMilestoneKind k, DateOnly promised, DateOnly? met) => new(row, "PM8-A", new ContractMilestone(k, promised, 1000m, met));

        var outcome = await DealMoneyStore.SaveMilestonesAsync(db, Admin, "m.csv",
        [
            M(2, ContractMilestoneKind.Registration, new(2025, 4, 1), new(2025, 3, 20)), // on time
            M(3, ContractMilestoneKind.Start, new(2025, 9, 1), new(2025, 10, 1)),        // late
            M(4, ContractMilestoneKind.Production, new(2026, 3, 1), null),               // due, not met
            M(5, ContractMilestoneKind.FullProduction, new(2027, 1, 1), null),           // not due
        ], Ct);
        Assert.True(outcome.Success, string.Join("\n", outcome.Errors));

        var rate = await DealMoneyStore.PerformanceAsync(db, new DateOnly(2026, 6, 30), region, Ct);
        Assert.Equal((1, 3), (rate.MetOnTime, rate.Due));
        Assert.Equal("履约率(基数:截至2026-06-30已到约定日期的合同节点) = 按期完成 1 ÷ 应完成 3 × 100 = 33.33%", rate.Formula);

        var money = await DealMoneyStore.DealAsync(db, "PM8-A", new DateOnly(2026, 6, 30), Ct);
        Assert.Equal(4, money!.Milestones.Count);
        Assert.Equal("逾期未完成", money.Milestones[2].StatusZh(money.AsOf));

        var twice = await DealMoneyStore.SaveMilestonesAsync(db, Admin, "m.csv", [M(2, ContractMilestoneKind.Start, new(2025, 9, 1), null), M(3, ContractMilestoneKind.Start, new(2025, 9, 1), null)], Ct);
        Assert.Equal(3, Assert.Single(twice.Errors).Row);
    }

    [Fact]
    public async Task SetContract_StoredDeal_ReadBackAndAudited()
    {
        await using var db = await WithDealsAsync(Signed("PM9-A", new RegionCode(110112), new(2025, 1, 1), new(2025, 6, 1)));

        await DealMoneyStore.SetContractAsync(db, Admin, "PM9-A", 12000m, new DateOnly(2025, 6, 15), Ct);

        var money = await DealMoneyStore.DealAsync(db, "PM9-A", new DateOnly(2025, 12, 31), Ct);
        Assert.Equal(new DealContract(12000m, new DateOnly(2025, 6, 15)), money!.Contract);
        Assert.Equal(0m, money.FundsRate!.Percent);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Entity == "deal" && a.Key == "PM9-A" && a.Field == "contract_investment", Ct));
        await Assert.ThrowsAsync<DomainRuleException>(() => DealMoneyStore.SetContractAsync(db, Admin, "PM9-A", 1m, new DateOnly(2024, 1, 1), Ct));
    }
}

public sealed class SqliteDealMoneyStoreTests(SqliteFixture fixture) : DealMoneyStoreTests<SqliteFixture>(fixture);

public sealed class PostgresDealMoneyStoreTests(PostgresFixture fixture) : DealMoneyStoreTests<PostgresFixture>(fixture);

/// <summary>The files: Chinese and English headers, and a store made before <c>PipelineMoney</c> upgrading in place.</summary>
public sealed class DealMoneyFileTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<ListImport<T>> ReadAsync<T>(string text, IReadOnlyList<ListColumn> columns, Func<ListRow, T?> parse)
        where T : class
    {
        using var stream = new MemoryStream(new UTF8Encoding(false).GetBytes(text));
        return await ListFileReader.ReadAsync(stream, "f.csv", columns, parse, null, Ct);
    }

    [Fact]
    public async Task FundsFile_ChineseAndEnglishHeaders_ReadInWanYuan()
    {
        var zh = await ReadAsync(ImportTestFiles.Csv("项目编号,填报月份,本月到位(亿元),累计到位(万元),备注", "AY-1,2026年3月,0.5,5000,"), FundsFile.Columns, FundsFile.Parse);
        var en = await ReadAsync(ImportTestFiles.Csv("deal code,report_month,this_month(万元),cumulative(万元),note", "AY-1,2026-03,5000,5000,x"), FundsFile.Columns, FundsFile.Parse);

        Assert.True(zh.Success, string.Join("\n", zh.Errors));
        Assert.Equal(5000m, Assert.Single(zh.Items).ThisMonth);
        Assert.Equal(new ReportingMonth(2026, 3), zh.Items[0].Month);
        Assert.True(en.Success, string.Join("\n", en.Errors));
        Assert.Equal("x", Assert.Single(en.Items).Note);
    }

    [Fact]
    public async Task FundsFile_BadMonth_RowColumnAndBothLanguages()
    {
        var r = await ReadAsync(ImportTestFiles.Csv("项目编号,填报月份,本月到位(万元),累计到位(万元)", "AY-1,三月,1,1"), FundsFile.Columns, FundsFile.Parse);

        var e = Assert.Single(r.Errors);
        Assert.Equal((2, "填报月份"), (e.Row, e.Column));
        Assert.Contains("无法识别", e.Message.Zh, StringComparison.Ordinal);
        Assert.Contains("cannot be read", e.Message.En, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MilestoneFile_Row_ParsesKindDatesAndAmount()
    {
        var r = await ReadAsync(ImportTestFiles.Csv("项目编号,节点,约定日期,约定金额(亿元),实际日期", "AY-1,达产,2027-06-30,1.2,", "AY-1,注册,2026-01-31,,2026-01-20"), MilestoneFile.Columns, MilestoneFile.Parse);

        Assert.True(r.Success, string.Join("\n", r.Errors));
        Assert.Equal(new ContractMilestone(ContractMilestoneKind.FullProduction, new(2027, 6, 30), 12000m, null), r.Items[0].Milestone);
        Assert.Equal(new DateOnly(2026, 1, 20), r.Items[1].Milestone.MetOn);
    }

    [Fact]
    public async Task DealFile_ContractColumns_SetTheContract()
    {
        const string header = "项目编号,项目名称,地区代码,投资方,投资方类型,计划投资(万元),线索日期,签约日期,合同投资(亿元),合同签订日期";
        var r = await ReadAsync(ImportTestFiles.Csv(header, "AY-1,x,360123401,y,民企,100,2025-01-05,2025-02-01,1.5,", "AY-2,x,360123401,y,民企,100,2025-01-05,,1,"), DealFile.Columns, DealFile.Parse);

        var e = Assert.Single(r.Errors);
        Assert.Equal(3, e.Row);
        Assert.Contains("尚未签约", e.Message.Zh, StringComparison.Ordinal);

        var ok = await ReadAsync(ImportTestFiles.Csv(header, "AY-1,x,360123401,y,民企,100,2025-01-05,2025-02-01,1.5,"), DealFile.Columns, DealFile.Parse);
        Assert.Equal(new DealContract(15000m, new DateOnly(2025, 2, 1)), Assert.Single(ok.Items).Contract);
    }

    [Fact]
    public async Task MigrateAsync_StoreBeforePipelineMoney_KeepsDealsAndTakesFunds()
    {
        var folder = Directory.CreateTempSubdirectory("baiqiang-money-upgrade-").FullName;
        try
        {
            var options = BaiqiangStore.Resolve(Path.Combine(folder, "old.db"), null);
            await using (var old = BaiqiangStore.Open(options))
            {
                var previous = BaiqiangStore.KnownMigrations(StoreProvider.Sqlite).Order(StringComparer.Ordinal).TakeWhile(m => !m.EndsWith("_PipelineMoney", StringComparison.Ordinal)).Last();
                await old.GetService<IMigrator>().MigrateAsync(previous, Ct);
                await old.Database.ExecuteSqlRawAsync(
                    "INSERT INTO deals (code, code_key, name, region_code, investor_name, investor_type, origin_region, origin_place, industry_chain, source, planned_investment, " +
                    "responsible, department, stage, lead_on, signed_on) VALUES ('OLD-1', 'OLD-1', '旧项目', 360123, '投资方', 6, '', '', '', 6, '100', '', '', 3, '2025-01-01', '2025-02-01')", Ct);
            }

            await BaiqiangStore.MigrateAsync(options, Ct);
            await using var db = BaiqiangStore.Open(options);
            var admin = Actor.LocalAdmin("admin");
            var kept = await db.Deals.AsNoTracking().SingleAsync(Ct);
            Assert.Null(kept.ContractInvestment);
            await DealMoneyStore.SetContractAsync(db, admin, "OLD-1", 1000m, null, Ct);
            var outcome = await DealMoneyStore.SaveFundsAsync(db, admin, "f.csv", [new FundsRow(2, "OLD-1", new ReportingMonth(2025, 3), 100m, 100m, "")], Ct);
            Assert.True(outcome.Success, string.Join("\n", outcome.Errors));
            Assert.Equal(new DateOnly(2025, 2, 1), (await db.Deals.AsNoTracking().SingleAsync(Ct)).ContractSignedOn);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
