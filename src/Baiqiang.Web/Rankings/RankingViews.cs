using System.Globalization;
using Baiqiang.Core.Access;
using Baiqiang.Core.Evaluation;
using Baiqiang.Core.Indicators;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Text;
using Baiqiang.Storage;
using Baiqiang.Storage.Evaluation;
using Microsoft.EntityFrameworkCore;

namespace Baiqiang.Web.Rankings;

/// <summary>A stored framework version (or the built-in one, <see cref="BuiltIn"/>).</summary>
public sealed record FrameworkItem(string Name, int Version, string TitleZh, string TitleEn, string CreatedBy, DateTimeOffset? CreatedAt, bool BuiltIn);

/// <summary>One node of a framework tree, flattened depth-first; <see cref="EffectiveWeight"/> is its share of the index.</summary>
public sealed record FrameworkNodeView(
    string Code, string? Parent, int Depth, string NameZh, string NameEn, double Weight, double EffectiveWeight,
    string? Indicator, string? Direction, string? Denominator, string? Aggregation, double Power, bool IsLeaf);

/// <summary>A framework version: header, the flattened tree, and the canonical JSON document (edit it and POST it back).</summary>
public sealed record FrameworkDetail(
    string Name, int Version, string TitleZh, string TitleEn, string Note, string Aggregation, bool BuiltIn,
    string? CreatedBy, DateTimeOffset? CreatedAt, IReadOnlyList<FrameworkNodeView> Nodes, System.Text.Json.JsonElement Document);

/// <summary>A peer group to rank within.</summary>
public sealed record GroupItem(string Id, string NameZh, string NameEn, string Kind, int Members);

/// <summary>
/// The query of a ranking run: framework name and optional version, period (<c>2024</c>), peer group id
/// (<c>pref:510500</c> or a list id), pipeline options by name, a comparison period, Monte Carlo replications (0 = none),
/// sensitivity sample size (0 = none), whether to include each unit's decomposition.
/// </summary>
public sealed record RunQuery(
    string? Framework = null,
    int? Version = null,
    string? Period = null,
    string? Group = null,
    string? Normalization = null,
    string? Weights = null,
    string? Aggregation = null,
    string? Imputation = null,
    int? Tiers = null,
    string? Compare = null,
    int? Replications = null,
    int? Sensitivity = null,
    bool? Decomposition = null);

/// <summary>The options a run used, by enum name.</summary>
public sealed record RunOptionsView(string Normalization, string Weights, string Aggregation, string Imputation, int Tiers, int Replications, int Sensitivity);

/// <summary>A dimension of the framework (a top-level node) with its weight share.</summary>
public sealed record DimensionInfo(string Code, string NameZh, string NameEn, double Weight);

/// <summary>5th–95th percentile rank interval over the Monte Carlo replications.</summary>
public sealed record RankIntervalView(double P5, double Median, double P95, double Mean);

/// <summary>One ranked unit.</summary>
public sealed record RankingRow(
    string Code, string Name, double Score, int Rank, int Tier, IReadOnlyDictionary<string, double> DimensionScores,
    double Availability, int ImputedCells, int? PreviousRank, int? RankChange, RankIntervalView? Interval,
    IReadOnlyDictionary<string, double>? Contributions);

/// <summary>An imputed cell: which unit and indicator, how, and the value used.</summary>
public sealed record ImputedView(string Code, string Name, string Indicator, string IndicatorNameZh, string IndicatorNameEn, string Method, double Value);

/// <summary>An indicator with too little data, or one that was winsorised or log-transformed.</summary>
public sealed record IndicatorNote(string Indicator, string NameZh, string NameEn, double Availability, string Treatment);

/// <summary>An indicator some units lack for the period (the empty state's list of what to import).</summary>
public sealed record MissingIndicator(string Indicator, string NameZh, string NameEn, string Unit, int Present, int Total, IReadOnlyList<string> MissingRegions);

/// <summary>What the data looked like: dropped units, imputed cells, treated and sparse indicators, notes.</summary>
public sealed record DataWarnings(
    IReadOnlyList<string> Dropped, IReadOnlyList<ImputedView> Imputed, IReadOnlyList<IndicatorNote> Indicators,
    IReadOnlyList<MissingIndicator> Missing, IReadOnlyList<string> Notes);

/// <summary>First-order and total sensitivity index of one uncertain input.</summary>
public sealed record SensitivityRow(string Input, string NameZh, string NameEn, double FirstOrder, double Total);

/// <summary>A ranking: framework, period, group, options, dimensions, rows by rank, data warnings, sensitivity.</summary>
public sealed record RankingResponse(
    string Framework, int Version, string TitleZh, string TitleEn, string Note, string Period, string Group, string GroupNameZh,
    string? ComparePeriod, RunOptionsView Options, bool ContributionsExact, IReadOnlyList<DimensionInfo> Dimensions,
    IReadOnlyList<RankingRow> Rows, DataWarnings Warnings, IReadOnlyList<SensitivityRow>? Sensitivity);

/// <summary>One indicator's part in a unit's score.</summary>
public sealed record IndicatorContribution(
    string Code, string Indicator, string NameZh, string NameEn, string Dimension, double? Value, bool Imputed, double Normalised,
    double EffectiveWeight, double Contribution, int RankAmongUnits);

/// <summary>One dimension's part: its score, the sum of its indicators' contributions, and the indicators.</summary>
public sealed record DimensionContribution(string Code, string NameZh, string NameEn, double Score, double Contribution, IReadOnlyList<IndicatorContribution> Indicators);

/// <summary>A nearest unit in weighted indicator space (对标).</summary>
public sealed record PeerView(string Code, string Name, double Score, int Rank, double Distance);

