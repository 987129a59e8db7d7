using Baiqiang.Core.Periods;
using Baiqiang.Core.Projects;
using Baiqiang.Core.Regions;

namespace Baiqiang.Core.Tests.Projects;

/// <summary>Deterministic seed ledgers built from the 2022 reports (amounts in 万元, exact decimals, no Random).</summary>
internal static class ProjectSeeds
{
    public static readonly RegionCode Jiangyang = new(510502);

    /// <summary>安义高新园区: a zone under 安义县 (360123).</summary>
    public static readonly RegionCode AnyiPark = new(360123401);

    public static readonly StatPeriod H1_2022 = StatPeriod.CumulativeTo(2022, 6);

    /// <summary>Splits <paramref name="total"/> (integral 万元) over <paramref name="n"/> parts around base + (i % 7) × step, the last taking the rest.</summary>
    public static decimal[] Split(decimal total, int n, decimal step)
    {
        var parts = new decimal[n];
        var baseValue = decimal.Floor(total / n) - (3 * step);
        var sum = 0m;
        for (var i = 0; i < n - 1; i++)
        {
            parts[i] = baseValue + ((i % 7) * step);
            sum += parts[i];
        }

        parts[n - 1] = total - sum;
        return parts;
    }

    /// <summary>Approved reports for months 1..lastMonth whose cumulative at lastMonth is exactly <paramref name="ytd"/>.</summary>
    public static List<MonthlyReport> ApprovedReports(string code, int year, int lastMonth, decimal ytd, ProjectLedgerCalendar calendar)
    {
        var reports = new List<MonthlyReport>(lastMonth);
        var monthly = decimal.Floor(ytd / lastMonth);
        var cumulative = 0m;
        for (var m = 1; m <= lastMonth; m++)
        {
            var amount = m == lastMonth ? ytd - cumulative : monthly;
            var r = MonthlyReport.Create(code, year, m, amount, cumulative + amount, cumulative, calendar, "按计划推进");
            r.Submit(calendar);
            r.Approve("区发改局");
            reports.Add(r);
            cumulative += amount;
        }

        return reports;
    }

    /// <summary>
    /// 江阳区 2022: 134 projects, total investment 3,197.6亿元, annual plan 335.7亿元, 1–6月 completed 176.8亿元 (approved reports).
    /// Leaders rotate over four names, departments over three, categories over all five; every third project is 省重点, every
    /// second 市重点 (so some have both), every fifth 5020. Project 0 started on 2022-03-15 (新开工), project 1 was completed on 2022-05-20.
    /// </summary>
    public static (List<Project> Projects, List<MonthlyReport> Reports) Jiangyang2022()
    {
        const int n = 134;
        var plans = Split(3_357_000m, n, 100m);
        var totals = Split(31_976_000m, n, 1000m);
        var done = Split(1_768_000m, n, 50m);
        string[] leaders = ["张副区长", "李副区长", "王副区长", "赵副区长"];
        string[] departments = ["区发改局", "区经信局", "区住建局"];
        var calendar = new ProjectLedgerCalendar();
        var projects = new List<Project>(n);
        var reports = new List<MonthlyReport>(n * 6);
        for (var i = 0; i < n; i++)
        {
            var tags = new HashSet<string>(StringComparer.Ordinal);
            if (i % 3 == 0)
            {
                tags.Add("省重点");
            }

            if (i % 2 == 0)
            {
                tags.Add("市重点");
            }

            if (i % 5 == 0)
            {
                tags.Add("5020");
            }

            var code = $"JY2022-{i + 1:D3}";
            var status = i == 0 ? ProjectStatus.Signed : ProjectStatus.UnderConstruction;
            var p = new Project(code, $"江阳区重点项目{i + 1}", Jiangyang, status, new DateOnly(2021, 12, 1))
            {
                Category = (ProjectCategory)((i % 5) + 1),
                Kind = i % 2 == 0 ? ProjectKind.NewStart : ProjectKind.Continuing,
                IndustryChain = i % 4 == 0 ? "酒类" : i % 4 == 1 ? "装备制造" : null,
                TotalInvestment = totals[i],
                AnnualPlans = new Dictionary<int, decimal> { [2022] = plans[i] },
                Tags = tags,
                Leader = leaders[i % leaders.Length],
                LeadDepartment = departments[i % departments.Length],
                WorkGroup = ["工作推进组"],
            };
            if (i == 0)
            {
                p.TransitionTo(ProjectStatus.Started, new DateOnly(2022, 3, 15));
            }

            if (i == 1)
            {
                p.TransitionTo(ProjectStatus.Completed, new DateOnly(2022, 5, 20));
            }

            projects.Add(p);
            reports.AddRange(ApprovedReports(code, 2022, 6, done[i], calendar));
        }

        return (projects, reports);
    }

    /// <summary>
    /// 安义高新园区 2022 (period 1–6月): 54 projects, annual plan 137.31亿元, completed 70.85亿元. Projects 0–26 are 在建
    /// (kind alternating 新开工/续建); 27–53 are 技改 (kind TechnicalRenovation, status 开工).
    /// </summary>
    public static (List<Project> Projects, List<MonthlyReport> Reports) Anyi2022()
    {
        const int n = 54;
        var plans = Split(1_373_100m, n, 100m);
        var done = Split(708_500m, n, 50m);
        var calendar = new ProjectLedgerCalendar();
        var projects = new List<Project>(n);
        var reports = new List<MonthlyReport>(n * 6);
        for (var i = 0; i < n; i++)
        {
            var renovation = i >= 27;
            var code = $"AY2022-{i + 1:D2}";
            projects.Add(new Project(code, $"安义高新园区项目{i + 1}", AnyiPark,
                renovation ? ProjectStatus.Started : ProjectStatus.UnderConstruction, new DateOnly(2021, 12, 1))
            {
                Kind = renovation ? ProjectKind.TechnicalRenovation : i % 2 == 0 ? ProjectKind.NewStart : ProjectKind.Continuing,
                TotalInvestment = plans[i] * 3,
                AnnualPlans = new Dictionary<int, decimal> { [2022] = plans[i] },
                Leader = "园区管委会主任",
                LeadDepartment = "园区经发局",
            });
            reports.AddRange(ApprovedReports(code, 2022, 6, done[i], calendar));
        }

        return (projects, reports);
    }
}
