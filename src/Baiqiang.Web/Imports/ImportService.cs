using Baiqiang.Core.Access;
using Baiqiang.Core.Text;
using Baiqiang.Storage;
using Baiqiang.Storage.Import;
using Baiqiang.Storage.Lookups;
using Baiqiang.Storage.Observations;
using Baiqiang.Storage.Settings;

namespace Baiqiang.Web.Imports;

/// <summary>One problem of an upload. <paramref name="Overridable"/>: a figure refused only as implausible against the
/// region's last figure, which an editor may store anyway with a reason (audited); every other problem must be fixed.</summary>
public sealed record ImportProblem(int? Row, string? Column, string Zh, string En, bool Overridable = false);

/// <summary>A catalogue indicator suggested for an unknown name.</summary>
public sealed record IndicatorSuggestion(string Code, string NameZh, string NameEn);

/// <summary>An indicator name the file used that the catalogue does not hold (the 新指标 decision): its unit, rows and the closest catalogue names.</summary>
public sealed record NewIndicatorCandidate(string Name, string? Unit, int Rows, int? Row, string? Column, IReadOnlyList<IndicatorSuggestion> Closest);

/// <summary>What validation found: rows read, facts ready, problems (by row and column, in both languages); <c>Warnings</c>
/// (stored anyway, e.g. current-price growth for an indicator published at comparable prices) and <c>UnknownIndicators</c>
/// (names to add with <c>addIndicators=true</c> or to rename to a catalogue name).</summary>
public sealed record ImportReport(string FileName, string Layout, int RowsRead, int Records, IReadOnlyList<string> Regions, IReadOnlyList<ImportProblem> Problems)
{
    public bool Success => Problems.Count == 0;

    public IReadOnlyList<ImportProblem> Warnings { get; init; } = [];

    public IReadOnlyList<NewIndicatorCandidate> UnknownIndicators { get; init; } = [];

    /// <summary>True when there are problems and every one may be overridden with a reason.</summary>
    public bool OnlyOverridable => Problems.Count > 0 && Problems.All(p => p.Overridable);
}

/// <summary>What a commit stored. <paramref name="Overridden"/>: figures refused as implausible that were stored with the
/// given reason (each audited as <c>plausibility_override</c>); the report then lists no problems. <c>AddedIndicators</c>
/// lists the codes added with <c>addIndicators=true</c>.</summary>
public sealed record ImportCommitResponse(ImportReport Report, int Inserted, int Revised, int Unchanged, int Overridden = 0)
{
    public IReadOnlyList<string> AddedIndicators { get; init; } = [];
}

/// <summary>
/// Validates an upload with the store's <see cref="ObservationFileReader"/>, adds a problem for every region the actor
/// may not change, and writes all rows or none. Wrong type, empty or oversized files are refused before parsing.
/// </summary>
public static class ImportService
{
    /// <summary>Refuses a file by name and size alone; null when it may be parsed.</summary>
    public static Bilingual? Precheck(string? fileName, long length)
    {
        var ext = Path.GetExtension(fileName ?? string.Empty);
        if (!ImportLimits.Extensions.Contains(ext, StringComparer.OrdinalIgnoreCase))
        {
            return new Bilingual($"不支持的文件类型“{ext}”，请上传 CSV 或 XLSX", $"unsupported file type '{ext}': upload a CSV or XLSX file");
        }

        if (length <= 0)
        {
            return new Bilingual("文件为空", "the file is empty");
        }

        return length > ImportLimits.MaxUploadBytes
            ? new Bilingual($"文件过大（{length / 1024 / 1024.0:0.#}MB），上限{ImportLimits.MaxUploadBytes / 1024 / 1024}MB", $"file too large ({length / 1024 / 1024.0:0.#} MB); the limit is {ImportLimits.MaxUploadBytes / 1024 / 1024} MB")
            : null;
    }

    public static async Task<(ImportReport Report, ImportResult? Parsed)> ValidateAsync(
        BaiqiangDbContext db, Stream content, string fileName, long length, Actor actor, CancellationToken ct)
    {
        fileName = Path.GetFileName(fileName);
        if (Precheck(fileName, length) is { } refused)
        {
            return (new ImportReport(fileName, "-", 0, 0, [], [new ImportProblem(null, null, refused.Zh, refused.En)]), null);
        }

        var lookups = await StoreLookups.LoadAsync(db, ct);
        var options = new ImportOptions(MaxBytes: ImportLimits.MaxUploadBytes);
        var result = await new ObservationFileReader().ReadAsync(content, fileName, lookups, options, ct);
        var problems = result.Errors.Select(Problem).ToList();
        var regions = result.Records.Select(r => r.Region).Distinct().Order().ToList();
        foreach (var region in regions.Where(r => !actor.CanEdit(r)))
        {
            var firstRow = result.Records.First(r => r.Region == region).Source.Row;
            problems.Add(new ImportProblem(firstRow, "地区/region", $"用户“{actor.Name}”无权修改 {region} 的数据", $"user '{actor.Name}' may not change data of {region}"));
        }

        if (result.Success)
        {
            var multiple = await StoreSettings.PlausibleMultipleAsync(db, ct);
            problems.AddRange((await LastFigureCheck.FindAsync(db, result.Records, multiple, ct)).Select(f => Problem(f.ToError(fileName))));
        }

        return (Report(fileName, result, problems, regions), result);
    }