/// <summary>A unit's decomposition, strengths, weaknesses and nearest peers.</summary>
public sealed record UnitDetail(
    string Code, string Name, string Framework, int Version, string Period, string Group, double Score, int Rank, int Tier, int Units,
    bool ContributionsExact, IReadOnlyList<DimensionContribution> Dimensions, IReadOnlyList<IndicatorContribution> Strengths,
    IReadOnlyList<IndicatorContribution> Weaknesses, IReadOnlyList<PeerView> Peers, RankIntervalView? Interval);

/// <summary>A parsed and checked run.</summary>
public sealed record RunSpec(
    EvaluationFramework Framework, StatPeriod Period, string Group, EvaluationOptions Options, StatPeriod? Compare,
    int Replications, int Sensitivity, bool Decomposition);

/// <summary>The outcome of a run: the response (null when it could not rank) or the reason, plus what is missing.</summary>
public sealed record RunOutcome(RankingResponse? Response, EvaluationResult? Result, Bilingual? Problem, IReadOnlyList<MissingIndicator> Missing)
{
    internal EvaluationData? Data { get; init; }

    internal IReadOnlyDictionary<string, string> Names { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    internal IReadOnlyList<RankInterval>? Intervals { get; init; }
}

/// <summary>One editable node row of the framework editor (flat, with its parent's code).</summary>
public sealed record NodeInput
{
    public string? Code { get; set; }

    public string? Parent { get; set; }

    public string? NameZh { get; set; }

    public string? NameEn { get; set; }

    public string? Weight { get; set; }

    public string? Indicator { get; set; }

    public string? Direction { get; set; }

    public string? Denominator { get; set; }

    public string? Aggregation { get; set; }

    public string? Power { get; set; }

    public bool Remove { get; set; }

    /// <summary>The editor's row for an existing node.</summary>
    public static NodeInput From(FrameworkNodeView n)
    {
        ArgumentNullException.ThrowIfNull(n);
        return new()
        {
            Code = n.Code,
            Parent = n.Parent,
            NameZh = n.NameZh,
            NameEn = n.NameEn,
            Weight = n.Weight.ToString("R", CultureInfo.InvariantCulture),
            Indicator = n.Indicator,
            Direction = n.Direction,
            Denominator = n.Denominator,
            Aggregation = n.Aggregation,
            Power = n.Power.ToString("R", CultureInfo.InvariantCulture),
        };
    }
}

/// <summary>
/// Reads and writes behind the 综合评价 pages and <c>/api/rankings</c>: frameworks (stored versions and the built-in one),
/// peer groups, a ranking run (<see cref="EvaluationDataLoader"/> + <see cref="EvaluationPipeline"/> + <see cref="Uncertainty"/>),
/// a unit's decomposition, and saving a framework as a new version through <see cref="FrameworkStore"/>.
/// </summary>
public static class RankingViews
{
    /// <summary>Replications and sensitivity sample sizes above these are refused (a web request, not a batch job).</summary>
    public const int MaxReplications = 5000;

    public const int MaxSensitivity = 1000;

    /// <summary>
    /// Work budgets in unit-evaluations, so a request stays around a second or two on a 2-core server
    /// (docs/benchmarks.md, <c>RankingRequestBenchmarks</c>: 2,978 units × 30 indicators at N = 1,000 took 25 s).
    /// Monte Carlo: replications × units; sensitivity: N × (dimensions + 2) × units.
    /// </summary>
    public const long MaxMonteCarloWork = 5_000_000;

    public const long MaxSensitivityWork = 3_000_000;

    /// <summary>The reason a run is too heavy for one request, or null.</summary>
    public static Bilingual? WorkProblem(int units, int dimensions, int replications, int sensitivity)
    {
        long mc = (long)replications * units;
        if (mc > MaxMonteCarloWork)
        {
            long max = MaxMonteCarloWork / Math.Max(units, 1);
            return new Bilingual(
                $"{units}个单元做{replications}次蒙特卡洛计算量过大，请减至{max}次以内",
                $"{replications} Monte Carlo replications for {units} units is too much for one request; use at most {max}");
        }

        long sens = (long)sensitivity * (dimensions + 2) * units;
        if (sens > MaxSensitivityWork)
        {
            long max = MaxSensitivityWork / ((long)(dimensions + 2) * Math.Max(units, 1));
            return new Bilingual(
                $"{units}个单元的灵敏度样本{sensitivity}计算量过大，请减至{max}以内",
                $"a sensitivity sample of {sensitivity} for {units} units is too much for one request; use at most {max}");
        }

        return null;
    }

    public static string BuiltInName => EvaluationFramework.Top100Illustration.Name;

    public static IReadOnlyDictionary<NormalizationMethod, (string Zh, string En)> NormalizationNames { get; } = new Dictionary<NormalizationMethod, (string, string)>
    {
        [NormalizationMethod.MinMax] = ("极差标准化（1–100）", "min-max (1–100)"),
        [NormalizationMethod.ZScore] = ("Z 分数", "z-score"),
        [NormalizationMethod.Rank] = ("名次", "rank"),
        [NormalizationMethod.PercentileRank] = ("百分位名次（1–100）", "percentile rank (1–100)"),
        [NormalizationMethod.DistanceToMaximum] = ("距最大值（1–100）", "distance to maximum (1–100)"),
        [NormalizationMethod.Vector] = ("向量标准化", "vector"),
        [NormalizationMethod.Sum] = ("比重标准化", "sum"),
    };

