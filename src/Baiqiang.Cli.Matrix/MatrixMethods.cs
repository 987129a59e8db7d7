using System.Globalization;
using Baiqiang.Core.Evaluation;
using Baiqiang.Core.Indicators;
using Baiqiang.Core.Text;

namespace Baiqiang.Cli.Evaluation;

/// <summary>The matrix-file half of <c>weights</c> and <c>rank --input</c>: parse options, compute, print CSV.</summary>
public static class MatrixMethods
{
    public const string WeightMethodsHelp =
        "entropy = 熵权法(pymcdm,原始矩阵须非负,忽略方向:p=x/Σx, E=−Σp·ln p/ln m, w∝1−E) / entropy on the raw matrix (pymcdm; non-negative; directions ignored); "
        + "entropy-minmax = 先按方向极差标准化再加0.0001(国内论文常用) / min-max with direction, +0.0001, then entropy; "
        + "critic = CRITIC(极差标准化后 σ_j·Σ(1−r_jk)) / CRITIC on min-max data: σ_j Σ_k (1 − r_jk); "
        + "std = 标准差法(极差标准化后 σ_j/Σσ) / standard deviation of min-max data; equal = 等权 / 1/n";

    public const string RankMethodsHelp =
        "topsis = TOPSIS 极差标准化版(x−min)/(max−min)(逆向 (max−x)/(max−min)),加权后贴近度 D⁻/(D⁺+D⁻),与 pymcdm 默认一致 / TOPSIS with min-max normalisation (pymcdm's default), closeness D⁻/(D⁺+D⁻); "
        + "topsis-vector = TOPSIS 向量标准化版 x/‖x‖(逆向 1−x/‖x‖) / classic vector-normalised TOPSIS; "
        + "vikor = VIKOR,得分为 Q(越小越好,v=0.5) / VIKOR, score = Q (lower is better, v = 0.5); "
        + "wsm = 极差标准化后加权求和 Σw·x / weighted sum of min-max normalised values; "
        + "copeland = Copeland 两两比较:胜场−负场 / Copeland pairwise wins − losses";

    public static IReadOnlyList<Direction> ParseDirections(string? text, int count)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Enumerable.Repeat(Direction.HigherIsBetter, count).ToArray();
        }

        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != count)
        {
            throw new EvaluationException(new Bilingual(
                $"方向个数（{parts.Length.ToString(CultureInfo.InvariantCulture)}）与指标个数（{count.ToString(CultureInfo.InvariantCulture)}）不一致",
                $"{parts.Length.ToString(CultureInfo.InvariantCulture)} directions for {count.ToString(CultureInfo.InvariantCulture)} indicators"));
        }

        return parts.Select((p, k) => p switch
        {
            "+" or "1" or "+1" => Direction.HigherIsBetter,
            "-" or "-1" => Direction.LowerIsBetter,
            _ => throw new EvaluationException(new Bilingual(
                $"第{(k + 1).ToString(CultureInfo.InvariantCulture)}个方向“{p}”无效，应为 + 或 -",
                $"direction #{(k + 1).ToString(CultureInfo.InvariantCulture)} '{p}' is invalid; use + or -")),
        }).ToArray();
    }

    public static double[] Weights(DecisionMatrix matrix, string method) => method switch
    {
        "entropy" => Core.Evaluation.Weights.EntropyPymcdm(matrix),
        "entropy-minmax" => Core.Evaluation.Weights.EntropyMinMaxShift(matrix),
        "critic" => Core.Evaluation.Weights.Critic(matrix),
        "std" => Core.Evaluation.Weights.StandardDeviation(matrix),
        "equal" => Core.Evaluation.Weights.Equal(matrix.CriterionCount),
        "pca" => Core.Evaluation.Weights.Pca(matrix),
        _ => throw new EvaluationException(new Bilingual(
            $"未知赋权方法“{method}”（entropy|entropy-minmax|critic|std|equal|pca）",
            $"unknown weighting method '{method}' (entropy|entropy-minmax|critic|std|equal|pca)")),
    };

    /// <summary>Reads <c>indicator,weight</c> rows (the output of <c>baiqiang weights</c>) in the matrix's indicator order.</summary>
    public static double[] ReadWeights(string path, IReadOnlyList<string> indicators)
    {
        if (!File.Exists(path))
        {
            throw new EvaluationException(new Bilingual($"找不到权重文件“{path}”", $"weights file '{path}' not found"));
        }

        var map = new Dictionary<string, double>(StringComparer.Ordinal);
        int line = 0;
        foreach (var raw in File.ReadLines(path))
        {
            line++;
            var text = raw.Trim().TrimStart('\uFEFF');
            if (text.Length == 0 || (line == 1 && text.StartsWith("indicator", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var parts = text.Split(',', StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double w))
            {
                throw new EvaluationException(new Bilingual(
                    $"权重文件第{line.ToString(CultureInfo.InvariantCulture)}行应为“指标,权重”",
                    $"weights file line {line.ToString(CultureInfo.InvariantCulture)} must be 'indicator,weight'"));
            }

            map[parts[0]] = w;
        }

        return [.. indicators.Select(i => map.TryGetValue(i, out double w) ? w : throw new EvaluationException(new Bilingual(
            $"权重文件中没有指标“{i}”", $"the weights file has no weight for indicator '{i}'")))];
    }

    public static (double[] Scores, int[] Ranks) Rank(DecisionMatrix matrix, string method, IReadOnlyList<double> weights)
    {
        switch (method)
        {
            case "topsis":
            {
                var s = Aggregation.Topsis(matrix, weights, TopsisNormalization.MinMax);
                return (s, Ranking.Rank(s, higherIsBetter: true));
            }

            case "topsis-vector":
            {
                var s = Aggregation.Topsis(matrix, weights, TopsisNormalization.Vector);
                return (s, Ranking.Rank(s, higherIsBetter: true));
            }

            case "vikor":
            {
                var v = Aggregation.Vikor(matrix, weights);
                return ([.. v.Q], [.. v.Ranks]);
            }

            case "wsm":
            {
                var s = Aggregation.WeightedSum(Normalization.MinMax(matrix), weights);
                return (s, Ranking.Rank(s, higherIsBetter: true));
            }

            case "copeland":
            {
                var s = Aggregation.Copeland(matrix, weights);
                return (s, Ranking.Rank(s, higherIsBetter: true));
            }

            default:
                throw new EvaluationException(new Bilingual(
                    $"未知排序方法“{method}”（topsis|topsis-vector|vikor|wsm|copeland）",
                    $"unknown ranking method '{method}' (topsis|topsis-vector|vikor|wsm|copeland)"));
        }
    }

    public static string Number(double v) => v.ToString("0.############", CultureInfo.InvariantCulture);

    /// <summary>A CSV text field, neutralised against formulas and quoted when needed (<see cref="FormulaText.CsvField"/>).</summary>
    public static string Field(string s) => FormulaText.CsvField(s);

    public static async Task<DecisionMatrix> LoadAsync(string input, string? directions, CancellationToken ct)
    {
        var m = await MatrixFile.ReadAsync(input, ct);
        return new DecisionMatrix(m.Units, m.Indicators, m.Values, ParseDirections(directions, m.Indicators.Count));
    }
}
