using Baiqiang.Core.Access;
using Baiqiang.Core.Projects;
using Baiqiang.Core.Regions;
using Baiqiang.Storage.Projects;
using Microsoft.EntityFrameworkCore;

namespace Baiqiang.Storage.Sample;

/// <summary>
/// Illustrative key projects (示例重点项目) for 江阳区 (2022-01..06) and 安义高新园区 (2022-01..05), so that
/// <c>baiqiang sample</c> then <c>baiqiang projects report --period 2022-01..06</c> shows a ledger.
/// </summary>
/// <remarks>
/// The project names and per-project figures are invented; only the aggregates follow the seeds: 江阳区's twelve sample
/// projects add up to 3,197.6亿元 total investment, a 335.7亿元 annual plan and 176.8亿元 done in 1–6月 (52.7%, while the
/// report printed 54.3%); 安义's six add up to a 137.31亿元 plan and 70.85亿元 done in 1–5月 (51.6%). The real programmes
/// have 134 and 54 projects. Loading is idempotent: projects whose code exists are skipped.
/// </remarks>
public static class SampleProjects
{
    private static readonly RegionCode Jiangyang = new(510502);
    private static readonly RegionCode AnyiPark = new(360123401);

    /// <summary>Stores the sample projects, their approved reports, a problem and a closed month. Returns how many projects were added.</summary>
    public static async Task<int> LoadAsync(BaiqiangDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var actor = Actor.LocalAdmin("sample");
        var existing = (await db.Projects.Select(p => p.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var added = 0;
        foreach (var (project, done, months) in Build())
        {
            if (existing.Contains(project.Code))
            {
                continue;
            }

            var entity = ProjectMapping.ToEntity(project);
            db.Projects.Add(entity);
            await ProjectStore.SaveAsync(db, actor, ct);
            var calendar = new ProjectLedgerCalendar();
            var monthly = decimal.Floor(done / months);
            var cumulative = 0m;
            for (var m = 1; m <= months; m++)
            {
                var amount = m == months ? done - cumulative : monthly;
                var r = MonthlyReport.Create(project.Code, 2022, m, amount, cumulative + amount, cumulative, calendar,
                    m == months ? "按计划推进" : "施工中");
                r.Submit(calendar);
                r.Approve("区发改局");
                var e = ReportMapping.ToEntity(r, entity);
                e.IsCurrent = true;
                db.MonthlyReports.Add(e);
                cumulative += amount;
            }

            added++;
        }

        await ProjectStore.SaveAsync(db, actor, ct);
        if (added > 0 && !await db.ProjectProblems.AnyAsync(q => q.Key == "JY-S08-Q1", ct))
        {
            await ProjectStore.AddProblemAsync(db, new ProjectProblem(
                "JY-S08-Q1", "JY-S08", "要素保障", "用地指标未落实,影响二期开工", "区自然资源和规划局", new DateOnly(2022, 4, 10), new DateOnly(2022, 5, 31)), actor, ct);
        }

        return added;
    }

    private static IEnumerable<(Project Project, decimal Done, int Months)> Build()
    {
        // 江阳区: plans, totals and 1–6月 completion in 万元 (sums: 3,357,000 / 31,976,000 / 1,768,000).
        (string Name, string Owner, ProjectCategory Category, string? Chain, decimal Total, decimal Plan, decimal Done)[] jy =
        [
            ("白酒产业园区二期", "泸州酒业集团", ProjectCategory.Industry, "白酒", 5_000_000m, 600_000m, 330_000m),
            ("长江生态修复工程", "江阳区城投公司", ProjectCategory.Ecology, null, 4_500_000m, 450_000m, 250_000m),
            ("城西片区城市更新", "江阳区城投公司", ProjectCategory.Infrastructure, null, 4_000_000m, 400_000m, 230_000m),
            ("智能装备制造基地", "川南装备公司", ProjectCategory.Industry, "装备制造", 3_500_000m, 350_000m, 160_000m),
            ("港口物流园", "泸州港务公司", ProjectCategory.Infrastructure, "现代物流", 3_000_000m, 300_000m, 170_000m),
            ("区人民医院新院区", "江阳区卫健局", ProjectCategory.SocialWelfare, null, 2_800_000m, 280_000m, 150_000m),
            ("电子信息产业园", "川南电子公司", ProjectCategory.Industry, "电子信息", 2_500_000m, 250_000m, 120_000m),
            ("酒城大道提升改造", "江阳区交通局", ProjectCategory.Infrastructure, null, 2_200_000m, 220_000m, 60_000m),
            ("职业教育园区", "江阳区教育局", ProjectCategory.SocialWelfare, null, 1_800_000m, 180_000m, 110_000m),
            ("污水处理厂扩建", "江阳区水务局", ProjectCategory.Ecology, null, 1_276_000m, 150_000m, 90_000m),
            ("农产品冷链中心", "江阳区供销社", ProjectCategory.Industry, "现代物流", 800_000m, 100_000m, 60_000m),
            ("全民健身中心", "江阳区文体局", ProjectCategory.SocialWelfare, null, 600_000m, 77_000m, 38_000m),
        ];
        string[] leaders = ["张副区长", "李副区长", "王副区长"];
        string[] departments = ["区发改局", "区经信局", "区住建局"];
        for (var i = 0; i < jy.Length; i++)
        {
            var (name, owner, category, chain, total, plan, done) = jy[i];
            var status = i == 6 ? ProjectStatus.Signed : ProjectStatus.UnderConstruction;
            var p = new Project($"JY-S{i + 1:D2}", name, Jiangyang, status, new DateOnly(2021, 12, 1))
            {
                Category = category,
                IndustryChain = chain,
                Kind = i % 3 == 0 ? ProjectKind.NewStart : ProjectKind.Continuing,
                OwnerEnterprise = owner,
                ConstructionContent = name + "(示例)",
                TotalInvestment = total,
                AnnualPlans = new Dictionary<int, decimal> { [2022] = plan },
                PlannedStart = new DateOnly(2021, 3 + (i % 9), 1),
                PlannedFinish = new DateOnly(2024 + (i % 3), 12, 31),
                Tags = new HashSet<string>(i % 2 == 0 ? ["省重点", "市重点"] : ["市重点"], StringComparer.Ordinal),
                Leader = leaders[i % leaders.Length],
                LeadDepartment = departments[i % departments.Length],
                WorkGroup = [departments[i % departments.Length], "区自然资源和规划局"],
                Milestones = i == 7 ? [new Milestone("二期主体开工", new DateOnly(2022, 5, 31))] : [],
            };
            if (i == 6)
            {
                p.TransitionTo(ProjectStatus.Started, new DateOnly(2022, 3, 15));
            }

            if (i == 10)
            {
                p.TransitionTo(ProjectStatus.Completed, new DateOnly(2022, 5, 20));
            }

            yield return (p, done, 6);
        }

        // 安义高新园区: plans 1,373,100 and 1–5月 completion 708,500 万元.
        (string Name, decimal Plan, decimal Done, bool Renovation)[] ay =
        [
            ("铝型材智能制造项目", 400_000m, 210_000m, false),
            ("新能源电池材料项目", 300_000m, 160_000m, false),
            ("门窗幕墙产业园", 250_000m, 130_000m, false),
            ("铝材生产线技改", 200_000m, 100_000m, true),
            ("电子元件产线技改", 150_000m, 70_000m, true),
            ("食品加工车间技改", 73_100m, 38_500m, true),
        ];
        for (var i = 0; i < ay.Length; i++)
        {
            var (name, plan, done, renovation) = ay[i];
            yield return (new Project($"AY-S{i + 1:D2}", name, AnyiPark, renovation ? ProjectStatus.Started : ProjectStatus.UnderConstruction, new DateOnly(2021, 12, 1))
            {
                Kind = renovation ? ProjectKind.TechnicalRenovation : ProjectKind.NewStart,
                OwnerEnterprise = name[..2] + "公司",
                ConstructionContent = name + "(示例)",
                TotalInvestment = plan * 3,
                AnnualPlans = new Dictionary<int, decimal> { [2022] = plan },
                Tags = new HashSet<string>(["省重点"], StringComparer.Ordinal),
                Leader = "园区管委会主任",
                LeadDepartment = "园区经发局",
            }, done, 5);
        }
    }
}
