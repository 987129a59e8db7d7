using System.Globalization;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Quantities;
using Baiqiang.Core.Regions;
using Baiqiang.Core.Text;
using Baiqiang.Extraction.Discourse;
using Baiqiang.Extraction.Facts;
using Baiqiang.Extraction.Places;
using Baiqiang.Extraction.Sections;
using Baiqiang.Extraction.Tokens;

namespace Baiqiang.Extraction.Tables;

/// <summary>A table found among a document's lines: its header rows and data rows, as indices into the paragraph list.</summary>
/// <param name="HeaderFirst">The first header line.</param>
/// <param name="DataFirst">The first data row (the header rows run from <paramref name="HeaderFirst"/> to here).</param>
/// <param name="End">One past the last data row.</param>
/// <param name="Stacked">For a table flattened to one cell a line, the cells of a row (name and figures); 0 when a line is a row.</param>
/// <param name="PipeAt">For a table of |-separated cells whose rows break across lines, where its first | is (the words before
/// it on that line are prose or the table's title); -1 otherwise.</param>
internal readonly record struct TableSpan(int HeaderFirst, int DataFirst, int End, int Stacked = 0, int PipeAt = -1);

/// <summary>
/// Tables → facts. HTML tables (rows as lines, cells separated by tabs, see <see cref="DocumentText"/>) and aligned text tables
/// (columns separated by two or more spaces or tabs) are read the same way:
/// <list type="bullet">
/// <item>the header rows (no figures, words such as 指标/单位/同比增长/累计/地区) give each column a path — an upper header spanning
/// several columns (地区生产总值 over 总量 and 同比增长) is part of the path of each column under it;</item>
/// <item>each column gets a role from its path: the unit column (单位), growth columns (同比, 增长, 增速, 增幅, ±), and value
/// columns (everything else that holds figures), a value column's period from its header (1-7月, 本月) or the period in force;
/// a growth column goes with the value column before it;</item>
/// <item>rows are indicators (the first cell read through the catalogue automaton) or, when the first column holds regions
/// (地区, 区县 or names the registry resolves), regions — then the indicator is the column's upper header;</item>
/// <item>the unit comes from the unit column, else from the header's brackets (总量(亿元)), else from a 单位:万元 line just above.</item>
/// </list>
/// Each fact's source is the header path and the row; its rule is <c>table.indicator-rows</c> or <c>table.region-rows</c>.
/// A table that came through as one cell a line (header cells, then a name line and its figure lines, row after row) is read
/// the same way (<see cref="FindStacked"/>). A figure cell may carry its unit (162817吨).
/// </summary>
internal sealed class TableReader(DocumentText text, IndicatorNames dictionary, RegionContext regions, DiscourseState discourse, FactBuilder facts, DateOnly? reference)
{
    private const int MaxHeaderRows = 3;

    private static readonly string[] HeaderWords =
        ["指标", "单位", "同比", "增长", "增速", "增幅", "绝对值", "本期", "累计", "本月", "当月", "总量", "地区", "名称", "项目", "金额", "比上年", "±", "数值", "区县", "县(市、区)", "县市区"];

    private static readonly string[] GrowthWords = ["同比", "增长", "增速", "增幅", "±", "比上年", "比去年", "增减"];

    private static readonly string[] RegionColumnWords = ["地区", "区县", "县(市、区)", "县市区", "县(市)", "区域", "乡镇"];

    private readonly string _n = text.Normalized;

    private string? _productTableHeader; // the header of the last table with a 生产总值 row: its industry rows are value added

    /// <summary>The tables among <paramref name="paragraphs"/>, in order and not overlapping.</summary>
    public static List<TableSpan> Find(string n, IReadOnlyList<Paragraph> paragraphs)
    {
        var tables = new List<TableSpan>();
        var k = 0;
        while (k < paragraphs.Count)
        {
            if (FindPiped(n, paragraphs, k) is { } piped)
            {
                tables.Add(piped);
                k = piped.End;
                continue;
            }

            if (FindStacked(n, paragraphs, k) is { } stacked)
            {
                tables.Add(stacked);
                k = stacked.End;
                continue;
            }

            if (!IsHeaderRow(n, paragraphs[k]))
            {
                k++;
                continue;
            }

            var dataFirst = k + 1;
            while (dataFirst < paragraphs.Count && dataFirst - k < MaxHeaderRows && !IsDataRow(n, paragraphs[dataFirst]) && IsUpperOrLowerHeader(n, paragraphs[dataFirst]))
            {
                dataFirst++;
            }

            var end = dataFirst;
            while (end < paragraphs.Count && IsDataRow(n, paragraphs[end]))
            {
                end++;
            }

            if (end > dataFirst)
            {
                tables.Add(new TableSpan(k, dataFirst, end));
                k = end;
            }
            else
            {
                k++;
            }
        }

        return tables;
    }

    /// <summary>The longest run of header cells a stacked table may have above its first row (a title line and the column headers).</summary>
    private const int MaxStackedHeader = 8;

