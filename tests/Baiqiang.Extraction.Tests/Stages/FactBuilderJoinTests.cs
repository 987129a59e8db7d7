using Baiqiang.Core.Quantities;
using Baiqiang.Extraction.Facts;

namespace Baiqiang.Extraction.Tests.Stages;

/// <summary>
/// A growth joined to the level before it (<see cref="FactBuilder.JoinGrowth"/>) updates the fact in place only when nothing but the
/// builder's list can see it; the result must read exactly as the copy <c>Replace(old, old with { … })</c> made, and a fact that the
/// reader still holds elsewhere (a level owed a rate) must be copied and left as it was.
/// </summary>
public sealed class FactBuilderJoinTests
{
    private const string Text = "1-6月,全县规模以上工业增加值12.3亿元,同比增长7.8%。";

    private static (FactBuilder Builder, ExtractedFact Level) BuilderWithALevel()
    {
        var text = DocumentText.Create(Text);
        var builder = new FactBuilder("doc", text, new DateOnly(2024, 7, 20), null);
        var start = Text.IndexOf("12.3", StringComparison.Ordinal);
        var level = builder.Add(new FactDraft(FactKind.Value, new Amount(12.3m, Unit.YiYuan), null, null, null, "规模以上工业增加值", "规模以上工业增加值", null, start, 6, "value.words-before-figure"),
            0, Text.Length - 1, null, null, "全县", false);
        return (builder, level);
    }

    [Fact]
    public void JoinGrowth_OfAFactOnlyTheListHolds_UpdatesThatFact_AsTheCopyWouldRead()
    {
        var (builder, level) = BuilderWithALevel();
        var expected = level with { GrowthPct = 7.8m, Rule = level.Rule + "+growth.of-previous-level" };

        var joined = builder.JoinGrowth(level, 7.8m, "+growth.of-previous-level", new Queue<ExtractedFact>());

        Assert.Same(level, joined);
        Assert.Same(joined, Assert.Single(builder.Facts));
        Assert.Equal(expected, joined);
        Assert.Equal(expected.ToString(), joined.ToString());
        Assert.Equal(FactWriter.ToJsonLine(expected), FactWriter.ToJsonLine(joined));
    }

    [Fact]
    public void JoinGrowth_OfALevelStillOwedARate_CopiesIt_AndLeavesTheHeldFactUnchanged()
    {
        var (builder, level) = BuilderWithALevel();
        var owed = new Queue<ExtractedFact>([level]);

        var joined = builder.JoinGrowth(level, 7.8m, "+growth.of-previous-level", owed);

        Assert.NotSame(level, joined);
        Assert.Null(level.GrowthPct);
        Assert.Equal("value.words-before-figure", level.Rule);
        Assert.Same(joined, Assert.Single(builder.Facts));
        Assert.Equal(7.8m, joined.GrowthPct);
        Assert.Equal("value.words-before-figure+growth.of-previous-level", joined.Rule);
    }

    [Fact]
    public void JoinGrowth_OfAFactNoLongerInTheList_CopiesIt_AndLeavesTheListAsItWas()
    {
        var (builder, level) = BuilderWithALevel();
        var replaced = builder.Replace(level, level with { Rule = level.Rule + "+x" });

        var joined = builder.JoinGrowth(level, 7.8m, "+growth.of-previous-level", new Queue<ExtractedFact>());

        Assert.NotSame(level, joined);
        Assert.Null(level.GrowthPct);
        Assert.Same(replaced, Assert.Single(builder.Facts));
    }

    [Fact]
    public void JoinGrowth_TwiceOnTheSameRule_GivesOneJoinedRuleString()
    {
        var (builder, first) = BuilderWithALevel();
        var second = builder.Add(new FactDraft(FactKind.Value, new Amount(5m, Unit.YiYuan), null, null, null, "工业投资", "工业投资", null, 0, 1, "value.words-before-figure"),
            0, Text.Length - 1, null, null, "全县", false);

        var a = builder.JoinGrowth(first, 1m, "+growth.of-previous-level", new Queue<ExtractedFact>());
        var b = builder.JoinGrowth(second, 2m, "+growth.of-previous-level", new Queue<ExtractedFact>());

        Assert.Same(a.Rule, b.Rule);
    }
}