    public static IReadOnlyDictionary<WeightSource, (string Zh, string En)> WeightNames { get; } = new Dictionary<WeightSource, (string, string)>
    {
        [WeightSource.Framework] = ("体系设定权重（专家）", "framework (expert) weights"),
        [WeightSource.Equal] = ("等权", "equal"),
        [WeightSource.Entropy] = ("熵权法", "entropy"),
        [WeightSource.EntropyMinMax] = ("熵权法（极差+0.0001）", "entropy (min-max + 0.0001)"),
        [WeightSource.Critic] = ("CRITIC 法", "CRITIC"),
        [WeightSource.StandardDeviation] = ("标准差法", "standard deviation"),
        [WeightSource.Pca] = ("主成分法", "PCA"),
    };

    public static IReadOnlyDictionary<AggregationMethod, (string Zh, string En)> AggregationNames { get; } = new Dictionary<AggregationMethod, (string, string)>
    {
        [AggregationMethod.Arithmetic] = ("加权算术平均", "weighted arithmetic mean"),
        [AggregationMethod.Geometric] = ("加权几何平均", "weighted geometric mean"),
        [AggregationMethod.Harmonic] = ("加权调和平均", "weighted harmonic mean"),
        [AggregationMethod.Generalized] = ("广义平均", "generalised mean"),
        [AggregationMethod.Topsis] = ("TOPSIS", "TOPSIS"),
        [AggregationMethod.Vikor] = ("VIKOR", "VIKOR"),
        [AggregationMethod.Copeland] = ("Copeland 计票", "Copeland"),
    };

    public static IReadOnlyDictionary<ImputationMethod, (string Zh, string En)> ImputationNames { get; } = new Dictionary<ImputationMethod, (string, string)>
    {
        [ImputationMethod.Median] = ("中位数插补", "median"),
        [ImputationMethod.Mean] = ("均值插补", "mean"),
        [ImputationMethod.None] = ("不插补（缺数即报错）", "none (missing data is an error)"),
    };

    public static IReadOnlyDictionary<Denominator, (string Zh, string En)> DenominatorNames { get; } = new Dictionary<Denominator, (string, string)>
    {
        [Denominator.None] = ("总量", "as stored"),
        [Denominator.PerCapita] = ("人均（÷常住人口）", "per capita"),
        [Denominator.PerArea] = ("地均（÷面积）", "per km²"),
        [Denominator.PerGdp] = ("÷地区生产总值", "per unit of GDP"),
    };

    /// <summary>Only administrators and reviewers change methodology — the rule <see cref="FrameworkStore.SaveAsync"/> enforces.</summary>
    public static bool CanEditFrameworks(Actor actor) => actor.IsAdmin || actor.Roles.HasFlag(Role.Reviewer);

    /// <summary>Every stored version by name and version, then the built-in framework unless a version of it is stored.</summary>
    public static async Task<IReadOnlyList<FrameworkItem>> FrameworksAsync(BaiqiangDbContext db, CancellationToken ct)
    {
        var rows = await FrameworkStore.ListAsync(db, ct);
        var list = rows.Select(r =>
        {
            var fw = EvaluationFramework.FromJson(r.Document);
            return new FrameworkItem(r.Name, r.Version, fw.TitleZh, fw.TitleEn, r.CreatedBy, r.CreatedAt, false);
        }).ToList();
        if (!list.Exists(f => f.Name == BuiltInName))
        {
            var b = EvaluationFramework.Top100Illustration;
            list.Add(new FrameworkItem(b.Name, b.Version, b.TitleZh, b.TitleEn, "built-in", null, true));
        }

        return list;
    }

    /// <summary>A stored version (latest when <paramref name="version"/> is null), else the built-in framework by its name; null when neither.</summary>
    public static async Task<(EvaluationFramework Framework, FrameworkVersionEntity? Row)?> LoadFrameworkAsync(
        BaiqiangDbContext db, string name, int? version, CancellationToken ct)
    {
        var row = version is { } v
            ? await db.FrameworkVersions.AsNoTracking().FirstOrDefaultAsync(f => f.Name == name && f.Version == v, ct)
            : await FrameworkStore.LatestAsync(db, name, ct);
        if (row is not null)
        {
            return (EvaluationFramework.FromJson(row.Document), row);
        }

        if (name == BuiltInName && version is null or 1 && !await db.FrameworkVersions.AnyAsync(f => f.Name == name, ct))
        {
            return (EvaluationFramework.Top100Illustration, null);
        }

        return null;
    }

    /// <summary>The framework as a flat tree with effective weights, and its JSON document.</summary>
    public static FrameworkDetail Detail(EvaluationFramework fw, FrameworkVersionEntity? row)
    {
        ArgumentNullException.ThrowIfNull(fw);
        var nodes = new List<FrameworkNodeView>();
        void Walk(FrameworkNode n, string? parent, int depth, double share)
        {
            nodes.Add(new FrameworkNodeView(
                n.Code, parent, depth, n.NameZh, n.NameEn, n.Weight, share, n.Indicator,
                n.IsLeaf ? n.Direction.ToString() : null, n.IsLeaf ? n.Denominator.ToString() : null, n.IsLeaf ? null : n.Aggregation.ToString(), n.Power, n.IsLeaf));
            double total = n.Children.Sum(c => c.Weight);
            foreach (var c in n.Children)
            {
                Walk(c, n.Code, depth + 1, total > 0 ? share * c.Weight / total : 0);
            }
        }

        double top = fw.Dimensions.Sum(d => d.Weight);
        foreach (var d in fw.Dimensions)
        {
            Walk(d, null, 0, top > 0 ? d.Weight / top : 0);
        }

        using var doc = System.Text.Json.JsonDocument.Parse(fw.ToJson());
        return new FrameworkDetail(
            fw.Name, fw.Version, fw.TitleZh, fw.TitleEn, fw.Note, fw.Aggregation.ToString(), row is null && fw.Name == BuiltInName,
            row?.CreatedBy, row?.CreatedAt, nodes, doc.RootElement.Clone());
    }

