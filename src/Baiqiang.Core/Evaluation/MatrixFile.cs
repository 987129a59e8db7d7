using System.Buffers;
using System.Globalization;
using System.Text;
using Baiqiang.Core.Text;

namespace Baiqiang.Core.Evaluation;

/// <summary>
/// Reads a decision-matrix CSV for <c>baiqiang weights</c> / <c>baiqiang rank --input</c>: a header row of
/// indicator names (the first header cell names the unit column and is otherwise ignored), then one row per unit:
/// its name, then numbers. UTF-8 or GB18030, comma / tab / semicolon detected. All rows or none: every bad cell is
/// reported by row, column and reason in Chinese and English. In Core (no store) so the Native AOT front of the
/// <c>baiqiang</c> command reads it exactly as the managed CLI does.
/// </summary>
public static class MatrixFile
{
    /// <summary>Largest accepted file, 50 MB.</summary>
    public const long MaxBytes = 50L * 1024 * 1024;

    public sealed record Matrix(IReadOnlyList<string> Units, IReadOnlyList<string> Indicators, double[,] Values);

    /// <summary>Reads and validates; throws <see cref="EvaluationException"/> listing every problem (up to 20).</summary>
    public static async Task<Matrix> ReadAsync(string path, CancellationToken ct)
    {
        if (!File.Exists(path))
        {
            throw Fail(new Bilingual($"找不到文件“{path}”", $"file '{path}' not found"));
        }

        await using var file = File.OpenRead(path);
        if (file.Length > MaxBytes)
        {
            throw Fail(TextFiles.TooLarge(file.Length, MaxBytes));
        }

        using var buffer = await TextFiles.BufferAsync(file, MaxBytes, ct) ?? throw Fail(TextFiles.TooLarge(file.Length, MaxBytes));
        if (buffer.Length == 0)
        {
            throw Fail(TextFiles.Empty());
        }

        var encoding = await TextFiles.DetectEncodingAsync(buffer, ct);
        buffer.Position = 0;
        char delimiter = await TextFiles.DetectDelimiterAsync(buffer, encoding, path, ct);
        buffer.Position = 0;
        using var reader = new StreamReader(buffer, encoding, detectEncodingFromByteOrderMarks: true);
        var text = await reader.ReadToEndAsync(ct);
        return Parse(text, delimiter);
    }

