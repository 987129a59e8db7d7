using System.CommandLine;
using Baiqiang.Core.Evaluation;

namespace Baiqiang.Cli.Evaluation;

/// <summary><c>baiqiang weights --input M.csv --method entropy|entropy-minmax|critic|std|equal [--directions +,-,…]</c> → CSV <c>indicator,weight</c>.</summary>
public static class WeightsCommand
{
    public static Command Create()
    {
        var input = new Option<string>("--input") { Description = "决策矩阵 CSV:首行为指标名,首列为单元名 / decision matrix CSV: header of indicator names, first column unit names", Required = true };
        var method = new Option<string>("--method") { Description = "赋权方法 / weighting method: " + MatrixMethods.WeightMethodsHelp, Required = true };
        method.AcceptOnlyFromAmong("entropy", "entropy-minmax", "critic", "std", "equal", "pca");
        var directions = new Option<string?>("--directions") { Description = "各指标方向,如 +,-,+(默认全为 +)/ per-indicator directions, e.g. +,-,+ (default all +)" };
        var command = new Command("weights", "客观赋权:输出 CSV indicator,weight / objective weights, printed as CSV indicator,weight") { input, method, directions };
        command.SetAction(async (parse, ct) =>
        {
            try
            {
                var matrix = await MatrixMethods.LoadAsync(parse.GetRequiredValue(input), parse.GetValue(directions), ct);
                var w = MatrixMethods.Weights(matrix, parse.GetRequiredValue(method));
                var output = parse.InvocationConfiguration.Output;
                await output.WriteLineAsync("indicator,weight");
                for (int j = 0; j < w.Length; j++)
                {
                    await output.WriteLineAsync($"{MatrixMethods.Field(matrix.Criteria[j])},{MatrixMethods.Number(w[j])}");
                }

                return 0;
            }
            catch (EvaluationException e)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync(e.Message);
                return 1;
            }
        });
        return command;
    }
}
