using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Baiqiang.Core.Indicators;

namespace Baiqiang.Core.Evaluation;

/// <summary>How a framework node combines its children's (normalised, higher-is-better) scores.</summary>
public enum AggregationMethod
{
    /// <summary>Weighted arithmetic mean Σ w x.</summary>
    Arithmetic = 0,
    /// <summary>Weighted geometric mean Π x^w (children must be &gt; 0).</summary>
    Geometric = 1,
    /// <summary>Weighted harmonic mean 1 / Σ (w / x) (children must be &gt; 0).</summary>
    Harmonic = 2,
    /// <summary>Weighted generalised mean (Σ w x^p)^(1/p) with the node's <see cref="FrameworkNode.Power"/>.</summary>
    Generalized = 3,
    /// <summary>TOPSIS closeness on the children (min-max variant), scaled to the children's range 0–100.</summary>
    Topsis = 4,
    /// <summary>VIKOR: 100 × (1 − Q) so that higher is better.</summary>
    Vikor = 5,
    /// <summary>Copeland: wins − losses, rescaled to 0–100.</summary>
    Copeland = 6,
}

/// <summary>What an indicator is divided by before treatment (denomination).</summary>
public enum Denominator
{
    /// <summary>Used as stored.</summary>
    None = 0,
    /// <summary>Divided by resident population (万人) — per capita.</summary>
    PerCapita = 1,
    /// <summary>Divided by land area (km²).</summary>
    PerArea = 2,
    /// <summary>Divided by GDP (亿元) — intensity or share.</summary>
    PerGdp = 3,
}

/// <summary>
/// One node of an indicator tree: a dimension or sub-dimension (with <see cref="Children"/>) or an indicator
/// leaf (with <see cref="Indicator"/>, <see cref="Direction"/> and optional <see cref="Denominator"/>).
/// </summary>
public sealed class FrameworkNode
{
    /// <summary>A code unique within the framework (<c>econ</c>, <c>gdp</c>).</summary>
    public string Code { get; init; } = string.Empty;

    public string NameZh { get; init; } = string.Empty;

    public string NameEn { get; init; } = string.Empty;

    /// <summary>Weight among siblings (≥ 0; siblings are renormalised to sum to 1).</summary>
    public double Weight { get; init; } = 1;

    /// <summary>For a leaf: the indicator code in the store (the store's <see cref="Baiqiang.Core.Indicators.Catalogue"/>); null for a group.</summary>
    public string? Indicator { get; init; }

    /// <summary>For a leaf: whether more is better.</summary>
    public Direction Direction { get; init; } = Direction.HigherIsBetter;

    /// <summary>For a leaf: what the raw value is divided by.</summary>
    public Denominator Denominator { get; init; }

    /// <summary>For a group: how its children are combined.</summary>
    public AggregationMethod Aggregation { get; init; }

    /// <summary>Exponent p for <see cref="AggregationMethod.Generalized"/>.</summary>
    public double Power { get; init; } = 1;

    /// <summary>Sub-dimensions or indicators; empty for a leaf.</summary>
    public IReadOnlyList<FrameworkNode> Children { get; init; } = [];

    [JsonIgnore]
    public bool IsLeaf => Children.Count == 0;
}

