using System.Globalization;
using Baiqiang.Core.Access;
using Baiqiang.Core.Evaluation;
using Baiqiang.Core.Indicators;
using Baiqiang.Core.Text;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Baiqiang.Storage.Evaluation;

/// <summary>
/// Saves and loads versioned evaluation frameworks, and converts them to and from files: JSON (the canonical
/// document) and XLSX (sheet <c>framework</c> with name/version/titles/note/aggregation, sheet <c>nodes</c> with one
/// row per node: code, parent, name_zh, name_en, weight, indicator, direction, denominator, aggregation, power).
/// </summary>
public static class FrameworkStore
{
    /// <summary>An XLSX framework larger than this uncompressed (a zip bomb, or not a framework) is refused unread.</summary>
    private const long MaxXlsxUncompressed = 20L * 1024 * 1024;

    /// <summary>
    /// Stores <paramref name="framework"/> as the next version of its name (1 when new). If the latest stored version
    /// has the same document (ignoring the version number), nothing is added and that version is returned.
    /// Only administrators and reviewers may change methodology: others get <see cref="AccessDeniedException"/>.
    /// </summary>
    public static async Task<FrameworkVersionEntity> SaveAsync(BaiqiangDbContext db, EvaluationFramework framework, Actor actor, TimeProvider clock, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(clock);
        if (!actor.IsAdmin && !actor.Roles.HasFlag(Role.Reviewer))
        {
            throw new AccessDeniedException(new Bilingual(
                $"“{actor.Name}”无权修改评价指标体系（需管理员或审核人）", $"'{actor.Name}' may not change evaluation frameworks (admin or reviewer only)"));
        }

        framework.Validate();
        var latest = await LatestAsync(db, framework.Name, ct);
        int next = (latest?.Version ?? 0) + 1;
        var document = WithVersion(framework, next).ToJson();
        if (latest is not null && string.Equals(latest.Document, WithVersion(framework, latest.Version).ToJson(), StringComparison.Ordinal))
        {
            return latest;
        }

        var entity = new FrameworkVersionEntity
        {
            Name = framework.Name,
            Version = next,
            Document = document,
            CreatedBy = actor.Name,
            CreatedAt = clock.GetUtcNow(),
        };
        db.FrameworkVersions.Add(entity);
        await db.SaveChangesAsAsync(actor.Name, ct);

        return entity;
    }

    /// <summary>The latest version of <paramref name="name"/>, or null.</summary>
    public static async Task<FrameworkVersionEntity?> LatestAsync(BaiqiangDbContext db, string name, CancellationToken ct)
        => await db.FrameworkVersions.AsNoTracking().Where(f => f.Name == name).OrderByDescending(f => f.Version).FirstOrDefaultAsync(ct);

    /// <summary>A given version (or the latest when <paramref name="version"/> is null) parsed; null when not stored.</summary>
    public static async Task<EvaluationFramework?> LoadAsync(BaiqiangDbContext db, string name, int? version, CancellationToken ct)
    {
        var row = version is { } v
            ? await db.FrameworkVersions.AsNoTracking().FirstOrDefaultAsync(f => f.Name == name && f.Version == v, ct)
            : await LatestAsync(db, name, ct);
        return row is null ? null : EvaluationFramework.FromJson(row.Document);
    }

    /// <summary>Every stored version, by name then version.</summary>
    public static async Task<IReadOnlyList<FrameworkVersionEntity>> ListAsync(BaiqiangDbContext db, CancellationToken ct)
    {
        var rows = await db.FrameworkVersions.AsNoTracking().ToListAsync(ct);
        return [.. rows.OrderBy(r => r.Name, StringComparer.Ordinal).ThenBy(r => r.Version)];
    }

    /// <summary>Reads a framework file: <c>.json</c> or <c>.xlsx</c> (see the class remarks). Invalid content throws <see cref="EvaluationException"/>.</summary>
    public static async Task<EvaluationFramework> ReadFileAsync(string path, CancellationToken ct)
    {
        var format = FormatOf(path);
        await using var stream = File.OpenRead(path);
        return await ReadAsync(stream, format, ct);
    }

