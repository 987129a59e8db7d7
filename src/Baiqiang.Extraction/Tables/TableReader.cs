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
internal readonly record struct TableSpan(int HeaderFirst, int DataFirst, int End);

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
/// </summary>
internal sealed class TableReader(DocumentText text, IndicatorNames dictionary, RegionContext regions, DiscourseState discourse, FactBuilder facts, DateOnly? reference)
{
    private const int MaxHeaderRows = 3;

    private static readonly string[] HeaderWords =
        ["指标", "单位", "同比", "增长", "增速", "增幅", "绝对值", "本期", "累计", "本月", "当月", "总量", "地区", "名称", "项目", "金额", "比上年", "±", "数值", "区县", "县(市、区)", "县市区"];

    private static readonly string[] GrowthWords = ["同比", "增长", "增速", "增幅", "±", "比上年", "比去年", "增减"];

    private static readonly string[] RegionColumnWords = ["地区", "区县", "县(市、区)", "县市区", "县(市)", "区域", "乡镇"];

    private readonly string _n = text.Normalized;

    /// <summary>The tables among <paramref name="paragraphs"/>, in order and not overlapping.</summary>
    public static List<TableSpan> Find(string n, IReadOnlyList<Paragraph> paragraphs)
    {
        var tables = new List<TableSpan>();
        var k = 0;
        while (k < paragraphs.Count)
        {
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

    /// <summary>Reads one table and adds its facts.</summary>
    public void Read(IReadOnlyList<Paragraph> paragraphs, TableSpan table)
    {
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
            Row(paragraphs[k], width, columns, regionRows, unitAbove, headerText);
        }
    }

    private sealed record Column(int Index, string Path, ColumnRole Role, string Indicator, Unit? Unit, StatPeriod? Period, int ValueColumn);

    private enum ColumnRole
    {
        Name,
        Unit,
        Value,
        Growth,
    }

    private void Row(Paragraph p, int width, List<Column> columns, bool regionRows, Unit? unitAbove, string headerText)
    {
        var cells = Cells(_n, p);
        if (cells.Count < width && cells.Count >= 2 && !_n.AsSpan(p.Start, p.End - p.Start).Contains('\t'))
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

        var source = headerText + " | " + _n[p.Start..p.End].Replace('\t', ' ');
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

            var value = valueColumn is null ? null : Number(cells[valueColumn.Index]);
            var growth = growthColumn is null || growthColumn.Index >= cells.Count ? null : Number(cells[growthColumn.Index]);
            if (value is null && growth is null)
            {
                continue;
            }

            var indicatorText = regionRows ? (valueColumn ?? growthColumn)!.Indicator : rowName;
            if (indicatorText.Length == 0)
            {
                continue;
            }

            var unit = valueColumn?.Unit ?? rowUnit ?? unitAbove;
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
                ? new FactDraft(FactKind.Value, new Amount(v, unit!), null, growth, null, name, indicatorText, code, figure.Start, Math.Max(1, figure.End - figure.Start), rule, Source: source)
                : new FactDraft(FactKind.Growth, null, null, growth, null, name, indicatorText, code, figure.Start, Math.Max(1, figure.End - figure.Start), rule, Source: source);
            facts.Add(draft, p.Start, p.End, period, region, regionText, goal: false);
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
            if (leaf is "单位" or "计量单位")
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
            if (ParseNumber(c) is not null)
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
