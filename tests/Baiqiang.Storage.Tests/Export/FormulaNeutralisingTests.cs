using System.IO.Compression;
using System.Text;
using Baiqiang.Core.Text;
using Baiqiang.Storage.Export;
using Baiqiang.Storage.Lists;
using Baiqiang.Storage.Projects;
using Baiqiang.Storage.Services;
using Baiqiang.Storage.Tests.Import;

namespace Baiqiang.Storage.Tests.Export;

/// <summary>Issue 20: exports neutralise formula-like text cells (OWASP CSV injection) and imports take the guard off again.</summary>
public sealed class FormulaNeutralisingTests
{
    private const string Hyperlink = "=HYPERLINK(\"http://example.invalid/x\",\"点此\")";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static EnterpriseEntity Firm(string name) => new()
    {
        CreditCode = "91110000600037341L",
        Name = name,
        RegionCode = Core.Regions.RegionCode.Parse("510502"),
        Industry = "+cmd|' /C calc'!A0",
        Contacts = "@SUM(1+1)",
    };

    [Theory]
    [InlineData("=1+2", "'=1+2")]
    [InlineData("+cmd|x", "'+cmd|x")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("−2", "'−2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "'\rx")]
    [InlineData("甲公司", "甲公司")]
    [InlineData("'s-Hertogenbosch", "'s-Hertogenbosch")]
    [InlineData("", "")]
    public void Neutralize_FormulaLikeText_GetsApostropheAndRestoresToOriginal(string text, string written)
    {
        Assert.Equal(written, FormulaText.Neutralize(text));
        Assert.Equal(text, FormulaText.Restore(FormulaText.Neutralize(text)));
    }

    [Fact]
    public async Task EnterpriseCsv_HyperlinkName_IsWrittenAsTextAndReimportsAsTheName()
    {
        using var ms = new MemoryStream();
        await ListExporter.WriteCsvAsync(ms, ServiceFiles.Header(ServiceFiles.EnterpriseColumns), [ServiceFiles.ToRow(Firm(Hyperlink))], Ct);

        var csv = Encoding.UTF8.GetString(ms.ToArray());
        Assert.Contains("\"'=HYPERLINK(", csv, StringComparison.Ordinal);
        Assert.Contains("'+cmd|", csv, StringComparison.Ordinal);
        Assert.Contains("'@SUM(1+1)", csv, StringComparison.Ordinal);
        ms.Position = 0;
        var back = await ListFileReader.ReadAsync(ms, "firms.csv", ServiceFiles.EnterpriseColumns, ServiceFiles.ParseEnterprise, null, Ct);
        Assert.True(back.Success, string.Join("\n", back.Errors));
        var firm = Assert.Single(back.Items);
        Assert.Equal((Hyperlink, "+cmd|' /C calc'!A0"), (firm.Name, firm.Industry));
    }

    [Fact]
    public async Task EnterpriseXlsx_HyperlinkName_IsAStringCellNotAFormula()
    {
        using var ms = new MemoryStream();
        await ListExporter.WriteXlsxAsync(ms, "企业", ServiceFiles.Header(ServiceFiles.EnterpriseColumns), [ServiceFiles.ToRow(Firm(Hyperlink))], Ct);

        ms.Position = 0;
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Read, leaveOpen: true))
        {
            var xml = string.Concat(zip.Entries.Where(e => e.FullName.StartsWith("xl/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal))
                .Select(e => new StreamReader(e.Open()).ReadToEnd()));
            Assert.DoesNotContain("<x:f>", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<f>", xml, StringComparison.Ordinal);
            Assert.Contains("=HYPERLINK(", xml, StringComparison.Ordinal);
        }

        ms.Position = 0;
        var back = await ListFileReader.ReadAsync(ms, "firms.xlsx", ServiceFiles.EnterpriseColumns, ServiceFiles.ParseEnterprise, null, Ct);
        Assert.True(back.Success, string.Join("\n", back.Errors));
        Assert.Equal(Hyperlink, Assert.Single(back.Items).Name);
    }

    [Fact]
    public async Task ListCsv_NegativeNumber_StaysANumber()
    {
        using var ms = new MemoryStream();
        await ListExporter.WriteCsvAsync(ms, ["name", "growth"], [["-下降", -8.7m]], Ct);

        var csv = Encoding.UTF8.GetString(ms.ToArray());
        Assert.Contains("'-下降,-8.7\r\n", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ObservationCsv_FormulaSource_IsNeutralisedAndNegativeGrowthIsNot()
    {
        using var ms = new MemoryStream();
        var row = new ExportRow("320612", "通州区", "gdp", "地区生产总值", "2023-01..06", 880.5m, "亿元", -8.7m, "Exact", "=cmd|' /C calc'!A0");
        await ObservationExporter.WriteCsvAsync(ms, [row], ExportLanguage.Chinese, Ct);

        var csv = Encoding.UTF8.GetString(ms.ToArray());
        Assert.Contains(",-8.7,", csv, StringComparison.Ordinal);
        Assert.Contains("'=cmd|", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LedgerCsv_FormulaText_IsNeutralisedAndNumbersAreNot()
    {
        using var ms = new MemoryStream();
        await LedgerReportExport.WriteCsvAsync(ms, [[.. Enumerable.Repeat<object?>(-3.5m, LedgerReportExport.Columns.Count - 1), "=1+1"]], Ct);

        var csv = Encoding.UTF8.GetString(ms.ToArray());
        Assert.Contains("-3.5,", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("'-3.5", csv, StringComparison.Ordinal);
        Assert.Contains(",'=1+1\r\n", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportAfterExport_ApostropheOnTextColumnsOnly()
    {
        var r = await ImportTestFiles.ReadTextAsync("a.csv", ImportTestFiles.Csv("region,indicator,period,value,unit,source", "320612,gdp,2023-01..06,880.5,亿元,'=来源"));

        ImportAssert.Ok(r);
        Assert.Equal("=来源", Assert.Single(r.Records).Source.Reference);
    }
}
