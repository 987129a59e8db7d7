using Baiqiang.Core.Access;
using Baiqiang.Core.Projects;
using Baiqiang.Core.Regions;
using Baiqiang.Core.Text;
using Microsoft.EntityFrameworkCore;

namespace Baiqiang.Storage.Projects;

/// <summary>The result of approving a year's plan: how many milestones got their baseline, and whether it was approved before.</summary>
public sealed record PlanApprovalResult(int Year, RegionCode? Region, int Baselined, bool AlreadyApproved);

/// <summary>An approval of a year's plan as stored.</summary>
public sealed record PlanApproval(RegionCode? Region, int Year, DateTimeOffset ApprovedAt, string ApprovedBy, int Baselined);

/// <summary>
/// Baselines and re-plans of milestones: approving a year's plan (which freezes that year's planned milestone dates as
/// the baseline), re-planning a baselined milestone with a reason, and the re-plan history. Every write is audited.
/// </summary>
public static class MilestonePlanStore
{
    /// <summary>
    /// Approves the plan of <paramref name="year"/> for <paramref name="region"/> and the regions below it (every region when
    /// null: administrators only; else reviewers of the region): every milestone due in that year without a baseline gets
    /// its planned date as baseline. Idempotent: a second approval baselines only milestones added since (none, as new
    /// ones are baselined when added).
    /// </summary>
    public static async Task<PlanApprovalResult> ApprovePlanAsync(BaiqiangDbContext db, int year, RegionCode? region, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        if (year is < 1949 or > 2200)
        {
            throw new ProjectRuleException(new Bilingual($"计划年度{year}超出范围", $"plan year {year} is out of range"));
        }

        if (region is { } r)
        {
            actor.EnsureCanReview(r);
        }
        else
        {
            actor.EnsureAdmin();
        }

        var start = new DateOnly(year, 1, 1);
        var end = new DateOnly(year, 12, 31);
        var open = await db.Set<ProjectMilestoneEntity>().Where(m => m.Baseline == null && m.Deadline >= start && m.Deadline <= end).ToListAsync(ct);
        var frozen = 0;
        foreach (var m in open.Where(m => region is not { } scope || Actor.IsWithin(m.RegionCode, scope)))
        {
            m.Baseline = m.Deadline;
            frozen++;
        }

        var approval = await db.Set<PlanApprovalEntity>().FirstOrDefaultAsync(a => a.RegionCode == region && a.Year == year, ct);
        var already = approval is not null;
        if (approval is null)
        {
            db.Set<PlanApprovalEntity>().Add(new PlanApprovalEntity
            {
                RegionCode = region, Year = year, ApprovedAt = db.Clock.GetUtcNow(), ApprovedBy = actor.Name, MilestoneCount = frozen,
            });
        }
        else
        {
            approval.MilestoneCount += frozen;
        }

        await ProjectStore.SaveAsync(db, actor, ct);
        return new PlanApprovalResult(year, region, frozen, already);
    }

    /// <summary>Every approval, newest year first.</summary>
    public static async Task<List<PlanApproval>> ApprovalsAsync(BaiqiangDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.Set<PlanApprovalEntity>().AsNoTracking().ToListAsync(ct);
        return [.. rows.OrderByDescending(a => a.Year).ThenBy(a => a.RegionCode?.ToString() ?? string.Empty, StringComparer.Ordinal)
            .Select(a => new PlanApproval(a.RegionCode, a.Year, a.ApprovedAt, a.ApprovedBy, a.MilestoneCount))];
    }

    /// <summary>What a project write of <paramref name="actor"/> needs to know about baselines (the approvals, the reason, the time).</summary>
    internal static async Task<MilestoneEdit> EditAsync(BaiqiangDbContext db, Actor actor, string? reason, CancellationToken ct)
    {
        var approved = await db.Set<PlanApprovalEntity>().AsNoTracking().Select(a => new { a.RegionCode, a.Year }).ToListAsync(ct);
        return new MilestoneEdit(reason, [.. approved.Select(a => (a.RegionCode, a.Year))], actor.Name, db.Clock.GetUtcNow());
    }

    /// <summary>
    /// Moves the planned date of milestone <paramref name="milestone"/> of project <paramref name="code"/> to
    /// <paramref name="date"/>. A baselined milestone needs <paramref name="reason"/> and keeps its baseline; the move is kept
    /// as a re-plan. Editors of the project only. Unknown milestones and a missing reason throw <see cref="ProjectRuleException"/>.
    /// </summary>
    public static async Task ReplanAsync(BaiqiangDbContext db, string code, string milestone, DateOnly date, string? reason, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var e = await ProjectStore.FindEntityAsync(db, code, details: true, ct);
        actor.EnsureCanEdit(e.RegionCode, e.LeadDepartment);
        var p = ProjectMapping.ToProject(e);
        var name = (milestone ?? string.Empty).Trim();
        var old = p.Milestones.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.Ordinal))
            ?? throw new ProjectRuleException(new Bilingual($"项目{e.Code}没有节点“{name}”", $"project {e.Code} has no milestone '{name}'"));
        if (old.Baseline is not null && MilestonePlan.CheckReplan(old, date, reason) is { } refusal)
        {
            throw new ProjectRuleException(refusal);
        }

        var moved = new Project(p.Code, p.Name, p.Region, p.Status, p.StatusSince)
        {
            Category = p.Category, Kind = p.Kind, IndustryChain = p.IndustryChain, OwnerEnterprise = p.OwnerEnterprise, ConstructionContent = p.ConstructionContent,
            TotalInvestment = p.TotalInvestment, AnnualPlans = p.AnnualPlans, PlannedStart = p.PlannedStart, PlannedFinish = p.PlannedFinish, Tags = p.Tags,
            Leader = p.Leader, LeadDepartment = p.LeadDepartment, WorkGroup = p.WorkGroup, WorkGroupName = p.WorkGroupName,
            Milestones = [.. p.Milestones.Select(m => ReferenceEquals(m, old) ? m with { Deadline = date } : m)],
            SupplementaryAgreements = p.SupplementaryAgreements,
        };
        MilestoneSync.Apply(moved, e, await EditAsync(db, actor, reason, ct));
        await ProjectStore.SaveAsync(db, actor, ct);
    }

    /// <summary>The re-plans of project <paramref name="code"/>, oldest first.</summary>
    public static async Task<List<MilestoneReplan>> ReplansAsync(BaiqiangDbContext db, string code, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.Set<MilestoneReplanEntity>().AsNoTracking().Where(r => r.ProjectCode == code).ToListAsync(ct);
        return [.. rows.OrderBy(r => r.At).ThenBy(r => r.Id).Select(r => new MilestoneReplan(r.MilestoneName, r.FromDate, r.ToDate, r.Reason, r.At, r.By))];
    }
}