    /// <summary>
    /// A table flattened to one cell a line, starting at line <paramref name="k"/>: short lines with no figure (a title, then one
    /// header cell per column, the name column's optional), then rows of a name line and the same number of figure lines (a
    /// number, a number with its unit, or an empty mark) — at least two rows, a header cell for every figure column, and a
    /// header that says what its columns hold (a period, 同比/增长, 单位, 累计…). Prose lines (sentence punctuation, more than
    /// 20 characters) are never cells, so a paragraph with figures is never read as a table. Null when no such table starts here.
    /// </summary>
    internal static TableSpan? FindStacked(string n, IReadOnlyList<Paragraph> paragraphs, int k)
    {
        var m = 0; // lines with no figure from k: header cells, and the first row's name last
        while (k + m < paragraphs.Count && m <= MaxStackedHeader && IsStackedWordCell(n, paragraphs[k + m]))
        {
            m++;
        }

        if (m < 2 || m > MaxStackedHeader)
        {
            return null;
        }

        var figures = 0;
        while (k + m + figures < paragraphs.Count && IsStackedFigureCell(n, paragraphs[k + m + figures]))
        {
            figures++;
        }

        var headers = m - 1;
        if (figures == 0 || headers < figures || figures > 8)
        {
            return null;
        }

        var width = figures + 1;
        var headerFirst = k + m - 1 - Math.Min(headers, width); // the name column's header when there is one, else the first figure column's
        var saysWhat = false;
        for (var h = k + m - 1 - figures; h < k + m - 1; h++)
        {
            var cell = n[paragraphs[h].Start..paragraphs[h].End].Trim();
            saysWhat |= HeaderWords.Any(w => cell.Contains(w, StringComparison.Ordinal)) || GrowthWords.Any(w => cell.Contains(w, StringComparison.Ordinal))
                || cell.Contains('年', StringComparison.Ordinal) || cell.Contains('月', StringComparison.Ordinal) || cell.Contains('%', StringComparison.Ordinal);
        }

        if (!saysWhat)
        {
            return null;
        }

        var dataFirst = k + m - 1;
        var end = dataFirst;
        while (end + width <= paragraphs.Count && IsStackedWordCell(n, paragraphs[end]))
        {
            var row = true;
            var any = false;
            for (var c = 1; c < width && row; c++)
            {
                var p = paragraphs[end + c];
                row = IsStackedFigureCell(n, p);
                any |= row && FigureCell(n.AsSpan(p.Start, p.End - p.Start).Trim()).Value is not null;
            }

            if (!row || !any)
            {
                break;
            }

            end += width;
        }

        return end - dataFirst >= 2 * width ? new TableSpan(headerFirst, dataFirst, end, width) : null;
    }

    private static readonly System.Buffers.SearchValues<char> NotInACell = System.Buffers.SearchValues.Create(",。;!?\t");

    /// <summary>A stacked table's word cell: a short line with no figure and no sentence punctuation.</summary>
    private static bool IsStackedWordCell(string n, Paragraph p)
    {
        var cell = n.AsSpan(p.Start, p.End - p.Start).Trim();
        return cell.Length is > 0 and <= 20 && cell.IndexOfAny(NotInACell) < 0 && !cell.Contains("  ", StringComparison.Ordinal) && !IsStackedFigureCell(n, p);
    }

    /// <summary>A stacked table's figure cell: a number (with its unit), an empty mark, or the cell of a unit column (吨, 万元).</summary>
    private static bool IsStackedFigureCell(string n, Paragraph p)
    {
        var cell = n.AsSpan(p.Start, p.End - p.Start).Trim();
        return (cell.Length > 0 && IsEmptyCell(cell)) || FigureCell(cell).Value is not null || IsUnitCell(cell);
    }

    /// <summary>A cell's figure and the unit written after it (162817吨, 4.2万元); the unit is null for a bare number.</summary>
    internal static (decimal? Value, Unit? Unit) FigureCell(ReadOnlySpan<char> cell)
    {
        if (ParseNumber(cell) is { } bare)
        {
            return (bare, null);
        }

        var split = 0;
        while (split < cell.Length && (char.IsAsciiDigit(cell[split]) || cell[split] is '.' or ',' or '-' or '+'))
        {
            split++;
        }

        var suffix = cell[split..].Trim();
        if (split == 0 || suffix.IsEmpty || suffix.Length > 6 || suffix[0] is '年' or '月' or '日' or '号' or '时' || ParseNumber(cell[..split]) is not { } v)
        {
            return (null, null);
        }

        return Unit.TryFind(suffix.ToString(), out var unit) ? (v, unit) : (null, null);
    }

    /// <summary>
    /// A table of |-separated cells whose rows run on across lines (<c>… 执行情况表 | 科目 | 计划 | 累计 | 同比% | 税收收入 | 890 |</c>,
    /// then lines starting with |): a line with at least four | and the lines after it that start with one. Its cells are the
    /// stretches between two | (an empty stretch, also across a line break, is an empty cell), read by <see cref="PipedLayout"/>.
    /// </summary>
    internal static TableSpan? FindPiped(string n, IReadOnlyList<Paragraph> paragraphs, int k)
    {
        var first = paragraphs[k];
        var line = n.AsSpan(first.Start, first.End - first.Start);
        if (line.Count('|') < 4 || (k > 0 && line.TrimStart().StartsWith('|') && n.AsSpan(paragraphs[k - 1].Start, paragraphs[k - 1].End - paragraphs[k - 1].Start).TrimStart().StartsWith('|')))
        {
            return FindPipedHeaderOverLines(n, paragraphs, k); // a line that goes on from a |-line before it starts no table: each run of such lines is looked at once
        }

        var end = k + 1;
        while (end < paragraphs.Count && n.AsSpan(paragraphs[end].Start, paragraphs[end].End - paragraphs[end].Start).TrimStart().StartsWith('|'))
        {
            end++;
        }

        var pipeAt = first.Start + line.IndexOf('|');
        return PipedLayout(n, PipeCells(n, pipeAt, paragraphs[end - 1].End)) is not null
            ? new TableSpan(k, k, end, PipeAt: pipeAt)
            : null;
    }