    /// <summary>Stored peer groups with their member counts.</summary>
    public static async Task<IReadOnlyList<GroupItem>> GroupsAsync(BaiqiangDbContext db, CancellationToken ct)
    {
        var groups = await db.PeerGroups.AsNoTracking().Select(g => new { g.Id, g.NameZh, g.NameEn, g.Kind, Members = g.Members.Count }).ToListAsync(ct);
        return [.. groups.OrderBy(g => g.Kind).ThenBy(g => g.Id, StringComparer.Ordinal).Select(g => new GroupItem(g.Id, g.NameZh, g.NameEn, g.Kind.ToString(), g.Members))];
    }

    /// <summary>Checks a run query: framework exists, period and comparison period parse, options are known names, sizes in range.</summary>
    public static async Task<(RunSpec? Spec, Dictionary<string, string[]> Errors)> ParseAsync(BaiqiangDbContext db, RunQuery q, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(q);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Error(string key, string zh, string en) => errors[key] = [$"{zh} / {en}"];

        var name = string.IsNullOrWhiteSpace(q.Framework) ? BuiltInName : q.Framework.Trim();
        var loaded = await LoadFrameworkAsync(db, name, q.Version, ct);
        if (loaded is null)
        {
            Error("framework", $"找不到指标体系“{name}”" + (q.Version is { } v ? $"第{v.ToString(CultureInfo.InvariantCulture)}版" : string.Empty),
                $"no framework '{name}'" + (q.Version is { } v2 ? $" version {v2.ToString(CultureInfo.InvariantCulture)}" : string.Empty));
        }

        StatPeriod period = default;
        if (string.IsNullOrWhiteSpace(q.Period))
        {
            Error("period", "请填写期别（如 2024）", "give a period (e.g. 2024)");
        }
        else if (StatPeriod.TryParseCanonical(q.Period.Trim()) is { } p && p.Success)
        {
            period = p.Value;
        }
        else
        {
            Error("period", $"期别“{q.Period}”无法识别（如 2024、2024-01..06）", $"unreadable period '{q.Period}' (e.g. 2024, 2024-01..06)");
        }

        StatPeriod? compare = null;
        if (!string.IsNullOrWhiteSpace(q.Compare))
        {
            var c = StatPeriod.TryParseCanonical(q.Compare.Trim());
            if (c.Success)
            {
                compare = c.Value;
            }
            else
            {
                Error("compare", $"对比期别“{q.Compare}”无法识别", $"unreadable comparison period '{q.Compare}'");
            }
        }

        var group = string.IsNullOrWhiteSpace(q.Group) ? string.Empty : q.Group.Trim();
        if (group.Length == 0)
        {
            Error("group", "请选择对比组（如 pref:510500）", "choose a peer group (e.g. pref:510500)");
        }

        var norm = ParseEnum(q.Normalization, NormalizationMethod.MinMax, "normalization", "标准化方法", "normalisation", errors);
        var weights = ParseEnum(q.Weights, WeightSource.Framework, "weights", "赋权方法", "weights method", errors);
        var imputation = ParseEnum(q.Imputation, ImputationMethod.Median, "imputation", "插补方法", "imputation", errors);
        AggregationMethod? aggregation = string.IsNullOrWhiteSpace(q.Aggregation) ? null : ParseEnum(q.Aggregation, AggregationMethod.Arithmetic, "aggregation", "合成方法", "aggregation", errors);
        int tiers = q.Tiers ?? 5;
        if (tiers is < 1 or > 10)
        {
            Error("tiers", "梯队数应在1至10之间", "tiers must be between 1 and 10");
        }

        int reps = q.Replications ?? 0;
        if (reps < 0 || reps > MaxReplications)
        {
            Error("replications", $"蒙特卡洛次数应在0至{MaxReplications}之间", $"replications must be between 0 and {MaxReplications}");
        }

        int sens = q.Sensitivity ?? 0;
        if (sens is < 0 or 1 || sens > MaxSensitivity)
        {
            Error("sensitivity", $"灵敏度样本数应为0或2至{MaxSensitivity}", $"sensitivity sample size must be 0 or 2 to {MaxSensitivity}");
        }

        if (errors.Count > 0 || loaded is not { } l)
        {
            return (null, errors);
        }

        var fw = l.Framework;
        if (aggregation is { } a && a != fw.Aggregation)
        {
            fw = new EvaluationFramework
            {
                Name = fw.Name, Version = fw.Version, TitleZh = fw.TitleZh, TitleEn = fw.TitleEn, Note = fw.Note, Aggregation = a, Dimensions = fw.Dimensions,
            };
        }

        var options = new EvaluationOptions { Normalization = norm, IndicatorWeights = weights, Imputation = imputation, TierCount = tiers };
        return (new RunSpec(fw, period, group, options, compare, reps, sens, q.Decomposition == true), errors);
    }

