using Baiqiang.Core.Projects;

namespace Baiqiang.Storage.Projects;

/// <summary>Hand-written conversions between the project rows and the Core values.</summary>
internal static class ProjectMapping
{
    public const char ListSeparator = '|';

    public static ProjectEntity ToEntity(Project p, MilestoneEdit? edit = null)
    {
        var history = p.StatusHistory;
        var e = new ProjectEntity
        {
            RegionCode = p.Region,
            Code = p.Code,
            InitialStatus = history.Count > 0 ? history[0].From : p.Status,
            // The creation date is not kept once a project has moved on; null only relaxes the "not backwards" check on replay.
            InitialStatusSince = history.Count > 0 ? null : p.StatusSince,
            Status = p.Status,
            StatusSince = p.StatusSince,
        };
        CopyDescription(p, e, edit);
        var seq = 0;
        foreach (var c in history)
        {
            e.StatusChanges.Add(new ProjectStatusChangeEntity
            {
                RegionCode = p.Region, ProjectCode = p.Code, Sequence = ++seq, From = c.From, To = c.To, On = c.On, Reason = c.Reason,
            });
        }

        return e;
    }

    /// <summary>Copies everything but the status (name, money, plans, dates, people, milestones, agreements).</summary>
    /// <remarks>Milestones are matched by name (<see cref="MilestoneSync"/>): a baselined one changes its planned date only
    /// with <paramref name="edit"/>'s reason, recorded as a re-plan.</remarks>
    public static void CopyDescription(Project p, ProjectEntity e, MilestoneEdit? edit = null)
    {
        e.Name = p.Name;
        e.Category = p.Category;
        e.IndustryChain = p.IndustryChain;
        e.Kind = p.Kind;
        e.OwnerEnterprise = p.OwnerEnterprise;
        e.ConstructionContent = p.ConstructionContent;
        e.TotalInvestment = p.TotalInvestment;
        e.PlannedStart = p.PlannedStart;
        e.PlannedFinish = p.PlannedFinish;
        e.Tags = string.Join(ListSeparator, p.Tags.Order(StringComparer.Ordinal));
        e.Leader = p.Leader;
        e.LeadDepartment = p.LeadDepartment;
        e.WorkGroup = string.Join(ListSeparator, p.WorkGroup);
        e.WorkGroupName = p.WorkGroupName;

        foreach (var (year, amount) in p.AnnualPlans)
        {
            var row = e.Plans.Find(x => x.Year == year);
            if (row is null)
            {
                e.Plans.Add(new ProjectPlanEntity { RegionCode = p.Region, ProjectCode = p.Code, Year = year, Amount = amount });
            }
            else
            {
                row.Amount = amount;
            }
        }

        e.Plans.RemoveAll(x => !p.AnnualPlans.ContainsKey(x.Year));

        MilestoneSync.Apply(p, e, edit ?? MilestoneEdit.None);

        e.Agreements.RemoveAll(a => !p.SupplementaryAgreements.Any(b => b.SignedOn == a.SignedOn && b.NewCompletionDate == a.NewCompletionDate && b.TaxCommitment == a.TaxCommitment));
        foreach (var a in p.SupplementaryAgreements)
        {
            if (!e.Agreements.Exists(x => x.SignedOn == a.SignedOn && x.NewCompletionDate == a.NewCompletionDate && x.TaxCommitment == a.TaxCommitment))
            {
                e.Agreements.Add(new ProjectAgreementEntity
                {
                    RegionCode = p.Region, ProjectCode = p.Code, SignedOn = a.SignedOn, NewCompletionDate = a.NewCompletionDate, TaxCommitment = a.TaxCommitment,
                });
            }
        }
    }

    /// <summary>The Core value, with the full history replayed from the initial status.</summary>
    public static Project ToProject(ProjectEntity e)
    {
        var p = Describe(e, e.InitialStatus, e.InitialStatusSince, e.Plans.ToDictionary(x => x.Year, x => x.Amount));
        foreach (var c in e.StatusChanges.OrderBy(c => c.Sequence))
        {
            p.TransitionTo(c.To, c.On, c.Reason);
        }

        return p;
    }