    /// <summary>
    /// A |-table whose header cells break across lines (<c>| 项目 | 单位 |</c>, <c>3月 | 1-3月累计 |</c>, <c>同比增长(%) | 结构(%) |</c>, each a
    /// line of fewer than four |), then one row a line (<c>| 零售额 | 万元 | 87 | 249 | -2.1 | 21.5 |</c>): a line with a | after
    /// a line without one, up to three more lines with a | that do not start with one, then the lines that do.
    /// </summary>
    private static TableSpan? FindPipedHeaderOverLines(string n, IReadOnlyList<Paragraph> paragraphs, int k)
    {
        ReadOnlySpan<char> Line(int i) => n.AsSpan(paragraphs[i].Start, paragraphs[i].End - paragraphs[i].Start);
        var line = Line(k);
        if (!line.Contains('|') || (k > 0 && Line(k - 1).Contains('|')))
        {
            return null;
        }

        var rows = k + 1;
        while (rows < paragraphs.Count && rows - k <= 3 && Line(rows).Contains('|') && !Line(rows).TrimStart().StartsWith('|'))
        {
            rows++;
        }

        var end = rows;
        while (end < paragraphs.Count && Line(end).TrimStart().StartsWith('|'))
        {
            end++;
        }

        if (end - rows < 2)
        {
            return null;
        }

        var pipeAt = paragraphs[k].Start + line.IndexOf('|');
        return PipedLayout(n, PipeCells(n, pipeAt, paragraphs[end - 1].End)) is not null
            ? new TableSpan(k, k, end, PipeAt: pipeAt)
            : null;
    }

    /// <summary>The stretches between consecutive | from <paramref name="from"/> to <paramref name="end"/>, trimmed (empty ones kept).</summary>
    private static List<(int Start, int End)> PipeCells(string n, int from, int end)
    {
        var cells = new List<(int, int)>();
        var last = from;
        for (var i = from + 1; i < end; i++)
        {
            if (n[i] == '|')
            {
                var (a, b) = (last + 1, i);
                while (a < b && char.IsWhiteSpace(n[a]))
                {
                    a++;
                }

                while (b > a && char.IsWhiteSpace(n[b - 1]))
                {
                    b--;
                }

                cells.Add((a, b));
                last = i;
            }
        }

        return cells;
    }

    /// <summary>A piped table read: each column's header path and the rows (name cell first), all of one width.</summary>
    private sealed record PipedTable(List<string> Paths, List<List<(int Start, int End)>> Rows);

    /// <summary>
    /// The layout of a piped table's cells: header cells up to the first name cell followed by a figure, then rows of one width
    /// (a name, then figure or empty cells; a last row cut short is left out). The header is one row when it has a cell for
    /// each column; a header of two rows flattened into one run (科目 | 计划 | 累计 | 累计 | 占计划% | 同比% | 备注 | 中央级 | 省级 |
    /// 合计) is taken apart when it ends in 备注 and one upper cell is written twice: that cell spans the sub-headers after 备注.
    /// Null when the cells do not make such a table, at least two rows, with a header that says what its columns hold.
    /// </summary>
    private static PipedTable? PipedLayout(string n, List<(int Start, int End)> cells)
    {
        bool IsFigure((int Start, int End) c) => c.End > c.Start && FigureCell(n.AsSpan(c.Start, c.End - c.Start)).Value is not null;
        bool IsEmpty((int Start, int End) c) => IsEmptyCell(n.AsSpan(c.Start, c.End - c.Start));
        bool IsUnit((int Start, int End) c) => IsUnitCell(n.AsSpan(c.Start, c.End - c.Start));
        bool IsName((int Start, int End) c) => c.End > c.Start && c.End - c.Start <= 30 && !IsFigure(c) && !IsEmpty(c) && !IsUnit(c);

        var firstRow = 0; // the first name followed by a figure, or by a unit cell and a figure (| 零售额 | 万元 | 87 |)
        while (firstRow + 1 < cells.Count && !(IsName(cells[firstRow]) && (IsFigure(cells[firstRow + 1])
            || (firstRow + 2 < cells.Count && IsUnit(cells[firstRow + 1]) && IsFigure(cells[firstRow + 2])))))
        {
            firstRow++;
        }

        var header = new List<string>();
        for (var c = 0; c < firstRow; c++)
        {
            var text = n[cells[c].Start..cells[c].End].Replace(" ", string.Empty, StringComparison.Ordinal);
            if (text.Length > 0)
            {
                header.Add(text);
            }
        }

        var rows = new List<List<(int Start, int End)>>();
        for (var c = firstRow; c < cells.Count;)
        {
            var row = new List<(int Start, int End)> { cells[c] };
            c++;
            while (c < cells.Count && !IsName(cells[c]))
            {
                row.Add(cells[c]);
                c++;
            }

            rows.Add(row);
        }

        if (header.Count < 3 || rows.Count < 2 || header.Any(h => h.Length > 20))
        {
            return null;
        }

        var doubled = header.Where((h, i) => i > 0 && header[i - 1] == h).ToList();
        var deduped = header.Where((h, i) => i == 0 || header[i - 1] != h).ToList();
        if (rows[0].Count == deduped.Count + 1 && IsEmpty(rows[0][^1]))
        {
            // One row a line: the stretch between a row's last | and the next row's first is a line break, not a cell.
            foreach (var r in rows)
            {
                while (r.Count > deduped.Count && IsEmpty(r[^1]))
                {
                    r.RemoveAt(r.Count - 1);
                }
            }

            while (rows[^1].Count < deduped.Count)
            {
                rows[^1].Add((rows[^1][^1].End, rows[^1][^1].End)); // the last line, with no row after it, stops at its last written cell
            }
        }

        var width = rows[0].Count;
        var full = rows.Where(r => r.Count == width).ToList();
        if (full.Count < 2 || full.Count < rows.Count - 1 || width < 3 || full.Count(r => r.Skip(1).Any(IsFigure)) < 2
            || !full.All(r => r.Skip(1).Any(IsFigure) || r.Skip(1).All(IsEmpty)))
        {
            return null; // rows of different widths: cells were lost, and no column can be trusted (a row of empty cells is a heading: 在总额中)
        }

        List<string> paths;
        if (deduped.Count == width)
        {
            paths = deduped;
        }
        else
        {
            var note = deduped.IndexOf("备注");
            if (note < 0 || note == deduped.Count - 1 || doubled.Count != 1)
            {
                return null;
            }

            var upper = deduped[..(note + 1)];
            var sub = deduped[(note + 1)..];
            var span = upper.IndexOf(doubled[0]);
            if (span <= 0 || upper.Count - 1 + sub.Count != width)
            {
                return null;
            }

            paths = [.. upper[..span], .. sub.Select(x => upper[span] + "/" + x), .. upper[(span + 1)..]];
        }

        var saysWhat = paths.Skip(1).Any(h => HeaderWords.Any(w => h.Contains(w, StringComparison.Ordinal)) || GrowthWords.Any(w => h.Contains(w, StringComparison.Ordinal)) || h.Contains('%', StringComparison.Ordinal));
        return saysWhat ? new PipedTable(paths, full) : null;
    }

