using Baiqiang.Core.Quantities;

namespace Baiqiang.Extraction.Tests;

/// <summary>
/// A fact keeps its source window as bounds in the document's normalised text and cuts the sentence when it is read. It must
/// read, compare, hash and print exactly as the same fact built with the sentence written out.
/// </summary>
public sealed class ExtractedFactTests
{
    private const string Text = "一、总体情况。1-9月,全县规上工业增加值增长6.5%,固定资产投资完成88.2亿元。";

    private static (ExtractedFact Windowed, ExtractedFact Written) Pair(int start, int length)
    {
        var windowed = new ExtractedFact("doc", FactKind.Value, "全县", null, "固定资产投资", "固定资产投资", null, null, new Amount(88.2m, Unit.YiYuan), null, 3.5m, null,
            Text, start, length, 40, 4, start) { Rule = "value.catalogue-name", Confidence = 0.8m };
        var written = new ExtractedFact("doc", FactKind.Value, "全县", null, "固定资产投资", "固定资产投资", null, null, new Amount(88.2m, Unit.YiYuan), null, 3.5m, null,
            Text.Substring(start, length), 40, 4, start) { Rule = "value.catalogue-name", Confidence = 0.8m };
        return (windowed, written);
    }

    [Fact]
    public void Sentence_OfAWindowedFact_IsTheWindowsText()
    {
        var (windowed, _) = Pair(7, 35);
        Assert.Equal(Text.Substring(7, 35), windowed.Sentence);
    }

    [Fact]
    public void WindowedAndWrittenFact_AreEqualWithOneHashCodeAndOneText()
    {
        var (windowed, written) = Pair(7, 35);
        Assert.Equal(written, windowed);
        Assert.True(windowed == written);
        Assert.Equal(written.GetHashCode(), windowed.GetHashCode());
        Assert.Equal(written.ToString(), windowed.ToString());
        Assert.Equal(FactWriter.ToJsonLine(written), FactWriter.ToJsonLine(windowed));
    }

    [Fact]
    public void WindowedFacts_OfDifferentWindows_AreNotEqual()
    {
        var (a, _) = Pair(7, 35);
        var (b, _) = Pair(8, 34);
        Assert.NotEqual(a, b);
    }

    [Fact]
    public void With_AnotherMember_KeepsTheWindow_AndWithASentence_ReplacesIt()
    {
        var (windowed, written) = Pair(7, 35);
        var grown = windowed with { GrowthPct = 7.1m };
        Assert.Equal(Text.Substring(7, 35), grown.Sentence);
        Assert.Equal(written with { GrowthPct = 7.1m }, grown);

        var rewritten = windowed with { Sentence = "另一句" };
        Assert.Equal("另一句", rewritten.Sentence);
        Assert.NotEqual(windowed, rewritten);
    }

    [Fact]
    public void FigureAndRates_ReadBackAsGiven_WithTheirScale_AndPrintInTheirPlace()
    {
        var fact = new ExtractedFact("doc", FactKind.PlanCompletion, null, null, "固定资产投资", "固定资产投资", null, null, new Amount(5.10m, Unit.YiYuan, Qualifier.More), 8.00m, -0.50m, 54.3m,
            "句", 1, 2, 0);
        Assert.Equal(new Amount(5.10m, Unit.YiYuan, Qualifier.More), fact.Amount);
        Assert.Equal("5.10", fact.Amount!.Value.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("8.00|-0.50|54.3", string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{fact.High}|{fact.GrowthPct}|{fact.PlanSharePct}"));
        Assert.Contains("PlanSharePct = 54.3, Sentence = 句, Offset = 1", fact.ToString(), StringComparison.Ordinal);
        Assert.True(fact.ToString().IndexOf("Period = ", StringComparison.Ordinal) < fact.ToString().IndexOf("Amount = ", StringComparison.Ordinal));

        var cleared = fact with { Amount = null, High = null, GrowthPct = null, PlanSharePct = null };
        Assert.Null(cleared.Amount);
        Assert.Null(cleared.High);
        Assert.Null(cleared.GrowthPct);
        Assert.Null(cleared.PlanSharePct);
        Assert.NotEqual(fact, cleared);
        Assert.Equal(fact, cleared with { Amount = fact.Amount, High = 8.00m, GrowthPct = -0.50m, PlanSharePct = 54.3m });
        Assert.Equal(new Amount(0m, null!), (fact with { Amount = default(Amount) }).Amount); // a default amount is an amount, not null
    }
}