/// <summary>
/// A versioned indicator framework (dimension → sub-dimension → indicator) with weights, directions, denominators
/// and an aggregation method per group. JSON is the canonical form (<see cref="ToJson"/>, <see cref="FromJson"/>).
/// </summary>
/// <remarks>
/// <see cref="Validate"/> (run by <see cref="FromJson"/> and the pipeline) checks: a name, at least one root,
/// unique node codes, every leaf names an indicator and has a direction other than Neutral, every group has
/// children, weights finite and ≥ 0 with a positive total among siblings, no indicator twice with the same denominator.
/// </remarks>
public sealed class EvaluationFramework
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string Name { get; init; } = string.Empty;

    public int Version { get; init; } = 1;

    public string TitleZh { get; init; } = string.Empty;

    public string TitleEn { get; init; } = string.Empty;

    /// <summary>Provenance note; the built-in framework says it illustrates, not reproduces, CCID's method.</summary>
    public string Note { get; init; } = string.Empty;

    /// <summary>How the top level (the dimensions) is combined into the index.</summary>
    public AggregationMethod Aggregation { get; init; }

    public IReadOnlyList<FrameworkNode> Dimensions { get; init; } = [];

    /// <summary>Leaves in depth-first order.</summary>
    public IReadOnlyList<FrameworkNode> Indicators()
    {
        var list = new List<FrameworkNode>();
        void Walk(FrameworkNode n)
        {
            if (n.IsLeaf)
            {
                list.Add(n);
                return;
            }

            foreach (var c in n.Children)
            {
                Walk(c);
            }
        }

        foreach (var d in Dimensions)
        {
            Walk(d);
        }

        return list;
    }

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    /// <summary>Parses and validates a framework document; malformed JSON or an invalid tree throws <see cref="EvaluationException"/>.</summary>
    public static EvaluationFramework FromJson(string json)
    {
        EvaluationFramework? f;
        try
        {
            f = JsonSerializer.Deserialize<EvaluationFramework>(json, JsonOptions);
        }
        catch (JsonException e)
        {
            throw EvaluationException.Of($"指标体系 JSON 格式错误：{e.Message}", $"malformed framework JSON: {e.Message}");
        }

        if (f is null)
        {
            throw EvaluationException.Of("指标体系 JSON 为空", "the framework JSON is empty");
        }

        f.Validate();
        return f;
    }

    /// <summary>Throws <see cref="EvaluationException"/> naming the first problem.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            throw EvaluationException.Of("指标体系缺少名称", "the framework has no name");
        }

        if (Dimensions.Count == 0)
        {
            throw EvaluationException.Of($"指标体系“{Name}”没有维度", $"framework '{Name}' has no dimensions");
        }

        var codes = new HashSet<string>(StringComparer.Ordinal);
        var indicators = new HashSet<string>(StringComparer.Ordinal);
        CheckSiblings(Dimensions, Name);
        void Walk(FrameworkNode n)
        {
            if (string.IsNullOrWhiteSpace(n.Code) || !codes.Add(n.Code))
            {
                throw EvaluationException.Of($"节点代码“{n.Code}”为空或重复", $"node code '{n.Code}' is empty or duplicated");
            }

            if (n.IsLeaf)
            {
                if (string.IsNullOrWhiteSpace(n.Indicator))
                {
                    throw EvaluationException.Of($"节点“{n.Code}”既无下级也未指定指标", $"node '{n.Code}' has neither children nor an indicator");
                }

                if (!indicators.Add($"{n.Indicator}/{n.Denominator}"))
                {
                    throw EvaluationException.Of(
                        $"指标“{n.Indicator}”以同一口径（{n.Denominator}）出现两次", $"indicator '{n.Indicator}' appears twice with the same denominator ({n.Denominator})");
                }

                if (n.Direction == Direction.Neutral)
                {
                    throw EvaluationException.Of($"指标“{n.Code}”的方向不能为中性", $"indicator '{n.Code}' needs a direction, not Neutral");
                }

                return;
            }

            if (n.Aggregation == AggregationMethod.Generalized && (!double.IsFinite(n.Power) || n.Power == 0))
            {
                throw EvaluationException.Of($"节点“{n.Code}”的广义平均指数须为非零有限数", $"node '{n.Code}' needs a finite non-zero power");
            }

            CheckSiblings(n.Children, n.Code);
            foreach (var c in n.Children)
            {
                Walk(c);
            }
        }

        foreach (var d in Dimensions)
        {
            Walk(d);
        }
    }

    private static void CheckSiblings(IReadOnlyList<FrameworkNode> siblings, string parent)
    {
        double total = 0;
        foreach (var s in siblings)
        {
            if (!double.IsFinite(s.Weight) || s.Weight < 0)
            {
                throw EvaluationException.Of(
                    $"节点“{s.Code}”的权重须为非负有限数（{s.Weight.ToString(CultureInfo.InvariantCulture)}）",
                    $"node '{s.Code}' weight must be finite and ≥ 0 ({s.Weight.ToString(CultureInfo.InvariantCulture)})");
            }

            total += s.Weight;
        }

        if (!(total > 0))
        {
            throw EvaluationException.Of($"“{parent}”的下级权重之和须大于0", $"the children of '{parent}' need a positive total weight");
        }
    }

    /// <summary>
    /// The built-in framework, modelled on the public structure of the top-100 county/district lists (经济实力,
    /// 增长潜力, 富裕程度, 绿色水平 …) using indicators the store holds. An illustration, NOT CCID's method.
    /// </summary>
    public static EvaluationFramework Top100Illustration { get; } = new()
    {
        Name = "top100-illustration",
        Version = 1,
        TitleZh = "百强县（区）综合评价（示意体系）",
        TitleEn = "Top-100 county/district composite (illustrative framework)",
        Note = "仿照公开百强榜单的维度结构（经济实力、增长潜力、富裕程度、绿色水平等）示意，并非赛迪顾问的评价方法 / "
            + "modelled on the public dimension structure of the top-100 lists for illustration; this is NOT CCID's method",
        Aggregation = AggregationMethod.Arithmetic,
        Dimensions =
        [
            Group("economic_strength", "经济实力", "economic strength", 0.35,
            [
                Leaf("gdp", "地区生产总值", "GDP", 0.3),
                Leaf("budget_revenue", "一般公共预算收入", "budget revenue", 0.25),
                Leaf("industrial_value_added", "规上工业增加值", "industrial value added", 0.2),
                Leaf("retail_sales", "社会消费品零售总额", "retail sales", 0.15),
                Leaf("deposits_balance", "存款余额", "deposits", 0.1),
            ]),
            Group("growth_potential", "增长潜力", "growth potential", 0.25,
            [
                Leaf("fixed_asset_investment", "固定资产投资", "fixed-asset investment", 0.3),
                Leaf("industrial_investment", "工业投资", "industrial investment", 0.2),
                Leaf("high_tech_output_share", "高新技术产业产值占比", "high-tech share", 0.25),
                Leaf("trade_total", "外贸进出口总额", "foreign trade", 0.25),
            ]),
            Group("affluence", "富裕程度", "affluence", 0.25,
            [
                Leaf("per_capita_disposable_income", "居民人均可支配收入", "disposable income per capita", 0.5),
                Leaf("gdp_pc", "人均地区生产总值", "GDP per capita", 0.3, indicator: "gdp", denominator: Denominator.PerCapita),
                Leaf("loans_balance", "金融机构贷款余额", "loans", 0.2),
            ]),
            Group("green_level", "绿色水平", "green level", 0.15,
            [
                Leaf("services_value_added", "服务业增加值", "services value added (per unit of GDP)", 1.0, denominator: Denominator.PerGdp),
            ]),
        ],
    };

    private static FrameworkNode Group(string code, string zh, string en, double w, IReadOnlyList<FrameworkNode> children)
        => new() { Code = code, NameZh = zh, NameEn = en, Weight = w, Children = children };

    private static FrameworkNode Leaf(
        string code, string zh, string en, double w, string? indicator = null, Denominator denominator = Denominator.None)
        => new()
        {
            Code = code,
            NameZh = zh,
            NameEn = en,
            Weight = w,
            Indicator = indicator ?? code,
            Denominator = denominator,
            Direction = Direction.HigherIsBetter,
        };
}
