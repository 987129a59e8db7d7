using Baiqiang.Core.Access;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Pipeline;
using Baiqiang.Core.Projects;
using Baiqiang.Core.Regions;
using Baiqiang.Storage.Pipeline;
using Baiqiang.Storage.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace Baiqiang.Storage.Tests.Pipeline;

/// <summary>The computation of 资金到位率 before the rollup: every deal under contract, each deal's latest 累计到位 by a
/// GROUP BY over deal_funds, and 本期到位 summed over the period's rows. Kept as the reference the rollup must equal.</summary>
internal static class FundsRatesScan
{
    public static async Task<FundsRates> ComputeAsync(BaiqiangDbContext db, StatPeriod period, RegionCode? region, CancellationToken ct)
    {
        var (start, end) = (period.Start, period.End);
        var (startKey, endKey) = ((start.Year * 100) + start.Month, (end.Year * 100) + end.Month);
        var contracts = await db.Set<DealEntity>().AsNoTracking()
            .Where(d => d.ContractInvestment != null && d.ContractSignedOn <= end)
            .Select(d => new { d.Id, d.RegionCode, Amount = d.ContractInvestment!.Value, On = d.ContractSignedOn!.Value })
            .ToListAsync(ct);
        var funds = db.Set<DealFundsEntity>().AsNoTracking();
        var latest = funds.Where(f => f.Month <= endKey).GroupBy(f => f.DealId).Select(g => new { DealId = g.Key, Month = g.Max(f => f.Month) });
        var inPlace = (await (from l in latest
                              join f in funds on new { l.DealId, l.Month } equals new { f.DealId, f.Month }
                              select new { f.DealId, f.Cumulative }).ToListAsync(ct))
            .ToDictionary(x => x.DealId, x => x.Cumulative);
        var arrived = (await funds.Where(f => f.Month >= startKey && f.Month <= endKey).Select(f => new { f.RegionCode, f.ThisMonth }).ToListAsync(ct))
            .Where(f => region is null || Actor.IsWithin(f.RegionCode, region.Value)).Sum(f => f.ThisMonth);
        var facts = contracts.Where(c => region is null || Actor.IsWithin(c.RegionCode, region.Value))
            .Select(c => new DealFundsFacts(c.Amount, c.On, inPlace.GetValueOrDefault(c.Id)));
        return FundsRates.Compute(facts, period, arrived);
    }
}