    /// <summary>Parses CSV text (tests and callers holding text).</summary>
    public static Matrix Parse(string text, char delimiter = ',')
    {
        ArgumentNullException.ThrowIfNull(text);
        var rows = SplitRows(text, delimiter).Where(r => r.Count > 1 || (r.Count == 1 && r[0].Trim().Length > 0)).ToList();
        if (rows.Count == 0)
        {
            throw Fail(TextFiles.Empty());
        }

        var header = rows[0];
        if (header.Count < 2)
        {
            throw Fail(new Bilingual("表头须为：单元列名,指标1,指标2,…", "the header must be: unit column, indicator 1, indicator 2, …"));
        }

        var indicators = header.Skip(1).Select(h => h.Trim()).ToArray();
        var errors = new List<string>();
        for (int j = 0; j < indicators.Length; j++)
        {
            if (indicators[j].Length == 0)
            {
                errors.Add(Cell(1, j + 2, "指标名为空", "empty indicator name"));
            }
            else if (Array.IndexOf(indicators, indicators[j]) != j)
            {
                errors.Add(Cell(1, j + 2, $"指标名“{indicators[j]}”重复", $"duplicate indicator name '{indicators[j]}'"));
            }
        }

        int m = rows.Count - 1, n = indicators.Length;
        var values = new double[m, n];
        var units = new string[m];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < m; i++)
        {
            var row = rows[i + 1];
            int line = i + 2;
            units[i] = row[0].Trim();
            if (units[i].Length == 0)
            {
                errors.Add(Cell(line, 1, "单元名称为空", "empty unit name"));
            }
            else if (!seen.Add(units[i]))
            {
                errors.Add(Cell(line, 1, $"单元“{units[i]}”重复", $"duplicate unit '{units[i]}'"));
            }

            if (row.Count != n + 1)
            {
                errors.Add(Cell(line, row.Count, $"应有{(n + 1).ToString(CultureInfo.InvariantCulture)}列，实际{row.Count.ToString(CultureInfo.InvariantCulture)}列",
                    $"expected {(n + 1).ToString(CultureInfo.InvariantCulture)} columns, got {row.Count.ToString(CultureInfo.InvariantCulture)}"));
                continue;
            }

            for (int j = 0; j < n; j++)
            {
                var cell = row[j + 1].Trim();
                if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || !double.IsFinite(v))
                {
                    errors.Add(Cell(line, j + 2, $"“{cell}”不是数值", $"'{cell}' is not a number"));
                    continue;
                }

                values[i, j] = v;
            }
        }

        if (m < 2)
        {
            errors.Add(new Bilingual("至少需要2个评价单元", "at least 2 units are needed").ToString());
        }

        if (errors.Count > 0)
        {
            var shown = errors.Take(20).ToList();
            if (errors.Count > 20)
            {
                shown.Add($"……另有{(errors.Count - 20).ToString(CultureInfo.InvariantCulture)}处 / … {(errors.Count - 20).ToString(CultureInfo.InvariantCulture)} more");
            }

            throw new EvaluationException(new Bilingual(
                "矩阵文件有误，未读取任何行：\n" + string.Join('\n', shown),
                $"the matrix file has {errors.Count.ToString(CultureInfo.InvariantCulture)} problem(s); nothing was read"));
        }

        return new Matrix(units, indicators, values);
    }

    private static string Cell(int row, int column, string zh, string en)
        => $"第{row.ToString(CultureInfo.InvariantCulture)}行第{column.ToString(CultureInfo.InvariantCulture)}列：{zh} / row {row.ToString(CultureInfo.InvariantCulture)}, column {column.ToString(CultureInfo.InvariantCulture)}: {en}";

    private static EvaluationException Fail(Bilingual reason) => new(reason);

    /// <summary>RFC 4180 splitting: quoted fields may hold the delimiter, doubled quotes and line breaks. A quote inside an
    /// unquoted field opens a quoted part; U+FEFF outside quotes is dropped. Runs of plain characters are found with a
    /// vectorised search and a plain field is cut from the text in one piece (no per-character copy).</summary>
    private static IEnumerable<List<string>> SplitRows(string text, char delimiter)
    {
        var stops = SearchValues.Create([delimiter, '\n', '\r', '"', '\uFEFF']);
        var row = new List<string>();
        var field = new StringBuilder();
        bool quoted = false;
        int k = 0, n = text.Length;
        while (k < n)
        {
            if (quoted)
            {
                int q = text.IndexOf('"', k);
                if (q < 0)
                {
                    field.Append(text, k, n - k);
                    k = n;
                    break;
                }

                field.Append(text, k, q - k);
                if (q + 1 < n && text[q + 1] == '"')
                {
                    field.Append('"');
                    k = q + 2;
                }
                else
                {
                    quoted = false;
                    k = q + 1;
                }

                continue;
            }

            int run = text.AsSpan(k).IndexOfAny(stops);
            int end = run < 0 ? n : k + run;
            if (end == n)
            {
                field.Append(text, k, n - k);
                k = n;
                break;
            }

            char c = text[end];
            if (c == '"' || c == '\uFEFF')
            {
                field.Append(text, k, end - k);
                quoted = c == '"';
                k = end + 1;
            }
            else
            {
                row.Add(Take(text, k, end, field));
                k = end + 1;
                if (c != delimiter)
                {
                    if (c == '\r' && k < n && text[k] == '\n')
                    {
                        k++;
                    }

                    yield return row;
                    row = [];
                }
            }
        }

        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            yield return row;
        }
    }

    /// <summary>The field ending at <paramref name="end"/>: the plain run itself when nothing was gathered before it.</summary>
    private static string Take(string text, int start, int end, StringBuilder gathered)
    {
        if (gathered.Length == 0)
        {
            return text.Substring(start, end - start);
        }

        gathered.Append(text, start, end - start);
        var s = gathered.ToString();
        gathered.Clear();
        return s;
    }
}
