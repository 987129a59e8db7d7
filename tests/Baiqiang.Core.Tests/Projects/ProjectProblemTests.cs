using Baiqiang.Core.Projects;

namespace Baiqiang.Core.Tests.Projects;

public sealed class ProjectProblemTests
{
    private static ProjectProblem P(string id, DateOnly raised, DateOnly? due = null)
        => new(id, "JY-001", "要素保障", "用地指标不足", "区自然资源局", raised, due);

    [Fact]
    public void Lifecycle_OpenInProgressResolvedClosed()
    {
        var p = P("Q1", new DateOnly(2022, 3, 1));
        p.StartWork();
        p.Resolve("已调剂用地指标", new DateOnly(2022, 4, 10));
        Assert.Equal(ProblemStatus.Resolved, p.Status);
        p.Close();
        Assert.Equal(ProblemStatus.Closed, p.Status);
        Assert.Equal(new DateOnly(2022, 4, 10), p.ResolvedOn);
    }

    [Fact]
    public void Close_Unresolved_Refused() => Assert.Throws<ProjectRuleException>(() => P("Q1", new DateOnly(2022, 3, 1)).Close());

    [Fact]
    public void Resolve_BeforeRaised_Refused()
        => Assert.Throws<ProjectRuleException>(() => P("Q1", new DateOnly(2022, 3, 1)).Resolve("x", new DateOnly(2022, 2, 1)));

    [Fact]
    public void Resolve_WithoutResolution_Refused()
        => Assert.Throws<ProjectRuleException>(() => P("Q1", new DateOnly(2022, 3, 1)).Resolve(" ", new DateOnly(2022, 3, 2)));

    [Fact]
    public void Constructor_DueBeforeRaised_Throws()
        => Assert.Throws<ArgumentException>(() => P("Q1", new DateOnly(2022, 3, 1), new DateOnly(2022, 2, 1)));

    [Fact]
    public void IsOpenOn_ResolutionDayIsNotOpen()
    {
        var p = P("Q1", new DateOnly(2022, 3, 1));
        p.Resolve("ok", new DateOnly(2022, 4, 10));
        Assert.False(p.IsOpenOn(new DateOnly(2022, 2, 28)));
        Assert.True(p.IsOpenOn(new DateOnly(2022, 3, 1)));
        Assert.True(p.IsOpenOn(new DateOnly(2022, 4, 9)));
        Assert.False(p.IsOpenOn(new DateOnly(2022, 4, 10)));
    }

    [Theory]
    [InlineData("2022-02-28", false)]
    [InlineData("2022-03-01", true)]
    [InlineData("2022-04-09", true)]
    [InlineData("2022-04-10", false)]
    public void IsOpenOn_ByDates_AgreesWithTheInstance(string day, bool open)
    {
        var p = P("Q1", new DateOnly(2022, 3, 1));
        p.Resolve("ok", new DateOnly(2022, 4, 10));
        var d = DateOnly.ParseExact(day, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(open, p.IsOpenOn(d));
        Assert.Equal(open, ProjectProblem.IsOpenOn(p.RaisedOn, p.ResolvedOn, d));
        Assert.True(ProjectProblem.IsOpenOn(p.RaisedOn, null, new DateOnly(2030, 1, 1)));
    }

    [Fact]
    public void ProblemList_OpenAtAndCarryOver()
    {
        var a = P("A", new DateOnly(2022, 3, 5));
        var b = P("B", new DateOnly(2022, 3, 20));
        var c = P("C", new DateOnly(2022, 4, 2));
        b.Resolve("ok", new DateOnly(2022, 4, 15));
        var list = new ProblemList([c, b, a]);

        Assert.Equal(["A", "B"], list.OpenAt(new DateOnly(2022, 3, 31)).Select(p => p.Id).ToArray());
        Assert.Equal(["A", "C"], list.OpenAt(new DateOnly(2022, 4, 30)).Select(p => p.Id).ToArray());
        Assert.Equal(0, list.CarriedOverInto(new ReportingMonth(2022, 3)));
        Assert.Equal(2, list.CarriedOverInto(new ReportingMonth(2022, 4)));
        Assert.Equal(2, list.CarriedOverInto(new ReportingMonth(2022, 5)));
        Assert.Equal(2, list.RaisedIn(new ReportingMonth(2022, 3)));
        Assert.Equal(1, list.ResolvedIn(new ReportingMonth(2022, 4)));
    }
}