    private static ImportReport Report(string fileName, ImportResult result, List<ImportProblem> problems, List<Core.Regions.RegionCode> regions) =>
        new(fileName, result.Layout.ToString(), result.RowsRead, result.Records.Count, regions.Select(r => r.ToString()).ToList(), problems)
        {
            Warnings = [.. result.Warnings.Select(e => new ImportProblem(e.Row, e.Column, e.Message.Zh, e.Message.En))],
            UnknownIndicators =
            [
                .. result.UnknownIndicators.Select(u => new NewIndicatorCandidate(u.Name, u.Unit?.Symbol, u.Rows, u.FirstRow, u.Column,
                    [.. u.Closest.Select(c => new IndicatorSuggestion(c.Code.Value, c.NameZh, c.NameEn))])),
            ],
        };

    /// <summary>
    /// Adds the file's unknown indicators (their names and units) and stores the file, in one transaction; admins, or
    /// analysts who may also edit every region the file names. Throws <see cref="AccessDeniedException"/> otherwise.
    /// </summary>
    public static async Task<ImportCommitResponse> CommitAddingIndicatorsAsync(
        BaiqiangDbContext db, Stream content, string fileName, long length, Actor actor, TimeProvider clock, string? forceReason, CancellationToken ct)
    {
        fileName = Path.GetFileName(fileName);
        if (Precheck(fileName, length) is { } refused)
        {
            return new ImportCommitResponse(new ImportReport(fileName, "-", 0, 0, [], [new ImportProblem(null, null, refused.Zh, refused.En)]), 0, 0, 0);
        }

        if (!actor.IsAdmin && !actor.Roles.HasFlag(Role.Analyst))
        {
            throw new AccessDeniedException(new Bilingual("只有管理员和分析员可以添加指标", "only admins and analysts may add indicators"));
        }

        using var copy = new MemoryStream();
        await content.CopyToAsync(copy, ct);
        var options = new ImportOptions(
            MaxBytes: ImportLimits.MaxUploadBytes,
            PlausibleMultiple: await StoreSettings.PlausibleMultipleAsync(db, ct),
            ForceReason: string.IsNullOrWhiteSpace(forceReason) ? null : forceReason.Trim());
        async Task<ImportResult> ReadAsync(IImportLookups lookups, CancellationToken token)
        {
            var result = await new ObservationFileReader().ReadAsync(new MemoryStream(copy.ToArray(), writable: false), fileName, lookups, options, token);
            foreach (var region in result.Records.Select(r => r.Region).Distinct())
            {
                actor.EnsureCanEdit(region);
            }

            return result;
        }

        var outcome = await NewIndicatorImport.ReadAddAndStoreAsync(db, ReadAsync, actor.Name, clock, actor, options, ct);
        var read = outcome.Read;
        var report = Report(fileName, read, [.. read.Errors.Select(Problem)],
            [.. read.Records.Select(r => r.Region).Distinct().Order()]);
        if (outcome.Written is not { } w)
        {
            return new ImportCommitResponse(report, 0, 0, 0);
        }

        Explorer.SeriesCache.Invalidate();
        return new ImportCommitResponse(report, w.Inserted, w.Revised, w.Unchanged) { AddedIndicators = [.. outcome.Added.Select(a => a.Code.Value)] };
    }

    private static ImportProblem Problem(ImportError e) => new(e.Row, e.Column, e.Message.Zh, e.Message.En, e.Kind == ImportErrorKind.Implausible);

    /// <summary>Why an override cannot be used as asked (a force without a reason), or null.</summary>
    public static Bilingual? ForceError(bool force, string? reason) => force && string.IsNullOrWhiteSpace(reason)
        ? new Bilingual("强制导入必须说明原因(记入审计)", "a forced import needs a reason (written to the audit)")
        : null;

    /// <summary>Validates and, only if every row is valid and allowed, stores all of them. Throws <see cref="AccessDeniedException"/> for a region out of scope.</summary>
    /// <remarks>With a <c>forceReason</c>, figures refused only as implausible against their region's last figure are
    /// stored anyway, each audited with the actor and the reason; other problems still refuse the whole file.</remarks>
    public static async Task<ImportCommitResponse> CommitAsync(
        BaiqiangDbContext db, Stream content, string fileName, long length, Actor actor, TimeProvider clock, string? forceReason, CancellationToken ct)
    {
        var (report, parsed) = await ValidateAsync(db, content, fileName, length, actor, ct);
        foreach (var region in parsed?.Records.Select(r => r.Region).Distinct() ?? [])
        {
            actor.EnsureCanEdit(region);
        }

        var forced = !string.IsNullOrWhiteSpace(forceReason);
        if (parsed is null || !(report.Success || (forced && report.OnlyOverridable)))
        {
            return new ImportCommitResponse(report, 0, 0, 0);
        }

        var checks = new ImportOptions(PlausibleMultiple: await StoreSettings.PlausibleMultipleAsync(db, ct), ForceReason: forced ? forceReason!.Trim() : null);
        try
        {
            var summary = await ObservationWriter.WriteCheckedAsync(db, parsed.Records, actor.Name, clock, checks, ct);
            Explorer.SeriesCache.Invalidate();
            return new ImportCommitResponse(report with { Problems = [] }, summary.Inserted, summary.Revised, summary.Unchanged, report.Problems.Count);
        }
        catch (ImplausibleFiguresException e)
        {
            // Another writer stored a figure between validation and this write: judged again under the lock.
            return new ImportCommitResponse(report with { Problems = [.. e.Figures.Select(f => Problem(f.ToError(report.FileName)))] }, 0, 0, 0);
        }
    }
}