    /// <summary>
    /// Reads a piped table. Beyond value and growth columns it knows a plan share column (占计划%, 完成预算%: the plan share of the
    /// value column before it, making the fact a plan completion) and columns that are not the period's level (本年收入计划, 预算数,
    /// 上年同期数, 上年数): those are not read. Under an upper header with a 合计 sub-column only the 合计 is read (the others are
    /// parts, by level or by kind). A 累计 column under a single month's title is January to that month. With no unit written, a
    /// table's unit is that of the first row's value where the text before the table states it (税收收入15348万元).
    /// </summary>
    private void ReadPiped(IReadOnlyList<Paragraph> paragraphs, TableSpan table)
    {
        var tableEnd = paragraphs[table.End - 1].End;
        if (PipedLayout(_n, PipeCells(_n, table.PipeAt, tableEnd)) is not { } layout)
        {
            return;
        }

        var width = layout.Paths.Count;
        var title = _n[paragraphs[table.HeaderFirst].Start..table.PipeAt];
        var titleCut = Math.Max(Math.Max(title.LastIndexOf('。'), title.LastIndexOf(':')), title.LastIndexOf(';'));
        title = title[(titleCut + 1)..].Trim();
        var titlePeriod = PeriodOf(title);
        var totals = layout.Paths.Any(p => p.EndsWith("/合计", StringComparison.Ordinal) || p.EndsWith("/小计", StringComparison.Ordinal));
        var columns = Roles(layout.Paths);
        var read = new List<Column> { columns[0] };
        for (var c = 1; c < columns.Count; c++)
        {
            var col = columns[c];
            var leaf = col.Path[(col.Path.LastIndexOf('/') + 1)..];
            var notTheLevel = col.Path.Contains("上年", StringComparison.Ordinal) || col.Path.Contains("去年", StringComparison.Ordinal)
                || ((col.Path.Contains("计划", StringComparison.Ordinal) || col.Path.Contains("预算", StringComparison.Ordinal)) && !col.Path.Contains('占', StringComparison.Ordinal) && !col.Path.Contains('%', StringComparison.Ordinal));
            var part = totals && col.Path.Contains('/', StringComparison.Ordinal) && leaf is not ("合计" or "小计");
            if (col.Role == ColumnRole.Value && (notTheLevel || part))
            {
                continue;
            }

            var planShare = col.Path.Contains('占', StringComparison.Ordinal) && (col.Path.Contains("计划", StringComparison.Ordinal) || col.Path.Contains("预算", StringComparison.Ordinal));
            var share = !planShare && col.Role == ColumnRole.Value && col.Unit is { Dimension: Dimension.Percent } && ShareWords.Any(w => leaf.StartsWith(w, StringComparison.Ordinal));
            var period = col.Period ?? (share ? read.LastOrDefault(v => v.Role == ColumnRole.Value && v.Period is not null)?.Period : null) ?? titlePeriod;
            if (period is { } p && p.MonthCount == 1 && col.Path.Contains("累计", StringComparison.Ordinal))
            {
                period = StatPeriod.CumulativeTo(p.Year, p.LastMonth);
            }

            read.Add(col with { Role = planShare ? ColumnRole.PlanShare : col.Role, Period = period, Share = share });
        }

        for (var c = 0; c < read.Count; c++)
        {
            if (read[c].Role == ColumnRole.Growth)
            {
                var before = read.Take(c).LastOrDefault(v => v.Role == ColumnRole.Value);
                read[c] = read[c] with { ValueColumn = before?.Index ?? -1 }; // the level it goes with, now that 上年同期数 is not read
            }
        }

        var unit = UnitLineAbove(paragraphs, table.HeaderFirst) ?? UnitStatedBefore(layout.Rows, read, table.PipeAt);
        var headerText = (title.Length > 0 ? title + " / " : string.Empty) + string.Join(" / ", layout.Paths);
        foreach (var row in layout.Rows)
        {
            var rowText = string.Join(" | ", row.Select(c => _n[c.Start..c.End]));
            Row(row, row[0].Start, row[^1].End, rowText, width, read, regionRows: false, unit, headerText);
        }
    }

