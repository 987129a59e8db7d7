using System.Globalization;
using Baiqiang.Core.Access;
using Baiqiang.Core.Projects;
using Baiqiang.Core.Text;
using Baiqiang.Storage;
using Baiqiang.Storage.Projects;

namespace Baiqiang.Web.Projects;

/// <summary>One step of a problem's supervision: <c>Sequence</c> 0 is the 交办 on the raising day.</summary>
public sealed record SupervisionStepItem(int Sequence, string Level, string LevelZh, DateOnly On, DateOnly? DueOn, string Reason, string By, bool ByRule);

/// <summary>A problem's 督办: its level and that level's due date (overdue as of the page's day), and its history.</summary>
public sealed record SupervisionItem(string ProblemId, string Level, string LevelZh, DateOnly? DueOn, bool Overdue, bool Open, IReadOnlyList<SupervisionStepItem> History);

/// <summary>Escalates a problem to <c>Level</c> (督办, 挂牌督办, 约谈 or Supervised, Listed, Interview) on <c>On</c> (default: the as-of day) with a reason; <c>DueOn</c> defaults to the level's days.</summary>
public sealed record EscalateRequest(string Level, string Reason, DateOnly? On = null, DateOnly? DueOn = null);

/// <summary>The 督办 reads and writes the project page and <c>/api/projects/problems/{id}/…</c> share.</summary>
public static class SupervisionViews
{
    public static async Task<IReadOnlyList<SupervisionItem>> ForProjectAsync(BaiqiangDbContext db, string projectCode, DateOnly today, CancellationToken ct)
    {
        var all = await SupervisionStore.ForProjectAsync(db, projectCode, ct);
        return [.. all.Values.OrderBy(s => s.Problem.RaisedOn).ThenBy(s => s.Problem.Id, StringComparer.Ordinal).Select(s => ToItem(s, today))];
    }

    public static SupervisionItem ToItem(ProblemSupervision s, DateOnly today)
    {
        var open = s.Problem.Status is ProblemStatus.Open or ProblemStatus.InProgress;
        var overdue = open && s.DueOn is { } due && today > due;
        return new SupervisionItem(s.Problem.Id, s.Level.ToString(), ProblemSupervision.Name(s.Level), s.DueOn, overdue, open,
            [.. s.History.Select((h, i) => new SupervisionStepItem(i, h.Level.ToString(), ProblemSupervision.Name(h.Level), h.On, h.DueOn, h.Reason, h.By, h.ByRule))]);
    }

    /// <summary>The audit keys of the escalation rows (<c>{problem}|s{n}</c>), for the project's audit trail.</summary>
    public static List<string> AuditKeys(IReadOnlyList<SupervisionItem> items) =>
        [.. items.SelectMany(i => i.History.Where(h => h.Sequence > 0).Select(h => string.Create(CultureInfo.InvariantCulture, $"{i.ProblemId}|s{h.Sequence}")))];

    /// <summary>Escalates; the refusal (bad level, lower level, resolved problem, no reason) in both languages, or null. Rights errors propagate.</summary>
    public static async Task<Bilingual?> EscalateAsync(BaiqiangDbContext db, Actor actor, string id, EscalateRequest r, DateOnly today, CancellationToken ct)
    {
        var level = ProblemSupervision.ParseLevel(r.Level);
        if (!level.Success)
        {
            return level.Error;
        }

        return await ProjectViews.RuleAsync(() => SupervisionStore.EscalateAsync(ProjectViews.Tracking(db), id.Trim(), level.Value, r.On ?? today, r.Reason ?? string.Empty, actor, ct, r.DueOn));
    }
}
