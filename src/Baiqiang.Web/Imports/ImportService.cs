using Baiqiang.Core.Access;
using Baiqiang.Core.Indicators;
using Baiqiang.Core.Quantities;
using Baiqiang.Core.Text;
using Baiqiang.Storage;
using Baiqiang.Storage.Import;
using Baiqiang.Storage.Lookups;
using Baiqiang.Storage.Observations;
using Baiqiang.Storage.Settings;
using Baiqiang.Storage.Units;

namespace Baiqiang.Web.Imports;

/// <summary>One problem of an upload. <paramref name="Overridable"/>: a figure refused only as implausible against the
/// region's last figure, which an editor may store anyway with a reason (audited); every other problem must be fixed.</summary>
public sealed record ImportProblem(int? Row, string? Column, string Zh, string En, bool Overridable = false);

/// <summary>A catalogue indicator suggested for an unknown name.</summary>
public sealed record IndicatorSuggestion(string Code, string NameZh, string NameEn);

/// <summary>An indicator name the file used that the catalogue does not hold (the 新指标 decision): its unit, rows and the
/// closest catalogue names; <c>SuggestedCode</c> and <c>SuggestedKind</c> prefill “add as a new indicator”.</summary>
public sealed record NewIndicatorCandidate(string Name, string? Unit, int Rows, int? Row, string? Column, IReadOnlyList<IndicatorSuggestion> Closest)
{
    /// <summary>A free code for it (<c>own_NNN</c>), when the report comes from validation.</summary>
    public string? SuggestedCode { get; init; }

    /// <summary><c>rate</c> for a percentage, multiple or plain number, else <c>flow</c>.</summary>
    public string SuggestedKind { get; init; } = "flow";
}

/// <summary>A new indicator to add for an unknown name: <c>Code</c> (lower-case letters, digits, <c>_</c>, <c>.</c>),
/// <c>NameZh</c> (blank = the file's name), <c>Unit</c> (a unit of the store's unit table) and
/// <c>Kind</c> (<c>flow</c>, <c>stock</c>, <c>rate</c> or <c>ratio</c>; blank = flow).</summary>
public sealed record NewIndicatorSpec(string? Code, string? NameZh = null, string? Unit = null, string? Kind = null);