    /// <summary>
    /// Reads a framework document from <paramref name="stream"/> in <paramref name="format"/> (<c>json</c> or <c>xlsx</c>;
    /// an uploaded file's extension via <see cref="FormatOf"/>). Invalid content throws <see cref="EvaluationException"/>.
    /// The stream must be seekable for XLSX.
    /// </summary>
    public static async Task<EvaluationFramework> ReadAsync(Stream stream, string format, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (format == "json")
        {
            using var reader = new StreamReader(stream, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
            return EvaluationFramework.FromJson(await reader.ReadToEndAsync(ct));
        }

        if (Import.FileChecks.CheckXlsxPackage(stream, MaxXlsxUncompressed) is { } notXlsx)
        {
            throw new EvaluationException(notXlsx);
        }

        IDictionary<string, object?> header;
        List<IDictionary<string, object?>> rows;
        try
        {
            header = (await stream.QueryAsync(useHeaderRow: true, sheetName: "framework", excelType: ExcelType.XLSX, cancellationToken: ct))
                .Cast<IDictionary<string, object?>>().FirstOrDefault()
                ?? throw new EvaluationException(new Bilingual("XLSX 缺少 framework 工作表内容", "the XLSX has no row in sheet 'framework'"));
            stream.Position = 0;
            rows = (await stream.QueryAsync(useHeaderRow: true, sheetName: "nodes", excelType: ExcelType.XLSX, cancellationToken: ct))
                .Cast<IDictionary<string, object?>>().ToList();
        }
        catch (Exception e) when (e is InvalidOperationException or InvalidDataException or IOException or KeyNotFoundException or System.Xml.XmlException)
        {
            throw new EvaluationException(new Bilingual($"无法读取 XLSX 指标体系（须含 framework 与 nodes 两个工作表）：{e.Message}", $"cannot read the XLSX framework (sheets 'framework' and 'nodes' required): {e.Message}"));
        }

        return FromRows(header, rows);
    }

    /// <summary><c>json</c> or <c>xlsx</c> from a file name's extension; anything else throws <see cref="EvaluationException"/>.</summary>
    public static string FormatOf(string fileName)
    {
        var ext = Path.GetExtension(fileName).ToUpperInvariant();
        return ext switch
        {
            ".JSON" => "json",
            ".XLSX" => "xlsx",
            _ => throw new EvaluationException(new Bilingual($"指标体系文件须为 .json 或 .xlsx：“{fileName}”", $"a framework file must be .json or .xlsx: '{fileName}'")),
        };
    }

    /// <summary>Writes <paramref name="framework"/> as <c>.json</c> or <c>.xlsx</c> by the path's extension.</summary>
    public static async Task WriteFileAsync(EvaluationFramework framework, string path, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(framework);
        if (Path.GetExtension(path).Equals(".json", StringComparison.OrdinalIgnoreCase))
        {
            await File.WriteAllTextAsync(path, framework.ToJson(), ct);
            return;
        }

        await using var stream = File.Create(path);
        await WriteAsync(framework, stream, "xlsx", ct);
    }

    /// <summary>Writes <paramref name="framework"/> to <paramref name="stream"/> as <c>json</c> (UTF-8) or <c>xlsx</c>.</summary>
    public static async Task WriteAsync(EvaluationFramework framework, Stream stream, string format, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(stream);
        if (format == "json")
        {
            await stream.WriteAsync(System.Text.Encoding.UTF8.GetBytes(framework.ToJson()), ct);
            return;
        }

        var head = new[]
        {
            new Dictionary<string, object?>
            {
                ["name"] = framework.Name,
                ["version"] = framework.Version,
                ["title_zh"] = framework.TitleZh,
                ["title_en"] = framework.TitleEn,
                ["note"] = framework.Note,
                ["aggregation"] = framework.Aggregation.ToString(),
            },
        };
        var nodes = new List<Dictionary<string, object?>>();
        void Walk(FrameworkNode n, string parent)
        {
            nodes.Add(new Dictionary<string, object?>
            {
                ["code"] = n.Code,
                ["parent"] = parent,
                ["name_zh"] = n.NameZh,
                ["name_en"] = n.NameEn,
                ["weight"] = n.Weight,
                ["indicator"] = n.Indicator ?? string.Empty,
                ["direction"] = n.IsLeaf ? (n.Direction == Direction.LowerIsBetter ? "-" : "+") : string.Empty,
                ["denominator"] = n.IsLeaf ? n.Denominator.ToString() : string.Empty,
                ["aggregation"] = n.IsLeaf ? string.Empty : n.Aggregation.ToString(),
                ["power"] = n.Power,
            });
            foreach (var c in n.Children)
            {
                Walk(c, n.Code);
            }
        }

        foreach (var d in framework.Dimensions)
        {
            Walk(d, string.Empty);
        }

        var sheets = new Dictionary<string, object> { ["framework"] = head, ["nodes"] = nodes };
        await stream.SaveAsAsync(sheets, printHeader: true, excelType: ExcelType.XLSX, cancellationToken: ct);
    }

    private static EvaluationFramework FromRows(IDictionary<string, object?> head, List<IDictionary<string, object?>> rows)
    {
        static string S(IDictionary<string, object?> r, string key) => r.TryGetValue(key, out var v) && v is not null ? Convert.ToString(v, CultureInfo.InvariantCulture)!.Trim() : string.Empty;
        double D(IDictionary<string, object?> r, string key, double fallback, int line)
        {
            var s = S(r, key);
            if (s.Length == 0)
            {
                return fallback;
            }

            return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double d)
                ? d
                : throw new EvaluationException(new Bilingual(
                    $"nodes 表第{line.ToString(CultureInfo.InvariantCulture)}行“{key}”不是数值：{s}", $"sheet 'nodes' row {line.ToString(CultureInfo.InvariantCulture)}: '{key}' is not a number: {s}"));
        }

        static T E<T>(string s, T fallback, int line, string key)
            where T : struct, Enum
            => s.Length == 0 ? fallback : Enum.TryParse<T>(s, ignoreCase: true, out var v) ? v : throw new EvaluationException(new Bilingual(
                $"nodes 表第{line.ToString(CultureInfo.InvariantCulture)}行“{key}”取值无效：{s}", $"sheet 'nodes' row {line.ToString(CultureInfo.InvariantCulture)}: invalid '{key}': {s}"));

        var children = new Dictionary<string, List<(int Line, IDictionary<string, object?> Row)>>(StringComparer.Ordinal);
        for (int k = 0; k < rows.Count; k++)
        {
            var parent = S(rows[k], "parent");
            if (!children.TryGetValue(parent, out var list))
            {
                children[parent] = list = [];
            }

            list.Add((k + 2, rows[k]));
        }

        var visiting = new HashSet<string>(StringComparer.Ordinal);
        List<FrameworkNode> Build(string parent)
        {
            if (!children.TryGetValue(parent, out var list))
            {
                return [];
            }

            var result = new List<FrameworkNode>();
            foreach (var (line, r) in list)
            {
                var code = S(r, "code");
                if (!visiting.Add(code))
                {
                    throw new EvaluationException(new Bilingual($"节点“{code}”重复或成环", $"node '{code}' is repeated or forms a cycle"));
                }

                var indicator = S(r, "indicator");
                var dir = S(r, "direction");
                result.Add(new FrameworkNode
                {
                    Code = code,
                    NameZh = S(r, "name_zh"),
                    NameEn = S(r, "name_en"),
                    Weight = D(r, "weight", 1, line),
                    Indicator = indicator.Length == 0 ? null : indicator,
                    Direction = dir is "-" or "-1" ? Direction.LowerIsBetter : dir.Length == 0 || dir is "+" or "1" ? Direction.HigherIsBetter : E(dir, Direction.HigherIsBetter, line, "direction"),
                    Denominator = E(S(r, "denominator"), Denominator.None, line, "denominator"),
                    Aggregation = E(S(r, "aggregation"), AggregationMethod.Arithmetic, line, "aggregation"),
                    Power = D(r, "power", 1, line),
                    Children = code.Length == 0 ? [] : Build(code),
                });
            }

            return result;
        }

        var framework = new EvaluationFramework
        {
            Name = S(head, "name"),
            Version = int.TryParse(S(head, "version"), NumberStyles.Integer, CultureInfo.InvariantCulture, out int v) ? v : 1,
            TitleZh = S(head, "title_zh"),
            TitleEn = S(head, "title_en"),
            Note = S(head, "note"),
            Aggregation = E(S(head, "aggregation"), AggregationMethod.Arithmetic, 2, "aggregation"),
            Dimensions = Build(string.Empty),
        };
        if (visiting.Count != rows.Count)
        {
            throw new EvaluationException(new Bilingual("nodes 表中有节点的上级不存在", "sheet 'nodes' has a node whose parent does not exist"));
        }

        framework.Validate();
        return framework;
    }

    private static EvaluationFramework WithVersion(EvaluationFramework f, int version) => new()
    {
        Name = f.Name,
        Version = version,
        TitleZh = f.TitleZh,
        TitleEn = f.TitleEn,
        Note = f.Note,
        Aggregation = f.Aggregation,
        Dimensions = f.Dimensions,
    };
}
