using System.Globalization;
using Baiqiang.Core.Quantities;
using Baiqiang.Core.Text;

namespace Baiqiang.Core.Indicators;

/// <summary>
/// The indicator catalogue shipped with Baiqiang, read from the embedded data file <c>catalogue.tsv</c> (≥ 250 common
/// county-level indicators). It seeds the store; the store's rows are the truth at run time (see <see cref="Catalogue"/>).
/// </summary>
/// <remarks>
/// <para>The file is UTF-8, tab-separated, one indicator a line, '#' lines are comments, and its header names the columns:
/// code, name_zh, name_en, unit, kind (flow|stock|rate|ratio), accumulation (cumulative = 1–N月累计 | point = 期末/时点),
/// direction (up|down|neutral), category, parent, comparable_growth (yes|no), allows_negative (yes|no),
/// aliases (joined by '|') and description.</para>
/// <para>Traditional forms of every name and alias are added as aliases, built from <see cref="ChineseText.TraditionalTable"/>
/// in reverse: a simplified character with one traditional form takes it, one with several takes the standard form listed
/// in <see cref="PreferredTraditional"/> or stays as written.</para>
/// </remarks>
public static class IndicatorCatalogue
{
    private const string ResourceName = "Baiqiang.Core.Indicators.catalogue.tsv";

    /// <summary>Simplified characters with several traditional forms, and the one used in standard traditional text.</summary>
    private const string PreferredTraditional = "签簽术術产產炼煉药藥镇鎮个個发發纤纖采採";

    /// <summary>Characters written the same in standard traditional text, whose only table entry is a variant or a
    /// narrower sense (値, 増, 査 are Japanese forms; 齣, 韆, 閤, 傢, 敎, 註, 俬, 錶, 佔, 覈 other words).</summary>
    private const string SameInTraditional = "值增查出千合家教注私表占核";

    /// <summary>The file's columns: machine names (the shipped file's header) and the Chinese headers exports write.</summary>
    public static IReadOnlyList<(string Name, string Zh)> Columns { get; } =
    [
        ("code", "代码"), ("name_zh", "中文名称"), ("name_en", "英文名称"), ("unit", "单位"), ("kind", "类型"), ("accumulation", "累计方式"),
        ("direction", "方向"), ("category", "分类"), ("parent", "上级指标"), ("comparable_growth", "可比价增长"), ("allows_negative", "可为负"),
        ("aliases", "别名"), ("description", "说明"), ("retired", "停用日期"),
    ];

    // Initialised before Shipped, which reads the table and the columns (field initialisers run in text order).
    private static readonly Dictionary<char, char> ToTraditional = BuildReverseTable();

    /// <summary>The shipped catalogue, in file order.</summary>
    public static IReadOnlyList<Indicator> Shipped { get; } = LoadShipped();

    /// <summary>The file's first 25 entries, the original built-in set, for the extractor until it takes the store's
    /// <see cref="Catalogue"/> as a parameter: its seed scorer is calibrated on them, and the wider catalogue's short names
    /// (增值税) would match inside longer phrases (增值税留抵退税款). Everything else reads the store's catalogue.</summary>
    public static IReadOnlyList<Indicator> Default { get; } = [.. Shipped.Take(OriginalBuiltInCount)];

    private const int OriginalBuiltInCount = 25;

