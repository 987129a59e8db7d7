using Baiqiang.Core.Periods;
using Baiqiang.Core.Quantities;
using Baiqiang.Core.Regions;
using Baiqiang.Core.Targets;

namespace Baiqiang.Core.Tests.Targets;

public sealed class TargetTests
{
    private static readonly RegionCode Anyi = new(360123);

    [Fact]
    public void Constructor_Doubling_IsMultipleOfBase()
    {
        var t = new Target("t1", TargetSubjectKind.Indicator, "industrial_output_total", Anyi, StatPeriod.ForYear(2025), Comparator.AtLeast,
            null, 2m, StatPeriod.ForYear(2020), "工业总产值在2020年基础上翻一番");
        Assert.True(t.IsMultipleOfBase);
        Assert.Equal(2m, t.MultipleOfBase);
        Assert.Equal(StatPeriod.ForYear(2020), t.BasePeriod);
    }

    [Fact]
    public void Absolute_NewSignedProjects_IsValue()
    {
        var t = Target.Absolute("t2", TargetSubjectKind.Count, "new_signed_projects", Anyi, StatPeriod.ForYear(2023), Comparator.AtLeast,
            new Amount(100m, Unit.Ge, Qualifier.AtLeast), "新签约项目100个以上");
        Assert.False(t.IsMultipleOfBase);
        Assert.Equal(100m, t.Value!.Value.Value);
    }

    [Fact]
    public void Constructor_BothValueAndMultiple_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Target("t", TargetSubjectKind.Indicator, "gdp", Anyi, StatPeriod.ForYear(2025),
            Comparator.AtLeast, Amount.YiYuan(100m), 2m, StatPeriod.ForYear(2020), null));
        Assert.Contains(" / ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_Neither_Throws()
        => Assert.Throws<ArgumentException>(() => new Target("t", TargetSubjectKind.Indicator, "gdp", Anyi, StatPeriod.ForYear(2025),
            Comparator.AtLeast, null, null, null, null));

    [Fact]
    public void Constructor_MultipleWithoutBase_Throws()
        => Assert.Throws<ArgumentException>(() => new Target("t", TargetSubjectKind.Indicator, "gdp", Anyi, StatPeriod.ForYear(2025),
            Comparator.AtLeast, null, 2m, null, null));

    [Fact]
    public void Constructor_BaseWithoutMultiple_Throws()
        => Assert.Throws<ArgumentException>(() => new Target("t", TargetSubjectKind.Indicator, "gdp", Anyi, StatPeriod.ForYear(2025),
            Comparator.AtLeast, null, null, StatPeriod.ForYear(2020), null));

    [Theory]
    [InlineData(2020, 2020)]
    [InlineData(2026, 2025)]
    public void Multiple_BaseNotBeforeDeadline_Throws(int baseYear, int deadline)
        => Assert.Throws<ArgumentException>(() => Target.Multiple("t", "gdp", Anyi, StatPeriod.ForYear(baseYear), StatPeriod.ForYear(deadline), 2m));

    [Fact]
    public void Multiple_NonPositive_Throws()
        => Assert.Throws<ArgumentException>(() => Target.Multiple("t", "gdp", Anyi, StatPeriod.ForYear(2020), StatPeriod.ForYear(2025), 0m));

    [Theory]
    [InlineData("", "gdp")]
    [InlineData("t", " ")]
    [InlineData("t", "GDP")]
    public void Constructor_BadIdOrSubject_Throws(string id, string subject)
        => Assert.Throws<ArgumentException>(() => Target.Absolute(id, TargetSubjectKind.Indicator, subject, Anyi, StatPeriod.ForYear(2023),
            Comparator.AtLeast, Amount.YiYuan(1m)));

    [Fact]
    public void Absolute_CountInMoney_Throws()
        => Assert.Throws<ArgumentException>(() => Target.Absolute("t", TargetSubjectKind.Count, "new_signed_projects", Anyi, StatPeriod.ForYear(2023),
            Comparator.AtLeast, Amount.YiYuan(100m)));
}
