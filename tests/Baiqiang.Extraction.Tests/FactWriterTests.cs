using System.Text.Json;

namespace Baiqiang.Extraction.Tests;

public sealed class FactWriterTests
{
    [Fact]
    public void ToJsonLine_HasExactlyTheContractFieldsInOrder()
    {
        var fact = Seeds.Extract("004_tongzhou_h1_report_card").Facts[0];
        var line = FactWriter.ToJsonLine(fact);
        Assert.DoesNotContain('\n', line);
        using var doc = JsonDocument.Parse(line);
        Assert.Equal(FactWriter.Fields, doc.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(880.5m, doc.RootElement.GetProperty("value").GetDecimal());
        Assert.Equal("320612", doc.RootElement.GetProperty("regionCode").GetString());
        Assert.Contains("地区生产总值", line, StringComparison.Ordinal);
    }

    [Fact]
    public void ToCsvLine_QuotesCommasAndMatchesTheHeader()
    {
        var fact = Seeds.Extract("004_tongzhou_h1_report_card").Facts[0];
        Assert.Equal("doc,kind,region,regionCode,indicator,indicatorRaw,indicatorCode,period,value,unit,valueBase,qualifier,growthPct,planSharePct,sentence,offset,confidence,rule,comparator", FactWriter.CsvHeader);
        var line = FactWriter.ToCsvLine(fact);
        Assert.StartsWith("004_tongzhou_h1_report_card.txt,value,通州,320612,地区生产总值,地區生產總值,gdp,2023-01..06,880.5,亿元,88050000000,,7.8,,\"", line, StringComparison.Ordinal);
    }
}
