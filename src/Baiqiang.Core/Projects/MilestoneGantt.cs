namespace Baiqiang.Core.Projects;

/// <summary>A bar of the Gantt chart, both days inclusive (a zero-length bar is a milestone on its day).</summary>
public sealed record GanttBar(DateOnly Start, DateOnly End);

/// <summary>
/// One milestone in the Gantt view: its bar in three lanes — the baseline (frozen at plan approval), the current plan
/// (after re-plans) and the actual (done, or still running to the as-of day when <paramref name="Done"/> is false).
/// </summary>
public sealed record GanttRow(
    string ProjectCode, string ProjectName, string Milestone, MilestoneKind Kind, GanttBar? Baseline, GanttBar Current, GanttBar? Actual,
    bool Done, bool Overdue, int? SlipDays);

/// <summary>
/// Gantt rows of a project's milestones: each lane's bar runs from the previous milestone's date in that lane (the
/// project's start for the first) to the milestone's date in that lane, rows in order of the current plan.
/// </summary>
public static class MilestoneGantt
{
    /// <summary>The rows of <paramref name="project"/> judged on <paramref name="today"/>.</summary>
    public static IReadOnlyList<GanttRow> For(Project project, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(project);
        var ms = project.Milestones.OrderBy(m => m.Deadline).ThenBy(m => m.Kind == MilestoneKind.Preliminary ? 0 : 1).ToList();
        if (ms.Count == 0)
        {
            return [];
        }

        var earliest = ms.SelectMany(m => new[] { m.Deadline, m.Baseline ?? m.Deadline, m.CompletedOn ?? m.Deadline }).Min().AddDays(-30);
        var origin = project.PlannedStart is { } s && s < earliest ? s : earliest;
        DateOnly? prevBaseline = null;
        var prevCurrent = origin;
        var prevActual = origin;
        var rows = new List<GanttRow>(ms.Count);
        foreach (var m in ms)
        {
            GanttBar? baseline = null;
            if (m.Baseline is { } b)
            {
                baseline = Bar(prevBaseline ?? origin, b);
                prevBaseline = b;
            }

            var current = Bar(prevCurrent, m.Deadline);
            prevCurrent = m.Deadline;
            GanttBar? actual = null;
            if (m.CompletedOn is { } done)
            {
                actual = Bar(prevActual, done);
                prevActual = done;
            }
            else if (today > prevActual)
            {
                actual = new GanttBar(prevActual, today);
            }

            rows.Add(new GanttRow(project.Code, project.Name, m.Name, m.Kind, baseline, current, actual, m.CompletedOn is not null,
                m.IsOverdue(today, project.Status), m.SlipDays));
        }

        return rows;
    }

    /// <summary>A bar from <paramref name="from"/> to <paramref name="to"/>; a date before the previous one gives a point.</summary>
    private static GanttBar Bar(DateOnly from, DateOnly to) => new(from <= to ? from : to, to);
}
