using System.Globalization;
using Baiqiang.Core.Access;
using Baiqiang.Core.Projects;
using Baiqiang.Core.Text;
using Baiqiang.Storage;
using Baiqiang.Storage.Projects;
using Baiqiang.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Baiqiang.Web.Projects;

/// <summary>An attachment as the API and the pages show it; <see cref="TakenAt"/> is China time, <c>2024-06-15 10:30</c>.</summary>
public sealed record AttachmentItem(
    long Id, string Period, string? Problem, string FileName, string Type, long Size, string Sha256,
    string? TakenAt, decimal? Latitude, decimal? Longitude, string Url, string? ThumbnailUrl, DateTimeOffset UploadedAt, string UploadedBy);

/// <summary>Coordinates to set on a project (both null clears them).</summary>
public sealed record LocationRequest(decimal? Latitude, decimal? Longitude);

/// <summary>
/// <c>/api/projects/{code}/attachments</c> (list; multipart upload of up to <see cref="MaxFilesPerRequest"/> files with
/// <c>period</c> and optional <c>problem</c>), <c>/api/projects/attachments/{id}</c> (the file, or its thumbnail with
/// <c>?thumbnail=true</c>) and <c>/api/projects/{code}/location</c> (coordinates). Reading needs a user who may see the
/// project's region (<see cref="ProjectAttachmentStore.CanSeeFiles"/>), else 403; uploading needs an editor of it.
/// </summary>
public static class AttachmentsApi
{
    /// <summary>Files in one upload request (each ≤ 20 MB, so a request is at most 100 MB plus the form's own bytes).</summary>
    public const int MaxFilesPerRequest = 5;

    /// <summary>The request-size limit of the upload endpoint.</summary>
    public const long MaxRequestBytes = (MaxFilesPerRequest * Attachments.MaxFileBytes) + (1024 * 1024);