    /// <summary>
    /// Loads the group's figures, runs the pipeline (and the comparison period, Monte Carlo and sensitivity when asked).
    /// When the data cannot be ranked the outcome carries the reason and, per indicator, the regions without a figure.
    /// </summary>
    public static async Task<RunOutcome> RunAsync(BaiqiangDbContext db, RunSpec spec, string? censusCsv, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var fw = spec.Framework;
        EvaluationData data;
        IReadOnlyDictionary<string, string> names;
        try
        {
            // The loader creates a missing pref:NNNNNN group from the region tables (derived, not user data), which needs tracking.
            db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.TrackAll;
            (data, names) = await EvaluationDataLoader.LoadAsync(db, fw, spec.Period, spec.Group, censusCsv, ct);
        }
        catch (EvaluationException e)
        {
            return new RunOutcome(null, null, e.Reason, []);
        }
        catch (InvalidOperationException)
        {
            return new RunOutcome(null, null, new Bilingual($"对比组“{spec.Group}”不存在", $"peer group '{spec.Group}' does not exist"), []);
        }

        if (WorkProblem(data.Units.Count, fw.Dimensions.Count, spec.Replications, spec.Sensitivity) is { } tooMuch)
        {
            return new RunOutcome(null, null, tooMuch, []);
        }

        var catalogue = await CatalogueAsync(db, ct);
        var missing = Missing(fw, data, names, catalogue);
        EvaluationResult result;
        try
        {
            result = EvaluationPipeline.Run(fw, data, spec.Options);
        }
        catch (EvaluationException e)
        {
            return new RunOutcome(null, null, e.Reason, missing) { Data = data, Names = names };
        }

        var notes = new List<string>();
        IReadOnlyList<RankChange>? changes = null;
        if (spec.Compare is { } compare)
        {
            try
            {
                var (before, _) = await EvaluationDataLoader.LoadAsync(db, fw, compare, spec.Group, censusCsv, ct);
                changes = RankChanges.Between(result, EvaluationPipeline.Run(fw, before, spec.Options));
            }
            catch (EvaluationException e)
            {
                notes.Add($"对比期别 {compare} 无法排名：{e.Reason.Zh} / the comparison period {compare} cannot be ranked: {e.Reason.En}");
            }
        }

        IReadOnlyList<RankInterval>? intervals = null;
        if (spec.Replications > 0)
        {
            intervals = Uncertainty.MonteCarlo(fw, data, spec.Options, new UncertaintyOptions { Replications = spec.Replications });
        }

        IReadOnlyList<SensitivityRow>? sensitivity = null;
        if (spec.Sensitivity > 0)
        {
            sensitivity = [.. Uncertainty.Sensitivity(fw, data, spec.Options, new UncertaintyOptions { Replications = spec.Sensitivity })
                .Select(s => SensitivityName(fw, s))];
        }

        var leafByCode = fw.Indicators().ToDictionary(l => l.Code, StringComparer.Ordinal);
        var availability = new Dictionary<string, double>(StringComparer.Ordinal);
        for (int i = 0; i < data.Units.Count; i++)
        {
            availability[data.Units[i]] = result.Checks.UnitAvailability[i];
        }

        var imputedByUnit = result.Imputed.GroupBy(c => c.Unit).ToDictionary(g => g.Key, g => g.Count());
        var dims = fw.Dimensions.Where(d => !d.IsLeaf).ToList();
        double dimTotal = fw.Dimensions.Sum(d => d.Weight);
        var rows = Enumerable.Range(0, result.Units.Count).OrderBy(i => result.Ranks[i]).ThenBy(i => result.Units[i], StringComparer.Ordinal).Select(i =>
        {
            var code = result.Units[i];
            var change = changes?[i];
            var interval = intervals?[i];
            return new RankingRow(
                code, Name(names, code), result.Scores[i], result.Ranks[i], result.Tiers[i],
                dims.ToDictionary(d => d.Code, d => result.NodeScores[d.Code][i], StringComparer.Ordinal),
                availability.GetValueOrDefault(code), imputedByUnit.GetValueOrDefault(i), change?.PreviousRank, change?.Change,
                interval is null ? null : new RankIntervalView(interval.P5, interval.MedianRank, interval.P95, interval.MeanRank),
                spec.Decomposition ? Enumerable.Range(0, result.IndicatorCodes.Count).ToDictionary(j => result.IndicatorCodes[j], j => result.Contributions[i, j], StringComparer.Ordinal) : null);
        }).ToList();

        var imputed = result.Imputed.Select(c =>
        {
            var unit = result.Units[c.Unit];
            var leaf = leafByCode[result.IndicatorCodes[c.Indicator]];
            return new ImputedView(unit, Name(names, unit), leaf.Code, leaf.NameZh, leaf.NameEn, c.Method, c.Value);
        }).ToList();
        var indicatorNotes = new List<IndicatorNote>();
        foreach (var check in result.Checks.Indicators)
        {
            var leaf = leafByCode[check.Indicator];
            var treatment = result.Treatments.FirstOrDefault(t => result.IndicatorCodes[t.Indicator] == check.Indicator);
            if (check.LowAvailabilityFlag || treatment is { Kind: not TreatmentKind.None })
            {
                indicatorNotes.Add(new IndicatorNote(leaf.Code, leaf.NameZh, leaf.NameEn, check.Availability, treatment?.Kind.ToString() ?? nameof(TreatmentKind.None)));
            }
        }

        if (!result.ContributionsExact)
        {
            notes.Add("非全部算术平均合成，指标贡献仅供参考 / not every level is an arithmetic mean, so contributions are indicative");
        }

        var warnings = new DataWarnings([.. result.DroppedUnits.Select(u => $"{Name(names, u)}（{u}）")], imputed, indicatorNotes, missing, notes);
        var groupName = await db.PeerGroups.AsNoTracking().Where(g => g.Id == spec.Group).Select(g => g.NameZh).FirstOrDefaultAsync(ct) ?? spec.Group;
        var response = new RankingResponse(
            fw.Name, fw.Version, fw.TitleZh, fw.TitleEn, fw.Note, spec.Period.ToString(), spec.Group, groupName, spec.Compare?.ToString(),
            new RunOptionsView(spec.Options.Normalization.ToString(), spec.Options.IndicatorWeights.ToString(), fw.Aggregation.ToString(),
                spec.Options.Imputation.ToString(), spec.Options.TierCount, spec.Replications, spec.Sensitivity),
            result.ContributionsExact,
            [.. fw.Dimensions.Select(d => new DimensionInfo(d.Code, d.NameZh, d.NameEn, dimTotal > 0 ? d.Weight / dimTotal : 0))],
            rows, warnings, sensitivity);
        return new RunOutcome(response, result, null, missing) { Data = data, Names = names, Intervals = intervals };
    }

