using Baiqiang.Core.Pipeline;
using Baiqiang.Core.Targets;

namespace Baiqiang.Storage.Targets;

/// <summary>A target subject that is not a catalogue indicator: a count or amount the pipeline or the project ledger counts.</summary>
public sealed record TargetMeasure(string Name, TargetSubjectKind Kind, string NameZh, string NameEn);

/// <summary>
/// The count and amount subjects a target may name besides the indicator catalogue (<see cref="TargetSubjectKind.Count"/>,
/// <see cref="TargetSubjectKind.Amount"/>): the pipeline's measures (<see cref="PipelineMeasures"/>) and the project
/// ledger's completions. Counts take a count unit (个, 家, 项 …), amounts a money unit.
/// </summary>
public static class TargetSubjects
{
    /// <summary>The project ledger's count of projects completed (竣工) in the period.</summary>
    public const string ProjectsCompleted = "projects_completed";

    public static IReadOnlyList<TargetMeasure> Measures { get; } =
    [
        new(PipelineMeasures.SignedCount, TargetSubjectKind.Count, "新签约项目数", "deals signed"),
        new(PipelineMeasures.SignedInvestment, TargetSubjectKind.Amount, "新签约项目计划投资", "planned investment of deals signed"),
        new(PipelineMeasures.LandedCount, TargetSubjectKind.Count, "落地项目数", "deals landed"),
        new(PipelineMeasures.LandedInvestment, TargetSubjectKind.Amount, "落地项目计划投资", "planned investment of deals landed"),
        new(PipelineMeasures.StartedCount, TargetSubjectKind.Count, "新开工项目数", "projects started"),
        new(PipelineMeasures.StartedInvestment, TargetSubjectKind.Amount, "开工项目计划投资", "planned investment of deals started"),
        new(PipelineMeasures.ProducingCount, TargetSubjectKind.Count, "投产项目数", "deals in production"),
        new(PipelineMeasures.ProducingInvestment, TargetSubjectKind.Amount, "投产项目计划投资", "planned investment of deals in production"),
        new(ProjectsCompleted, TargetSubjectKind.Count, "竣工项目数", "projects completed"),
    ];

    /// <summary>The measure named <paramref name="nameOrZh"/> (its code or Chinese name), or null.</summary>
    public static TargetMeasure? Find(string nameOrZh)
    {
        var key = (nameOrZh ?? string.Empty).Trim();
        return Measures.FirstOrDefault(m => string.Equals(m.Name, key, StringComparison.Ordinal) || string.Equals(m.NameZh, key, StringComparison.Ordinal));
    }

    /// <summary>"indicator", "count" or "amount": how <see cref="TargetEntity.SubjectKind"/> stores the kind.</summary>
    public static string KindName(TargetSubjectKind kind) => kind switch
    {
        TargetSubjectKind.Count => "count",
        TargetSubjectKind.Amount => "amount",
        _ => "indicator",
    };
}