    public static void MapAttachmentsApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/projects").WithTags("projects").RequireAuthorization().RequireAntiforgeryForCookies();
        api.MapGet("/{code}/attachments", ListAsync).WithName("ListProjectAttachments");
        api.MapPost("/{code}/attachments", UploadAsync).WithName("UploadProjectAttachments").DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(MaxRequestBytes))
            .WithFormOptions(multipartBodyLengthLimit: MaxRequestBytes);
        api.MapGet("/attachments/{id:long}", OpenAsync).WithName("GetProjectAttachment");
        api.MapPut("/{code}/location", SetLocationAsync).WithName("SetProjectLocation");
    }

    internal static async Task<Results<Ok<List<AttachmentItem>>, NotFound, ForbidHttpResult>> ListAsync(string code, HttpContext http, BaiqiangDbContext db, CancellationToken ct)
    {
        try
        {
            return TypedResults.Ok((await ProjectAttachmentStore.ListAsync(db, code, http.User.ToActor(), ct)).Select(ToItem).ToList());
        }
        catch (ProjectRuleException)
        {
            return TypedResults.NotFound();
        }
        catch (AccessDeniedException)
        {
            return TypedResults.Forbid();
        }
    }

    internal static async Task<Results<Ok<List<AttachmentItem>>, NotFound, ValidationProblem, ForbidHttpResult>> UploadAsync(
        string code, IFormFileCollection files, [FromForm] string? period, [FromForm] string? problem, HttpContext http, BaiqiangDbContext db, CancellationToken ct)
    {
        var (added, refusal) = await UploadCoreAsync(db, http.User.ToActor(), code, period, problem, files, ct);
        return refusal switch
        {
            null => TypedResults.Ok(added!.Select(ToItem).ToList()),
            { Kind: Refusal.NotFound } => TypedResults.NotFound(),
            { Kind: Refusal.Forbidden } => TypedResults.Forbid(),
            { } r => TypedResults.ValidationProblem(new Dictionary<string, string[]>(StringComparer.Ordinal) { [r.Field] = [r.Reason.ToString()] }),
        };
    }

    internal static async Task<Results<FileContentHttpResult, NotFound, ForbidHttpResult>> OpenAsync(long id, bool? thumbnail, HttpContext http, BaiqiangDbContext db, CancellationToken ct)
    {
        try
        {
            var file = await ProjectAttachmentStore.OpenAsync(db, id, thumbnail == true, http.User.ToActor(), ct);
            if (file is null)
            {
                return TypedResults.NotFound();
            }

            http.Response.Headers.XContentTypeOptions = "nosniff";
            var inline = file.ContentType.StartsWith("image/", StringComparison.Ordinal) || file.ContentType == "application/pdf";
            return inline
                ? TypedResults.File(file.Bytes, file.ContentType)
                : TypedResults.File(file.Bytes, file.ContentType, file.Info.FileName);
        }
        catch (AccessDeniedException)
        {
            return TypedResults.Forbid();
        }
    }

    internal static async Task<Results<NoContent, NotFound, ValidationProblem, ForbidHttpResult>> SetLocationAsync(
        string code, LocationRequest request, HttpContext http, BaiqiangDbContext db, CancellationToken ct)
    {
        if (ProjectAttachmentStore.CheckLocation(request.Latitude, request.Longitude) is { } refusal)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>(StringComparer.Ordinal) { ["latitude"] = [refusal.ToString()] });
        }

        try
        {
            await ProjectAttachmentStore.SetLocationAsync(db, code, request.Latitude, request.Longitude, http.User.ToActor(), ct);
            return TypedResults.NoContent();
        }
        catch (AccessDeniedException)
        {
            return TypedResults.Forbid();
        }
        catch (ProjectRuleException)
        {
            return TypedResults.NotFound();
        }
    }

    internal enum Refusal
    {
        Invalid,
        NotFound,
        Forbidden,
    }

    internal sealed record UploadRefusal(Refusal Kind, string Field, Bilingual Reason);

    /// <summary>The upload shared by the API and the pages: reads the files (after checking each one's size), then stores all or none.</summary>
    internal static async Task<(IReadOnlyList<AttachmentInfo>? Added, UploadRefusal? Refusal)> UploadCoreAsync(
        BaiqiangDbContext db, Actor actor, string code, string? period, string? problem, IReadOnlyList<IFormFile> files, CancellationToken ct)
    {
        var month = ProjectAttachmentStore.ParsePeriod(period);
        if (!month.Success)
        {
            return (null, new UploadRefusal(Refusal.Invalid, "period", month.Error!.Value));
        }

        if (files.Count == 0 || files.Count > MaxFilesPerRequest)
        {
            return (null, new UploadRefusal(Refusal.Invalid, "files", new Bilingual(
                $"每次上传1至{MaxFilesPerRequest}个文件", $"upload 1 to {MaxFilesPerRequest.ToString(CultureInfo.InvariantCulture)} files at a time")));
        }

        try
        {
            var list = new List<AttachmentFile>();
            foreach (var f in files)
            {
                Attachments.CheckSize(f.FileName, f.Length);
                await using var s = f.OpenReadStream();
                using var buffer = new MemoryStream((int)f.Length);
                await s.CopyToAsync(buffer, ct);
                list.Add(new AttachmentFile(f.FileName, buffer.ToArray()));
            }

            return (await ProjectAttachmentStore.AttachAsync(db, code, month.Value, problem, list, actor, ct), null);
        }
        catch (AccessDeniedException e)
        {
            return (null, new UploadRefusal(Refusal.Forbidden, "files", e.Reason));
        }
        catch (ProjectRuleException e) when (e.Reason.En.StartsWith("no project with code", StringComparison.Ordinal))
        {
            return (null, new UploadRefusal(Refusal.NotFound, "code", e.Reason));
        }
        catch (ProjectRuleException e)
        {
            return (null, new UploadRefusal(Refusal.Invalid, "files", e.Reason));
        }
    }

    internal static AttachmentItem ToItem(AttachmentInfo a) => new(
        a.Id, a.Period, a.ProblemKey, a.FileName, a.Type.ToString(), a.Size, a.Sha256,
        a.TakenAt?.ToOffset(Photos.ChinaOffset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        a.Latitude, a.Longitude,
        string.Create(CultureInfo.InvariantCulture, $"/api/projects/attachments/{a.Id}"),
        a.HasThumbnail ? string.Create(CultureInfo.InvariantCulture, $"/api/projects/attachments/{a.Id}?thumbnail=true") : null,
        a.UploadedAt, a.UploadedBy);
}