    /// <summary>Unit <paramref name="code"/>'s decomposition from a successful run; null when the unit was not ranked.</summary>
    public static UnitDetail? Unit(RunOutcome outcome, string code, int peers = 5)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.Result is not { } r || outcome.Response is not { } resp || outcome.Data is not { } data)
        {
            return null;
        }

        int i = r.IndexOf(code);
        if (i < 0)
        {
            return null;
        }

        var fw = r.Framework;
        var leaves = fw.Indicators();
        int raw = -1;
        for (int k = 0; k < data.Units.Count; k++)
        {
            if (data.Units[k] == code)
            {
                raw = k;
            }
        }

        var imputed = r.Imputed.Where(c => c.Unit == i).Select(c => c.Indicator).ToHashSet();
        var dimensionOf = new Dictionary<string, FrameworkNode>(StringComparer.Ordinal);
        foreach (var d in fw.Dimensions)
        {
            foreach (var leaf in Leaves(d))
            {
                dimensionOf[leaf.Code] = d;
            }
        }

        var contributions = new List<IndicatorContribution>();
        for (int j = 0; j < r.IndicatorCodes.Count; j++)
        {
            var leaf = leaves[j];
            int better = 0;
            for (int k = 0; k < r.Units.Count; k++)
            {
                if (r.Normalised[k, j] > r.Normalised[i, j] + Ranking.TieTolerance)
                {
                    better++;
                }
            }

            double? value = imputed.Contains(j) ? null : InputValue(data, raw, leaf);
            contributions.Add(new IndicatorContribution(
                leaf.Code, leaf.Indicator!, leaf.NameZh, leaf.NameEn, dimensionOf[leaf.Code].Code, value, imputed.Contains(j), r.Normalised[i, j],
                r.EffectiveWeights[j], r.Contributions[i, j], better + 1));
        }

