using System.Globalization;
using Baiqiang.Core.Access;
using Baiqiang.Core.Regions;
using Baiqiang.Core.Text;
using Baiqiang.Extraction;
using Baiqiang.Extraction.Input;
using Baiqiang.Storage;
using Baiqiang.Storage.Extraction;
using Baiqiang.Storage.Indicators;
using Baiqiang.Storage.Regions;
using Baiqiang.Storage.Sample;
using Microsoft.EntityFrameworkCore;

namespace Baiqiang.Web.Documents;

/// <summary>One stored report in the list: name, date, main region and how many facts await review.</summary>
public sealed record DocumentItem(long Id, string Name, string? ReferenceDate, string? MainRegion, DateTimeOffset StoredAt, string StoredBy, int Facts, int Pending);

/// <summary>
/// An extracted fact with its span in the document text (for highlighting), flags and review state; the extractor's
/// confidence (0–1) and the rule that produced it; whether the caller may accept/reject it and may edit it.
/// </summary>
public sealed record FactItem(
    long Id, string Kind, string? Region, string? RegionCode, string Indicator, string? IndicatorCode, string? Period,
    decimal? Value, string Unit, decimal? GrowthPct, string Sentence, int Offset, int Length, int SentenceOffset,
    IReadOnlyList<string> Flags, string Status, string? ReviewedBy, string? ReviewNote, bool Reviewable,
    decimal? Confidence, string? Rule, bool Editable);

/// <summary>A document with its text and facts.</summary>
public sealed record DocumentDetail(DocumentItem Document, string Text, IReadOnlyList<FactItem> Facts);

/// <summary>What an upload stored: the document id, its facts, and whether the same text was stored before.</summary>
public sealed record DocumentUploadResult(long DocumentId, int Facts, bool AlreadyStored);

/// <summary>Reject a fact, optionally with a reason.</summary>
public sealed record RejectFactRequest(string? Reason);

/// <summary>Accept every pending fact of the document whose confidence is at least <c>MinConfidence</c> (0–1); required, there is no default.</summary>
public sealed record AcceptAboveRequest(decimal? MinConfidence);

/// <summary>A fact a bulk accept left pending, and why (中文 / English).</summary>
public sealed record RefusedFactItem(long Id, string Reason);

/// <summary>What a bulk accept did: the facts accepted, those left pending with the reason, and the observations written.</summary>
public sealed record AcceptAboveResult(IReadOnlyList<long> Accepted, IReadOnlyList<RefusedFactItem> Refused, int Inserted, int Revised, int Unchanged);

/// <summary>What an edit did: <c>Found</c> false when the document has no such fact; otherwise the refused fields (empty when saved).</summary>
public sealed record FactEditOutcome(bool Found, IReadOnlyDictionary<string, Bilingual> Errors);

/// <summary>
/// The documents module's logic shared by pages and API: check and read an uploaded report (type and size first),
/// extract and store its facts as pending, list documents, and accept or reject facts as the caller's <see cref="Actor"/>.
/// </summary>
public static class DocumentViews
{
    /// <summary>Largest report accepted (reports are a few KB; this stops pasted archives).</summary>
    public const long MaxBytes = 2L * 1024 * 1024;

    public static bool IsSupported(string fileName) =>
        Path.GetExtension(fileName).ToUpperInvariant() is ".TXT" or ".HTML" or ".HTM";

    /// <summary>Checks type, size and date before reading; returns the errors (zh / en) or null when the upload may be parsed.</summary>
    public static Bilingual? Check(string fileName, long length, string? date, out DateOnly? reference)
    {
        reference = null;
        if (!IsSupported(fileName))
        {
            return new Bilingual($"只接受 .txt 或 .html 文件:“{fileName}”", $"only .txt or .html files are accepted: '{fileName}'");
        }

        if (length == 0)
        {
            return new Bilingual("文件为空", "the file is empty");
        }

        if (length > MaxBytes)
        {
            return new Bilingual($"文件过大(上限 {MaxBytes / 1024 / 1024} MB)", $"file too large (limit {MaxBytes / 1024 / 1024} MB)");
        }

        if (!string.IsNullOrWhiteSpace(date))
        {
            if (!DateOnly.TryParseExact(date.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                return new Bilingual($"日期“{date}”应为 YYYY-MM-DD", $"date '{date}' must be YYYY-MM-DD");
            }

            reference = d;
        }

        return null;
    }

    /// <summary>Extracts the facts of an uploaded report and stores them as pending (the caller must be an editor of the report's region).</summary>
    public static async Task<DocumentUploadResult> UploadAsync(BaiqiangDbContext db, Actor actor, string fileName, Stream content, DateOnly? reference, CancellationToken ct)
    {
        await using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, ct);
        var raw = Decode(buffer.ToArray());
        var extractor = new FactExtractor(await MatcherAsync(db, ct), await IndicatorStore.LoadAllAsync(db, ct));
        var result = extractor.Extract(Path.GetFileName(fileName), raw, reference);
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.TrackAll;
        var saved = await ExtractionStore.SaveAsync(db, result, raw, actor, ct);
        return new DocumentUploadResult(saved.DocumentId, saved.Facts, saved.AlreadyStored);
    }