    /// <summary>The unit the text before <paramref name="before"/> writes after a row's value (its first value column), or null.</summary>
    private Unit? UnitStatedBefore(List<List<(int Start, int End)>> rows, List<Column> columns, int before)
    {
        var valueColumn = columns.FirstOrDefault(c => c.Role == ColumnRole.Value);
        if (valueColumn is null)
        {
            return null;
        }

        foreach (var row in rows)
        {
            var cell = row[valueColumn.Index];
            var figure = _n[cell.Start..cell.End];
            if (figure.Length < 2 || ParseNumber(figure) is null)
            {
                continue;
            }

            for (var at = _n.LastIndexOf(figure, before, StringComparison.Ordinal); at > 0; at = at > 0 ? _n.LastIndexOf(figure, at - 1, StringComparison.Ordinal) : -1)
            {
                var after = at + figure.Length;
                if (char.IsAsciiDigit(_n[at - 1]) || _n[at - 1] == '.' || after >= _n.Length || char.IsAsciiDigit(_n[after]) || _n[after] == '.')
                {
                    continue;
                }

                for (var len = Math.Min(4, _n.Length - after); len >= 1; len--)
                {
                    if (Unit.TryFind(_n.Substring(after, len), out var u) && u.Dimension != Dimension.Percent)
                    {
                        return u;
                    }
                }
            }
        }

        return null;
    }

    /// <summary>Reads one table and adds its facts.</summary>
    public void Read(IReadOnlyList<Paragraph> paragraphs, TableSpan table)
    {
        if (table.PipeAt >= 0)
        {
            ReadPiped(paragraphs, table);
            return;
        }

        if (table.Stacked > 0)
        {
            ReadStacked(paragraphs, table);
            return;
        }

        var headerRows = new List<List<(int Start, int End)>>();
        for (var k = table.HeaderFirst; k < table.DataFirst; k++)
        {
            headerRows.Add(Cells(_n, paragraphs[k]));
        }

        var width = headerRows.Max(r => r.Count);
        var paths = HeaderPaths(headerRows, width);
        var columns = Roles(paths);
        var regionRows = RegionColumnWords.Any(w => paths[0].Contains(w, StringComparison.Ordinal));
        if (!regionRows)
        {
            var resolvable = 0;
            for (var k = table.DataFirst; k < table.End; k++)
            {
                var first = Cells(_n, paragraphs[k])[0];
                resolvable += RegionOfCell(first.Start, first.End) is not null ? 1 : 0;
            }

            regionRows = resolvable * 2 > table.End - table.DataFirst;
        }

        var unitAbove = UnitLineAbove(paragraphs, table.HeaderFirst);
        var headerText = string.Join(" / ", paths.Where(p => p.Length > 0));
        for (var k = table.DataFirst; k < table.End; k++)
        {
            var p = paragraphs[k];
            Row(Cells(_n, p), p.Start, p.End, _n[p.Start..p.End].Replace('\t', ' '), width, columns, regionRows, unitAbove, headerText);
        }
    }

    /// <summary>Reads a table of one cell a line: its header cells make one header row (an empty name header when none is written), each group of <see cref="TableSpan.Stacked"/> lines a row.</summary>
    private void ReadStacked(IReadOnlyList<Paragraph> paragraphs, TableSpan table)
    {
        var width = table.Stacked;
        var header = new List<(int Start, int End)>();
        for (var k = table.HeaderFirst; k < table.DataFirst; k++)
        {
            header.Add(Trim(_n, paragraphs[k].Start, paragraphs[k].End));
        }

        if (header.Count < width)
        {
            header.Insert(0, (paragraphs[table.HeaderFirst].Start, paragraphs[table.HeaderFirst].Start));
        }

        var paths = HeaderPaths([header], width);
        var columns = Roles(paths);
        var unitAbove = UnitLineAbove(paragraphs, table.HeaderFirst);
        var headerText = string.Join(" / ", paths.Where(p => p.Length > 0));
        for (var k = table.DataFirst; k + width <= table.End; k += width)
        {
            var cells = new List<(int Start, int End)>(width);
            for (var c = 0; c < width; c++)
            {
                cells.Add(Trim(_n, paragraphs[k + c].Start, paragraphs[k + c].End));
            }

            var rowText = string.Join(" | ", cells.Select(c => _n[c.Start..c.End]));
            Row(cells, paragraphs[k].Start, paragraphs[k + width - 1].End, rowText, width, columns, regionRows: false, unitAbove, headerText);
        }
    }

    /// <summary>A column of a table: where it is, its header path, what it holds; a value column of shares (结构(%), 比重(%)) holds
    /// each row's share of the whole, in the period of the value column before it.</summary>
    private sealed record Column(int Index, string Path, ColumnRole Role, string Indicator, Unit? Unit, StatPeriod? Period, int ValueColumn, bool Share = false);

    /// <summary>How a column of a row's share of the whole is headed (结构(%)).</summary>
    private static readonly string[] ShareWords = ["结构", "比重", "占比", "构成"];

    private enum ColumnRole
    {
        Name,
        Unit,
        Value,
        Growth,
        PlanShare,
    }

