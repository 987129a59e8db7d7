using Baiqiang.Briefing.Model;
using Baiqiang.Core.Indicators;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Quantities;
using Baiqiang.Core.Targets;

namespace Baiqiang.Briefing.Sections;

/// <summary>
/// The data one section prints. Each section kind has its own record; a <see cref="IBriefingSectionSource"/> fills it
/// (from the store, or in memory), and the section writer turns it into sentences, tables and charts. Fields are
/// nullable: a missing figure is left out of the sentence, never invented.
/// </summary>
public interface ISectionData
{
    /// <summary>The section kind (<see cref="Templates.SectionKinds"/>).</summary>
    string Kind { get; }
}

/// <summary>A stored figure with its source: <paramref name="Value"/> in <paramref name="Unit"/>.</summary>
public sealed record Figure(decimal Value, Unit Unit, Qualifier Qualifier, SourceRef Source)
{
    public Amount Amount => new(Value, Unit, Qualifier);
}

/// <summary>One key indicator of the economy section.</summary>
/// <param name="Indicator">The catalogue indicator.</param>
/// <param name="Value">The period's value, or null (then no sentence of its own).</param>
/// <param name="GrowthPercent">Year-on-year growth as published, or null.</param>
/// <param name="PreviousGrowthPercent">Growth of the previous period (1–5月 before 1–6月, last year for a year), or null.</param>
/// <param name="PreviousPeriod">That previous period.</param>
/// <param name="Rank">Rank of the growth (or value) in the peer group.</param>
/// <param name="RankOf">How many regions were ranked.</param>
/// <param name="Sources">Sources of the figures used.</param>
/// <param name="Series">Same-kind periods of earlier years and this one, for trend charts (value per period).</param>
/// <param name="GrowthBasis">The growth's price basis as stored (可比价 / 现价), printed before the growth; unknown prints nothing.</param>
public sealed record EconomyItem(
    Indicator Indicator,
    Figure? Value,
    decimal? GrowthPercent,
    decimal? PreviousGrowthPercent,
    StatPeriod? PreviousPeriod,
    int? Rank,
    int? RankOf,
    IReadOnlyList<SourceRef> Sources,
    IReadOnlyList<(StatPeriod Period, decimal Value)> Series,
    Core.Observations.GrowthBasis GrowthBasis = Core.Observations.GrowthBasis.Unknown);

/// <summary>The economy section: key indicators in template order, ranked within <paramref name="PeerScope"/>.</summary>
public sealed record EconomyData(IReadOnlyList<EconomyItem> Items, string? PeerScope) : ISectionData
{
    public string Kind => Templates.SectionKinds.Economy;
}

/// <summary>One target with its progress (null when no current figure is stored) and, for an indicator target, the trend
/// forecast of its full-year figures up to the briefing's year (<see cref="TargetForecaster"/>; null without a trend).</summary>
public sealed record TargetItem(Target Target, string SubjectName, TargetStatus? Status, Figure? Current, IReadOnlyList<SourceRef> Sources,
    TargetForecast? Forecast = null);

/// <summary>The targets section.</summary>
public sealed record TargetsData(IReadOnlyList<TargetItem> Items) : ISectionData
{
    public string Kind => Templates.SectionKinds.Targets;
}

/// <summary>A key project behind schedule and why.</summary>
public sealed record LaggingProject(string Code, string Name, decimal? CompletionPercent, IReadOnlyList<string> Reasons);

/// <summary>
/// The key-project section: counts by status (Chinese status name → count), completion of the annual plan, lagging projects,
/// and (when the ledger was lit) 亮灯 and the 红黑榜 of responsible units.
/// Fill it from <c>Ledger.Consolidate</c> (<see cref="KeyProjectsSource"/>) or from stored aggregate observations.
/// </summary>
public sealed record KeyProjectsData(
    int? ProjectCount,
    IReadOnlyList<(string Status, int Count)> CountByStatus,
    Figure? AnnualPlan,
    Figure? CompletedYearToDate,
    IReadOnlyList<LaggingProject> Lagging,
    IReadOnlyList<SourceRef> Sources,
    LightSummary? Lights = null) : ISectionData
{
    public string Kind => Templates.SectionKinds.KeyProjects;
}

/// <summary>
/// 亮灯 and 红黑榜 of the key-project section: projects per colour, the red ones with their reasons, and the responsible
/// units at the top and bottom by completion against time.
/// </summary>
public sealed record LightSummary(int Red, int Yellow, int Green, IReadOnlyList<(string Name, string Reason)> RedProjects, IReadOnlyList<string> HonorTop, IReadOnlyList<string> HonorBottom);

/// <summary>One counted or summed item with an optional target (signings, landings, starts; visits, requests …).</summary>
public sealed record ProgressItem(string Code, Figure? Actual, Figure? Target, SourceRef? TargetSource);

/// <summary>The investment section (招商引资): signings, landings, starts against targets.</summary>
public sealed record InvestmentData(IReadOnlyList<ProgressItem> Items) : ISectionData
{
    public string Kind => Templates.SectionKinds.Investment;
}

/// <summary>The enterprise-service section: visits, requests raised and solved.</summary>
public sealed record ServiceData(IReadOnlyList<ProgressItem> Items) : ISectionData
{
    public string Kind => Templates.SectionKinds.Service;
}

/// <summary>A consistency warning about stored figures.</summary>
public sealed record ConsistencyWarning(string Rule, IReadOnlyDictionary<string, string> Values, IReadOnlyList<SourceRef> Sources);

/// <summary>The warnings section.</summary>
/// <summary>The monthly scoreboard of the period's year through its last month (<see cref="Core.Pipeline.MonthlyScoreboard"/>).</summary>
public sealed record ScoreboardData(int Year, IReadOnlyList<Core.Pipeline.ScoreboardMonth> Months, SourceRef Source) : ISectionData
{
    public string Kind => Templates.SectionKinds.Scoreboard;
}

public sealed record WarningsData(IReadOnlyList<ConsistencyWarning> Items) : ISectionData
{
    public string Kind => Templates.SectionKinds.Warnings;
}

/// <summary>
/// Supplies one section's data. The generator has store-backed sources for every kind; pass your own in
/// <c>BriefingOptions.Sources</c> to replace one (e.g. key projects from project storage once it is merged).
/// Return null when there is nothing to report (the section is then left out).
/// </summary>
public interface IBriefingSectionSource
{
    string Kind { get; }

    Task<ISectionData?> LoadAsync(BriefingContext context, CancellationToken ct);
}
