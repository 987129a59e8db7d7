using System.Globalization;
using Baiqiang.Core.Access;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Projects;
using Baiqiang.Core.Regions;
using Baiqiang.Core.Text;
using Baiqiang.Storage.Import;
using Baiqiang.Storage.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Baiqiang.Storage.Projects;

/// <summary>What a project file holds.</summary>
public enum ProjectFileKind
{
    /// <summary>Decide by the header: a 填报月份 column means a monthly form, otherwise a ledger.</summary>
    Auto = 0,

    /// <summary>台账: a project list; creates or updates projects.</summary>
    Ledger = 1,

    /// <summary>月报表: a filled monthly form; stores one report per row.</summary>
    Form = 2,
}

/// <summary>Options of one project-file import.</summary>
/// <param name="Kind">Ledger or form; <see cref="ProjectFileKind.Auto"/> decides by the header.</param>
/// <param name="Period">For a form without a 填报月份 column, the month (its last month is used); for a ledger, the year of
/// 年度计划投资 when there is no 计划年度 column.</param>
/// <param name="Approve">Approve the form's reports on import (the actor must be a reviewer of every row's region).
/// Otherwise they are stored as 已提交 for review.</param>
/// <param name="DryRun">Validate only; store nothing.</param>
/// <param name="MaxBytes">Largest file accepted.</param>
/// <param name="MaxRows">Most data rows accepted.</param>
public sealed record ProjectImportOptions(
    ProjectFileKind Kind = ProjectFileKind.Auto, StatPeriod? Period = null, bool Approve = false, bool DryRun = false,
    long MaxBytes = ImportOptions.DefaultMaxBytes, int MaxRows = 200_000);

/// <summary>A ledger row's project code: matched by code or name, or assigned (<see cref="Assigned"/>).</summary>
/// <param name="Row">The file's row number.</param>
/// <param name="Code">The project code.</param>
/// <param name="Name">The project name.</param>
/// <param name="Assigned">True when the row had no code and the import gave it this one.</param>
public sealed record RowCode(int Row, string Code, string Name, bool Assigned);

/// <summary>The outcome of a project-file import: counts, or the errors (and then nothing was stored).</summary>
public sealed record ProjectImportResult(ProjectFileKind Kind, int RowsRead, IReadOnlyList<ImportError> Errors, int Added, int Updated, int Unchanged, int Skipped)
{
    /// <summary>For a ledger: every data row's project code (matched or assigned), in file order; empty for a form or on failure.</summary>
    public IReadOnlyList<RowCode> RowCodes { get; init; } = [];

    /// <summary>The codes assigned to new projects that had none ({region}-{plan year}-{serial}).</summary>
    public IEnumerable<RowCode> AssignedCodes => RowCodes.Where(r => r.Assigned);

    public bool Success => Errors.Count == 0;

    /// <summary>Some row is outside what the actor may do (<see cref="ImportErrorKind.OutOfScope"/>): a refusal of rights, not of content.</summary>
    public bool OutOfScope => Errors.Any(e => e.Kind == ImportErrorKind.OutOfScope);
}

/// <summary>
/// Imports a ledger (project list) or a filled monthly form (月报表) from CSV/TSV/XLSX: every row validated, all rows or
/// none, each error named by row and column in Chinese and English.
/// </summary>
/// <remarks>
/// <para>Rows match projects by 项目编号; when the code cell is empty, by 项目名称 within 所属地区.</para>
/// <para>Form rows: 本月完成投资 and 1-N月累计完成投资 (either may be left empty and is then derived from the previous
/// month's cumulative; a row with both empty is skipped as not reported). Refused: an unknown project, a cumulative lower
/// than last month's or not equal to it plus this month, a closed month, a report already submitted/approved with other
/// figures, a money header in a non-money unit, a date that does not parse, the same project twice for one month, a
/// row the actor may not edit.</para>
/// <para>Ledger rows: new codes create projects (项目状态 is their initial status); existing ones get the row's
/// descriptive fields and that year's plan (other years' plans, milestones, agreements and history are kept); a
/// 项目状态 different from the stored one is refused (use a transition).</para>
/// </remarks>
public static class ProjectFileImporter
{
    private const int MaxTitleRows = 10;

