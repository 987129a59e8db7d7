using System.CommandLine;
using System.Globalization;
using Baiqiang.Core.Evaluation;

namespace Baiqiang.Cli.Evaluation;

/// <summary>
/// The store-free half of <c>baiqiang rank</c>: <c>--input M.csv --method … [--weights W.csv | --weights-method …]
/// [--directions …]</c> → CSV <c>unit,score,rank</c>. The managed CLI adds the store options (<c>--framework</c> …) to the
/// same <c>rank</c> command; the Native AOT front registers only these. Both run <see cref="RunAsync"/>.
/// </summary>
public sealed class RankMatrix
{
    public const string Name = "rank";

    public const string Description = "综合评价排名 / composite evaluation and ranking";

    public Option<string?> Input { get; } = new("--input") { Description = "决策矩阵 CSV(首行指标名,首列单元名)/ decision matrix CSV (header of indicator names, first column unit names)" };

    public Option<string> Method { get; } = new("--method") { Description = "排序方法 / method: " + MatrixMethods.RankMethodsHelp, DefaultValueFactory = _ => "topsis" };

    public Option<string?> Weights { get; } = new("--weights") { Description = "权重 CSV(indicator,weight,即 baiqiang weights 的输出)/ weights CSV (indicator,weight — the output of baiqiang weights)" };

    public Option<string?> WeightsMethod { get; } = new("--weights-method") { Description = "客观赋权方法(默认 equal)/ objective weights (default equal): " + MatrixMethods.WeightMethodsHelp };

    public Option<string?> Directions { get; } = new("--directions") { Description = "各指标方向,如 +,-,+(默认全为 +)/ directions, e.g. +,-,+ (default all +)" };

    public RankMatrix()
    {
        Method.AcceptOnlyFromAmong("topsis", "topsis-vector", "vikor", "wsm", "copeland");
        WeightsMethod.AcceptOnlyFromAmong("entropy", "entropy-minmax", "critic", "std", "equal", "pca");
    }

    /// <summary>The options in the order <c>rank --help</c> lists them (before the store options).</summary>
    public IEnumerable<Option> Options => [Input, Method, Weights, WeightsMethod, Directions];

    /// <summary>Ranks the matrix file <paramref name="file"/> and prints <c>unit,score,rank</c>; a bad file, weights or
    /// directions are a bilingual message on standard error and exit code 1 (2 for conflicting options).</summary>
    public async Task<int> RunAsync(ParseResult parse, string file, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var error = parse.InvocationConfiguration.Error;
        try
        {
            var weightsFile = parse.GetValue(Weights);
            var weightsMethod = parse.GetValue(WeightsMethod);
            if (weightsFile is not null && weightsMethod is not null)
            {
                await error.WriteLineAsync("--weights 与 --weights-method 只能选一个 / give either --weights or --weights-method, not both");
                return 2;
            }

            var matrix = await MatrixMethods.LoadAsync(file, parse.GetValue(Directions), ct);
            string method = parse.GetRequiredValue(Method);
            double[] scores;
            int[] ranks;
            if (weightsFile is null && weightsMethod == "entropy" && method == "topsis")
            {
                // Entropy weights and min-max TOPSIS from one read of each column for its sum, min, max and Σ x ln x.
                (_, scores) = Aggregation.EntropyTopsis(matrix);
                ranks = Ranking.Rank(scores, higherIsBetter: true);
            }
            else
            {
                var w = weightsFile is not null
                    ? MatrixMethods.ReadWeights(weightsFile, matrix.Criteria)
                    : MatrixMethods.Weights(matrix, weightsMethod ?? "equal");
                (scores, ranks) = MatrixMethods.Rank(matrix, method, w);
            }

            var o = parse.InvocationConfiguration.Output;
            await o.WriteLineAsync("unit,score,rank");
            for (int i = 0; i < scores.Length; i++)
            {
                await o.WriteLineAsync($"{MatrixMethods.Field(matrix.Units[i])},{MatrixMethods.Number(scores[i])},{ranks[i].ToString(CultureInfo.InvariantCulture)}");
            }

            return 0;
        }
        catch (EvaluationException e)
        {
            await error.WriteLineAsync(e.Message);
            return 1;
        }
    }
}
