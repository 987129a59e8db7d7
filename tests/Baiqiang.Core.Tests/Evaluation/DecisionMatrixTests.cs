using Baiqiang.Core.Evaluation;
using Baiqiang.Core.Indicators;

namespace Baiqiang.Core.Tests.Evaluation;

public sealed class DecisionMatrixTests
{
    private static readonly Direction[] Two = [Direction.HigherIsBetter, Direction.LowerIsBetter];

    [Fact]
    public void Constructor_ValidInput_ExposesShapeNamesAndCopiesValues()
    {
        var values = new double[,] { { 1, 2 }, { 3, 4 }, { 5, 6 } };
        var m = new DecisionMatrix(["a", "b", "c"], ["x", "y"], values, Two);
        values[0, 0] = 99;
        Assert.Equal(3, m.UnitCount);
        Assert.Equal(2, m.CriterionCount);
        Assert.Equal(1, m[0, 0]);
        Assert.Equal(["a", "b", "c"], m.Units);
        Assert.False(m.IsBenefit(1));
        var copy = m.ToArray();
        copy[1, 1] = -1;
        Assert.Equal(4, m[1, 1]);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Constructor_NonFiniteValue_ThrowsNamingUnitAndCriterion(double bad)
    {
        var ex = Assert.Throws<EvaluationException>(
            () => new DecisionMatrix(["a", "b"], ["x", "y"], new double[,] { { 1, 2 }, { 3, bad } }, Two));
        Assert.Contains("“b”的指标“y”", ex.Message, StringComparison.Ordinal);
        Assert.Contains("unit 'b', criterion 'y'", ex.Message, StringComparison.Ordinal);
        Assert.True(ex.Message.IndexOf("插补", StringComparison.Ordinal) < ex.Message.IndexOf("impute", StringComparison.Ordinal));
    }

    [Fact]
    public void Constructor_OneUnit_Throws()
    {
        var ex = Assert.Throws<EvaluationException>(
            () => new DecisionMatrix(["a"], ["x"], new double[,] { { 1 } }, [Direction.HigherIsBetter]));
        Assert.Contains("至少需要2个", ex.Reason.Zh, StringComparison.Ordinal);
        Assert.Contains("at least 2 units", ex.Reason.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NoCriteria_Throws()
    {
        Assert.Throws<EvaluationException>(() => new DecisionMatrix(["a", "b"], [], new double[2, 0], []));
    }

    [Fact]
    public void Constructor_DuplicateUnitName_Throws()
    {
        var ex = Assert.Throws<EvaluationException>(
            () => new DecisionMatrix(["a", "a"], ["x", "y"], new double[,] { { 1, 2 }, { 3, 4 } }, Two));
        Assert.Contains("duplicate unit name 'a'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_DuplicateCriterionName_Throws()
    {
        var ex = Assert.Throws<EvaluationException>(
            () => new DecisionMatrix(["a", "b"], ["x", "x"], new double[,] { { 1, 2 }, { 3, 4 } }, Two));
        Assert.Contains("指标名称“x”重复", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_MismatchedDirections_Throws()
    {
        var ex = Assert.Throws<EvaluationException>(
            () => new DecisionMatrix(["a", "b"], ["x", "y"], new double[,] { { 1, 2 }, { 3, 4 } }, [Direction.HigherIsBetter]));
        Assert.Contains("1 directions for 2 criteria", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NeutralDirection_Throws()
    {
        var ex = Assert.Throws<EvaluationException>(
            () => new DecisionMatrix(["a", "b"], ["x", "y"], new double[,] { { 1, 2 }, { 3, 4 } }, [Direction.HigherIsBetter, Direction.Neutral]));
        Assert.Contains("criterion 'y'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NameCountMismatch_Throws()
    {
        Assert.Throws<EvaluationException>(
            () => new DecisionMatrix(["a", "b", "c"], ["x", "y"], new double[,] { { 1, 2 }, { 3, 4 } }, Two));
    }

    [Fact]
    public void FromDecimal_MissingWithReject_ThrowsNamingCell()
    {
        var values = new decimal?[,] { { 1m, 2m }, { null, 4m }, { 5m, 6m } };
        var ex = Assert.Throws<EvaluationException>(() => DecisionMatrix.FromDecimal(["a", "b", "c"], ["x", "y"], values, Two));
        Assert.Contains("unit 'b' has no value for criterion 'x'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromDecimal_ColumnMean_FillsMeanOfPresentValues()
    {
        var values = new decimal?[,] { { 1.5m, 2m }, { null, 4m }, { 5.5m, null }, { 2m, 9m } };
        var m = DecisionMatrix.FromDecimal(["a", "b", "c", "d"], ["x", "y"], values, Two, MissingValuePolicy.ColumnMean);
        Assert.Equal(3.0, m[1, 0], 12);
        Assert.Equal(5.0, m[2, 1], 12);
        Assert.Equal(1.5, m[0, 0]);
    }

    [Fact]
    public void FromDecimal_ColumnMedian_FillsMedian()
    {
        var values = new decimal?[,] { { 1m, 2m }, { null, 4m }, { 10m, null }, { 2m, 9m }, { 3m, 100m } };
        var m = DecisionMatrix.FromDecimal(["a", "b", "c", "d", "e"], ["x", "y"], values, Two, MissingValuePolicy.ColumnMedian);
        Assert.Equal(2.5, m[1, 0], 12);
        Assert.Equal(6.5, m[2, 1], 12);
    }

    [Fact]
    public void FromDecimal_WholeColumnMissing_Throws()
    {
        var values = new decimal?[,] { { 1m, null }, { 2m, null } };
        var ex = Assert.Throws<EvaluationException>(
            () => DecisionMatrix.FromDecimal(["a", "b"], ["x", "y"], values, Two, MissingValuePolicy.ColumnMean));
        Assert.Contains("criterion 'y' has no values at all", ex.Message, StringComparison.Ordinal);
    }
}
