using System.Text;

namespace Baiqiang.Cli.Tests;

/// <summary>
/// <c>projects report</c> carries each project's 前期手续 (立项 … 施工许可 and a summary) as of <c>--today</c>, under Chinese
/// headers by default and English ones with <c>--lang en</c>, in CSV and XLSX.
/// </summary>
public sealed class ProjectsReportPreliminaryTests
{
    // P-1 is under construction: 立项 done, 环评 past its date, 施工许可 not done although building started (both overdue).
    // P-2 is in reserve: 立项 planned for December, not overdue in July.
    private const string Ledger =
        "序号,项目编号,项目名称,所属地区,建设单位,总投资(万元),计划年度,年度计划投资(万元),项目状态,责任领导,责任单位,立项计划日期,立项完成日期,環評計劃日期,施工许可计划日期\n"
        + "1,P-1,白酒产业园,510502,泸州酒业,50000,2022,10000,在建,张副区长,区经信局,2022-02-28,2022-02-20,2022-05-31,2022-09-30\n"
        + "2,P-2,滨江公园,510502,江阳城投,30000,2022,8000,储备,李副区长,区住建局,2022-12-31,,,\n";

    private static async Task<CliRunner> LoadedAsync(TempStore store)
    {
        var cli = new CliRunner(store.Path);
        await File.WriteAllTextAsync(store.File("ledger.csv"), Ledger, Encoding.UTF8, TestContext.Current.CancellationToken);
        Assert.Contains("新增 added 2", await cli.OkAsync("projects", "import", store.File("ledger.csv")), StringComparison.Ordinal);
        return cli;
    }

