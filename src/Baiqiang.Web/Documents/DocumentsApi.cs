using Baiqiang.Briefing;
using Baiqiang.Briefing.Model;
using Baiqiang.Briefing.Rendering;
using Baiqiang.Core.Access;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Regions;
using Baiqiang.Storage;
using Baiqiang.Storage.Extraction;
using Baiqiang.Web.Auth;
using Baiqiang.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Baiqiang.Web.Documents;

/// <summary>
/// <c>/api/documents/…</c>: upload a report (.txt/.html; its facts are stored as pending), list documents, one document with
/// its facts, accept or reject a fact (reviewers of the fact's region → otherwise 403), edit a pending fact as the CLI's
/// <c>review edit</c> does (editors of its region; bad fields → 400 naming each, nothing stored), accept the document's facts
/// at or above a confidence in bulk; and <c>/api/briefings</c>, the
/// briefing of a region and period as .docx, .html or .pdf.
/// </summary>
public static class DocumentsApi
{
    public static void MapDocumentsApi(this WebApplication app)
    {
        NavRegistry.Add(new NavItem("/Documents", "文档抽取", "Documents", _ => true));
        var api = app.MapGroup("/api/documents").WithTags("documents").RequireAuthorization().RequireAntiforgeryForCookies();
        api.MapGet("/", ListAsync).WithName("ListDocuments");
        api.MapGet("/{id:long}", GetAsync).WithName("GetDocument");
        api.MapPost("/", UploadAsync).WithName("UploadDocument").DisableAntiforgery().WithParseBudget();
        api.MapPost("/{id:long}/facts/{factId:long}/accept", AcceptAsync).WithName("AcceptFact");
        api.MapPost("/{id:long}/facts/{factId:long}/reject", RejectAsync).WithName("RejectFact");
        api.MapPatch("/{id:long}/facts/{factId:long}", EditAsync).WithName("EditFact");
        api.MapPost("/{id:long}/facts/accept", AcceptAboveAsync).WithName("AcceptFactsAboveConfidence");
        app.MapGroup("/api/briefings").WithTags("briefings").RequireAuthorization().RequireAntiforgeryForCookies()
            .MapGet("/", BriefingAsync).WithName("GetBriefing");
    }

    internal static async Task<Ok<IReadOnlyList<DocumentItem>>> ListAsync(BaiqiangDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await DocumentViews.ListAsync(db, ct));

    internal static async Task<Results<Ok<DocumentDetail>, NotFound>> GetAsync(long id, HttpContext http, BaiqiangDbContext db, CancellationToken ct) =>
        await DocumentViews.DetailAsync(db, http.User.ToActor(), id, ct) is { } d ? TypedResults.Ok(d) : TypedResults.NotFound();