    public static Project Describe(ProjectEntity e, ProjectStatus status, DateOnly? since, IReadOnlyDictionary<int, decimal> plans) =>
        new(e.Code, e.Name, e.RegionCode, status, since)
        {
            Category = e.Category,
            IndustryChain = e.IndustryChain,
            Kind = e.Kind,
            OwnerEnterprise = e.OwnerEnterprise,
            ConstructionContent = e.ConstructionContent,
            TotalInvestment = e.TotalInvestment,
            AnnualPlans = plans,
            PlannedStart = e.PlannedStart,
            PlannedFinish = e.PlannedFinish,
            Tags = Split(e.Tags).ToHashSet(StringComparer.Ordinal),
            Leader = e.Leader,
            LeadDepartment = e.LeadDepartment,
            WorkGroup = Split(e.WorkGroup),
            WorkGroupName = e.WorkGroupName,
            Milestones = [.. e.Milestones.OrderBy(m => m.Deadline).ThenBy(m => m.Id).Select(m => new Milestone(m.Name, m.Deadline, m.CompletedOn) { Kind = m.Kind, Baseline = m.Baseline })],
            SupplementaryAgreements = [.. e.Agreements.OrderBy(a => a.SignedOn).Select(a => new SupplementaryAgreement(a.SignedOn, a.NewCompletionDate, a.TaxCommitment))],
        };

    public static string[] Split(string text) => text.Length == 0 ? [] : text.Split(ListSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

internal static class ReportMapping
{
    public static MonthlyReportEntity ToEntity(MonthlyReport r, ProjectEntity p)
    {
        var e = new MonthlyReportEntity
        {
            RegionCode = p.RegionCode,
            ProjectId = p.Id,
            ProjectCode = p.Code,
            Year = r.Year,
            Month = r.Month,
            Revision = r.Revision,
            CorrectionReason = r.CorrectionReason,
        };
        CopyFigures(r, e);
        CopyState(r, e);
        return e;
    }

    public static void CopyFigures(MonthlyReport r, MonthlyReportEntity e)
    {
        e.CompletedThisMonth = r.CompletedThisMonth;
        e.CumulativeThisYear = r.CumulativeThisYear;
        e.PreviousCumulative = r.PreviousCumulative;
        e.IsOpeningBalance = r.IsOpeningBalance;
        e.Progress = r.Progress;
        e.Problems = string.Join('\n', r.Problems);
    }

    public static void CopyState(MonthlyReport r, MonthlyReportEntity e)
    {
        e.State = r.State;
        e.Reviewer = r.Reviewer;
        e.ReviewComment = r.ReviewComment;
    }

    public static MonthlyReport ToReport(MonthlyReportEntity e) => MonthlyReport.Restore(
        e.ProjectCode, e.Year, e.Month, e.Revision, e.CompletedThisMonth, e.CumulativeThisYear, e.PreviousCumulative, e.State,
        e.Progress, e.Problems.Length == 0 ? [] : e.Problems.Split('\n'), e.Reviewer, e.ReviewComment, e.CorrectionReason,
        e.IsOpeningBalance);
}

internal static class ProblemMapping
{
    public static ProjectProblemEntity ToEntity(ProjectProblem q, ProjectEntity p) => new()
    {
        RegionCode = p.RegionCode,
        ProjectId = p.Id,
        ProjectCode = p.Code,
        Key = q.Id,
        Category = q.Category,
        Description = q.Description,
        ResponsibleDepartment = q.ResponsibleDepartment,
        RaisedOn = q.RaisedOn,
        DueOn = q.DueOn,
        Status = q.Status,
        Resolution = q.Resolution,
        ResolvedOn = q.ResolvedOn,
    };

    /// <summary>The Core value, its status replayed (办理中, 已解决 with the resolution, 已销号).</summary>
    public static ProjectProblem ToProblem(ProjectProblemEntity e)
    {
        var q = new ProjectProblem(e.Key, e.ProjectCode, e.Category, e.Description, e.ResponsibleDepartment, e.RaisedOn, e.DueOn);
        if (e.Status == ProblemStatus.InProgress)
        {
            q.StartWork();
        }

        if (e.Status is ProblemStatus.Resolved or ProblemStatus.Closed)
        {
            q.Resolve(e.Resolution ?? "已解决", e.ResolvedOn ?? e.RaisedOn);
        }

        if (e.Status == ProblemStatus.Closed)
        {
            q.Close();
        }

        return q;
    }
}
