using Baiqiang.Storage.Import;

namespace Baiqiang.Storage.Tests.Import;

/// <summary>The import's duplicate index: the first index of each key, through every growth of the table.</summary>
public sealed class FactIndexTests
{
    [Fact]
    public void GetOrAdd_NewKey_AddsIt_RepeatedKey_ReturnsTheFirstIndex()
    {
        var index = new FactIndex();

        Assert.Equal(-1, index.GetOrAdd(320612, 0, 20230106, 0));
        Assert.Equal(-1, index.GetOrAdd(320612, 1, 20230106, 1));
        Assert.Equal(-1, index.GetOrAdd(320612, 0, 20230101, 2));
        Assert.Equal(-1, index.GetOrAdd(320613, 0, 20230106, 3));
        Assert.Equal(0, index.GetOrAdd(320612, 0, 20230106, 4));
        Assert.Equal(1, index.GetOrAdd(320612, 1, 20230106, 5));
        Assert.Equal(4, index.Count);
    }

    [Fact]
    public void GetOrAdd_HalfAMillionKeysInRuns_EachFoundAgainWithItsOwnIndex()
    {
        var index = new FactIndex();
        var keys = new List<(int Region, int Indicator, int Period)>();
        for (var period = 20150101; period < 20150101 + 12; period++)
        {
            for (var indicator = 0; indicator < 15; indicator++)
            {
                for (var region = 110101; region < 110101 + 2_900; region++)
                {
                    keys.Add((region, indicator, period));
                }
            }
        }

        for (var i = 0; i < keys.Count; i++)
        {
            Assert.Equal(-1, index.GetOrAdd(keys[i].Region, keys[i].Indicator, keys[i].Period, i));
        }

        Assert.Equal(keys.Count, index.Count);
        for (var i = keys.Count - 1; i >= 0; i--)
        {
            Assert.Equal(i, index.GetOrAdd(keys[i].Region, keys[i].Indicator, keys[i].Period, keys.Count + i));
        }

        Assert.Equal(keys.Count, index.Count);
        Assert.Equal(-1, index.GetOrAdd(110101, 15, 20150101, keys.Count));
    }
}