    private void Row(List<(int Start, int End)> cells, int rowStart, int rowEnd, string rowText, int width, List<Column> columns, bool regionRows, Unit? unitAbove, string headerText)
    {
        if (cells.Count < width && cells.Count >= 2 && !_n.AsSpan(rowStart, rowEnd - rowStart).Contains('\t'))
        {
            // An aligned text table drops empty cells: the name is the first cell, the figures align to the right.
            var padded = new List<(int, int)> { cells[0] };
            for (var k = 0; k < width - cells.Count; k++)
            {
                padded.Add((cells[0].End, cells[0].End));
            }

            padded.AddRange(cells.Skip(1));
            cells = padded;
        }

        var (nameStart, nameEnd) = cells[0];
        var rowName = CleanRowName(_n[nameStart..nameEnd]);
        if (rowName.Length == 0)
        {
            return;
        }

        Region? region;
        string? regionText;
        if (regionRows)
        {
            region = RegionOfCell(nameStart, nameEnd);
            regionText = rowName;
            if (region is null)
            {
                return; // a row that names no region we know (合计, 其他) is not guessed at
            }
        }
        else
        {
            (region, regionText) = discourse.SectionRegion is { } sr ? (sr.Region, sr.Text) : (regions.Main, regions.MainText);
        }

        Unit? rowUnit = null;
        foreach (var c in columns.Where(c => c.Role == ColumnRole.Unit && c.Index < cells.Count))
        {
            var u = _n[cells[c.Index].Start..cells[c.Index].End].Trim();
            rowUnit = Unit.TryFind(u, out var found) ? found : null;
        }

        var source = headerText + " | " + rowText;
        var done = new HashSet<int>();
        foreach (var c in columns.Where(c => c.Role is ColumnRole.Value or ColumnRole.Growth))
        {
            if (done.Contains(c.Index) || c.Index >= cells.Count)
            {
                continue;
            }

            Column? valueColumn = c.Role == ColumnRole.Value ? c : null;
            Column? growthColumn = c.Role == ColumnRole.Growth ? c : columns.FirstOrDefault(g => g.Role == ColumnRole.Growth && g.ValueColumn == c.Index);
            done.Add(c.Index);
            if (growthColumn is not null)
            {
                done.Add(growthColumn.Index);
            }

            var (value, cellUnit) = valueColumn is null ? (null, null) : FigureCell(_n.AsSpan(cells[valueColumn.Index].Start, cells[valueColumn.Index].End - cells[valueColumn.Index].Start).Trim());
            var growth = growthColumn is null || growthColumn.Index >= cells.Count ? null : Number(cells[growthColumn.Index]);
            var planColumn = valueColumn is null ? null : columns.FirstOrDefault(g => g.Role == ColumnRole.PlanShare && g.Index > valueColumn.Index && g.Index < cells.Count);
            var planShare = planColumn is null ? null : Number(cells[planColumn.Index]);
            if (value is null && growth is null)
            {
                continue;
            }

            var indicatorText = regionRows ? (valueColumn ?? growthColumn)!.Indicator : rowName;
            if (indicatorText.Length == 0)
            {
                continue;
            }

            if (!regionRows && indicatorText.EndsWith("生产总值", StringComparison.Ordinal))
            {
                _productTableHeader = headerText;
            }
            else if (!regionRows && indicatorText is "第一产业" or "第二产业" or "第三产业" && string.Equals(_productTableHeader, headerText, StringComparison.Ordinal))
            {
                indicatorText += "增加值"; // a row of the product by industry (生产总值, then 第一产业…): the industry's value added
            }

            var unit = cellUnit ?? valueColumn?.Unit ?? rowUnit ?? unitAbove;
            if (value is not null && unit is null)
            {
                continue; // a figure without a unit is not read as a level
            }

            var found = dictionary.FindLongest(indicatorText, value is null ? null : unit!.Dimension);
            var code = found?.Indicator.Code;
            var name = code is not null ? found!.Value.Indicator.NameZh : ChineseText.ToSimplified(indicatorText);
            var figure = value is not null ? cells[valueColumn!.Index] : cells[growthColumn!.Index];
            var period = (valueColumn ?? growthColumn)!.Period ?? discourse.Period;
            var rule = regionRows ? "table.region-rows" : "table.indicator-rows";
            var draft = value is { } v
                ? new FactDraft(valueColumn!.Share ? FactKind.Share : planShare is null ? FactKind.Value : FactKind.PlanCompletion, new Amount(v, unit!), null, growth, planShare, name, indicatorText, code, figure.Start, Math.Max(1, figure.End - figure.Start), rule, Source: source)
                : new FactDraft(FactKind.Growth, null, null, growth, null, name, indicatorText, code, figure.Start, Math.Max(1, figure.End - figure.Start), rule, Source: source);
            facts.Add(draft, rowStart, rowEnd, period, region, regionText, goal: false);
        }
    }

    /// <summary>Each column's path through the header rows; an empty upper cell continues the one to its left (colspan), an empty lower cell the one above (rowspan).</summary>
    private List<string> HeaderPaths(List<List<(int Start, int End)>> rows, int width)
    {
        var grid = rows.Select(r => Enumerable.Range(0, width).Select(c => c < r.Count ? _n[r[c].Start..r[c].End].Trim() : string.Empty).ToArray()).ToList();
        for (var r = 0; r < grid.Count - 1; r++)
        {
            for (var c = 1; c < width; c++)
            {
                if (grid[r][c].Length == 0)
                {
                    grid[r][c] = grid[r][c - 1];
                }
            }
        }

        for (var r = 1; r < grid.Count; r++)
        {
            for (var c = 0; c < width; c++)
            {
                if (grid[r][c].Length == 0)
                {
                    grid[r][c] = grid[r - 1][c];
                }
            }
        }

        var paths = new List<string>(width);
        for (var c = 0; c < width; c++)
        {
            var parts = new List<string>();
            foreach (var row in grid)
            {
                if (row[c].Length > 0 && (parts.Count == 0 || parts[^1] != row[c]))
                {
                    parts.Add(row[c]);
                }
            }

            paths.Add(string.Join("/", parts));
        }

        return paths;
    }

