using System.Globalization;
using Baiqiang.Core.Projects;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Baiqiang.Storage.Projects;

/// <summary>
/// Writes a problem's 督办单 as .docx: title with the current level, a table of project, problem, responsible unit, level,
/// due date and status (with the resolution once resolved), then the history of every step (交办, each escalation, 解决, 销号).
/// </summary>
public static class SupervisionSheet
{
    private const string Font = "仿宋";
    private const string Heading = "黑体";
    private static readonly string[] HistoryHeader = ["日期", "级别", "期限", "事由", "经办"];

    public static void Write(SupervisionView view, string office, DateOnly printedOn, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(stream);
        var q = view.Problem;
        var s = view.Supervision;
        using var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document);
        var main = word.AddMainDocumentPart();
        var body = new Body();
        main.Document = new Document(body);

        body.Append(Para($"{ProblemSupervision.Name(s.Level)}单", Heading, 44, JustificationValues.Center));
        body.Append(Para($"编号：{q.Id}　　{office}　　{D(printedOn)}", Font, 24, JustificationValues.Center));
        body.Append(Grid(
            [
                ["项目", $"{q.ProjectCode} {view.ProjectName}"],
                ["问题", $"{q.Description}（{q.Category}）"],
                ["责任单位", q.ResponsibleDepartment],
                ["督办级别", ProblemSupervision.Name(s.Level)],
                ["办结期限", s.DueOn is { } due ? D(due) : "未定"],
                ["提出日期", D(q.RaisedOn)],
                ["办理状态", StatusZh(q.Status) + (q.Resolution is { } r ? $"：{r}（{D(q.ResolvedOn ?? q.RaisedOn)}）" : string.Empty)],
            ]));
        body.Append(Para("督办过程", Heading, 28, JustificationValues.Left));
        var rows = new List<string[]> { HistoryHeader };
        foreach (var step in s.History)
        {
            rows.Add([D(step.On), ProblemSupervision.Name(step.Level), step.DueOn is { } d ? D(d) : "—", step.Reason, step.By]);
        }

        if (q.ResolvedOn is { } resolved)
        {
            rows.Add([D(resolved), "解决", "—", q.Resolution ?? string.Empty, string.Empty]);
        }

        if (q.Status == ProblemStatus.Closed)
        {
            rows.Add(["—", "销号", "—", "已销号", string.Empty]);
        }

        body.Append(Grid(rows));
        body.Append(Para("请责任单位于办结期限前办结并书面反馈办理结果。", Font, 28, JustificationValues.Left));
        body.Append(new SectionProperties(
            new PageSize { Width = 11906U, Height = 16838U },
            new PageMargin { Top = 2098, Bottom = 1984, Left = 1588U, Right = 1474U, Header = 851U, Footer = 992U, Gutter = 0U }));
        main.Document.Save();
    }

    private static string D(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string StatusZh(ProblemStatus s) => s switch
    {
        ProblemStatus.Open => "待办",
        ProblemStatus.InProgress => "办理中",
        ProblemStatus.Resolved => "已解决",
        ProblemStatus.Closed => "已销号",
        _ => s.ToString(),
    };

    private static Paragraph Para(string text, string font, int halfPoints, JustificationValues justification) =>
        new(
            new ParagraphProperties(new Justification { Val = justification }),
            new Run(
                new RunProperties(
                    new RunFonts { Ascii = font, HighAnsi = font, EastAsia = font },
                    new FontSize { Val = halfPoints.ToString(CultureInfo.InvariantCulture) }),
                new Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    private static Table Grid(IEnumerable<string[]> rows)
    {
        var table = new Table(new TableProperties(
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 },
                new BottomBorder { Val = BorderValues.Single, Size = 4 },
                new LeftBorder { Val = BorderValues.Single, Size = 4 },
                new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 },
                new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })));
        foreach (var row in rows)
        {
            var tr = new TableRow();
            foreach (var cell in row)
            {
                tr.Append(new TableCell(Para(cell, Font, 24, JustificationValues.Left)));
            }

            table.Append(tr);
        }

        return table;
    }
}
