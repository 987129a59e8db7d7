using System.Globalization;
using System.Text.Json;
using Baiqiang.Core.Access;
using Baiqiang.Core.Projects;
using Baiqiang.Core.Regions;
using Baiqiang.Core.Text;
using Baiqiang.Storage;
using Baiqiang.Storage.Projects;

namespace Baiqiang.Web.Projects;

/// <summary>A bar of the Gantt chart, both days inclusive.</summary>
public sealed record GanttBarItem(DateOnly Start, DateOnly End);

/// <summary>One milestone of the Gantt view: baseline, current plan and actual bars (<c>Actual</c> runs to the as-of day while not <c>Done</c>).</summary>
public sealed record GanttRowItem(
    string ProjectCode, string ProjectName, string Milestone, string Kind, string KindZh, GanttBarItem? Baseline, GanttBarItem Current,
    GanttBarItem? Actual, bool Done, bool Overdue, int? SlipDays);

/// <summary>A re-plan of a baselined milestone: planned date <c>From</c> → <c>To</c>, with its reason, who and when.</summary>
public sealed record ReplanItem(string ProjectCode, string Milestone, DateOnly From, DateOnly To, string Reason, DateTimeOffset At, string By);

/// <summary>The Gantt view of a project or a group (工作推进组 or region) as of <c>Today</c>, with the re-plan history.</summary>
public sealed record GanttResponse(string Title, DateOnly Today, IReadOnlyList<GanttRowItem> Rows, IReadOnlyList<ReplanItem> Replans);

/// <summary>Moves the planned date of <c>Milestone</c> to <c>Date</c>; a baselined milestone needs <c>Reason</c>.</summary>
public sealed record ReplanRequest(string Milestone, DateOnly Date, string? Reason = null);

/// <summary>Approves the plan of <c>Year</c> for <c>Region</c> (and below; every region when blank, administrators only).</summary>
public sealed record ApprovePlanRequest(int Year, string? Region = null);

/// <summary>The result of a plan approval: how many milestones got their baseline now, and whether it was approved before.</summary>
public sealed record PlanApprovalItem(int Year, string? Region, int Baselined, bool AlreadyApproved);

/// <summary>Baselines, re-plans and the Gantt view for the pages and <c>/api/projects</c>.</summary>
public static class MilestonePlanViews
{
    /// <summary>节点 / 前期手续.</summary>
    public static string KindZh(MilestoneKind kind) => kind == MilestoneKind.Preliminary ? "前期手续" : "节点";

    /// <summary>Reads a milestone kind: Node/节点 (default when blank) or Preliminary/前期手续.</summary>
    public static MilestoneKind? ParseKind(string? text) => ChineseText.ToSimplified(text?.Trim() ?? string.Empty) switch
    {
        "" or "Node" or "node" or "节点" => MilestoneKind.Node,
        "Preliminary" or "preliminary" or "前期手续" => MilestoneKind.Preliminary,
        _ => null,
    };