    /// <summary>The cells of one CSV line (fields quoted where they hold a comma or a quote).</summary>
    private static List<string> Cells(string line)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                cell.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        cells.Add(cell.ToString());
        return cells;
    }

    private static string Cell(string[] header, string line, string column)
    {
        var i = Array.IndexOf(header, column);
        Assert.True(i >= 0, "no column " + column);
        return Cells(line)[i];
    }

    [Fact]
    public async Task ReportCsv_ProjectRows_CarryPreliminaryStatusAsOfTodayInChinese()
    {
        using var store = new TempStore();
        var cli = await LoadedAsync(store);

        var csv = await cli.OkAsync("projects", "report", "--period", "2022-01..06", "--by", "project", "--format", "csv", "--today", "2022-07-10");

        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        Assert.Equal(["立项状态", "用地状态", "规划状态", "环评状态", "能评状态", "施工许可状态", "前期手续"], header[^7..]);
        var p1 = Assert.Single(lines, l => l.StartsWith("project,P-1,", StringComparison.Ordinal));
        Assert.Equal("已办结 2022-02-20", Cell(header, p1, "立项状态"));
        Assert.Equal(string.Empty, Cell(header, p1, "用地状态"));
        Assert.Equal("逾期(计划2022-05-31)", Cell(header, p1, "环评状态"));
        Assert.Equal("逾期(计划2022-09-30)", Cell(header, p1, "施工许可状态"));
        Assert.Equal("已办结1/3项,逾期2项", Cell(header, p1, "前期手续"));
        var p2 = Assert.Single(lines, l => l.StartsWith("project,P-2,", StringComparison.Ordinal));
        Assert.Equal("计划2022-12-31", Cell(header, p2, "立项状态"));
        Assert.Equal("已办结0/1项,逾期0项", Cell(header, p2, "前期手续"));
        var total = Cells(Assert.Single(lines, l => l.StartsWith("project,,合计,", StringComparison.Ordinal)));
        Assert.All(total[^7..], c => Assert.Equal(string.Empty, c));
    }

    [Fact]
    public async Task ReportCsvAndXlsx_LangEn_EnglishHeadersAndWords()
    {
        using var store = new TempStore();
        var cli = await LoadedAsync(store);

        var csv = await cli.OkAsync("projects", "report", "--period", "2022-01..06", "--by", "project", "--format", "csv", "--today", "2022-07-10", "--lang", "en");
        var xlsxPath = store.File("ledger-en.xlsx");
        await cli.OkAsync("projects", "report", "--period", "2022-01..06", "--by", "project", "--format", "xlsx", "--out", xlsxPath, "--today", "2022-07-10", "--lang", "en");

        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        Assert.Equal("grouping", header[0]);
        Assert.Equal(["project approval status", "land use status", "planning permit status", "environmental assessment status", "energy assessment status", "construction permit status", "pre-construction procedures"], header[^7..]);
        var p1 = Assert.Single(lines, l => l.StartsWith("project,P-1,", StringComparison.Ordinal));
        Assert.Equal("done 2022-02-20", Cell(header, p1, "project approval status"));
        Assert.Equal("overdue (planned 2022-05-31)", Cell(header, p1, "environmental assessment status"));
        Assert.Equal("1 of 3 done, 2 overdue", Cell(header, p1, "pre-construction procedures"));
        Assert.Contains(lines, l => l.StartsWith("project,,Total,", StringComparison.Ordinal));

        var rows = (await MiniExcelLibs.MiniExcel.QueryAsync(xlsxPath, useHeaderRow: true, cancellationToken: TestContext.Current.CancellationToken)).Cast<IDictionary<string, object?>>().ToList();
        var x1 = Assert.Single(rows, r => Equals(r["group"], "P-1"));
        Assert.Equal("overdue (planned 2022-09-30)", x1["construction permit status"]);
        Assert.Equal("1 of 3 done, 2 overdue", x1["pre-construction procedures"]);
    }

    [Fact]
    public async Task ReportTable_ProjectRows_CarryPreliminaryColumnsInChineseByDefault()
    {
        using var store = new TempStore();
        var cli = await LoadedAsync(store);

        var table = await cli.OkAsync("projects", "report", "--period", "2022-01..06", "--today", "2022-07-10");

        var lines = table.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var header = Assert.Single(lines, l => l.StartsWith("分组", StringComparison.Ordinal) && l.Contains("施工许可状态", StringComparison.Ordinal));
        foreach (var column in new[] { "立项状态", "用地状态", "规划状态", "环评状态", "能评状态", "施工许可状态", "前期手续" })
        {
            Assert.Contains(column, header, StringComparison.Ordinal);
        }

        var p1 = Assert.Single(lines, l => l.StartsWith("P-1 ", StringComparison.Ordinal));
        Assert.Contains("已办结 2022-02-20", p1, StringComparison.Ordinal);
        Assert.Contains("逾期(计划2022-05-31)", p1, StringComparison.Ordinal);
        Assert.Contains("已办结1/3项,逾期2项", p1, StringComparison.Ordinal);
        Assert.Contains("计划2022-12-31", Assert.Single(lines, l => l.StartsWith("P-2 ", StringComparison.Ordinal)), StringComparison.Ordinal);

        // The region table has no single status per group, so no 前期手续 columns.
        var regionHeader = lines[lines.FindIndex(l => l.StartsWith("按地区", StringComparison.Ordinal)) + 1];
        Assert.DoesNotContain("前期手续", regionHeader, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportTable_LangEn_EnglishHeadersAndWords()
    {
        using var store = new TempStore();
        var cli = await LoadedAsync(store);

        var table = await cli.OkAsync("projects", "report", "--period", "2022-01..06", "--by", "project", "--today", "2022-07-10", "--lang", "en");

        var lines = table.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var header = Assert.Single(lines, l => l.StartsWith("group ", StringComparison.Ordinal));
        Assert.Contains("construction permit status", header, StringComparison.Ordinal);
        Assert.Contains("pre-construction procedures", header, StringComparison.Ordinal);
        Assert.DoesNotContain("施工许可", header, StringComparison.Ordinal);
        var p1 = Assert.Single(lines, l => l.StartsWith("P-1 ", StringComparison.Ordinal));
        Assert.Contains("done 2022-02-20", p1, StringComparison.Ordinal);
        Assert.Contains("overdue (planned 2022-09-30)", p1, StringComparison.Ordinal);
        Assert.Contains("1 of 3 done, 2 overdue", p1, StringComparison.Ordinal);
    }
}