/// <summary>
/// The 资金到位率 rollup against the scan it replaced: random deals, contracts, funds months with gaps and opening
/// balances, re-imports that replace months, refused imports, contract and region changes; after each step the rates of
/// random periods and regions must be identical, and the rollup must equal one rebuilt from scratch.
/// </summary>
public abstract class FundsRollupTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StoreFixture
{
    private static readonly Actor Admin = Actor.LocalAdmin("admin");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record DealPlan(string Code, DateOnly Lead, DateOnly Signed, RegionCode Region)
    {
        public Deal ToDeal(RegionCode region, (decimal Amount, DateOnly? On)? contract)
        {
            var d = new Deal(Code, "项目" + Code, region, new Investor("投资方", InvestorType.Private), Lead) { PlannedInvestment = 1000m };
            d.Advance(DealStage.Signed, Signed);
            if (contract is { } c)
            {
                d.SetContract(c.Amount, c.On);
            }

            return d;
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task FundsRates_RandomWritesAndPeriods_IdenticalToScanAndToRebuild(int seed)
    {
        var random = new Random(seed);
        var prefecture = 360000 + (seed * 100);
        RegionCode[] regions = [new(prefecture + 21), new(prefecture + 22), new(((prefecture + 21) * 1000) + 1), new(((prefecture + 22) * 1000) + 2)];
        RegionCode?[] scopes = [null, new RegionCode(360000), new RegionCode(prefecture), regions[0], regions[1], regions[2], regions[3]];
        await using var db = fixture.Open();
        decimal Money(int max) => Math.Round((decimal)random.NextDouble() * max, random.Next(0, 5), MidpointRounding.AwayFromZero);
        DateOnly Day(DateOnly from, int days) => from.AddDays(random.Next(0, days));

        // Deals: most with a contract, signed on the 签约 day or later.
        var plans = new List<DealPlan>();
        var deals = new List<Deal>();
        for (var i = 0; i < 24; i++)
        {
            var lead = Day(new DateOnly(2023, 1, 1), 540);
            var plan = new DealPlan($"FR{seed}-{i:D2}", lead, Day(lead, 60), regions[random.Next(regions.Length)]);
            plans.Add(plan);
            deals.Add(plan.ToDeal(plan.Region, i % 5 == 4 ? null : (Money(20000), random.Next(3) == 0 ? null : Day(plan.Signed, 45))));
        }

        Assert.True((await PipelineStore.SaveDealsAsync(db, Admin, deals, Ct)).Success);
        var contracted = plans.Where((_, i) => i % 5 != 4).ToList();

        // Funds: months with gaps from before the contract month on, an opening balance now and then, figures given either way.
        var imports = new List<FundsRow>[] { [], [], [] };
        foreach (var p in contracted)
        {
            var month = new ReportingMonth(p.Signed.Year, p.Signed.Month).AddMonths(random.Next(-2, 6));
            var cumulative = 0m;
            for (var k = 0; k < random.Next(1, 10); k++)
            {
                var thisMonth = Money(3000);
                var opening = k == 0 && random.Next(3) == 0 ? Money(5000) : 0m;
                cumulative += thisMonth + opening;
                var form = random.Next(3);
                var (giveThis, giveCumulative) = (form != 2 || opening > 0, form != 1 || opening > 0);
                imports[Math.Min(k / 3, 2)].Add(new FundsRow(0, p.Code, month, giveThis ? thisMonth : null, giveCumulative ? cumulative : null, "追加投资"));
                month = month.AddMonths(random.Next(1, 4));
            }
        }

        foreach (var rows in imports)
        {
            await SaveFundsAsync(db, rows);
        }

        await AssertIdenticalAsync(db, random, scopes);

        // Re-imports replacing each month from a random one on (this month only: the chain is derived again), with new months.
        var replaced = new List<FundsRow>();
        foreach (var p in contracted.Where(_ => random.Next(2) == 0))
        {
            var stored = await db.DealFunds.AsNoTracking().Where(f => f.DealCode == p.Code).OrderBy(f => f.Month).Select(f => f.Month).ToListAsync(Ct);
            if (stored.Count == 0)
            {
                continue;
            }

            var months = stored.Skip(random.Next(stored.Count)).Select(m => new ReportingMonth(m / 100, m % 100)).ToList();
            months.Add(months[^1].AddMonths(random.Next(1, 3)));
            replaced.AddRange(months.Select(m => new FundsRow(0, p.Code, m, Money(2000), null, "追加投资")));
        }

        await SaveFundsAsync(db, replaced);
        await AssertIdenticalAsync(db, random, scopes);

        // A refused import changes nothing.
        var before = await RollupAsync(db);
        var victim = contracted[0].Code;
        var last = await db.DealFunds.AsNoTracking().Where(f => f.DealCode == victim).OrderByDescending(f => f.Month).FirstAsync(Ct);
        var refused = await DealMoneyStore.SaveFundsAsync(db, Admin, "bad.csv",
            [new FundsRow(2, victim, new ReportingMonth(last.Month / 100, last.Month % 100).AddMonths(1), null, last.Cumulative - 1m, "")], Ct);
        Assert.False(refused.Success);
        Assert.Equal(before, await RollupAsync(db));

        // Contract changes (form and import). A deal keeps its region: a move is refused (region_code is part of its key).
        foreach (var p in contracted.Where(_ => random.Next(3) == 0))
        {
            await DealMoneyStore.SetContractAsync(db, Admin, p.Code, Money(30000), Day(p.Lead, 900), Ct);
        }

        var moved = contracted.Where(_ => random.Next(3) == 0).Select(p => p.ToDeal(p.Region, random.Next(2) == 0 ? null : (Money(15000), Day(p.Signed, 400)))).ToList();
        Assert.True((await PipelineStore.SaveDealsAsync(db, Admin, moved, Ct)).Success);
        await AssertIdenticalAsync(db, random, scopes);

        // New months after the re-imports.
        var later = new List<FundsRow>();
        foreach (var d in moved)
        {
            var top = await db.DealFunds.AsNoTracking().Where(f => f.DealCode == d.Code).MaxAsync(f => (int?)f.Month, Ct) ?? 202601;
            later.Add(new FundsRow(0, d.Code, new ReportingMonth(top / 100, top % 100).AddMonths(1), Money(1000), null, "追加投资"));
        }

        await SaveFundsAsync(db, later);
        await AssertIdenticalAsync(db, random, scopes);
    }

    [Fact]
    public async Task FundsRates_DealMoveRefused_RatesStayWithTheDealsRegion()
    {
        var (from, to) = (new RegionCode(450121), new RegionCode(450122));
        await using var db = fixture.Open();
        var plan = new DealPlan("FRM-1", new(2025, 1, 1), new(2025, 2, 1), from);
        Assert.True((await PipelineStore.SaveDealsAsync(db, Admin, [plan.ToDeal(from, (10000m, new DateOnly(2025, 2, 10)))], Ct)).Success);
        await SaveFundsAsync(db, [new FundsRow(0, "FRM-1", new ReportingMonth(2025, 3), 2500.5m, 2500.5m, "")]);
        var rollup = await RollupAsync(db);

        Assert.False((await PipelineStore.SaveDealsAsync(db, Admin, [plan.ToDeal(to, null)], Ct)).Success);
        db.ChangeTracker.Clear();

        var year = StatPeriod.ForYear(2025);
        var there = await DealMoneyStore.FundsRatesAsync(db, year, to, Ct);
        var here = await DealMoneyStore.FundsRatesAsync(db, year, from, Ct);
        Assert.Equal((0, 0m, 0m), (there.Period.Deals, there.Period.InPlace, there.ArrivedInPeriod));
        Assert.Equal((1, 2500.5m, 2500.5m), (here.Period.Deals, here.Period.InPlace, here.ArrivedInPeriod));
        Assert.Equal(await FundsRatesScan.ComputeAsync(db, year, to, Ct), there);
        Assert.Equal(await FundsRatesScan.ComputeAsync(db, year, from, Ct), here);
        Assert.Equal(rollup, await RollupAsync(db));
    }

    private static async Task SaveFundsAsync(BaiqiangDbContext db, List<FundsRow> rows)
    {
        var numbered = rows.Select((r, i) => r with { Row = i + 2 }).ToList();
        var outcome = await DealMoneyStore.SaveFundsAsync(db, Admin, "funds.csv", numbered, Ct);
        Assert.True(outcome.Success, string.Join("\n", outcome.Errors));
    }

    private static async Task<List<(int, int, int, int, decimal, decimal, decimal)>> RollupAsync(BaiqiangDbContext db) =>
        (await db.Set<DealFundsRollupEntity>().AsNoTracking().ToListAsync(Ct))
            .Select(r => (r.RegionCode.Value, r.Month, r.ContractMonth, r.Deals, r.Contracted, r.ThisMonth, r.InPlaceChange))
            .Order().ToList();

    private static async Task AssertIdenticalAsync(BaiqiangDbContext db, Random random, RegionCode?[] scopes)
    {
        var nonEmpty = 0;
        for (var i = 0; i < 40; i++)
        {
            var year = random.Next(2022, 2028);
            var first = random.Next(1, 13);
            var period = random.Next(4) switch
            {
                0 => StatPeriod.ForYear(year),
                1 => StatPeriod.ForMonth(year, first),
                2 => StatPeriod.CumulativeTo(year, first),
                _ => StatPeriod.ForQuarter(year, ((first - 1) / 3) + 1),
            };
            var scope = scopes[random.Next(scopes.Length)];

            var expected = await FundsRatesScan.ComputeAsync(db, period, scope, Ct);
            var actual = await DealMoneyStore.FundsRatesAsync(db, period, scope, Ct);

            Assert.Equal(expected, actual);
            Assert.Equal((expected.Cohort.Formula, expected.Period.Formula), (actual.Cohort.Formula, actual.Period.Formula));
            nonEmpty += expected.Period.InPlace > 0 ? 1 : 0;
        }

        Assert.True(nonEmpty > 0, "no period had funds in place: the comparison proved nothing");
        var kept = await RollupAsync(db);
        await FundsRollup.RebuildAsync(db, Ct);
        Assert.Equal(kept, await RollupAsync(db));
    }
}

public sealed class SqliteFundsRollupTests(SqliteFixture fixture) : FundsRollupTests<SqliteFixture>(fixture);

public sealed class PostgresFundsRollupTests(PostgresFixture fixture) : FundsRollupTests<PostgresFixture>(fixture);

/// <summary>A store made before migration <c>FundsRollup</c>, already holding deals and funds months, upgrades in place
/// with the rollup filled exactly (SQLite and PostgreSQL).</summary>
public sealed class FundsRollupUpgradeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task MigrateAsync_SqliteStoreWithFundsBeforeFundsRollup_BackfillsSameRates()
    {
        var folder = Directory.CreateTempSubdirectory("baiqiang-rollup-upgrade-").FullName;
        try
        {
            await UpgradeAndCheckAsync(BaiqiangStore.Resolve(Path.Combine(folder, "old.db"), null));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task MigrateAsync_PostgresStoreWithFundsBeforeFundsRollup_BackfillsSameRates()
    {
        var admin = Environment.GetEnvironmentVariable(PostgresFixture.Variable);
        if (string.IsNullOrWhiteSpace(admin))
        {
            Assert.False(string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase), "BAIQIANG_TEST_PG must be set in CI");
            Assert.Skip("BAIQIANG_TEST_PG is not set");
        }

        var name = "baiqiang_rollup_" + Guid.NewGuid().ToString("N")[..12];
        var options = new StoreOptions(StoreProvider.PostgreSql, new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString);
        try
        {
            await BaiqiangStore.EnsureDatabaseAsync(options, Ct);
            await UpgradeAndCheckAsync(options);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(admin);
            await connection.OpenAsync(Ct);
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync(Ct);
        }
    }

    private static async Task UpgradeAndCheckAsync(StoreOptions options)
    {
        var no = options.Provider == StoreProvider.Sqlite ? "0" : "false";
        await using (var old = BaiqiangStore.Open(options))
        {
            var previous = BaiqiangStore.KnownMigrations(options.Provider).TakeWhile(m => !m.EndsWith("_FundsRollup", StringComparison.Ordinal)).Last();
            await old.GetService<IMigrator>().MigrateAsync(previous, Ct);
            foreach (var (code, region, contract, on) in new[] { ("UP-1", 360123, "10000.5", "2025-02-10"), ("UP-2", 360124, "6000", "2024-11-01"), ("UP-3", 360123, "800.125", "2025-07-01") })
            {
                var sql = "INSERT INTO deals (code, code_key, name, region_code, investor_name, investor_type, origin_region, origin_place, industry_chain, source, planned_investment, " +
                    $"responsible, department, stage, lead_on, signed_on, contract_investment, contract_signed_on) VALUES ('{code}', '{code}', '旧项目', {region}, '投资方', 6, '', '', '', 6, '100', '', '', 3, '2024-01-01', '{on}', '{contract}', '{on}')";
                await old.Database.ExecuteSqlRawAsync(sql, Ct);
            }

            foreach (var (code, region, month, thisMonth, cumulative, previousCumulative) in new[]
            {
                ("UP-1", 360123, 202503, "2000.25", "2000.25", "0"), ("UP-1", 360123, 202506, "3000", "5000.25", "2000.25"),
                ("UP-2", 360124, 202412, "1000.1", "4000.1", "3000"), ("UP-2", 360124, 202504, "0.3", "4000.4", "4000.1"),
                ("UP-3", 360123, 202508, "100", "100", "0"),
            })
            {
                var sql = "INSERT INTO deal_funds (deal_id, deal_code, region_code, month, this_month, cumulative, previous_cumulative, is_opening_balance, note, over_contract) " +
                    $"VALUES ((SELECT id FROM deals WHERE code = '{code}'), '{code}', {region}, {month}, '{thisMonth}', '{cumulative}', '{previousCumulative}', {no}, '', {no})";
                await old.Database.ExecuteSqlRawAsync(sql, Ct);
            }
        }

        Assert.False(await BaiqiangStore.IsUpToDateAsync(options, Ct));
        await BaiqiangStore.MigrateAsync(options, Ct);

        Assert.True(await BaiqiangStore.IsUpToDateAsync(options, Ct));
        await using var db = BaiqiangStore.Open(options);
        Assert.False(await db.Settings.AnyAsync(s => s.Key == FundsRollup.RebuildKey, Ct));
        foreach (var period in new[] { StatPeriod.ForYear(2025), StatPeriod.Create(2025, 1, 6), StatPeriod.ForMonth(2024, 12), StatPeriod.ForQuarter(2025, 3) })
        {
            foreach (var region in new RegionCode?[] { null, new RegionCode(360123), new RegionCode(360124) })
            {
                Assert.Equal(await FundsRatesScan.ComputeAsync(db, period, region, Ct), await DealMoneyStore.FundsRatesAsync(db, period, region, Ct));
            }
        }

        // 2025 H1: UP-1 (cohort) 5000.25 of 10000.5; UP-2 4000.4 of 6000; 本期到位 2000.25 + 3000 + 0.3.
        var half = await DealMoneyStore.FundsRatesAsync(db, StatPeriod.Create(2025, 1, 6), null, Ct);
        Assert.Equal((1, 5000.25m, 10000.5m), (half.Cohort.Deals, half.Cohort.InPlace, half.Cohort.Contracted));
        Assert.Equal((2, 9000.65m, 16000.5m, 5000.55m), (half.Period.Deals, half.Period.InPlace, half.Period.Contracted, half.ArrivedInPeriod));
    }
}

internal static class ReportingMonthShift
{
    public static ReportingMonth AddMonths(this ReportingMonth m, int months)
    {
        var d = new DateOnly(m.Year, m.Month, 1).AddMonths(months);
        return new ReportingMonth(d.Year, d.Month);
    }
}
