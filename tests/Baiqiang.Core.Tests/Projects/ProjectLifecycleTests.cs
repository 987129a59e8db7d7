using Baiqiang.Core.Projects;
using S = Baiqiang.Core.Projects.ProjectStatus;

namespace Baiqiang.Core.Tests.Projects;

public sealed class ProjectLifecycleTests
{
    [Theory]
    [InlineData(S.Reserve, S.Signed)]
    [InlineData(S.Signed, S.Started)]
    [InlineData(S.Started, S.UnderConstruction)]
    [InlineData(S.UnderConstruction, S.Completed)]
    [InlineData(S.Completed, S.Producing)]
    [InlineData(S.Signed, S.Suspended)]
    [InlineData(S.Started, S.Suspended)]
    [InlineData(S.UnderConstruction, S.Suspended)]
    [InlineData(S.Suspended, S.UnderConstruction)]
    [InlineData(S.Suspended, S.Terminated)]
    [InlineData(S.Reserve, S.Terminated)]
    [InlineData(S.Signed, S.Terminated)]
    [InlineData(S.UnderConstruction, S.Terminated)]
    [InlineData(S.Completed, S.Terminated)]
    public void CanTransition_Legal_True(S from, S to) => Assert.True(ProjectLifecycle.CanTransition(from, to));

    [Theory]
    [InlineData(S.Reserve, S.Started)] // skipping 签约
    [InlineData(S.Started, S.Completed)] // 开工 → 竣工 must pass 在建
    [InlineData(S.Reserve, S.Producing)]
    [InlineData(S.UnderConstruction, S.Started)] // backwards
    [InlineData(S.Completed, S.UnderConstruction)]
    [InlineData(S.Producing, S.Terminated)] // final
    [InlineData(S.Producing, S.Suspended)]
    [InlineData(S.Terminated, S.Reserve)] // final
    [InlineData(S.Terminated, S.Signed)]
    [InlineData(S.Reserve, S.Suspended)] // not active
    [InlineData(S.Completed, S.Suspended)] // not active
    [InlineData(S.Suspended, S.Completed)]
    [InlineData(S.Suspended, S.Reserve)]
    [InlineData(S.Signed, S.Signed)] // same status
    [InlineData(S.Suspended, S.Suspended)]
    public void CanTransition_Illegal_False(S from, S to) => Assert.False(ProjectLifecycle.CanTransition(from, to));

    [Fact]
    public void CanTransition_WithSuspendedFrom_OnlyBackToThatStatus()
    {
        Assert.True(ProjectLifecycle.CanTransition(S.Suspended, S.Started, S.Started));
        Assert.False(ProjectLifecycle.CanTransition(S.Suspended, S.UnderConstruction, S.Started));
        Assert.True(ProjectLifecycle.CanTransition(S.Suspended, S.Terminated, S.Started));
    }

    [Theory]
    [InlineData(S.Producing, true)]
    [InlineData(S.Terminated, true)]
    [InlineData(S.Completed, false)]
    [InlineData(S.Suspended, false)]
    public void IsFinal_Table(S status, bool final) => Assert.Equal(final, ProjectLifecycle.IsFinal(status));

    [Theory]
    [InlineData(S.Reserve, "储备")]
    [InlineData(S.Signed, "签约")]
    [InlineData(S.Started, "开工")]
    [InlineData(S.UnderConstruction, "在建")]
    [InlineData(S.Completed, "竣工")]
    [InlineData(S.Producing, "投产")]
    [InlineData(S.Suspended, "暂停")]
    [InlineData(S.Terminated, "终止")]
    public void ProjectText_StatusNames_RoundTrip(S status, string zh)
    {
        Assert.Equal(zh, ProjectText.Name(status));
        Assert.Equal(status, ProjectText.ParseStatus(zh).Value);
    }

    [Fact]
    public void ProjectText_CategoryAndKindNames()
    {
        Assert.Equal("社会民生", ProjectText.Name(ProjectCategory.SocialWelfare));
        Assert.Equal("生态环保", ProjectText.Name(ProjectCategory.Ecology));
        Assert.Equal("技改", ProjectText.Name(ProjectKind.TechnicalRenovation));
        Assert.Equal(ProjectKind.Continuing, ProjectText.ParseKind("续建").Value);
        Assert.Equal(ProjectCategory.Infrastructure, ProjectText.ParseCategory("基础设施").Value);
        Assert.Equal(ProjectCategory.Infrastructure, ProjectText.ParseCategory("Infrastructure").Value);
    }

    [Fact]
    public void ProjectText_ParseUnknown_FailsBilingual()
    {
        var r = ProjectText.ParseStatus("完工了");
        Assert.False(r.Success);
        Assert.Contains("无法识别项目状态", r.Error!.Value.Zh, StringComparison.Ordinal);
        Assert.Contains("unknown project status", r.Error!.Value.En, StringComparison.Ordinal);
    }
}