        var byCode = contributions.ToDictionary(c => c.Code, StringComparer.Ordinal);
        var profile = r.Profile(i);
        var dims = fw.Dimensions.Select(d => new DimensionContribution(
            d.Code, d.NameZh, d.NameEn,
            r.NodeScores.TryGetValue(d.Code, out var s) ? s[i] : byCode[d.Code].Normalised,
            contributions.Where(c => c.Dimension == d.Code).Sum(c => c.Contribution),
            [.. contributions.Where(c => c.Dimension == d.Code)])).ToList();
        var interval = outcome.Intervals?[i] is { } iv ? new RankIntervalView(iv.P5, iv.MedianRank, iv.P95, iv.MeanRank) : null;
        return new UnitDetail(
            code, Name(outcome.Names, code), fw.Name, fw.Version, resp.Period, resp.Group, r.Scores[i], r.Ranks[i], r.Tiers[i], r.Units.Count,
            r.ContributionsExact, dims, [.. profile.Strengths.Select(c => byCode[c])], [.. profile.Weaknesses.Select(c => byCode[c])],
            [.. r.NearestPeers(i, peers).Select(p => new PeerView(p.Unit, Name(outcome.Names, p.Unit), r.Scores[r.IndexOf(p.Unit)], p.Rank, p.Distance))],
            interval);
    }

    /// <summary>
    /// Problems a framework has beyond <see cref="EvaluationFramework.Validate"/>: an indicator code the catalogue does not
    /// know, and a direction opposite to the catalogue's (e.g. 越小越好 for GDP). Each is "中文 / English".
    /// </summary>
    public static async Task<IReadOnlyList<string>> CatalogueProblemsAsync(BaiqiangDbContext db, EvaluationFramework fw, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(fw);
        var catalogue = await CatalogueAsync(db, ct);
        var problems = new List<string>();
        foreach (var leaf in fw.Indicators())
        {
            if (!catalogue.TryGetValue(leaf.Indicator!, out var known))
            {
                problems.Add($"节点“{leaf.Code}”的指标代码“{leaf.Indicator}”不在指标目录中 / node '{leaf.Code}': unknown indicator code '{leaf.Indicator}'");
            }
            else if (known.Direction is Direction.HigherIsBetter or Direction.LowerIsBetter && leaf.Direction != known.Direction)
            {
                problems.Add($"节点“{leaf.Code}”的方向（{DirectionZh(leaf.Direction)}）与指标目录中“{known.NameZh}”的方向（{DirectionZh(known.Direction)}）相反 / "
                    + $"node '{leaf.Code}': direction {leaf.Direction} contradicts the catalogue's {known.Direction} for '{known.NameEn}'");
            }
        }

        return problems;
    }

    /// <summary>
    /// Validates <paramref name="fw"/> (tree rules, catalogue) and stores it as the next version of its name. Saving a
    /// changed copy of the built-in framework first stores the built-in as version 1, so the original stays reproducible.
    /// Returns the stored item and whether a new version was added (false: identical to the latest), or the errors.
    /// Throws <see cref="AccessDeniedException"/> for roles that may not change frameworks.
    /// </summary>
    public static async Task<(FrameworkItem? Item, bool Added, IReadOnlyList<string> Errors)> SaveAsync(
        BaiqiangDbContext db, Actor actor, EvaluationFramework fw, TimeProvider clock, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(fw);
        if (!CanEditFrameworks(actor))
        {
            throw new AccessDeniedException(new Bilingual(
                $"“{actor.Name}”无权修改评价指标体系（需管理员或审核人）", $"'{actor.Name}' may not change evaluation frameworks (admin or reviewer only)"));
        }

        try
        {
            fw.Validate();
        }
        catch (EvaluationException e)
        {
            return (null, false, [e.Message]);
        }

        var problems = await CatalogueProblemsAsync(db, fw, ct);
        if (problems.Count > 0)
        {
            return (null, false, problems);
        }

        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.TrackAll;
        var before = await FrameworkStore.LatestAsync(db, fw.Name, ct);
        if (before is null && fw.Name == BuiltInName)
        {
            before = await FrameworkStore.SaveAsync(db, EvaluationFramework.Top100Illustration, actor, clock, ct);
        }

        var row = await FrameworkStore.SaveAsync(db, fw, actor, clock, ct);
        var saved = EvaluationFramework.FromJson(row.Document);
        return (new FrameworkItem(row.Name, row.Version, saved.TitleZh, saved.TitleEn, row.CreatedBy, row.CreatedAt, false), row.Version != before?.Version, []);
    }

    /// <summary>
    /// Rebuilds a framework from the editor's flat rows (each names its parent's code; rows marked Remove are dropped with
    /// their children). Returns the framework or "中文 / English" errors by row; <see cref="EvaluationFramework.Validate"/> is not run here.
    /// </summary>
    public static (EvaluationFramework? Framework, IReadOnlyList<string> Errors) FromRows(
        string name, string titleZh, string titleEn, string note, string aggregation, IReadOnlyList<NodeInput> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var errors = new List<string>();
        var kept = rows.Where(r => !r.Remove && !string.IsNullOrWhiteSpace(r.Code)).ToList();
        var removed = rows.Where(r => r.Remove && !string.IsNullOrWhiteSpace(r.Code)).Select(r => r.Code!.Trim()).ToHashSet(StringComparer.Ordinal);
        var byParent = new Dictionary<string, List<(int Line, NodeInput Row)>>(StringComparer.Ordinal);
        var codes = new HashSet<string>(StringComparer.Ordinal);
        for (int k = 0; k < kept.Count; k++)
        {
            var code = kept[k].Code!.Trim();
            if (!codes.Add(code))
            {
                errors.Add($"节点代码“{code}”重复 / node code '{code}' is duplicated");
            }

            var parent = kept[k].Parent?.Trim() ?? string.Empty;
            if (!byParent.TryGetValue(parent, out var list))
            {
                byParent[parent] = list = [];
            }

            list.Add((k + 1, kept[k]));
        }

        foreach (var (parent, list) in byParent)
        {
            if (parent.Length > 0 && !codes.Contains(parent) && !removed.Contains(parent))
            {
                errors.Add($"节点“{list[0].Row.Code}”的上级“{parent}”不存在 / node '{list[0].Row.Code}': parent '{parent}' does not exist");
            }
        }

        var visiting = new HashSet<string>(StringComparer.Ordinal);
        List<FrameworkNode> Build(string parent)
        {
            if (!byParent.TryGetValue(parent, out var list))
            {
                return [];
            }

            var result = new List<FrameworkNode>();
            foreach (var (_, r) in list)
            {
                var code = r.Code!.Trim();
                if (!visiting.Add(code))
                {
                    errors.Add($"节点“{code}”成环 / node '{code}' forms a cycle");
                    continue;
                }

                double weight = ParseDouble(r.Weight, 1, code, "权重", "weight", errors);
                double power = ParseDouble(r.Power, 1, code, "指数", "power", errors);
                var indicator = string.IsNullOrWhiteSpace(r.Indicator) ? null : r.Indicator.Trim();
                var children = Build(code);
                result.Add(new FrameworkNode
                {
                    Code = code,
                    NameZh = r.NameZh?.Trim() ?? string.Empty,
                    NameEn = r.NameEn?.Trim() ?? string.Empty,
                    Weight = weight,
                    Power = power,
                    Indicator = children.Count > 0 ? null : indicator,
                    Direction = ParseEnum(r.Direction, Direction.HigherIsBetter, code, errors),
                    Denominator = ParseEnum(r.Denominator, Denominator.None, code, errors),
                    Aggregation = ParseEnum(r.Aggregation, AggregationMethod.Arithmetic, code, errors),
                    Children = children,
                });
            }

            return result;
        }

        var dims = Build(string.Empty);
        var orphans = codes.Count - visiting.Count;
        if (orphans > 0 && errors.Count == 0)
        {
            errors.Add("有节点无法挂到体系树上 / some nodes are not reachable from the top level");
        }

        var fw = new EvaluationFramework
        {
            Name = name.Trim(),
            TitleZh = titleZh.Trim(),
            TitleEn = titleEn.Trim(),
            Note = note.Trim(),
            Aggregation = ParseEnum(aggregation, AggregationMethod.Arithmetic, "(top)", errors),
            Dimensions = dims,
        };
        return errors.Count > 0 ? (null, errors) : (fw, errors);
    }

    /// <summary>The display name of an option given by its enum name (the name itself when unknown).</summary>
    public static string OptionLabel<T>(IReadOnlyDictionary<T, (string Zh, string En)> names, string value, bool en)
        where T : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(names);
        return Enum.TryParse<T>(value, out var e) && names.TryGetValue(e, out var n) ? (en ? n.En : n.Zh) : value;
    }

    /// <summary>"中文 / English" → the user's half.</summary>
    public static string Pick(string message, bool en) => message.Split(" / ", 2) is [var zh, var english] ? (en ? english : zh) : message;

    public static string DirectionZh(Direction d) => d switch
    {
        Direction.LowerIsBetter => "越小越好",
        Direction.HigherIsBetter => "越大越好",
        _ => "中性",
    };

    private static IEnumerable<FrameworkNode> Leaves(FrameworkNode n) => n.IsLeaf ? [n] : n.Children.SelectMany(Leaves);

    private static string Name(IReadOnlyDictionary<string, string> names, string code) => names.TryGetValue(code, out var n) ? n : code;

    /// <summary>The value the pipeline ranked: the stored figure, divided by its denominator for per-capita / per-area / per-GDP leaves.</summary>
    private static double? InputValue(EvaluationData data, int row, FrameworkNode leaf)
    {
        if (row < 0)
        {
            return null;
        }

        int col = -1, gdp = -1;
        for (int j = 0; j < data.Indicators.Count; j++)
        {
            if (data.Indicators[j] == leaf.Indicator && col < 0)
            {
                col = j;
            }

            if (data.Indicators[j] == "gdp" && gdp < 0)
            {
                gdp = j;
            }
        }

        if (col < 0)
        {
            return null;
        }

        double v = data.Values[row, col];
        double d = leaf.Denominator switch
        {
            Denominator.PerCapita => data.Population?[row] ?? double.NaN,
            Denominator.PerArea => data.Area?[row] ?? double.NaN,
            Denominator.PerGdp => data.Gdp?[row] ?? (gdp >= 0 ? data.Values[row, gdp] : double.NaN),
            _ => 1,
        };
        double x = leaf.Denominator == Denominator.None ? v : d > 0 ? v / d : double.NaN;
        return double.IsFinite(x) ? x : null;
    }

    private static async Task<Dictionary<string, Indicator>> CatalogueAsync(BaiqiangDbContext db, CancellationToken ct)
        => (await db.Indicators.AsNoTracking().ToListAsync(ct)).ToDictionary(i => i.Code.Value, i => i.ToIndicator(), StringComparer.Ordinal);

    /// <summary>Per framework indicator (and population for per-capita leaves), the units without a figure for the period.</summary>
    private static List<MissingIndicator> Missing(
        EvaluationFramework fw, EvaluationData data, IReadOnlyDictionary<string, string> names, Dictionary<string, Indicator> catalogue)
    {
        var list = new List<MissingIndicator>();
        int m = data.Units.Count;
        void Add(string code, Func<int, bool> has)
        {
            var lacking = Enumerable.Range(0, m).Where(i => !has(i)).Select(i => Name(names, data.Units[i])).ToList();
            if (lacking.Count > 0)
            {
                catalogue.TryGetValue(code, out var ind);
                list.Add(new MissingIndicator(code, ind?.NameZh ?? code, ind?.NameEn ?? code, ind?.Unit.Symbol ?? string.Empty, m - lacking.Count, m, lacking));
            }
        }

        for (int j = 0; j < data.Indicators.Count; j++)
        {
            int col = j;
            Add(data.Indicators[j], i => !double.IsNaN(data.Values[i, col]));
        }

        if (fw.Indicators().Any(l => l.Denominator == Denominator.PerCapita) && data.Population is { } pop)
        {
            Add(EvaluationDataLoader.PopulationIndicator, i => double.IsFinite(pop[i]) && pop[i] > 0);
        }

        return list;
    }

    private static SensitivityRow SensitivityName(EvaluationFramework fw, SensitivityIndex s)
    {
        if (s.Input.StartsWith("weight:", StringComparison.Ordinal))
        {
            var code = s.Input["weight:".Length..];
            var node = fw.Dimensions.FirstOrDefault(d => d.Code == code);
            return new SensitivityRow(s.Input, $"{node?.NameZh ?? code}权重", $"weight of {node?.NameEn ?? code}", s.FirstOrder, s.Total);
        }

        return s.Input == "normalisation"
            ? new SensitivityRow(s.Input, "标准化方法", "normalisation method", s.FirstOrder, s.Total)
            : new SensitivityRow(s.Input, "顶层合成方法", "top-level aggregation", s.FirstOrder, s.Total);
    }

    private static T ParseEnum<T>(string? text, T fallback, string key, string zh, string en, Dictionary<string, string[]> errors)
        where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        var name = Enum.GetNames<T>().FirstOrDefault(n => string.Equals(n, text.Trim(), StringComparison.OrdinalIgnoreCase));
        if (name is null)
        {
            errors[key] = [$"{zh}“{text}”无效（可选：{string.Join("、", Enum.GetNames<T>())}） / unknown {en} '{text}' (one of {string.Join(", ", Enum.GetNames<T>())})"];
            return fallback;
        }

        return Enum.Parse<T>(name);
    }

    private static T ParseEnum<T>(string? text, T fallback, string code, List<string> errors)
        where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        var t = text.Trim();
        if (typeof(T) == typeof(Direction) && t is "+" or "-")
        {
            return (T)(object)(t == "+" ? Direction.HigherIsBetter : Direction.LowerIsBetter);
        }

        var name = Enum.GetNames<T>().FirstOrDefault(n => string.Equals(n, t, StringComparison.OrdinalIgnoreCase));
        if (name is null)
        {
            errors.Add($"节点“{code}”的取值“{t}”无效 / node '{code}': invalid value '{t}'");
            return fallback;
        }

        return Enum.Parse<T>(name);
    }

    private static double ParseDouble(string? text, double fallback, string code, string zh, string en, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v))
        {
            return v;
        }

        errors.Add($"节点“{code}”的{zh}“{text}”不是数值 / node '{code}': {en} '{text}' is not a number");
        return fallback;
    }
}
