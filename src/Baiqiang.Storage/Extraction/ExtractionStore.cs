using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Baiqiang.Core.Access;
using Baiqiang.Core.Indicators;
using Baiqiang.Core.Observations;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Quantities;
using Baiqiang.Core.Regions;
using Baiqiang.Core.Text;
using Baiqiang.Extraction;
using Baiqiang.Storage.Import;
using Baiqiang.Storage.Indicators;
using Baiqiang.Storage.Observations;
using Microsoft.EntityFrameworkCore;

namespace Baiqiang.Storage.Extraction;

/// <summary>What storing one document's extraction did.</summary>
public sealed record StoredExtraction(long DocumentId, int Facts, bool AlreadyStored);

/// <summary>A pending fact a bulk accept left pending, and why.</summary>
public sealed record RefusedFact(long Id, Bilingual Reason);

/// <summary>What <see cref="ExtractionStore.AcceptAboveAsync"/> did: the facts accepted, those refused, and the observation write.</summary>
public sealed record BulkAcceptResult(IReadOnlyList<long> Accepted, IReadOnlyList<RefusedFact> Refused, WriteSummary Written);

/// <summary>Changes a reviewer may make to a pending fact before accepting it; null leaves a field as it is.</summary>
public sealed record FactEdit(
    RegionCode? RegionCode = null,
    IndicatorCode? IndicatorCode = null,
    StatPeriod? Period = null,
    decimal? Value = null,
    Unit? Unit = null,
    decimal? GrowthPct = null,
    string? Kind = null);

/// <summary>
/// Extracted facts awaiting review: store a document's facts as pending, list them, edit, accept (→ an observation with
/// source = the document and the fact's offset) or reject. Every write takes an <see cref="Actor"/> and enforces its rights.
/// </summary>
public static class ExtractionStore
{
    /// <summary>The plausibility multiple a bulk accept applies: the import default (<see cref="ImportOptions.PlausibleMultiple"/>).</summary>
    public const decimal PlausibleMultiple = 10m;