    public static async Task<IReadOnlyList<DocumentItem>> ListAsync(BaiqiangDbContext db, CancellationToken ct)
    {
        var docs = await db.ExtractionDocuments.AsNoTracking().OrderByDescending(d => d.Id).ToListAsync(ct);
        var counts = await db.PendingFacts.AsNoTracking().GroupBy(f => f.DocumentId)
            .Select(g => new { g.Key, All = g.Count(), Pending = g.Count(f => f.Status == FactStatus.Pending) }).ToListAsync(ct);
        var byDoc = counts.ToDictionary(c => c.Key);
        return [.. docs.Select(d => Item(d, byDoc.TryGetValue(d.Id, out var c) ? c.All : 0, byDoc.TryGetValue(d.Id, out var p) ? p.Pending : 0))];
    }

    public static async Task<DocumentDetail?> DetailAsync(BaiqiangDbContext db, Actor actor, long id, CancellationToken ct)
    {
        var doc = await db.ExtractionDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct);
        if (doc is null)
        {
            return null;
        }

        var facts = await ExtractionStore.ListAsync(db, null, id, ct);
        var items = facts.Select(f => new FactItem(
            f.Id, f.Kind, f.Region, f.RegionCode?.ToString(), f.Indicator, f.IndicatorCode?.Value, f.Period?.ToString(), f.Value, f.Unit.Symbol, f.GrowthPct,
            f.Sentence, f.Offset, f.Length, f.SentenceOffset,
            f.CheckNotes.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            f.Status.ToString().ToLowerInvariant(), f.ReviewedBy, f.ReviewNote,
            f.Status == FactStatus.Pending && (f.RegionCode is { } r ? actor.CanReview(r) : actor.IsAdmin),
            f.Confidence, f.Rule,
            f.Status == FactStatus.Pending && (f.RegionCode is { } e ? actor.CanEdit(e) : actor.IsAdmin))).ToList();
        return new DocumentDetail(Item(doc, facts.Count, facts.Count(f => f.Status == FactStatus.Pending)), doc.Text, items);
    }

    /// <summary>Accepts (<paramref name="accept"/>) or rejects a fact of document <paramref name="documentId"/>; null when there is no such fact.</summary>
    public static async Task<bool?> ReviewAsync(BaiqiangDbContext db, Actor actor, TimeProvider clock, long documentId, long factId, bool accept, string? reason, CancellationToken ct)
    {
        if (!await db.PendingFacts.AnyAsync(f => f.Id == factId && f.DocumentId == documentId, ct))
        {
            return null;
        }

        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.TrackAll;
        if (accept)
        {
            await ExtractionStore.AcceptAsync(db, factId, actor, clock, ct);
        }
        else
        {
            await ExtractionStore.RejectAsync(db, factId, reason, actor, clock, ct);
        }

        return true;
    }

    /// <summary>
    /// Edits a pending fact of document <paramref name="documentId"/> as the CLI's <c>review edit</c> does: the typed fields are
    /// read by <see cref="FactEditReader"/> and applied by <see cref="ExtractionStore.EditAsync"/> (audited; the actor must be an
    /// editor of the fact's region and of any region it is moved to). A refused field stores nothing.
    /// </summary>
    public static async Task<FactEditOutcome> EditAsync(BaiqiangDbContext db, Actor actor, long documentId, long factId, FactEditText typed, CancellationToken ct)
    {
        if (!await db.PendingFacts.AnyAsync(f => f.Id == factId && f.DocumentId == documentId, ct))
        {
            return new FactEditOutcome(false, new Dictionary<string, Bilingual>());
        }

        var read = await FactEditReader.ParseAsync(db, factId, typed, ct);
        if (!read.Success)
        {
            return new FactEditOutcome(true, read.Errors);
        }

        if (typed.IsEmpty)
        {
            return new FactEditOutcome(true, new Dictionary<string, Bilingual> { ["fact"] = new("没有要修改的字段", "no field to change was given") });
        }

        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.TrackAll;
        try
        {
            await ExtractionStore.EditAsync(db, factId, read.Edit!, actor, ct);
        }
        catch (ExtractionReviewException e)
        {
            db.ChangeTracker.Clear();
            return new FactEditOutcome(true, new Dictionary<string, Bilingual> { ["fact"] = e.Reason });
        }

        return new FactEditOutcome(true, new Dictionary<string, Bilingual>());
    }

    /// <summary>Accepts every pending fact of the document at or above <paramref name="minConfidence"/> (<see cref="ExtractionStore.AcceptAboveAsync"/>: one audited step; facts it may not take stay pending, named with the reason).</summary>
    public static async Task<AcceptAboveResult> AcceptAboveAsync(BaiqiangDbContext db, Actor actor, TimeProvider clock, long documentId, decimal minConfidence, CancellationToken ct)
    {
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.TrackAll;
        var result = await ExtractionStore.AcceptAboveAsync(db, minConfidence, documentId, actor, clock, ct);
        return new AcceptAboveResult(
            result.Accepted, [.. result.Refused.Select(r => new RefusedFactItem(r.Id, r.Reason.ToString()))],
            result.Written.Inserted, result.Written.Revised, result.Written.Unchanged);
    }

    /// <summary>Reads a typed confidence threshold (0–1; full-width digits read); null with the reason when it is not one.</summary>
    public static decimal? ReadThreshold(string? text, out Bilingual? error)
    {
        error = null;
        var t = ChineseText.Normalize(text ?? string.Empty);
        if (!decimal.TryParse(t, NumberStyles.Number, CultureInfo.InvariantCulture, out var v) || v is < 0m or > 1m)
        {
            error = new Bilingual($"置信度阈值“{text}”应为 0 到 1 之间的数", $"confidence threshold '{text}' must be a number from 0 to 1");
            return null;
        }

        return v;
    }

    /// <summary>The document text split into plain segments and highlighted fact spans (<c>FactId</c> set), in order; overlapping spans are skipped.</summary>
    public static IReadOnlyList<(string Text, long? FactId, bool Sentence)> Segments(string text, IReadOnlyList<FactItem> facts)
    {
        var segments = new List<(string, long?, bool)>();
        var at = 0;
        foreach (var f in facts.Where(f => f.Offset >= 0 && f.Length > 0 && f.Offset + f.Length <= text.Length).OrderBy(f => f.Offset))
        {
            if (f.Offset < at)
            {
                continue;
            }

            if (f.Offset > at)
            {
                segments.Add((text[at..f.Offset], null, false));
            }

            segments.Add((text.Substring(f.Offset, f.Length), f.Id, false));
            at = f.Offset + f.Length;
        }

        if (at < text.Length)
        {
            segments.Add((text[at..], null, false));
        }

        return segments;
    }

    private static DocumentItem Item(ExtractionDocumentEntity d, int facts, int pending) =>
        new(d.Id, d.Name, d.ReferenceDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), d.MainRegionCode?.ToString(), d.StoredAt, d.StoredBy, facts, pending);

    /// <summary>UTF-8, UTF-16 (by byte-order mark or content) or GB18030, as the CLI reads files (<see cref="TextDecoder"/>).</summary>
    private static string Decode(byte[] bytes) => TextDecoder.Decode(bytes).Text;

    /// <summary>The store's regions plus the built-in sample regions (preferred when a name is ambiguous), as the CLI's extract uses.</summary>
    private static async Task<RegionMatcher> MatcherAsync(BaiqiangDbContext db, CancellationToken ct)
    {
        var regions = new Dictionary<RegionCode, Region>();
        foreach (var r in SampleData.Regions)
        {
            regions[r.Code] = r;
        }

        foreach (var r in await RegionStore.LoadAllAsync(db, ct))
        {
            if (!regions.TryGetValue(r.Code, out var existing) || existing.ValidTo is not null)
            {
                regions[r.Code] = r;
            }
        }

        var all = regions.Values.ToList();
        var preferred = SampleData.Regions.Select(r => r.Code).Concat(all.Where(r => r.IsPark).Select(r => r.Code));
        return new RegionMatcher(new RegionRegistry(all), preferred);
    }
}