    private List<Column> Roles(List<string> paths)
    {
        var columns = new List<Column> { new(0, paths[0], ColumnRole.Name, string.Empty, null, null, -1) };
        var lastValue = -1;
        string lastIndicator = string.Empty;
        for (var c = 1; c < paths.Count; c++)
        {
            var path = paths[c];
            var leaf = path[(path.LastIndexOf('/') + 1)..];
            if (leaf is "单位" or "计量单位" or "计算单位")
            {
                columns.Add(new Column(c, path, ColumnRole.Unit, string.Empty, null, null, -1));
                continue;
            }

            var growth = GrowthWords.Any(w => leaf.Contains(w, StringComparison.Ordinal));
            var unit = BracketUnit(leaf);
            if (unit is { Dimension: Dimension.Percent } && !growth && (leaf.Contains('增', StringComparison.Ordinal) || leaf.Contains('±', StringComparison.Ordinal)))
            {
                growth = true;
            }

            var indicator = IndicatorPart(path);
            if (indicator.Length == 0)
            {
                indicator = lastIndicator;
            }

            var period = PeriodOf(path);
            if (growth)
            {
                columns.Add(new Column(c, path, ColumnRole.Growth, indicator, null, period, lastValue >= 0 && columns[lastValue].Indicator == indicator ? lastValue : -1));
                continue;
            }

            columns.Add(new Column(c, path, ColumnRole.Value, indicator, unit, period, -1));
            lastValue = columns.Count - 1;
            lastIndicator = indicator;
        }

        // Growth columns point at their value column by index in the row, not in the column list.
        return [.. columns.Select(col => col.Role == ColumnRole.Growth && col.ValueColumn >= 0 ? col with { ValueColumn = columns[col.ValueColumn].Index } : col)];
    }

    /// <summary>The indicator an upper header names (地区生产总值 in 地区生产总值/总量(亿元)); empty when the path only names roles.</summary>
    private string IndicatorPart(string path)
    {
        foreach (var part in path.Split('/'))
        {
            var bare = StripBrackets(part);
            if (bare.Length >= 2 && dictionary.FindLongest(bare, null) is not null)
            {
                return bare; // 地区生产总值 starts with the header word 地区 but is a catalogued name
            }

            if (bare.Length >= 2 && !HeaderWords.Any(w => bare.StartsWith(w, StringComparison.Ordinal)) && !GrowthWords.Any(w => bare.Contains(w, StringComparison.Ordinal))
                && !bare.Any(char.IsAsciiDigit))
            {
                return bare;
            }
        }

        return string.Empty;
    }

    private StatPeriod? PeriodOf(string path)
    {
        for (var i = 0; i < path.Length; i++)
        {
            if (PeriodScanner.TryScan(path, i, path.Length, reference, out var token, discourse.YearlessReference) && token.Period is { } p && token.Use == PeriodUse.Period)
            {
                return p;
            }
        }

        return null;
    }

    private static Unit? BracketUnit(string leaf)
    {
        var open = leaf.IndexOf('(', StringComparison.Ordinal);
        var close = leaf.LastIndexOf(')');
        if (open < 0 || close <= open + 1)
        {
            return null;
        }

        var inner = leaf[(open + 1)..close].Trim();
        if (inner.StartsWith("单位", StringComparison.Ordinal))
        {
            inner = inner.TrimStart('单', '位', ':').Trim();
        }

        return Unit.TryFind(inner, out var u) ? u : null;
    }

    private static string StripBrackets(string s)
    {
        var open = s.IndexOf('(', StringComparison.Ordinal);
        return (open >= 0 ? s[..open] : s).Trim();
    }

    /// <summary>A 单位:万元 line within the two lines before the table.</summary>
    private Unit? UnitLineAbove(IReadOnlyList<Paragraph> paragraphs, int headerFirst)
    {
        for (var k = headerFirst - 1; k >= Math.Max(0, headerFirst - 2); k--)
        {
            var line = _n[paragraphs[k].Start..paragraphs[k].End];
            var at = line.IndexOf("单位:", StringComparison.Ordinal);
            if (at >= 0)
            {
                var rest = line[(at + 3)..].Trim();
                var end = 0;
                while (end < rest.Length && end < 6 && !char.IsWhiteSpace(rest[end]) && rest[end] is not (',' or ';' or ')'))
                {
                    end++;
                }

                if (Unit.TryFind(rest[..end], out var u))
                {
                    return u;
                }
            }
        }

        return null;
    }

    /// <summary>其中:工业投资, #工业投资, 金融机构存款余额(8月末) → the measure's words.</summary>
    private static string CleanRowName(string cell)
    {
        var name = cell.Trim().TrimStart('#', '*', '-', ' ');
        foreach (var head in (string[])["其中:", "其中", "#"])
        {
            if (name.StartsWith(head, StringComparison.Ordinal))
            {
                name = name[head.Length..].Trim();
            }
        }

        var ordinal = 0; // 一、社会消费品零售总额, 2、餐饮业: a list number before the name
        while (ordinal < name.Length && ordinal < 3 && (char.IsAsciiDigit(name[ordinal]) || Words.IsChineseNumeral(name[ordinal])))
        {
            ordinal++;
        }

        if (ordinal > 0 && ordinal + 1 < name.Length && name[ordinal] is '、' or '.')
        {
            name = name[(ordinal + 1)..].Trim();
        }

        var open = name.IndexOf('(', StringComparison.Ordinal);
        if (open > 0 && name.EndsWith(')'))
        {
            name = name[..open];
        }

        return name.Trim();
    }