/// <summary>The 新指标 decision for one unknown name: <c>MapTo</c> a catalogue indicator (code, name or alias; the file's name
/// becomes its alias) or <c>Add</c> a new indicator — exactly one of the two.</summary>
public sealed record NewIndicatorDecision(string Name, string? MapTo = null, NewIndicatorSpec? Add = null);

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

        var report = Report(fileName, result, problems, regions);
        if (report.UnknownIndicators.Count > 0)
        {
            var codes = NewIndicatorImport.SuggestCodes(lookups.Catalogue, report.UnknownIndicators.Count);
            report = report with
            {
                UnknownIndicators = [.. report.UnknownIndicators.Select((u, i) => u with
                {
                    SuggestedCode = codes[i].Value,
                    SuggestedKind = NewIndicatorImport.KindFor(result.UnknownIndicators[i].Unit).ToString().ToLowerInvariant(),
                })],
            };
        }

        return (report, result);
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
    public static Task<ImportCommitResponse> CommitAddingIndicatorsAsync(
        BaiqiangDbContext db, Stream content, string fileName, long length, Actor actor, TimeProvider clock, string? forceReason, CancellationToken ct)
        => CommitNewIndicatorsAsync(db, content, fileName, length, actor, forceReason,
            (read, options) => NewIndicatorImport.ReadAddAndStoreAsync(db, read, actor.Name, clock, actor, options, ct), ct);

    /// <summary>
    /// The 新指标 step: each unknown name of the file mapped to a catalogue indicator (recorded as its alias, audited) or added
    /// as a new indicator, as <paramref name="decisions"/> say, then the file stored — one transaction, all or nothing.
    /// With <paramref name="addUndecided"/> a name without a decision is added from the file's name and unit. Admins, or
    /// analysts who may also edit every region the file names; others get <see cref="AccessDeniedException"/>.
    /// </summary>
    public static Task<ImportCommitResponse> CommitDecidingAsync(
        BaiqiangDbContext db, Stream content, string fileName, long length, Actor actor, TimeProvider clock, IReadOnlyList<IndicatorDecision> decisions,
        string? forceReason, bool addUndecided, CancellationToken ct)
        => CommitNewIndicatorsAsync(db, content, fileName, length, actor, forceReason,
            (read, options) => IndicatorDecisions.ReadDecideAndStoreAsync(db, read, decisions, actor.Name, clock, actor, options, ct, addUndecided), ct);

    private static async Task<ImportCommitResponse> CommitNewIndicatorsAsync(
        BaiqiangDbContext db, Stream content, string fileName, long length, Actor actor, string? forceReason,
        Func<Func<IImportLookups, CancellationToken, Task<ImportResult>>, ImportOptions, Task<NewIndicatorImportResult>> store, CancellationToken ct)
    {
        fileName = Path.GetFileName(fileName);
        if (Precheck(fileName, length) is { } refused)
        {
            return new ImportCommitResponse(new ImportReport(fileName, "-", 0, 0, [], [new ImportProblem(null, null, refused.Zh, refused.En)]), 0, 0, 0);
        }

        if (!MayChangeCatalogue(actor))
        {
            throw new AccessDeniedException(new Bilingual("只有管理员和分析员可以添加指标或别名", "only admins and analysts may add indicators or aliases"));
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

        var outcome = await store(ReadAsync, options);
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

    /// <summary>Admins and analysts change the indicator catalogue (add indicators, record aliases); editors do not.</summary>
    public static bool MayChangeCatalogue(Actor actor) => actor is not null && (actor.IsAdmin || actor.Roles.HasFlag(Role.Analyst));

    /// <summary>
    /// The asked decisions as the store's decisions. One that cannot be read (neither or both choices, a bad code, an unknown
    /// unit or kind) is a problem naming its name, in both languages.
    /// </summary>
    public static async Task<(List<IndicatorDecision> Decisions, List<ImportProblem> Problems)> ReadDecisionsAsync(
        BaiqiangDbContext db, IReadOnlyList<NewIndicatorDecision> asked, string fileName, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(asked);
        var units = await UnitStore.LoadTableAsync(db, ct);
        var result = new List<IndicatorDecision>();
        var problems = new List<ImportProblem>();
        foreach (var d in asked)
        {
            var name = d.Name?.Trim() ?? string.Empty;
            void Fail(string zh, string en) => problems.Add(new ImportProblem(null, name, $"“{name}”:{zh}", $"'{name}': {en}"));
            var mapTo = string.IsNullOrWhiteSpace(d.MapTo) ? null : d.MapTo.Trim();
            if (name.Length == 0 || (mapTo is null) == (d.Add is null))
            {
                Fail("请选择映射到已有指标或添加为新指标(二选一)", "choose to map it to an existing indicator or to add it as a new one (one of the two)");
                continue;
            }

            if (d.Add is not { } add)
            {
                result.Add(new IndicatorDecision(name, MapTo: mapTo));
                continue;
            }

            var code = IndicatorCode.TryParse(add.Code);
            var unitText = add.Unit?.Trim() ?? string.Empty;
            Unit? unit = null;
            var unitOk = unitText.Length > 0 && units.TryFind(unitText, out unit);
            IndicatorKind? kind = string.IsNullOrWhiteSpace(add.Kind) ? IndicatorKind.Flow : ParseKind(add.Kind);
            if (!code.Success)
            {
                Fail($"指标代码无效:{code.Error!.Value.Zh}", $"invalid indicator code: {code.Error!.Value.En}");
            }

            if (!unitOk)
            {
                Fail(unitText.Length == 0 ? "请填写计量单位" : $"未知计量单位“{unitText}”(可先用 baiqiang units add 添加)",
                    unitText.Length == 0 ? "give the unit" : $"unknown unit '{unitText}' (add it first with baiqiang units add)");
            }

            if (kind is null)
            {
                Fail($"未知指标类型“{add.Kind}”(流量 flow、存量 stock、速度或指数 rate、比率 ratio)", $"unknown kind '{add.Kind}' (flow, stock, rate or ratio)");
            }

            if (code.Success && unit is not null && kind is { } k)
            {
                var nameZh = string.IsNullOrWhiteSpace(add.NameZh) ? name : add.NameZh.Trim();
                result.Add(new IndicatorDecision(name, Add: IndicatorDecision.NewIndicator(code.Value, nameZh, unit, k, fileName)));
            }
        }

        return (result, problems);
    }

    private static IndicatorKind? ParseKind(string text) => text.Trim().ToLowerInvariant() switch
    {
        "flow" or "流量" => IndicatorKind.Flow,
        "stock" or "存量" => IndicatorKind.Stock,
        "rate" or "index" or "速度" or "指数" => IndicatorKind.Rate,
        "ratio" or "比率" => IndicatorKind.Ratio,
        _ => null,
    };

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
