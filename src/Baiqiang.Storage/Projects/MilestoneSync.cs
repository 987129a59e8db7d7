using Baiqiang.Core.Access;
using Baiqiang.Core.Projects;
using Baiqiang.Core.Regions;

namespace Baiqiang.Storage.Projects;

/// <summary>
/// What a project write knows about baselines: the re-plan reason given with it (if any), the approved plans (region,
/// year) whose milestones are baselined, and who writes when (for the re-plan rows).
/// </summary>
internal sealed record MilestoneEdit(string? Reason, IReadOnlyList<(RegionCode? Region, int Year)> Approved, string By, DateTimeOffset At)
{
    /// <summary>No approvals known, no reason: a milestone gets a baseline only from the project value itself.</summary>
    public static MilestoneEdit None { get; } = new(null, [], string.Empty, DateTimeOffset.UnixEpoch);

    /// <summary>True when the plan of <paramref name="year"/> was approved for <paramref name="region"/>, a region above it, or every region.</summary>
    public bool IsApproved(RegionCode region, int year) => Approved.Any(a => a.Year == year && (a.Region is not { } scope || Actor.IsWithin(region, scope)));
}

/// <summary>
/// Writes a project value's milestones onto its rows, matched by name: a baselined milestone keeps its baseline, and a
/// changed planned date becomes a re-plan (refused without a reason); a baselined one cannot be removed. A new milestone
/// of a year whose plan is already approved gets its date as its baseline at once.
/// </summary>
internal static class MilestoneSync
{
    public static void Apply(Project p, ProjectEntity e, MilestoneEdit edit)
    {
        var unmatched = new List<ProjectMilestoneEntity>(e.Milestones);
        foreach (var m in p.Milestones)
        {
            var row = unmatched.Find(x => string.Equals(x.Name, m.Name, StringComparison.Ordinal));
            if (row is null)
            {
                e.Milestones.Add(new ProjectMilestoneEntity
                {
                    RegionCode = p.Region, ProjectCode = p.Code, Name = m.Name, Deadline = m.Deadline, CompletedOn = m.CompletedOn, Kind = m.Kind,
                    Baseline = m.Baseline ?? (edit.IsApproved(p.Region, m.Deadline.Year) ? m.Deadline : null),
                });
                continue;
            }

            unmatched.Remove(row);
            if (row.Baseline is not null && row.Deadline != m.Deadline)
            {
                var current = new Milestone(row.Name, row.Deadline, row.CompletedOn) { Kind = row.Kind, Baseline = row.Baseline };
                if (MilestonePlan.CheckReplan(current, m.Deadline, edit.Reason) is { } refusal)
                {
                    throw new ProjectRuleException(refusal);
                }

                e.Replans.Add(new MilestoneReplanEntity
                {
                    RegionCode = e.RegionCode, ProjectCode = e.Code, MilestoneName = row.Name, FromDate = row.Deadline, ToDate = m.Deadline,
                    Reason = edit.Reason!.Trim(), At = edit.At, By = edit.By,
                });
            }

            row.Deadline = m.Deadline;
            row.CompletedOn = m.CompletedOn;
            row.Kind = m.Kind;
        }

        foreach (var gone in unmatched)
        {
            if (gone.Baseline is not null)
            {
                throw new ProjectRuleException(MilestonePlan.RemovalRefused(new Milestone(gone.Name, gone.Deadline, gone.CompletedOn)));
            }

            e.Milestones.Remove(gone);
        }
    }
}
