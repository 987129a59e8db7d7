using System.Globalization;
using System.Security.Cryptography;
using Baiqiang.Core.Access;
using Baiqiang.Core.Projects;
using Baiqiang.Core.Regions;
using Baiqiang.Core.Text;
using Microsoft.EntityFrameworkCore;

namespace Baiqiang.Storage.Projects;

/// <summary>One file to attach: the name it came with and its bytes.</summary>
public sealed record AttachmentFile(string FileName, byte[] Content);

/// <summary>An attachment as the pages, the API and the CLI show it (never its bytes).</summary>
public sealed record AttachmentInfo(
    long Id,
    string ProjectCode,
    RegionCode Region,
    int Year,
    int Month,
    string? ProblemKey,
    string FileName,
    AttachmentType Type,
    long Size,
    string Sha256,
    bool HasThumbnail,
    DateTimeOffset? TakenAt,
    decimal? Latitude,
    decimal? Longitude,
    DateTimeOffset UploadedAt,
    string UploadedBy)
{
    /// <summary>The reporting month as text, <c>2024-06</c>.</summary>
    public string Period => new ReportingMonth(Year, Month).ToString();
}

/// <summary>An attachment's bytes (or its thumbnail's) with what to serve them as.</summary>
public sealed record AttachmentContent(AttachmentInfo Info, byte[] Bytes, string ContentType);

