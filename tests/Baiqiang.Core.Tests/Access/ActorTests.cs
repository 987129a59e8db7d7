using Baiqiang.Core.Access;
using Baiqiang.Core.Regions;

namespace Baiqiang.Core.Tests.Access;

public class ActorTests
{
    private static readonly RegionCode Jiangyang = RegionCode.Parse("510502");
    private static readonly RegionCode Tongzhou = RegionCode.Parse("320612");

    [Fact]
    public void County_editor_edits_own_county_and_its_parks_but_not_another_county()
    {
        var editor = Actor.EditorOf("jy", Jiangyang);
        Assert.True(editor.CanEdit(Jiangyang));
        Assert.True(editor.CanEdit(RegionCode.Parse("510502401")));
        Assert.False(editor.CanEdit(Tongzhou));
        Assert.False(editor.CanEdit(RegionCode.Parse("510500")));
        var ex = Assert.Throws<AccessDeniedException>(() => editor.EnsureCanEdit(Tongzhou));
        Assert.Contains("320612", ex.Reason.Zh, StringComparison.Ordinal);
        Assert.Contains("may not change", ex.Reason.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Prefecture_scope_covers_its_counties()
    {
        var editor = Actor.EditorOf("lz", RegionCode.Parse("510500"));
        Assert.True(editor.CanEdit(Jiangyang));
        Assert.False(editor.CanEdit(Tongzhou));
    }

    [Fact]
    public void Department_editor_edits_only_items_of_that_department()
    {
        var dept = Actor.DepartmentEditor("fgj", "发改局");
        Assert.True(dept.CanEdit(Tongzhou, "发改局"));
        Assert.False(dept.CanEdit(Tongzhou, "工信局"));
        Assert.False(dept.CanEdit(Tongzhou));
    }

    [Fact]
    public void Reviewer_reviews_but_does_not_edit_and_analyst_only_reads()
    {
        var reviewer = Actor.ReviewerOf("rv", Jiangyang);
        Assert.True(reviewer.CanReview(Jiangyang));
        Assert.False(reviewer.CanEdit(Jiangyang));
        Assert.False(reviewer.CanReview(Tongzhou));
        var analyst = Actor.AnalystNamed("an");
        Assert.True(analyst.CanRead);
        Assert.False(analyst.CanEdit(Jiangyang));
        Assert.Throws<AccessDeniedException>(analyst.EnsureAdmin);
    }

    [Fact]
    public void Admin_does_everything()
    {
        var admin = Actor.LocalAdmin("root");
        Assert.True(admin.CanEdit(Tongzhou));
        Assert.True(admin.CanReview(Jiangyang));
        admin.EnsureAdmin();
    }
}