    private static List<Indicator> LoadShipped()
    {
        using var stream = typeof(IndicatorCatalogue).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"缺少内置指标目录 {ResourceName} / the shipped catalogue {ResourceName} is missing");
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        return Parse(reader);
    }

    /// <summary>Reads a catalogue file in the shipped format; throws <see cref="FormatException"/> naming the line and column.</summary>
    public static List<Indicator> Parse(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var list = new List<Indicator>();
        string[]? header = null;
        var lineNo = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNo++;
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var cells = line.Split('\t');
            if (header is null)
            {
                header = cells;
                continue;
            }

            string Cell(string column)
            {
                var i = ColumnIndex(header, column);
                if (i < 0)
                {
                    throw new FormatException($"指标目录缺少“{column}”列 / the catalogue has no '{column}' column");
                }

                return i < cells.Length ? cells[i].Trim() : string.Empty;
            }

            try
            {
                var aliases = Cell("aliases").Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
                var zh = Cell("name_zh");
                AddTraditional(aliases, zh);
                list.Add(new Indicator(
                    new IndicatorCode(Cell("code")), zh, Cell("name_en"), Unit.Find(Cell("unit")), ParseKind(Cell("kind")), ParseDirection(Cell("direction")),
                    ParseAccumulation(Cell("accumulation")), YesNo(Cell("allows_negative")), aliases)
                {
                    Category = Cell("category"),
                    Parent = Cell("parent") is { Length: > 0 } p ? new IndicatorCode(p) : null,
                    ComparableGrowth = YesNo(Cell("comparable_growth")),
                    Description = Cell("description"),
                    Retired = ColumnIndex(header, "retired") >= 0 && Cell("retired") is { Length: > 0 } r
                        ? DateOnly.ParseExact(r, "yyyy-MM-dd", CultureInfo.InvariantCulture)
                        : null,
                });
            }
            catch (Exception e) when (e is ArgumentException or FormatException)
            {
                throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"指标目录第{lineNo}行: {e.Message} / catalogue line {lineNo}: {e.Message}"), e);
            }
        }

        return list;
    }

    /// <summary>One indicator as a line of the file (columns of <see cref="Columns"/>, tab-separated).</summary>
    public static string ToLine(Indicator indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        string[] cells =
        [
            indicator.Code.Value, indicator.NameZh, indicator.NameEn, indicator.Unit.Symbol, KindText(indicator.Kind),
            indicator.PublishedCumulatively ? "cumulative" : "point", DirectionText(indicator.Direction), indicator.Category,
            indicator.Parent?.Value ?? string.Empty, indicator.ComparableGrowth ? "yes" : "no", indicator.AllowsNegative ? "yes" : "no",
            string.Join('|', indicator.Aliases), indicator.Description,
            indicator.Retired?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty,
        ];
        return string.Join('\t', cells.Select(c => c.Replace('\t', ' ').Replace('\n', ' ')));
    }

    private static int ColumnIndex(string[] header, string column)
    {
        var zh = Columns.FirstOrDefault(c => c.Name == column).Zh;
        for (var i = 0; i < header.Length; i++)
        {
            var h = header[i].Trim();
            if (string.Equals(h, column, StringComparison.OrdinalIgnoreCase) || (zh is not null && h == zh))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The traditional form of <paramref name="simplified"/> (地区生产总值 → 地區生產總值); the text itself when nothing changes.</summary>
    public static string ToTraditionalForm(string simplified)
    {
        ArgumentNullException.ThrowIfNull(simplified);
        return string.Create(simplified.Length, simplified, (span, s) =>
        {
            for (var i = 0; i < s.Length; i++)
            {
                span[i] = ToTraditional.TryGetValue(s[i], out var t) ? t : s[i];
            }
        });
    }

    /// <summary>Adds the traditional form of the name and of each alias, when it differs and is not listed yet.</summary>
    public static void AddTraditional(List<string> aliases, string name)
    {
        ArgumentNullException.ThrowIfNull(aliases);
        foreach (var s in aliases.Prepend(name).ToList())
        {
            var t = ToTraditionalForm(s);
            if (!string.Equals(t, s, StringComparison.Ordinal) && !aliases.Contains(t, StringComparer.Ordinal))
            {
                aliases.Add(t);
            }
        }
    }

    /// <summary>Parses flow|stock|rate|ratio (or 流量/存量/速率/比率).</summary>
    public static IndicatorKind ParseKind(string text) => text.Trim().ToLowerInvariant() switch
    {
        "flow" or "流量" => IndicatorKind.Flow,
        "stock" or "存量" => IndicatorKind.Stock,
        "rate" or "index" or "速率" or "指数" => IndicatorKind.Rate,
        "ratio" or "比率" or "比重" => IndicatorKind.Ratio,
        _ => throw new FormatException($"类型“{text}”无效(flow/stock/rate/ratio) / kind '{text}' is invalid (flow, stock, rate or ratio)"),
    };

    /// <summary>Parses up|down|neutral (or 越高越好/越低越好/中性).</summary>
    public static Direction ParseDirection(string text) => text.Trim().ToLowerInvariant() switch
    {
        "up" or "higher" or "越高越好" or "正向" => Direction.HigherIsBetter,
        "down" or "lower" or "越低越好" or "逆向" => Direction.LowerIsBetter,
        "neutral" or "" or "中性" => Direction.Neutral,
        _ => throw new FormatException($"方向“{text}”无效(up/down/neutral) / direction '{text}' is invalid (up, down or neutral)"),
    };

    /// <summary>Parses cumulative|point (or 累计/期末/时点): true when figures accumulate over the year (1–N月累计).</summary>
    public static bool ParseAccumulation(string text) => text.Trim().ToLowerInvariant() switch
    {
        "cumulative" or "累计" => true,
        "point" or "期末" or "时点" or "当期" => false,
        _ => throw new FormatException($"累计方式“{text}”无效(cumulative/point) / accumulation '{text}' is invalid (cumulative or point)"),
    };

    /// <summary>Parses yes|no (or 是/否, true/false, 1/0, blank = no).</summary>
    public static bool YesNo(string text) => text.Trim().ToLowerInvariant() switch
    {
        "yes" or "y" or "true" or "1" or "是" => true,
        "no" or "n" or "false" or "0" or "否" or "" => false,
        _ => throw new FormatException($"“{text}”应为是或否 / '{text}' should be yes or no"),
    };

    /// <summary>Kind, direction and accumulation as the file writes them.</summary>
    public static string KindText(IndicatorKind kind) => kind switch
    {
        IndicatorKind.Flow => "flow",
        IndicatorKind.Stock => "stock",
        IndicatorKind.Ratio => "ratio",
        _ => "rate",
    };

    /// <inheritdoc cref="KindText"/>
    public static string DirectionText(Direction direction) => direction switch
    {
        Direction.HigherIsBetter => "up",
        Direction.LowerIsBetter => "down",
        _ => "neutral",
    };

    private static Dictionary<char, char> BuildReverseTable()
    {
        var forms = new Dictionary<char, List<char>>();
        foreach (var (t, s) in ChineseText.TraditionalTable)
        {
            if (!forms.TryGetValue(s, out var list))
            {
                forms[s] = list = [];
            }

            list.Add(t);
        }

        var d = new Dictionary<char, char>();
        foreach (var (s, list) in forms)
        {
            if (list.Count == 1)
            {
                d[s] = list[0];
            }
        }

        foreach (var c in SameInTraditional)
        {
            d.Remove(c);
        }

        for (var i = 0; i + 1 < PreferredTraditional.Length; i += 2)
        {
            d[PreferredTraditional[i]] = PreferredTraditional[i + 1];
        }

        return d;
    }
}