    public static async Task<ProjectImportResult> ImportAsync(BaiqiangDbContext db, string path, ProjectImportOptions options, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(path);
        var fileName = Path.GetFileName(path);
        if (!File.Exists(path))
        {
            return Fail(fileName, new Bilingual($"找不到文件“{path}”", $"file not found: '{path}'"));
        }

        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous);
        return await ImportAsync(db, stream, fileName, options, actor, ct);
    }

    public static async Task<ProjectImportResult> ImportAsync(BaiqiangDbContext db, Stream stream, string fileName, ProjectImportOptions options, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(actor);
        fileName = Path.GetFileName(fileName);
        var table = await ReadTableAsync(stream, fileName, options, ct);
        if (table.Error is { } fileError)
        {
            return Fail(fileName, fileError.Message, fileError.Row);
        }

        var errors = new Errors(fileName);
        var headers = new List<SheetHeader>();
        for (var i = 0; i < table.Header.Length; i++)
        {
            var h = SheetHeader(i, table.Header[i]);
            if (h.Error is { } e)
            {
                errors.Add(table.HeaderRow, table.Header[i], e);
            }
            else if (h.Value.Column != SheetColumn.None)
            {
                if (headers.Exists(x => x.Column == h.Value.Column))
                {
                    errors.Add(table.HeaderRow, table.Header[i], new Bilingual("列重复", "duplicate column"));
                }

                headers.Add(h.Value);
            }
        }

        var kind = options.Kind != ProjectFileKind.Auto ? options.Kind
            : headers.Exists(h => h.Column == SheetColumn.ReportMonth) ? ProjectFileKind.Form : ProjectFileKind.Ledger;
        foreach (var (row, message) in table.Misfits ?? [])
        {
            errors.Add(row, null, message);
        }

        if (!headers.Exists(h => h.Column is SheetColumn.Code or SheetColumn.Name))
        {
            errors.Add(table.HeaderRow, null, new Bilingual("表头缺少“项目编号”或“项目名称”列", "the header has neither a 项目编号 (code) nor a 项目名称 (name) column"));
        }

        if (errors.Count > 0)
        {
            return errors.Result(kind, table.Rows.Count);
        }

        var sheet = new Sheet(table, headers, fileName);
        Task<ProjectImportResult> Run() => kind == ProjectFileKind.Form
            ? FormImport.RunAsync(db, sheet, options, actor, errors, ct)
            : LedgerImport.RunAsync(db, sheet, options, actor, errors, ct);

        // What exists (codes, names, stored months) is read under the store's write lock, so two imports meeting
        // end one after the other; a dry run stores nothing and takes no lock.
        return options.DryRun ? await Run() : await StoreWriteLock.RunAsync(db, Run, ct);
    }

    private static ParseResult<SheetHeader> SheetHeader(int i, string text) => ProjectSheet.Classify(i, text);

    private static ProjectImportResult Fail(string fileName, Bilingual message, int? row = null) =>
        new(ProjectFileKind.Auto, 0, [new ImportError(fileName, row, null, message)], 0, 0, 0, 0);

    // Misfits: rows that do not line up with the header (RowSource.WidthError), reported as row errors.
    internal sealed record Table(string[] Header, int HeaderRow, List<(int Row, string[] Cells)> Rows, ImportError? Error, List<(int Row, Bilingual Message)>? Misfits = null);

    internal static async Task<Table> ReadTableAsync(Stream stream, string fileName, ProjectImportOptions options, CancellationToken ct)
    {
        Table Bad(Bilingual m, int? row = null) => new([], 0, [], new ImportError(fileName, row, null, m));
        if (FileChecks.FormatOf(fileName) == FileChecks.FileFormat.Unsupported)
        {
            return Bad(FileChecks.UnsupportedFormat(fileName));
        }

        MemoryStream? buffered = null;
        if (!stream.CanSeek || stream.Position != 0)
        {
            buffered = await FileChecks.BufferAsync(stream, options.MaxBytes, ct);
            if (buffered is null)
            {
                return Bad(FileChecks.TooLarge(options.MaxBytes + 1, options.MaxBytes));
            }

            stream = buffered;
        }

        try
        {
            if (stream.Length > options.MaxBytes)
            {
                return Bad(FileChecks.TooLarge(stream.Length, options.MaxBytes));
            }

            if (stream.Length == 0)
            {
                return Bad(FileChecks.Empty());
            }

            RowSource? rows = null;
            try
            {
                if (FileChecks.FormatOf(fileName) == FileChecks.FileFormat.Xlsx)
                {
                    if (FileChecks.CheckXlsxPackage(stream, ImportOptions.DefaultMaxUncompressedXlsxBytes) is { } packageError)
                    {
                        return Bad(packageError);
                    }

                    rows = new XlsxRowSource(stream);
                }
                else
                {
                    var encoding = await FileChecks.DetectEncodingAsync(stream, ct);
                    var delimiter = await FileChecks.DetectDelimiterAsync(stream, encoding, fileName, ct);
                    var reader = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
                    rows = await CsvRowSource.CreateAsync(reader, delimiter, ct);
                }

                string[]? header = null;
                var headerRow = 0;
                var skipped = 0;
                var data = new List<(int, string[])>();
                var misfits = new List<(int, Bilingual)>();
                while (await rows.ReadAsync(ct))
                {
                    if (rows.IsBlank)
                    {
                        continue;
                    }

                    var cells = rows.Snapshot();
                    if (header is null)
                    {
                        if (cells.Any(c => ProjectSheet.Classify(0, c) is { Success: true, Value.Column: SheetColumn.Code or SheetColumn.Name }))
                        {
                            header = cells;
                            headerRow = rows.RowNumber;
                        }
                        else if (++skipped > MaxTitleRows)
                        {
                            break;
                        }

                        continue;
                    }

                    if (data.Count >= options.MaxRows)
                    {
                        return Bad(new Bilingual($"数据超过{options.MaxRows}行上限,未导入", $"more than {options.MaxRows} data rows; nothing imported"), rows.RowNumber);
                    }

                    if (rows.WidthError(RowSource.HeaderWidth(header), header.Length) is { } widthError)
                    {
                        misfits.Add((rows.RowNumber, widthError));
                        continue;
                    }

                    data.Add((rows.RowNumber, cells));
                }

                return header is null
                    ? Bad(new Bilingual("找不到表头(需要“项目编号”或“项目名称”列)", "no header row found (a 项目编号 or 项目名称 column is required)"))
                    : new Table(header, headerRow, data, null, misfits);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return Bad(new Bilingual($"文件内容无法读取:{ex.Message}", $"the file's content could not be read: {ex.Message}"), rows is null ? null : rows.RowNumber + 1);
            }
            finally
            {
                rows?.Dispose();
            }
        }
        finally
        {
            if (buffered is not null)
            {
                await buffered.DisposeAsync();
            }
        }
    }

    /// <summary>Collected errors, capped; the cap never hides the first refusal of rights (it decides a 403).</summary>
    internal sealed class Errors(string fileName)
    {
        private const int Max = 1000;
        private readonly List<ImportError> _list = [];
        private int _more;
        private bool _outOfScope;

        public int Count => _list.Count + _more;

        public void Add(int row, string? column, Bilingual message, ImportErrorKind kind = ImportErrorKind.Content)
        {
            if (_list.Count < Max || (kind == ImportErrorKind.OutOfScope && !_outOfScope))
            {
                _list.Add(new ImportError(fileName, row, column, message, kind));
                _outOfScope |= kind == ImportErrorKind.OutOfScope;
            }
            else
            {
                _more++;
            }
        }

        /// <summary>A row the actor may not change (region/department scope or role): kept as <see cref="ImportErrorKind.OutOfScope"/>.</summary>
        public void Refuse(int row, string? column, Bilingual message) => Add(row, column, message, ImportErrorKind.OutOfScope);

        public ProjectImportResult Result(ProjectFileKind kind, int rows)
        {
            var all = new List<ImportError>(_list);
            if (_more > 0)
            {
                all.Add(new ImportError(fileName, null, null, new Bilingual($"……另有{_more}处错误", $"…and {_more} more errors")));
            }

            return new ProjectImportResult(kind, rows, all, 0, 0, 0, 0);
        }
    }

    /// <summary>The data rows with typed access by column.</summary>
    internal sealed class Sheet
    {
        private readonly Dictionary<SheetColumn, SheetHeader> _byColumn;

        public Sheet(Table table, List<SheetHeader> headers, string fileName)
        {
            FileName = fileName;
            Rows = table.Rows;
            _byColumn = headers.ToDictionary(h => h.Column);
        }

        public List<(int Row, string[] Cells)> Rows { get; }

        public string FileName { get; }

        public bool Has(SheetColumn c) => _byColumn.ContainsKey(c);

        public SheetHeader? Header(SheetColumn c) => _byColumn.GetValueOrDefault(c);

        public string HeaderText(SheetColumn c) => _byColumn.TryGetValue(c, out var h) ? h.Text : c.ToString();

        /// <summary>The trimmed cell, without the apostrophe an export puts before formula-like text (<see cref="FormulaText.Restore"/>).</summary>
        public string Cell(string[] cells, SheetColumn c) =>
            _byColumn.TryGetValue(c, out var h) && h.Index < cells.Length ? FormulaText.Restore(cells[h.Index].Trim()) : string.Empty;

        /// <summary>A money cell in 万元: null when empty or a no-data mark; an error naming the column when it is not a number.</summary>
        public decimal? Money(string[] cells, SheetColumn c, int row, Errors errors)
        {
            var text = Cell(cells, c);
            if (ImportText.IsNoData(text))
            {
                return null;
            }

            var h = _byColumn[c];
            if (ImportText.TryParseDecimal(text, out var written) && ImportSession.Implausible(text, written, written) is { } rangeError)
            {
                // Checked before converting to 万元, which would overflow for 79228162514264337593543950335 亿元.
                errors.Add(row, h.Text, rangeError);
                return null;
            }

            if (!ProjectSheet.TryParseMoney(text, h.MoneyUnit ?? Core.Quantities.Unit.WanYuan, out var v))
            {
                errors.Add(row, h.Text, new Bilingual($"“{text}”不是数字", $"'{text}' is not a number"));
                return null;
            }

            if (v < 0)
            {
                errors.Add(row, h.Text, new Bilingual($"金额不能为负数:{text}", $"amounts must not be negative: {text}"));
                return null;
            }

            return v;
        }

        public DateOnly? Date(string[] cells, SheetColumn c, int row, Errors errors)
        {
            var text = Cell(cells, c);
            if (ImportText.IsNoData(text))
            {
                return null;
            }

            if (!ProjectSheet.TryParseDate(text, out var d))
            {
                errors.Add(row, HeaderText(c), new Bilingual(
                    $"日期“{text}”无法识别(应为 2022-03-15、2022年3月15日 或 2022-03)", $"date '{text}' cannot be read (use 2022-03-15, 2022年3月15日 or 2022-03)"));
                return null;
            }

            return d;
        }
    }

    internal static ParseResult<ReportingMonth> ParseMonth(string text)
    {
        var t = text.Trim();
        if (ProjectSheet.TryParseDate(t, out var d) && (t.Length <= 7 || t.Contains('月', StringComparison.Ordinal) && !t.Contains('日', StringComparison.Ordinal)))
        {
            return ParseResult<ReportingMonth>.Ok(ReportingMonth.Of(d));
        }

        return ParseResult<ReportingMonth>.Fail($"填报月份“{t}”无法识别(应为 2022-06 或 2022年6月)", $"report month '{t}' cannot be read (use 2022-06 or 2022年6月)");
    }

    internal static string[] SplitList(string text) =>
        text.Split(['、', ',', '，', ';', '；', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    internal static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    /// <summary>Project identity used by both imports.</summary>
    internal sealed record ProjectInfo(long Id, string Code, string Name, RegionCode Region, string LeadDepartment, ProjectStatus Status);

    internal static async Task<(Dictionary<string, ProjectInfo> ByCode, Dictionary<(RegionCode, string), ProjectInfo> ByName)> LoadInfoAsync(BaiqiangDbContext db, CancellationToken ct)
    {
        var all = await db.Projects.AsNoTracking()
            .Select(p => new ProjectInfo(p.Id, p.Code, p.Name, p.RegionCode, p.LeadDepartment, p.Status)).ToListAsync(ct);
        var byCode = new Dictionary<string, ProjectInfo>(RecordCode.Comparer); // ay2023-01 and ＡＹ2023-01 find AY2023-01
        foreach (var p in all)
        {
            byCode.TryAdd(p.Code, p);
        }

        var byName = new Dictionary<(RegionCode, string), ProjectInfo>();
        foreach (var p in all)
        {
            byName.TryAdd((p.Region, p.Name), p);
        }

        return (byCode, byName);
    }

    /// <summary>
    /// Finds the row's project by code, else by name within region (所属地区 a code or, through <paramref name="lookups"/>, an
    /// unambiguous region name); adds an error and returns null when neither matches. A region name shared by several regions
    /// is refused naming them.
    /// </summary>
    internal static ProjectInfo? Match(
        Sheet sheet, string[] cells, int row, Dictionary<string, ProjectInfo> byCode, Dictionary<(RegionCode, string), ProjectInfo> byName, Errors errors, bool reportMissing,
        Lookups.StoreLookups? lookups = null)
    {
        var code = sheet.Cell(cells, SheetColumn.Code);
        if (code.Length > 0)
        {
            if (byCode.TryGetValue(code, out var p))
            {
                return p;
            }

            if (reportMissing)
            {
                errors.Add(row, sheet.HeaderText(SheetColumn.Code), new Bilingual($"项目编号{code}不存在", $"no project with code {code}"));
            }

            return null;
        }

        var name = sheet.Cell(cells, SheetColumn.Name);
        var regionText = sheet.Cell(cells, SheetColumn.Region);
        if (name.Length > 0 && regionText.Length > 0 && lookups is not null && !RegionCode.TryParse(regionText, out _))
        {
            var resolved = LedgerImport.ResolveRegion(regionText, lookups);
            if (!resolved.Success)
            {
                if (reportMissing)
                {
                    errors.Add(row, sheet.HeaderText(SheetColumn.Region), resolved.Error!.Value);
                }

                return null;
            }

            regionText = resolved.Value.ToString();
        }

        if (name.Length > 0 && RegionCode.TryParse(regionText, out var region) && byName.TryGetValue((region, name), out var byN))
        {
            return byN;
        }

        if (reportMissing)
        {
            errors.Add(row, sheet.HeaderText(SheetColumn.Name), new Bilingual(
                $"未填项目编号,且在地区“{regionText}”中找不到名为“{name}”的项目", $"no project code, and no project named '{name}' in region '{regionText}'"));
        }

        return null;
    }
}
