using Baiqiang.Storage.Import;
using static Baiqiang.Storage.Tests.Import.ImportTestFiles;

namespace Baiqiang.Storage.Tests.Import;

/// <summary>Issue 20: figures that cannot get in wrong — a stated unit, whole rows, plausible values.</summary>
public sealed partial class ObservationFileReaderTests
{
    [Fact]
    public async Task ReadAsync_BlankUnitCellInUnitColumn_IsAnErrorNamingTheRow()
    {
        // A 万元 file with one blank unit row used to store 210000 亿元 next to 41 亿元.
        var result = await ReadTextAsync("wan.csv", Csv(
            "地区,指标,期别,数值,单位",
            "320612,gdp,2023-01..06,410000,万元",
            "510502,gdp,2023-01..06,210000,"));

        ImportAssert.HasError(result, 3, "单位", "单位为空", "unit is empty");
    }

    [Fact]
    public async Task ReadAsync_BlankUnitCellWithFileLevelUnitLine_TakesTheFileUnit()
    {
        var result = await ReadTextAsync("wan.csv", Csv(
            "单位:万元,,,,",
            "地区,指标,期别,数值,单位",
            "320612,gdp,2023-01..06,410000,万元",
            "510502,gdp,2023-01..06,210000,"));

        ImportAssert.Ok(result);
        Assert.Equal(21m, result.Records.Single(r => r.Region.Value == 510502).Value);
    }

    [Fact]
    public async Task ReadAsync_UnitInValueHeader_IsTheStatedUnit()
    {
        var result = await ReadTextAsync("wan.csv", Csv("地区,指标,期别,数值(万元)", "320612,gdp,2023-01..06,8805000"));

        ImportAssert.Ok(result);
        Assert.Equal(880.5m, Assert.Single(result.Records).Value);
    }

    [Fact]
    public async Task ReadAsync_ShortRow_IsAnErrorNamingTheRow()
    {
        // A truncated “…,247” used to store 247 亿元 with no growth.
        var result = await ReadTextAsync("s.csv", Csv(Header, "320612,gdp,2023-01..06,880.5,亿元,7.8", "510502,gdp,2023-01..06,247"));

        ImportAssert.HasError(result, 3, null, "少于表头", "fewer cells");
    }

    [Fact]
    public async Task ReadAsync_LongRow_IsAnErrorNamingTheRow()
    {
        var result = await ReadTextAsync("s.csv", Csv(Header, "320612,gdp,2023-01..06,880.5,亿元,7.8", "510502,gdp,2023-01..06,247,亿元,3.1,9"));

        ImportAssert.HasError(result, 3, null, "多于表头", "more cells");
    }

    [Fact]
    public async Task ReadAsync_XlsxValueBeyondHeader_IsAnError()
    {
        var bytes = Xlsx(
            ["region", "indicator", "period", "value", "unit"],
            ["320612", "gdp", "2023-01..06", 880.5, "亿元", null],
            ["510502", "gdp", "2023-01..06", 247, "亿元", "stray"]);

        var result = await ReadBytesAsync("s.xlsx", bytes);

        ImportAssert.HasError(result, 3, null, "多于表头", "more cells");
    }

    [Fact]
    public async Task ReadAsync_WideShortRow_IsAnError()
    {
        var csv = Csv("2023年1-6月", "地区,地区生产总值(亿元),一般公共预算收入(亿元)", "320612,880.5,41", "510502,247");

        var result = await ReadTextAsync("w.csv", csv);

        ImportAssert.HasError(result, 4, null, "少于表头", "fewer cells");
    }

    [Fact]
    public async Task ReadAsync_GrowthBelowMinus100_IsRefused()
    {
        var result = await ReadWithBadRowAsync("510502,gdp,2023-01..06,100,亿元,-100.5");

        ImportAssert.HasError(result, 3, "增长", "低于-100%", "below -100%");
    }

    [Theory]
    [InlineData("1e-400")]
    [InlineData("0.00000000000000000000000000001")]
    public async Task ReadAsync_UnderflowToZero_IsRefused(string value)
    {
        var result = await ReadWithBadRowAsync($"510502,gdp,2023-01..06,{value},亿元,1");

        ImportAssert.HasError(result, 3, "数值", "精度", "precision");
    }

    [Theory]
    [InlineData("79228162514264337593543950335")]
    [InlineData("1e30")]
    [InlineData("1e15")]
    public async Task ReadAsync_HugeValue_IsRefused(string value)
    {
        var result = await ReadWithBadRowAsync($"510502,gdp,2023-01..06,{value},亿元,1");

        ImportAssert.HasError(result, 3, "数值", "超出", "beyond");
    }

    [Fact]
    public async Task ReadAsync_ZeroWritten_IsStillZero()
    {
        var result = await ReadTextAsync("z.csv", Csv(Header, "320612,gdp,2023-01..06,0.000,亿元,0"));

        ImportAssert.Ok(result);
        Assert.Equal(0m, Assert.Single(result.Records).Value);
    }
}