    /// <summary>The refusal of a request's milestones: an unknown kind, a 前期手续 not among the six steps, or a repeated name.</summary>
    public static Bilingual? CheckMilestones(IReadOnlyList<MilestoneItem>? milestones)
    {
        foreach (var m in milestones ?? [])
        {
            var kind = ParseKind(m.Kind);
            if (kind is null)
            {
                return new Bilingual($"节点“{m.Name}”的类型“{m.Kind}”应为节点或前期手续", $"milestone '{m.Name}': kind '{m.Kind}' must be Node or Preliminary");
            }

            if (kind == MilestoneKind.Preliminary && PreliminarySteps.Resolve(m.Name) is null)
            {
                return new Bilingual(
                    $"前期手续“{m.Name}”应为{string.Join("、", PreliminarySteps.Names)}之一",
                    $"preliminary step '{m.Name}' must be one of {string.Join(", ", PreliminarySteps.Names)}");
            }
        }

        var repeated = (milestones ?? []).GroupBy(m => Name(m), StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        return repeated is null ? null : new Bilingual($"节点“{repeated.Key}”重复", $"milestone '{repeated.Key}' appears twice");
    }

    /// <summary>The Core milestone of a checked request item (a 前期手续 name in traditional characters becomes the simplified step).</summary>
    public static Milestone ToMilestone(MilestoneItem m)
    {
        ArgumentNullException.ThrowIfNull(m);
        return new Milestone(Name(m), m.Deadline, m.CompletedOn) { Kind = ParseKind(m.Kind) ?? MilestoneKind.Node };
    }

    private static string Name(MilestoneItem m) =>
        ParseKind(m.Kind) == MilestoneKind.Preliminary && PreliminarySteps.Resolve(m.Name) is { } step ? step : m.Name.Trim();

    /// <summary>The Gantt view of one project, or null when there is none with <paramref name="code"/>.</summary>
    public static async Task<GanttResponse?> ProjectGanttAsync(BaiqiangDbContext db, string code, DateOnly today, CancellationToken ct)
    {
        var p = await ProjectStore.FindAsync(db, code.Trim(), ct);
        if (p is null)
        {
            return null;
        }

        var replans = await MilestonePlanStore.ReplansAsync(db, p.Code, ct);
        return new GanttResponse($"{p.Code} {p.Name}", today, [.. MilestoneGantt.For(p, today).Select(Row)], [.. replans.Select(r => Replan(p.Code, r))]);
    }

    /// <summary>
    /// The Gantt view of a ledger group: <paramref name="by"/> <c>group</c> (工作推进组 named <paramref name="key"/>, "" for
    /// none) or <c>region</c> (<paramref name="key"/> a region code, with the regions below it).
    /// </summary>
    public static async Task<(GanttResponse? View, Dictionary<string, string[]> Errors)> GroupGanttAsync(
        BaiqiangDbContext db, string? by, string? key, DateOnly today, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var k = key?.Trim() ?? string.Empty;
        List<Project> projects;
        string title;
        switch (by?.Trim())
        {
            case "group":
                projects = [.. (await ProjectStore.ListAsync(db, null, ct)).Where(p => string.Equals(p.WorkGroupName, k, StringComparison.Ordinal))];
                title = k.Length == 0 ? "未分工作推进组 / no work group" : k;
                break;
            case "region":
                if (ProjectViews.ParseRegion(k, errors, "key") is not { } region)
                {
                    errors.TryAdd("key", [new Bilingual("按地区查看时须给出地区代码", "a region code is needed for by=region").ToString()]);
                    return (null, errors);
                }

                projects = await ProjectStore.ListAsync(db, region, ct);
                var names = await Pipeline.PipelineViews.RegionNamesAsync(db, [region], ct);
                title = names.GetValueOrDefault(region, region.ToString());
                break;
            default:
                errors["by"] = [new Bilingual($"分组“{by}”应为 group(工作推进组)或 region(地区)", $"by '{by}' must be group (work group) or region").ToString()];
                return (null, errors);
        }

        var rows = projects.SelectMany(p => MilestoneGantt.For(p, today)).Select(Row).ToList();
        var replans = new List<ReplanItem>();
        foreach (var p in projects.Where(p => p.Milestones.Any(m => m.Baseline is not null)))
        {
            replans.AddRange((await MilestonePlanStore.ReplansAsync(db, p.Code, ct)).Select(r => Replan(p.Code, r)));
        }

        return (new GanttResponse(title, today, rows, replans), errors);
    }

    /// <summary>Re-plans a milestone; a refusal (no reason, unknown milestone) is the bilingual reason. Rights errors propagate.</summary>
    public static Task<Bilingual?> ReplanAsync(BaiqiangDbContext db, Actor actor, string code, ReplanRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ProjectViews.RuleAsync(() => MilestonePlanStore.ReplanAsync(ProjectViews.Tracking(db), code, request.Milestone ?? string.Empty, request.Date, request.Reason, actor, ct));
    }

    /// <summary>Approves a year's plan (reviewers of the region; every region: administrators). Rights errors propagate.</summary>
    public static async Task<(PlanApprovalItem? Result, Dictionary<string, string[]> Errors)> ApproveAsync(
        BaiqiangDbContext db, Actor actor, ApprovePlanRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var region = ProjectViews.ParseRegion(request.Region, errors);
        if (request.Year is < 1949 or > 2200)
        {
            errors["year"] = [new Bilingual($"计划年度{request.Year}超出范围", $"plan year {request.Year} is out of range").ToString()];
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var r = await MilestonePlanStore.ApprovePlanAsync(ProjectViews.Tracking(db), request.Year, region, actor, ct);
        return (new PlanApprovalItem(r.Year, r.Region?.ToString(), r.Baselined, r.AlreadyApproved), errors);
    }

    /// <summary>The chart's JSON for <c>gantt.js</c>: lane names, the as-of day and each row's bars as ISO dates.</summary>
    public static string ChartJson(GanttResponse view, bool en)
    {
        ArgumentNullException.ThrowIfNull(view);
        static string? D(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        static string?[]? B(GanttBarItem? b) => b is null ? null : [D(b.Start), D(b.End)];
        var multi = view.Rows.Select(r => r.ProjectCode).Distinct(StringComparer.Ordinal).Skip(1).Any();
        var spec = new
        {
            title = view.Title,
            today = D(view.Today),
            lanes = en ? new[] { "baseline", "current plan", "actual" } : ["基线计划", "当前计划", "实际"],
            rows = view.Rows.Select(r => new
            {
                label = (multi ? r.ProjectCode + " " : string.Empty) + r.Milestone + (r.Kind == nameof(MilestoneKind.Preliminary) ? (en ? " (prelim.)" : "（前期）") : string.Empty),
                baseline = B(r.Baseline),
                current = B(r.Current),
                actual = B(r.Actual),
                done = r.Done,
                overdue = r.Overdue,
            }),
        };
        return JsonSerializer.Serialize(spec);
    }

    private static GanttRowItem Row(GanttRow r) => new(
        r.ProjectCode, r.ProjectName, r.Milestone, r.Kind.ToString(), KindZh(r.Kind), Bar(r.Baseline), Bar(r.Current)!, Bar(r.Actual), r.Done, r.Overdue, r.SlipDays);

    private static GanttBarItem? Bar(GanttBar? b) => b is null ? null : new GanttBarItem(b.Start, b.End);

    private static ReplanItem Replan(string code, MilestoneReplan r) => new(code, r.Milestone, r.From, r.To, r.Reason, r.At, r.By);
}