/// <summary>
/// Attachments of monthly reports and problems, and project coordinates. The bytes are kept in the store itself
/// (<c>project_attachment_contents</c>, bytea on PostgreSQL, BLOB on SQLite) — see docs/architecture.md for why.
/// </summary>
/// <remarks>
/// Attaching needs an editor of the project's region or lead department; every file is checked (type by content, 20 MB
/// each, 200 MB per project per year) before anything is saved, and all files of one call are saved together or none.
/// Reading needs a user who may see the project's region: an administrator, a user scoped to that region (or above it), or a
/// user with no region scope (analysts, department desks); a county user of another county is refused
/// (<see cref="AccessDeniedException"/>). Every attachment and every coordinate change is audited.
/// </remarks>
public static class ProjectAttachmentStore
{
    /// <summary>Whether <paramref name="actor"/> may open the files of a project in <paramref name="region"/>.</summary>
    public static bool CanSeeFiles(Actor actor, RegionCode region)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.IsAdmin || actor.Covers(region) || (actor.CanRead && actor.Regions.Count == 0);
    }

    /// <summary>Reads <c>2024-06</c> as a reporting month, with a bilingual reason when it is not one.</summary>
    public static ParseResult<ReportingMonth> ParsePeriod(string? text)
    {
        var t = text?.Trim() ?? string.Empty;
        if (t.Length == 7 && t[4] == '-'
            && int.TryParse(t.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            && int.TryParse(t.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            && m is >= 1 and <= 12 && y is >= 1949 and <= 2200)
        {
            return ParseResult<ReportingMonth>.Ok(new ReportingMonth(y, m));
        }

        return ParseResult<ReportingMonth>.Fail($"月份“{t}”格式应为 YYYY-MM(如 2024-06)", $"the period \"{t}\" must be YYYY-MM (e.g. 2024-06)");
    }

    /// <summary>
    /// Attaches <paramref name="files"/> to project <paramref name="code"/>'s report of <paramref name="period"/> (or to its
    /// problem <paramref name="problemKey"/>). Throws <see cref="ProjectRuleException"/> for a refused file, naming it, and
    /// stores nothing then.
    /// </summary>
    public static async Task<IReadOnlyList<AttachmentInfo>> AttachAsync(
        BaiqiangDbContext db, string code, ReportingMonth period, string? problemKey, IReadOnlyList<AttachmentFile> files, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(actor);
        if (files.Count == 0)
        {
            throw new ProjectRuleException(new Bilingual("没有要上传的文件", "no file to attach"));
        }

        var p = await ProjectStore.FindEntityAsync(db, code, details: false, ct);
        actor.EnsureCanEdit(p.RegionCode, p.LeadDepartment);
        var key = string.IsNullOrWhiteSpace(problemKey) ? null : problemKey.Trim();
        if (key is not null && !await db.ProjectProblems.AnyAsync(q => q.Key == key && q.ProjectId == p.Id, ct))
        {
            throw new ProjectRuleException(new Bilingual($"项目{p.Code}没有问题{key}", $"project {p.Code} has no problem {key}"));
        }

        // Every check first: nothing is stored when one file is refused.
        var types = files.Select(f => Attachments.Check(f.FileName, f.Content)).ToList();
        var stored = await db.ProjectAttachments.Where(a => a.ProjectId == p.Id && a.Year == period.Year).SumAsync(a => (long?)a.Size, ct) ?? 0;
        Attachments.CheckYearTotal(p.Code, period.Year, stored, files.Sum(f => f.Content.LongLength));

        var now = db.Clock.GetUtcNow();
        var added = new List<ProjectAttachmentEntity>();
        for (var i = 0; i < files.Count; i++)
        {
            var (file, type) = (files[i], types[i]);
            var image = Attachments.IsImage(type);
            var thumb = image ? Photos.Thumbnail(file.Content) : null;
            var facts = image ? Photos.Facts(file.Content) : new PhotoFacts(null, null, null);
            var e = new ProjectAttachmentEntity
            {
                RegionCode = p.RegionCode,
                ProjectId = p.Id,
                ProjectCode = p.Code,
                Year = period.Year,
                Month = period.Month,
                ProblemKey = key,
                FileName = CleanName(file.FileName),
                Type = type,
                Size = file.Content.LongLength,
                Sha256 = Convert.ToHexStringLower(SHA256.HashData(file.Content)),
                TakenAt = facts.TakenAt,
                Latitude = facts.Latitude,
                Longitude = facts.Longitude,
                HasThumbnail = thumb is not null,
                UploadedAt = now,
                UploadedBy = actor.Name,
                Content = new ProjectAttachmentContentEntity { RegionCode = p.RegionCode, Content = file.Content, Thumbnail = thumb },
            };
            db.ProjectAttachments.Add(e);
            added.Add(e);
        }

        await ProjectStore.SaveAsync(db, actor, ct);
        return [.. added.Select(ToInfo)];
    }

    /// <summary>Project <paramref name="code"/>'s attachments, newest month first; refused for a user who may not see them.</summary>
    public static async Task<List<AttachmentInfo>> ListAsync(BaiqiangDbContext db, string code, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var p = await ProjectStore.FindEntityAsync(db, code, details: false, ct);
        EnsureCanSee(actor, p.RegionCode);
        var rows = await db.ProjectAttachments.AsNoTracking().Where(a => a.ProjectId == p.Id)
            .OrderByDescending(a => a.Year).ThenByDescending(a => a.Month).ThenBy(a => a.Id).ToListAsync(ct);
        return [.. rows.Select(ToInfo)];
    }

    /// <summary>The bytes of attachment <paramref name="id"/> (its thumbnail when <paramref name="thumbnail"/>), or null when there is none.</summary>
    public static async Task<AttachmentContent?> OpenAsync(BaiqiangDbContext db, long id, bool thumbnail, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var a = await db.ProjectAttachments.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null)
        {
            return null;
        }

        EnsureCanSee(actor, a.RegionCode);
        var bytes = thumbnail
            ? await db.ProjectAttachmentContents.AsNoTracking().Where(c => c.AttachmentId == id).Select(c => c.Thumbnail).FirstOrDefaultAsync(ct)
            : await db.ProjectAttachmentContents.AsNoTracking().Where(c => c.AttachmentId == id).Select(c => c.Content).FirstOrDefaultAsync(ct);
        return bytes is null ? null : new AttachmentContent(ToInfo(a), bytes, thumbnail ? "image/jpeg" : Attachments.ContentType(a.Type));
    }

    /// <summary>
    /// Sets (or, with both null, clears) project <paramref name="code"/>'s coordinates. Both or neither; latitude −90…90,
    /// longitude −180…180; rounded to 6 decimals. Audited old → new.
    /// </summary>
    public static async Task SetLocationAsync(BaiqiangDbContext db, string code, decimal? latitude, decimal? longitude, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (CheckLocation(latitude, longitude) is { } refusal)
        {
            throw new ProjectRuleException(refusal);
        }

        // The web hands out no-tracking contexts; the change must be tracked to be saved and audited.
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.TrackAll;
        var p = await ProjectStore.FindEntityAsync(db, code, details: false, ct);
        actor.EnsureCanEdit(p.RegionCode, p.LeadDepartment);
        p.Latitude = latitude is { } lat ? Math.Round(lat, 6) : null;
        p.Longitude = longitude is { } lon ? Math.Round(lon, 6) : null;
        await ProjectStore.SaveAsync(db, actor, ct);
    }

    /// <summary>Sets project <paramref name="code"/>'s coordinates from the GPS of its photo <paramref name="attachmentId"/>.</summary>
    public static async Task<(decimal Latitude, decimal Longitude)> UsePhotoLocationAsync(BaiqiangDbContext db, string code, long attachmentId, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var p = await ProjectStore.FindEntityAsync(db, code, details: false, ct);
        var a = await db.ProjectAttachments.AsNoTracking().FirstOrDefaultAsync(x => x.Id == attachmentId && x.ProjectId == p.Id, ct)
            ?? throw new ProjectRuleException(new Bilingual($"项目{p.Code}没有附件{attachmentId}", $"project {p.Code} has no attachment {attachmentId}"));
        if (a.Latitude is not { } lat || a.Longitude is not { } lon)
        {
            throw new ProjectRuleException(new Bilingual($"附件{a.FileName}没有GPS位置", $"attachment {a.FileName} has no GPS position"));
        }

        await SetLocationAsync(db, p.Code, lat, lon, actor, ct);
        return (lat, lon);
    }

    /// <summary>Why a pair of coordinates is refused, or null when it is taken.</summary>
    public static Bilingual? CheckLocation(decimal? latitude, decimal? longitude) => (latitude, longitude) switch
    {
        (null, null) => null,
        (null, _) or (_, null) => new Bilingual("纬度和经度须同时填写或同时留空", "latitude and longitude go together: give both or neither"),
        ({ } lat, _) when lat is < -90 or > 90 => new Bilingual($"纬度{lat.ToString(CultureInfo.InvariantCulture)}应在−90到90之间", $"latitude {lat.ToString(CultureInfo.InvariantCulture)} must be between −90 and 90"),
        (_, { } lon) when lon is < -180 or > 180 => new Bilingual($"经度{lon.ToString(CultureInfo.InvariantCulture)}应在−180到180之间", $"longitude {lon.ToString(CultureInfo.InvariantCulture)} must be between −180 and 180"),
        _ => null,
    };

    /// <summary>The coordinates of every located project, by code.</summary>
    public static async Task<Dictionary<string, (decimal Latitude, decimal Longitude)>> LocationsAsync(BaiqiangDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.Projects.AsNoTracking().Where(p => p.Latitude != null && p.Longitude != null)
            .Select(p => new { p.Code, p.Latitude, p.Longitude }).ToListAsync(ct);
        return rows.ToDictionary(r => r.Code, r => (r.Latitude!.Value, r.Longitude!.Value), StringComparer.Ordinal);
    }

    private static void EnsureCanSee(Actor actor, RegionCode region)
    {
        if (!CanSeeFiles(actor, region))
        {
            throw new AccessDeniedException(new Bilingual($"无权查看{region}的项目附件", $"not allowed to open the project files of {region}"));
        }
    }

    private static string CleanName(string name)
    {
        var n = Path.GetFileName(name.Replace('\\', '/').Trim());
        return n.Length <= 255 ? n : n[^255..];
    }

    private static AttachmentInfo ToInfo(ProjectAttachmentEntity a) => new(
        a.Id, a.ProjectCode, a.RegionCode, a.Year, a.Month, a.ProblemKey, a.FileName, a.Type, a.Size, a.Sha256, a.HasThumbnail,
        a.TakenAt, a.Latitude, a.Longitude, a.UploadedAt, a.UploadedBy);
}