    private Region? RegionOfCell(int start, int end)
    {
        var cell = CleanRowName(_n[start..end]);
        if (Words.MatchAny(cell, 0, cell.Length, Words.Scope) == cell.Length && cell.Length > 0)
        {
            return regions.Scope(cell);
        }

        foreach (var m in regions.Mentions)
        {
            if (m.Start >= end)
            {
                break;
            }

            if (m.Start >= start && m.Start + m.Length <= end && m.Length * 2 >= cell.Length)
            {
                return regions.Resolved(m) ?? (m.Candidates.Count == 1 ? m.Candidates[0] : null);
            }
        }

        return null;
    }

    private decimal? Number((int Start, int End) cell) => ParseNumber(_n.AsSpan(cell.Start, cell.End - cell.Start).Trim());

    /// <summary>A cell's figure: digits with an optional sign, decimal point and thousands commas; null for —, -, / or text.</summary>
    internal static decimal? ParseNumber(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty || s.Length > 24)
        {
            return null;
        }

        Span<char> buffer = stackalloc char[s.Length];
        var len = 0;
        for (var k = 0; k < s.Length; k++)
        {
            var c = s[k];
            if (c == ',' && len > 0)
            {
                continue;
            }

            if (c is '−' or '-' or '—' && k == 0 && s.Length > 1 && char.IsAsciiDigit(s[1]))
            {
                buffer[len++] = '-';
                continue;
            }

            if (c == '+' && k == 0)
            {
                continue;
            }

            if (!char.IsAsciiDigit(c) && c != '.')
            {
                return null;
            }

            buffer[len++] = c;
        }

        return decimal.TryParse(buffer[..len], NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v) ? v : null;
    }

    /// <summary>The cells of a line: split at tabs (HTML rows keep empty slots), else at runs of two or more spaces.</summary>
    internal static List<(int Start, int End)> Cells(string n, Paragraph p)
    {
        var cells = new List<(int, int)>();
        if (n.AsSpan(p.Start, p.End - p.Start).Contains('\t'))
        {
            var start = p.Start;
            for (var i = p.Start; i <= p.End; i++)
            {
                if (i == p.End || n[i] == '\t')
                {
                    cells.Add(Trim(n, start, i));
                    start = i + 1;
                }
            }

            return cells;
        }

        var k = p.Start;
        while (k < p.End)
        {
            while (k < p.End && n[k] == ' ')
            {
                k++;
            }

            if (k >= p.End)
            {
                break;
            }

            var s = k;
            while (k < p.End && !(n[k] == ' ' && k + 1 < p.End && n[k + 1] == ' '))
            {
                k++;
            }

            cells.Add(Trim(n, s, k));
        }

        return cells;
    }

    private static (int, int) Trim(string n, int s, int e)
    {
        while (s < e && n[s] is ' ' or '\t')
        {
            s++;
        }

        while (e > s && n[e - 1] is ' ' or '\t')
        {
            e--;
        }

        return (s, e);
    }

    /// <summary>A unit column's cell: a unit word alone (万元, 个, 吨), not ending in a numeral.</summary>
    private static bool IsUnitCell(ReadOnlySpan<char> cell) =>
        cell.Length is > 0 and <= 4 && !Words.IsChineseNumeral(cell[^1]) && Unit.TryFind(cell.ToString(), out _);

    private static bool IsEmptyCell(ReadOnlySpan<char> c) => c.IsEmpty || c is "—" or "-" or "--" or "——" or "/" or "…" or "—-";

    private static bool IsHeaderRow(string n, Paragraph p)
    {
        var line = n.AsSpan(p.Start, p.End - p.Start);
        var tabbed = line.Contains('\t');
        if (!tabbed && !line.Contains("  ", StringComparison.Ordinal))
        {
            return false; // one cell at most (cells split at a tab or two spaces): every line of prose is one, so no list is built for it
        }

        var cells = Cells(n, p);
        if (cells.Count < (tabbed ? 2 : 3))
        {
            return false;
        }

        var words = 0;
        foreach (var (s, e) in cells)
        {
            var c = n.AsSpan(s, e - s);
            if (ParseNumber(c) is not null || c.Length > 20)
            {
                return false;
            }

            foreach (var w in HeaderWords)
            {
                if (c.Contains(w, StringComparison.Ordinal))
                {
                    words++;
                    break;
                }
            }
        }

        return words >= 1;
    }

    private static bool IsUpperOrLowerHeader(string n, Paragraph p)
    {
        var cells = Cells(n, p);
        return cells.Count >= 2 && cells.All(c => c.End - c.Start <= 20 && ParseNumber(n.AsSpan(c.Start, c.End - c.Start)) is null);
    }

    private static bool IsDataRow(string n, Paragraph p)
    {
        var cells = Cells(n, p);
        if (cells.Count < 2)
        {
            return false;
        }

        var first = n.AsSpan(cells[0].Start, cells[0].End - cells[0].Start);
        if (first.IsEmpty || first.Length > 30 || ParseNumber(first) is not null)
        {
            return false;
        }

        var figures = 0;
        for (var k = 1; k < cells.Count; k++)
        {
            var c = n.AsSpan(cells[k].Start, cells[k].End - cells[k].Start);
            if (FigureCell(c).Value is not null)
            {
                figures++;
            }
            else if (!IsEmptyCell(c) && !(c.Length <= 6 && Unit.TryFind(c.ToString(), out _)))
            {
                return false;
            }
        }

        return figures > 0;
    }
}