    /// <summary>Upload a report (multipart field <c>file</c>, optional <c>date</c> YYYY-MM-DD): type and size are checked before it is read.</summary>
    internal static async Task<Results<Created<DocumentUploadResult>, ValidationProblem, ForbidHttpResult>> UploadAsync(
        IFormFile file, [Microsoft.AspNetCore.Mvc.FromForm] string? date, HttpContext http, BaiqiangDbContext db, CancellationToken ct)
    {
        if (DocumentViews.Check(file.FileName, file.Length, date, out var reference) is { } error)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [error.ToString()] });
        }

        try
        {
            await using var stream = file.OpenReadStream();
            var saved = await DocumentViews.UploadAsync(db, http.User.ToActor(), file.FileName, stream, reference, ct);
            return TypedResults.Created($"/api/documents/{saved.DocumentId}", saved);
        }
        catch (AccessDeniedException)
        {
            return TypedResults.Forbid();
        }
    }

    internal static Task<Results<Ok<DocumentDetail>, NotFound, ValidationProblem, ForbidHttpResult>> AcceptAsync(
        long id, long factId, HttpContext http, BaiqiangDbContext db, TimeProvider clock, CancellationToken ct) =>
        ReviewAsync(id, factId, true, null, http, db, clock, ct);

    internal static Task<Results<Ok<DocumentDetail>, NotFound, ValidationProblem, ForbidHttpResult>> RejectAsync(
        long id, long factId, RejectFactRequest? request, HttpContext http, BaiqiangDbContext db, TimeProvider clock, CancellationToken ct) =>
        ReviewAsync(id, factId, false, request?.Reason, http, db, clock, ct);

    /// <summary>
    /// Edits a pending fact: each given field (region code or name, indicator code/name/alias, period canonical or Chinese,
    /// value, unit, growth, kind) is read as typed; omitted or blank fields stay. Audited; editors of the fact's region only.
    /// </summary>
    internal static async Task<Results<Ok<DocumentDetail>, NotFound, ValidationProblem, ForbidHttpResult>> EditAsync(
        long id, long factId, FactEditText request, HttpContext http, BaiqiangDbContext db, CancellationToken ct)
    {
        var actor = http.User.ToActor();
        try
        {
            var outcome = await DocumentViews.EditAsync(db, actor, id, factId, request, ct);
            if (!outcome.Found)
            {
                return TypedResults.NotFound();
            }

            if (outcome.Errors.Count > 0)
            {
                return TypedResults.ValidationProblem(outcome.Errors.ToDictionary(e => e.Key, e => new[] { e.Value.ToString() }, StringComparer.Ordinal));
            }
        }
        catch (AccessDeniedException)
        {
            return TypedResults.Forbid();
        }

        return TypedResults.Ok((await DocumentViews.DetailAsync(db, actor, id, ct))!);
    }

    /// <summary>Accepts every pending fact of the document whose confidence is at least <c>minConfidence</c> (0–1, required: bulk accept is off unless asked); facts the caller may not review or that fail the store's checks stay pending, named.</summary>
    internal static async Task<Results<Ok<AcceptAboveResult>, NotFound, ValidationProblem>> AcceptAboveAsync(
        long id, AcceptAboveRequest request, HttpContext http, BaiqiangDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (request.MinConfidence is not { } min || min is < 0m or > 1m)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["minConfidence"] = ["请给出 0 到 1 之间的置信度阈值 / give a confidence threshold from 0 to 1"],
            });
        }

        if (!await db.ExtractionDocuments.AnyAsync(d => d.Id == id, ct))
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(await DocumentViews.AcceptAboveAsync(db, http.User.ToActor(), clock, id, min, ct));
    }

    private static async Task<Results<Ok<DocumentDetail>, NotFound, ValidationProblem, ForbidHttpResult>> ReviewAsync(
        long id, long factId, bool accept, string? reason, HttpContext http, BaiqiangDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var actor = http.User.ToActor();
        try
        {
            if (await DocumentViews.ReviewAsync(db, actor, clock, id, factId, accept, reason, ct) is null)
            {
                return TypedResults.NotFound();
            }
        }
        catch (AccessDeniedException)
        {
            return TypedResults.Forbid();
        }
        catch (ExtractionReviewException e)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["fact"] = [e.Reason.ToString()] });
        }

        return TypedResults.Ok((await DocumentViews.DetailAsync(db, actor, id, ct))!);
    }

    /// <summary>The briefing of <paramref name="region"/> for <paramref name="period"/> (canonical, e.g. 2023-01..06) as docx (default), html or pdf.</summary>
    internal static async Task<Results<FileContentHttpResult, ContentHttpResult, ValidationProblem>> BriefingAsync(
        string? region, string? period, string? format, BaiqiangDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        RegionCode code = default;
        if (string.IsNullOrWhiteSpace(region) || !RegionCode.TryParse(region.Trim(), out code))
        {
            errors["region"] = ["区划代码应为6位或9位数字 / region code must be 6 or 9 digits"];
        }

        StatPeriod p = default;
        var parsed = StatPeriod.TryParseCanonical((period ?? string.Empty).Trim());
        if (parsed.Success)
        {
            p = parsed.Value;
        }
        else
        {
            errors["period"] = [parsed.Error!.Value.ToString()];
        }

        var f = (format ?? "docx").Trim().ToLowerInvariant();
        if (f is not ("docx" or "html" or "pdf"))
        {
            errors["format"] = ["格式应为 docx、html 或 pdf / format must be docx, html or pdf"];
        }

        if (f == "pdf" && PdfRenderer.FindChromium() is null)
        {
            errors["format"] = ["本机没有 Chromium,无法生成 PDF / no Chromium on this server, PDF is unavailable"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        BriefingDocument doc;
        try
        {
            doc = await BriefingGenerator.GenerateAsync(db, code, p, new BriefingOptions { Clock = clock }, ct);
        }
        catch (InvalidOperationException e)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["region"] = [e.Message] });
        }

        var name = $"briefing-{code}-{p.ToString().Replace("..", "-", StringComparison.Ordinal)}";
        if (f == "html")
        {
            return TypedResults.Content(HtmlRenderer.Render(doc), "text/html; charset=utf-8");
        }

        if (f == "pdf")
        {
            var dir = Directory.CreateTempSubdirectory("bq-briefing-");
            try
            {
                var pdf = Path.Combine(dir.FullName, name + ".pdf");
                await PdfRenderer.RenderAsync(HtmlRenderer.Render(doc), pdf, ct);
                return TypedResults.File(await File.ReadAllBytesAsync(pdf, ct), "application/pdf", name + ".pdf");
            }
            finally
            {
                dir.Delete(true);
            }
        }

        return TypedResults.File(DocxRenderer.Render(doc), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", name + ".docx");
    }
}
