using Baiqiang.Core.Access;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Projects;
using Baiqiang.Core.Regions;
using Baiqiang.Storage.Projects;
using Baiqiang.Storage.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Baiqiang.Storage.Tests.Projects;

/// <summary>
/// Pins the ledger's fast path (flat figures read with data readers, <see cref="ProjectLedgerQuery.LoadFiguresAsync"/>)
/// to the full Core path: <see cref="Ledger.Consolidate(IEnumerable{Project}, IEnumerable{MonthlyReport}, StatPeriod, LedgerGrouping)"/>
/// over every project fully loaded (<see cref="ProjectStore.ListAsync"/>) and every stored report revision in every state.
/// The programme is generated through the store's own use cases, so the rows carry what real use leaves behind: gaps in
/// the months, drafts, returned and submitted reports, approved corrections (revision 2) and unapproved ones, reports of
/// another year, transitions before and inside the periods, projects without plans, tags or reports, and parks under a county.
/// </summary>
public abstract class ProjectLedgerFastPathTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StoreFixture
{
    private static readonly RegionCode Naxi = new(510503);
    private static readonly RegionCode Luxian = new(510521);
    private static readonly RegionCode LuxianPark = new(510521401);
    private static readonly RegionCode LuxianPark2 = new(510521402);
    private static readonly RegionCode Tongzhou = new(320612);
    private static readonly RegionCode[] Regions = [Naxi, Luxian, LuxianPark, LuxianPark2, Tongzhou];
    private static readonly Actor Admin = Actor.LocalAdmin("tester");
    private const int Projects = 30;
    private const int Months = 9;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task LoadFiguresAsync_GeneratedProgramme_SameLedgerRowsAsFullCorePathForEveryGroupingPeriodAndScope()
    {
        await using var db = fixture.Open();
        await GenerateAsync(db);

        var projects = await ProjectStore.ListAsync(db, null, Ct);
        var reports = (await db.MonthlyReports.AsNoTracking().ToListAsync(Ct)).Select(ReportMapping.ToReport).ToList();
        Assert.Equal(Projects, projects.Count);
        Assert.Contains(reports, r => r.Revision > 0 && r.State == ReportState.Approved);
        Assert.Contains(reports, r => r.Revision > 0 && r.State != ReportState.Approved);
        Assert.Contains(reports, r => r.State == ReportState.Returned);
        Assert.Contains(reports, r => r.State == ReportState.Draft);
        Assert.Contains(reports, r => r.Year == 2021);

        StatPeriod[] periods =
        [
            StatPeriod.ForYear(2022), StatPeriod.ForMonth(2022, 1), StatPeriod.ForMonth(2022, 6), StatPeriod.ForQuarter(2022, 2),
            StatPeriod.ForHalf(2022, 2), StatPeriod.CumulativeTo(2022, 5), StatPeriod.ForQuarter(2022, 3), StatPeriod.ForQuarter(2022, 4), StatPeriod.ForYear(2021),
            StatPeriod.ForYear(2023),
        ];
        RegionCode?[] scopes = [null, Luxian, LuxianPark, Tongzhou];
        var compared = 0;
        foreach (var period in periods)
        {
            foreach (var scope in scopes)
            {
                var mine = projects.Where(p => scope is not { } s || Actor.IsWithin(p.Region, s)).ToList();
                var figures = await ProjectLedgerQuery.LoadFiguresAsync(db, period, scope, Ct);
                Assert.Equal(mine.Count, figures.Count);
                var views = await ProjectLedgerQuery.LedgerAsync(db, period, Enum.GetValues<LedgerGrouping>(), scope, Ct);
                foreach (var by in Enum.GetValues<LedgerGrouping>())
                {
                    var expected = Ledger.Consolidate(mine, reports, period, by);
                    var fast = Ledger.Consolidate(figures, period, by);
                    var single = (await ProjectLedgerQuery.LedgerAsync(db, period, by, scope, Ct)).Report;
                    var where = $"{period} {scope?.ToString() ?? "all"} {by}";
                    Assert.True(expected.Rows.Count > 0, where);
                    Assert.Equal(expected.Rows.Select(Values), fast.Rows.Select(Values));
                    Assert.Equal(Values(expected.Total), Values(fast.Total));
                    Assert.Equal(expected.Rows.Select(Values), single.Rows.Select(Values));
                    Assert.Equal(Values(expected.Total), Values(single.Total));
                    Assert.Equal(expected.Rows.Select(Values), views.Single(v => v.Report.GroupBy == by).Report.Rows.Select(Values));
                    compared += expected.Rows.Count;
                }
            }
        }

        // The programme really exercises the rules: something completed in a span not starting in January, some new
        // starts and completions in the year, and more than one group for every grouping.
        var year = Ledger.Consolidate(projects, reports, StatPeriod.ForYear(2022), LedgerGrouping.Region).Total;
        Assert.True(year.NewStarts > 0 && year.Completions > 0, $"{year.NewStarts} starts, {year.Completions} completions");
        var span = Ledger.Consolidate(projects, reports, StatPeriod.ForHalf(2022, 2), LedgerGrouping.Region).Total;
        Assert.True(span.CompletedInPeriod > 0 && span.CompletedInPeriod < span.CompletedYearToDate);
        foreach (var by in Enum.GetValues<LedgerGrouping>())
        {
            Assert.True(Ledger.Consolidate(projects, reports, StatPeriod.ForYear(2022), by).Rows.Count > 1, by.ToString());
        }

        Assert.True(compared > 1000, compared.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Every field of a row; decimals compare by value (a provider may return another scale).</summary>
    private static (string, string, int, string, decimal, decimal, decimal, decimal, decimal?, decimal, decimal?, bool, int, int, string) Values(LedgerRow r) =>
        (r.GroupKey, r.GroupLabel, r.ProjectCount, string.Join(",", r.CountByStatus.OrderBy(k => k.Key)), r.TotalInvestment, r.AnnualPlan,
            r.CompletedInPeriod, r.CompletedYearToDate, r.CompletionPercent, r.TimeElapsedPercent, r.GapPoints, r.OnTrack, r.NewStarts,
            r.Completions, r.Formula);

    private static async Task GenerateAsync(BaiqiangDbContext db)
    {
        string[] chains = ["电子信息", "装备制造", "白酒"];
        string[] leaders = ["张副县长", "李副县长", string.Empty];
        string[] departments = ["县发改局", "县经信局", "县住建局", string.Empty];
        string[][] tagSets = [[], ["省重点"], ["省重点", "市重点"], ["5020"], ["市重点", "5020"]];
        var categories = Enum.GetValues<ProjectCategory>();
        var kinds = Enum.GetValues<ProjectKind>();
        for (var i = 0; i < Projects; i++)
        {
            var start = (i % 4) switch
            {
                0 => ProjectStatus.Signed,
                1 => ProjectStatus.Reserve,
                2 => ProjectStatus.UnderConstruction,
                _ => ProjectStatus.Started,
            };
            var p = new Project(Code(i), "项目" + Code(i), Regions[i % Regions.Length], start, new DateOnly(2021, 6, 1))
            {
                Category = categories[i % categories.Length],
                Kind = kinds[(i / 2) % kinds.Length],
                IndustryChain = i % 4 == 3 ? null : chains[i % chains.Length],
                TotalInvestment = 10_000m + (i * 1_234.5678m),
                AnnualPlans = (i % 7) switch
                {
                    5 => new Dictionary<int, decimal>(),
                    6 => new Dictionary<int, decimal> { [2023] = 3_000m },
                    _ => new Dictionary<int, decimal> { [2021] = 2_000m + i, [2022] = 3_000m + (i * 101.25m) },
                },
                Tags = new HashSet<string>(tagSets[i % tagSets.Length], StringComparer.Ordinal),
                Leader = leaders[i % leaders.Length],
                LeadDepartment = departments[i % departments.Length],
                WorkGroupName = i % 3 == 0 ? string.Empty : (i % 3 == 1 ? "工业推进组" : "城建推进组"),
            };
            if (i % 4 == 0 && i % 8 != 0)
            {
                p.TransitionTo(ProjectStatus.Started, new DateOnly(2021, 11, 20));
            }

            await ProjectStore.CreateAsync(db, p, Admin, Ct);
        }

        // Transitions dated through 2022 (and one in 2023), so every period sees a different set of new starts and completions.
        for (var i = 0; i < Projects; i++)
        {
            var month = 1 + (i % 12);
            switch (i % 4)
            {
                case 0 when i % 8 == 0:
                    await ProjectStore.TransitionAsync(db, Code(i), ProjectStatus.Started, new DateOnly(2022, month, 10), null, Admin, Ct);
                    break;
                case 1 when i % 3 == 0:
                    await ProjectStore.TransitionAsync(db, Code(i), ProjectStatus.Signed, new DateOnly(2022, month, 5), null, Admin, Ct);
                    await ProjectStore.TransitionAsync(db, Code(i), ProjectStatus.Started, new DateOnly(2022, Math.Min(12, month + 1), 1), null, Admin, Ct);
                    break;
                case 2:
                    await ProjectStore.TransitionAsync(db, Code(i), ProjectStatus.Completed, new DateOnly(2022, month, 28), null, Admin, Ct);
                    if (i % 3 == 0)
                    {
                        await ProjectStore.TransitionAsync(db, Code(i), ProjectStatus.Producing, new DateOnly(2022, Math.Min(12, month + 2), 15), null, Admin, Ct);
                    }

                    break;
                case 3 when i % 5 == 0:
                    await ProjectStore.TransitionAsync(db, Code(i), ProjectStatus.Suspended, new DateOnly(2022, month, 3), "资金未到位", Admin, Ct);
                    break;
                case 3 when i % 5 == 2:
                    await ProjectStore.TransitionAsync(db, Code(i), ProjectStatus.UnderConstruction, new DateOnly(2023, 1, 9), null, Admin, Ct);
                    break;
                default:
                    break;
            }
        }

        // A December 2021 report for some projects (another year: never counted in 2022).
        for (var i = 0; i < Projects; i += 3)
        {
            await ProjectStore.FillReportAsync(db, Code(i), 2021, 12, 777m, 777m, "上年", null, Admin, Ct);
            await ProjectStore.SubmitReportAsync(db, Code(i), 2021, 12, Admin, Ct);
        }

        await ProjectStore.ApproveAllSubmittedAsync(db, StatPeriod.ForMonth(2021, 12), null, Admin, Ct);

        // Monthly reports, month by month (each cumulative builds on the previous approved one). Every 6th project never
        // reports; others skip some months; some stop early; the last month of a few stays draft, submitted or returned.
        var cumulative = new decimal[Projects];
        for (var m = 1; m <= Months; m++)
        {
            for (var i = 0; i < Projects; i++)
            {
                if (i % 6 == 5 || (i % 5 == 1 && m % 3 == 2) || (i % 7 == 4 && m > 6))
                {
                    continue;
                }

                var amount = 100m + (i * 7.125m) + m;
                await ProjectStore.FillReportAsync(db, Code(i), 2022, m, amount, cumulative[i] + amount, "施工", null, Admin, Ct);
                var left = m == Months || m == 5 ? (i % 9) switch { 2 => ReportState.Draft, 4 => ReportState.Returned, _ => ReportState.Approved } : ReportState.Approved;
                if (left == ReportState.Draft)
                {
                    continue;
                }

                await ProjectStore.SubmitReportAsync(db, Code(i), 2022, m, Admin, Ct);
                if (left == ReportState.Returned)
                {
                    await ProjectStore.ReturnReportAsync(db, Code(i), 2022, m, "数据有误", Admin, Ct);
                    continue;
                }

                cumulative[i] += amount;
            }

            await ProjectStore.ApproveAllSubmittedAsync(db, StatPeriod.ForMonth(2022, m), null, Admin, Ct);
            if (m == Months)
            {
                // One report left submitted (after the month's approval run), which the ledger must not count either.
                await ProjectStore.FillReportAsync(db, Code(0), 2022, 12, 5m, cumulative[0] + 5m, "施工", null, Admin, Ct);
                await ProjectStore.SubmitReportAsync(db, Code(0), 2022, 12, Admin, Ct);
            }
        }

        // Close March for every region, then correct some March reports: approved corrections (revision 1 becomes the
        // counted one) and one correction left as a draft (revision 0 stays counted).
        var clock = new FakeTimeProvider(new DateTimeOffset(2022, 4, 10, 0, 0, 0, TimeSpan.Zero));
        foreach (var r in Regions)
        {
            await ProjectStore.CloseMonthAsync(db, r, 2022, 3, Admin, clock, Ct);
        }

        var march = await db.MonthlyReports.AsNoTracking().Where(r => r.Year == 2022 && r.Month == 3 && r.IsCurrent).OrderBy(r => r.ProjectCode).ToListAsync(Ct);
        Assert.True(march.Count > 10);
        for (var k = 0; k < march.Count; k += 4)
        {
            var r = march[k];
            var amount = r.CompletedThisMonth + 50.5m;
            await ProjectStore.CorrectReportAsync(db, r.ProjectCode, 2022, 3, amount, r.PreviousCumulative + amount, "统计口径调整", Admin, "更正", Ct);
            if (k % 8 == 0)
            {
                await ProjectStore.SubmitReportAsync(db, r.ProjectCode, 2022, 3, Admin, Ct);
                await ProjectStore.ApproveReportAsync(db, r.ProjectCode, 2022, 3, "同意更正", Admin, Ct);
            }
        }
    }

    private static string Code(int i) => $"FP-{i:D3}";
}

public sealed class SqliteProjectLedgerFastPathTests(SqliteFixture fixture) : ProjectLedgerFastPathTests<SqliteFixture>(fixture);

public sealed class PostgresProjectLedgerFastPathTests(PostgresFixture fixture) : ProjectLedgerFastPathTests<PostgresFixture>(fixture);