    /// <summary>Stores the document and its facts as pending. The same text stored again adds nothing.</summary>
    public static async Task<StoredExtraction> SaveAsync(BaiqiangDbContext db, ExtractionResult result, string raw, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(actor);
        if (result.MainRegionCode is { } main)
        {
            actor.EnsureCanEdit(main);
        }
        else if (!actor.IsAdmin)
        {
            actor.EnsureAdmin();
        }

        var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(raw)));
        var existing = await db.ExtractionDocuments.FirstOrDefaultAsync(d => d.Sha256 == sha, ct);
        if (existing is not null)
        {
            return new StoredExtraction(existing.Id, await db.PendingFacts.CountAsync(f => f.DocumentId == existing.Id, ct), true);
        }

        var previousUser = db.CurrentUser;
        db.CurrentUser = actor.Name;
        try
        {
            var doc = new ExtractionDocumentEntity
            {
                Name = result.Doc,
                Sha256 = sha,
                Text = result.Text.Plain,
                ReferenceDate = result.ReferenceDate,
                MainRegionCode = result.MainRegionCode,
                StoredAt = db.Clock.GetUtcNow(),
                StoredBy = actor.Name,
            };
            db.ExtractionDocuments.Add(doc);
            await db.SaveChangesAsync(ct);
            foreach (var f in result.Facts)
            {
                var notes = string.Join("\n", result.Checks.Where(c => !c.Consistent && c.FactOffsets.Contains(f.Offset)).Select(c => c.Message.ToString()));
                db.PendingFacts.Add(new PendingFactEntity
                {
                    DocumentId = doc.Id,
                    Status = FactStatus.Pending,
                    Kind = f.KindText,
                    Region = f.Region,
                    RegionCode = f.RegionCode,
                    Indicator = f.Indicator,
                    IndicatorRaw = f.IndicatorRaw,
                    IndicatorCode = f.IndicatorCode,
                    Period = f.Period,
                    Value = f.Value,
                    Unit = f.Amount?.Unit ?? Unit.None,
                    Qualifier = f.Amount?.Qualifier ?? Qualifier.Exact,
                    High = f.High,
                    GrowthPct = f.GrowthPct,
                    PlanSharePct = f.PlanSharePct,
                    Sentence = f.Sentence,
                    Offset = f.Offset,
                    Length = f.Length,
                    SentenceOffset = f.SentenceOffset,
                    CheckNotes = notes,
                    Confidence = f.Confidence,
                    Rule = f.Rule.Length > 200 ? f.Rule[..200] : f.Rule,
                });
            }

            await db.SaveChangesAsync(ct);
            return new StoredExtraction(doc.Id, result.Facts.Count, false);
        }
        finally
        {
            db.CurrentUser = previousUser;
        }
    }

    /// <summary>Facts with <paramref name="status"/> (all when null), by document and offset.</summary>
    public static async Task<IReadOnlyList<PendingFactEntity>> ListAsync(BaiqiangDbContext db, FactStatus? status, long? documentId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var q = db.PendingFacts.AsNoTracking();
        if (status is { } s)
        {
            q = q.Where(f => f.Status == s);
        }

        if (documentId is { } d)
        {
            q = q.Where(f => f.DocumentId == d);
        }

        return await q.OrderBy(f => f.DocumentId).ThenBy(f => f.Offset).ToListAsync(ct);
    }

    /// <summary>
    /// Applies <paramref name="edit"/> to a pending fact (audited field by field). Only pending facts can be edited; an unknown
    /// kind or indicator, or a unit of another dimension than the indicator's, is refused before anything changes.
    /// Typed text (CLI options, the web form) is read by <see cref="FactEditReader"/> first.
    /// </summary>
    public static async Task<PendingFactEntity> EditAsync(BaiqiangDbContext db, long id, FactEdit edit, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(edit);
        ArgumentNullException.ThrowIfNull(actor);
        var fact = await PendingAsync(db, id, ct);

        // Both the fact's region and the one it is moved to must be the actor's: an editor cannot take another county's fact.
        if (fact.RegionCode is null && edit.RegionCode is null)
        {
            actor.EnsureAdmin();
        }

        foreach (var r in new[] { fact.RegionCode, edit.RegionCode }.OfType<RegionCode>())
        {
            actor.EnsureCanEdit(r);
        }

        if (edit.Kind is { } k && ExtractedFact.ParseKind(k) is null)
        {
            throw new ExtractionReviewException(new Bilingual($"未知事实类型“{k}”", $"unknown fact kind '{k}'"));
        }

        var catalogue = await IndicatorStore.LoadCatalogueAsync(db, ct);
        var indicator = edit.IndicatorCode is { } ic
            ? catalogue.Find(ic.Value) ?? throw new ExtractionReviewException(new Bilingual($"未知指标代码“{ic}”", $"unknown indicator code '{ic}'"))
            : null;
        var unit = edit.Unit ?? fact.Unit;
        if ((edit.Unit is not null || indicator is not null)
            && (indicator ?? (fact.IndicatorCode is { } current ? catalogue.Get(current) : null)) is { } target
            && unit.Dimension != Dimension.Dimensionless && !unit.IsCompatibleWith(target.Unit))
        {
            throw new ExtractionReviewException(new Bilingual(
                $"单位“{unit.Symbol}”与指标{target.NameZh}的单位“{target.Unit.Symbol}”量纲不同,未作修改",
                $"unit '{unit.Symbol}' does not fit {target.Code}'s unit '{target.Unit.Symbol}' (another dimension); nothing was changed"));
        }

        if (edit.RegionCode is { } rc && rc != fact.RegionCode)
        {
            fact.RegionCode = rc;
            fact.Region = (await db.Regions.AsNoTracking().Where(x => x.Code == rc).Select(x => new { x.Name, x.ValidTo }).ToListAsync(ct))
                .OrderBy(x => x.ValidTo is null ? 0 : 1).ThenByDescending(x => x.ValidTo).Select(x => x.Name).FirstOrDefault() ?? fact.Region;
        }

        if (indicator is not null)
        {
            fact.IndicatorCode = indicator.Code;
            fact.Indicator = indicator.NameZh;
        }

        if (edit.Period is { } p)
        {
            fact.Period = p;
        }

        if (edit.Value is { } v)
        {
            fact.Value = v;
        }

        if (edit.Unit is { } u)
        {
            fact.Unit = u;
        }

        if (edit.GrowthPct is { } g)
        {
            fact.GrowthPct = g;
        }

        if (edit.Kind is { } kind)
        {
            fact.Kind = kind;
        }

        await db.SaveChangesAsAsync(actor.Name, ct);
        return fact;
    }

    /// <summary>
    /// Accepts a pending value, growth or share fact: writes it as an observation of its region, indicator and period
    /// (converted to the indicator's unit; source = Document, the document's id and name, row = the fact's offset) and marks
    /// it accepted. Fails, naming what is missing, when the region, catalogued indicator or period is not set.
    /// </summary>
    public static async Task<WriteSummary> AcceptAsync(BaiqiangDbContext db, long id, Actor actor, TimeProvider clock, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(clock);
        var fact = await PendingAsync(db, id, ct);
        var record = ToObservation(fact, await db.ExtractionDocuments.AsNoTracking().FirstAsync(d => d.Id == fact.DocumentId, ct), await IndicatorStore.LoadCatalogueAsync(db, ct));
        actor.EnsureCanReview(record.Region);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var summary = await ObservationWriter.WriteAsync(db, [record], actor.Name, clock, ct);

        // The writer may clear the change tracker; mark the fact on a freshly loaded row so the status is saved.
        fact = await db.PendingFacts.FirstAsync(f => f.Id == id, ct);
        fact.Status = FactStatus.Accepted;
        fact.ReviewedBy = actor.Name;
        fact.ReviewedAt = clock.GetUtcNow();
        await db.SaveChangesAsAsync(actor.Name, ct);
        await tx.CommitAsync(ct);
        return summary;
    }

    /// <summary>
    /// Accepts, in one transaction and one audited step, every pending fact (of <paramref name="documentId"/>, or of all documents)
    /// whose confidence is at least <paramref name="minConfidence"/> and that the store's checks let through: a fact that cannot
    /// become an observation (missing region, catalogued indicator or period, incompatible unit), that the actor may not review,
    /// or whose value strays more than <see cref="PlausibleMultiple"/> times from its region's last comparable figure
    /// (<see cref="LastFigureCheck"/>) stays pending and is named in <see cref="BulkAcceptResult.Refused"/> with the reason.
    /// Facts without a stored confidence (stored before it was kept) are never accepted in bulk.
    /// </summary>
    public static async Task<BulkAcceptResult> AcceptAboveAsync(
        BaiqiangDbContext db, decimal minConfidence, long? documentId, Actor actor, TimeProvider clock, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentOutOfRangeException.ThrowIfLessThan(minConfidence, 0m);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minConfidence, 1m);
        var q = db.PendingFacts.Where(f => f.Status == FactStatus.Pending && f.Confidence != null);
        if (documentId is { } d)
        {
            q = q.Where(f => f.DocumentId == d);
        }

        // SQLite stores decimals as text: the threshold is applied in memory.
        var candidates = (await q.OrderBy(f => f.DocumentId).ThenBy(f => f.Offset).ToListAsync(ct)).Where(f => f.Confidence >= minConfidence).ToList();
        var catalogue = await IndicatorStore.LoadCatalogueAsync(db, ct);
        var documentIds = candidates.Select(f => f.DocumentId).Distinct().ToList();
        var documents = await db.ExtractionDocuments.AsNoTracking().Where(x => documentIds.Contains(x.Id)).ToDictionaryAsync(x => x.Id, ct);
        var refused = new List<RefusedFact>();
        var passing = new List<(PendingFactEntity Fact, ObservationRecord Record)>();
        foreach (var fact in candidates)
        {
            try
            {
                var record = ToObservation(fact, documents[fact.DocumentId], catalogue);
                actor.EnsureCanReview(record.Region);
                passing.Add((fact, record));
            }
            catch (ExtractionReviewException e)
            {
                refused.Add(new RefusedFact(fact.Id, e.Reason));
            }
            catch (AccessDeniedException e)
            {
                refused.Add(new RefusedFact(fact.Id, e.Reason));
            }
        }

        var implausible = await LastFigureCheck.FindAsync(db, [.. passing.Select(p => p.Record)], PlausibleMultiple, ct);
        var strays = new HashSet<ObservationRecord>(implausible.Select(i => i.Record), ReferenceEqualityComparer.Instance);
        foreach (var figure in implausible)
        {
            var fact = passing.First(p => ReferenceEquals(p.Record, figure.Record)).Fact;
            refused.Add(new RefusedFact(fact.Id, figure.Reason));
        }

        var accepted = passing.Where(p => !strays.Contains(p.Record)).ToList();
        refused.Sort((a, b) => a.Id.CompareTo(b.Id));
        if (accepted.Count == 0)
        {
            return new BulkAcceptResult([], refused, new WriteSummary(0, 0, 0));
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var summary = await ObservationWriter.WriteAsync(db, [.. accepted.Select(a => a.Record)], actor.Name, clock, ct);
        var ids = accepted.Select(a => a.Fact.Id).ToList();
        var now = clock.GetUtcNow();
        foreach (var fact in await db.PendingFacts.Where(f => ids.Contains(f.Id)).ToListAsync(ct))
        {
            fact.Status = FactStatus.Accepted;
            fact.ReviewedBy = actor.Name;
            fact.ReviewedAt = now;
            fact.ReviewNote = string.Create(CultureInfo.InvariantCulture, $"bulk: confidence ≥ {minConfidence}");
        }

        await db.SaveChangesAsAsync(actor.Name, ct);
        await tx.CommitAsync(ct);
        return new BulkAcceptResult(ids, refused, summary);
    }

    /// <summary>Rejects a pending fact, keeping it with the reviewer's reason.</summary>
    public static async Task RejectAsync(BaiqiangDbContext db, long id, string? reason, Actor actor, TimeProvider clock, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(clock);
        var fact = await PendingAsync(db, id, ct);
        if (fact.RegionCode is { } r)
        {
            actor.EnsureCanReview(r);
        }
        else
        {
            actor.EnsureAdmin();
        }

        fact.Status = FactStatus.Rejected;
        fact.ReviewedBy = actor.Name;
        fact.ReviewedAt = clock.GetUtcNow();
        fact.ReviewNote = reason;
        await db.SaveChangesAsAsync(actor.Name, ct);
    }

    /// <summary>The observation an accepted fact becomes; throws <see cref="ExtractionReviewException"/> naming what is missing.</summary>
    public static ObservationRecord ToObservation(PendingFactEntity fact, ExtractionDocumentEntity document, Catalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(fact);
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(catalogue);
        if (fact.Kind is not ("value" or "growth" or "share" or "plan_completion"))
        {
            throw new ExtractionReviewException(new Bilingual($"“{fact.Kind}”类事实不能直接入库,请先改为 value/growth/share", $"a '{fact.Kind}' fact cannot become an observation; change its kind to value, growth or share first"));
        }

        var missing = new List<(string Zh, string En)>();
        if (fact.RegionCode is null)
        {
            missing.Add(("地区代码", "region code"));
        }

        if (fact.IndicatorCode is null || catalogue.Get(fact.IndicatorCode.Value) is null)
        {
            missing.Add(("指标代码", "indicator code"));
        }

        if (fact.Period is null)
        {
            missing.Add(("统计期别", "period"));
        }

        if (missing.Count > 0)
        {
            throw new ExtractionReviewException(new Bilingual(
                $"事实{fact.Id}缺少{string.Join("、", missing.Select(m => m.Zh))},请先用 review edit 补全",
                $"fact {fact.Id} lacks {string.Join(", ", missing.Select(m => m.En))}; complete it with review edit first"));
        }

        var indicator = catalogue.Get(fact.IndicatorCode!.Value)!;
        decimal? value = null;
        if (fact.Value is { } v && fact.Unit.Dimension != Dimension.Dimensionless)
        {
            if (!fact.Unit.IsCompatibleWith(indicator.Unit))
            {
                throw new ExtractionReviewException(new Bilingual(
                    $"单位“{fact.Unit.Symbol}”与指标{indicator.NameZh}的单位“{indicator.Unit.Symbol}”不兼容",
                    $"unit '{fact.Unit.Symbol}' is not compatible with {indicator.Code}'s unit '{indicator.Unit.Symbol}'"));
            }

            value = new Amount(v, fact.Unit, fact.Qualifier).ConvertTo(indicator.Unit).Value;
        }

        return new ObservationRecord(fact.RegionCode!.Value, indicator.Code, fact.Period!.Value, value, indicator.Unit, fact.GrowthPct, fact.Qualifier,
            new ObservationSource(SourceKind.Document, $"document {document.Id}: {document.Name}", fact.Offset + 1, "offset"));
    }

    private static async Task<PendingFactEntity> PendingAsync(BaiqiangDbContext db, long id, CancellationToken ct)
    {
        var fact = await db.PendingFacts.FirstOrDefaultAsync(f => f.Id == id, ct)
            ?? throw new ExtractionReviewException(new Bilingual($"没有编号为{id}的抽取事实", $"no extracted fact {id}"));
        if (fact.Status != FactStatus.Pending)
        {
            throw new ExtractionReviewException(new Bilingual($"事实{id}已审核({fact.Status})", $"fact {id} was already reviewed ({fact.Status})"));
        }

        return fact;
    }
}

/// <summary>A review action that cannot be done as asked (unknown fact, already reviewed, fields missing), with a bilingual reason.</summary>
public sealed class ExtractionReviewException : InvalidOperationException
{
    public ExtractionReviewException(Bilingual reason)
        : base(reason.ToString()) => Reason = reason;

    public ExtractionReviewException()
    {
    }

    public ExtractionReviewException(string message)
        : base(message)
    {
    }

    public ExtractionReviewException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public Bilingual Reason { get; }
}
