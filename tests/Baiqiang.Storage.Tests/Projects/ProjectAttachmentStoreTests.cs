using Baiqiang.Core.Access;
using Baiqiang.Core.Projects;
using Baiqiang.Core.Regions;
using Baiqiang.Storage.Projects;
using Baiqiang.Storage.Tests.Support;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;

namespace Baiqiang.Storage.Tests.Projects;

/// <summary>Attachments, photos and coordinates on the store against each provider.</summary>
public abstract class ProjectAttachmentStoreTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StoreFixture
{
    private static readonly RegionCode Jiangyang = new(510502);
    private static readonly Actor Admin = Actor.LocalAdmin("tester");
    private static readonly ReportingMonth June = new(2024, 6);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly TestExif PhoneExif = new(Orientation: 6, Taken: new DateTime(2024, 6, 15, 10, 30, 0), Latitude: 28.871234, Longitude: 105.442345);

    private async Task<BaiqiangDbContext> SeedAsync(string code)
    {
        var db = fixture.Open();
        await ProjectStore.CreateAsync(db, ProjectStoreTests<TFixture>.Sample(code, Jiangyang), Admin, Ct);
        return db;
    }

    private static async Task<int> CountAsync(BaiqiangDbContext db, string code) =>
        await db.ProjectAttachments.AsNoTracking().CountAsync(a => a.ProjectCode == code, Ct);

    [Fact]
    public async Task AttachAsync_PhoneJpegWithExif_KeepsBytesMakesUprightThumbnailAndReadsTimeAndGps()
    {
        await using var db = await SeedAsync("AT-1");
        var photo = TestPhotos.Jpeg(640, 480, PhoneExif);

        var added = await ProjectAttachmentStore.AttachAsync(db, "AT-1", June, null, [new AttachmentFile("site.jpg", photo)], Admin, Ct);

        var a = Assert.Single(added);
        Assert.Equal(AttachmentType.Jpeg, a.Type);
        Assert.Equal("2024-06", a.Period);
        Assert.Equal(new DateTimeOffset(2024, 6, 15, 10, 30, 0, TimeSpan.FromHours(8)), a.TakenAt);
        Assert.Equal(28.871234m, a.Latitude);
        Assert.Equal(105.442345m, a.Longitude);
        db.ChangeTracker.Clear();
        var original = await ProjectAttachmentStore.OpenAsync(db, a.Id, thumbnail: false, Admin, Ct);
        Assert.Equal(photo, original!.Bytes);
        Assert.Equal("image/jpeg", original.ContentType);
        var thumb = await ProjectAttachmentStore.OpenAsync(db, a.Id, thumbnail: true, Admin, Ct);
        using var t = SKBitmap.Decode(thumb!.Bytes);
        // Orientation 6: the stored 640×480 turns a quarter clockwise, so the thumbnail stands 240×320 and the stored left
        // (red) half is now on top.
        Assert.Equal((240, 320), (t.Width, t.Height));
        Assert.True(t.GetPixel(120, 40).Red > 200 && t.GetPixel(120, 40).Blue < 80);
        Assert.True(t.GetPixel(120, 280).Blue > 200 && t.GetPixel(120, 280).Red < 80);
        var audit = await db.AuditEntries.AsNoTracking().Where(x => x.Entity == "project_attachment" && x.Key.StartsWith("AT-1|2024-06|site.jpg|")).ToListAsync(Ct);
        Assert.Equal("tester", Assert.Single(audit).User);
    }

    [Fact]
    public async Task AttachAsync_PngPdfAndOffice_AreTakenByContent()
    {
        await using var db = await SeedAsync("AT-2");

        var added = await ProjectAttachmentStore.AttachAsync(db, "AT-2", June, null,
        [
            new AttachmentFile("plan.png", TestPhotos.Png(800, 200)),
            new AttachmentFile("批复.pdf", "%PDF-1.4\n%test\n"u8.ToArray()),
            new AttachmentFile("进度.docx", TestPhotos.OfficeZip(TestPhotos.DocxMain)),
            new AttachmentFile("台账.XLSX", TestPhotos.OfficeZip(TestPhotos.XlsxMain)),
        ], Admin, Ct);

        Assert.Equal([AttachmentType.Png, AttachmentType.Pdf, AttachmentType.Docx, AttachmentType.Xlsx], added.Select(a => a.Type).ToArray());
        Assert.Equal([true, false, false, false], added.Select(a => a.HasThumbnail).ToArray());
        Assert.All(added, a => Assert.Null(a.TakenAt));
        db.ChangeTracker.Clear();
        using var thumb = SKBitmap.Decode((await ProjectAttachmentStore.OpenAsync(db, added[0].Id, true, Admin, Ct))!.Bytes);
        Assert.Equal((320, 80), (thumb.Width, thumb.Height));
    }

    [Theory]
    [InlineData("photo.png", "jpeg", "disagrees with its extension .png")]
    [InlineData("report.pdf", "docx-as-pdf", "disagrees with its extension .pdf")]
    [InlineData("table.xlsx", "docx", "disagrees with its extension .xlsx")]
    [InlineData("notes.txt", "text", "not an accepted type")]
    [InlineData("IMG_0001.HEIC", "heic", "HEIC")]
    [InlineData("bomb.zip", "zip", "not an accepted type")]
    [InlineData("empty.jpg", "empty", "is empty")]
    public async Task AttachAsync_WrongOrDisguisedContent_RefusesTheWholeBatchBeforeStoring(string name, string content, string reason)
    {
        await using var db = await SeedAsync($"AT-3-{content}");
        byte[] bytes = content switch
        {
            "jpeg" => TestPhotos.Jpeg(16, 16),
            "docx-as-pdf" or "docx" => TestPhotos.OfficeZip(TestPhotos.DocxMain),
            "text" => "进度说明"u8.ToArray(),
            "heic" => [0, 0, 0, 0x18, .. "ftypheic"u8, 0, 0, 0, 0, .. "mif1heic"u8],
            "zip" => TestPhotos.OfficeZip("application/xml"),
            _ => [],
        };

        var e = await Assert.ThrowsAsync<ProjectRuleException>(() => ProjectAttachmentStore.AttachAsync(db, $"AT-3-{content}", June, null,
            [new AttachmentFile("ok.jpg", TestPhotos.Jpeg(16, 16)), new AttachmentFile(name, bytes)], Admin, Ct));

        Assert.Contains(reason, e.Reason.En, StringComparison.Ordinal);
        Assert.Contains(name, e.Reason.Zh, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(db, $"AT-3-{content}"));
    }

    [Fact]
    public async Task AttachAsync_OverTheLimits_Refused()
    {
        await using var db = await SeedAsync("AT-4");
        var big = new byte[Attachments.MaxFileBytes + 1];
        "%PDF-"u8.CopyTo(big);

        var tooBig = await Assert.ThrowsAsync<ProjectRuleException>(() =>
            ProjectAttachmentStore.AttachAsync(db, "AT-4", June, null, [new AttachmentFile("big.pdf", big)], Admin, Ct));
        // 199 MB already stored this year (the row alone; its bytes do not matter to the sum): 2 MB more passes 200 MB.
        var first = await ProjectAttachmentStore.AttachAsync(db, "AT-4", new ReportingMonth(2024, 1), null, [new AttachmentFile("a.pdf", "%PDF-1.4"u8.ToArray())], Admin, Ct);
        var row = await db.ProjectAttachments.SingleAsync(x => x.Id == first[0].Id, Ct);
        row.Size = 199L * 1024 * 1024;
        await db.SaveChangesAsync(Ct);
        var two = new byte[2 * 1024 * 1024];
        "%PDF-"u8.CopyTo(two);
        var yearFull = await Assert.ThrowsAsync<ProjectRuleException>(() =>
            ProjectAttachmentStore.AttachAsync(db, "AT-4", June, null, [new AttachmentFile("more.pdf", two)], Admin, Ct));
        var nextYear = await ProjectAttachmentStore.AttachAsync(db, "AT-4", new ReportingMonth(2025, 1), null, [new AttachmentFile("more.pdf", two)], Admin, Ct);

        Assert.Contains("20 MB limit", tooBig.Reason.En, StringComparison.Ordinal);
        Assert.Contains("超过单个附件上限20MB", tooBig.Reason.Zh, StringComparison.Ordinal);
        Assert.Contains("200 MB limit per project per year", yearFull.Reason.En, StringComparison.Ordinal);
        Assert.Contains("200MB", yearFull.Reason.Zh, StringComparison.Ordinal);
        Assert.Single(nextYear);
        Assert.Equal(2, await CountAsync(db, "AT-4"));
    }

    [Fact]
    public async Task OpenAsync_UserOfAnotherCounty_IsRefusedWhileTheCountyAndAnalystsRead()
    {
        await using var db = await SeedAsync("AT-5");
        var added = await ProjectAttachmentStore.AttachAsync(db, "AT-5", June, null, [new AttachmentFile("a.jpg", TestPhotos.Jpeg(32, 32))], Admin, Ct);
        var otherCounty = Actor.EditorOf("longmatan", new RegionCode(510504));

        await Assert.ThrowsAsync<AccessDeniedException>(() => ProjectAttachmentStore.OpenAsync(db, added[0].Id, false, otherCounty, Ct));
        await Assert.ThrowsAsync<AccessDeniedException>(() => ProjectAttachmentStore.ListAsync(db, "AT-5", otherCounty, Ct));
        await Assert.ThrowsAsync<AccessDeniedException>(() => ProjectAttachmentStore.AttachAsync(db, "AT-5", June, null,
            [new AttachmentFile("b.jpg", TestPhotos.Jpeg(32, 32))], otherCounty, Ct));

        Assert.NotNull(await ProjectAttachmentStore.OpenAsync(db, added[0].Id, false, Actor.EditorOf("jiangyang", Jiangyang), Ct));
        Assert.NotNull(await ProjectAttachmentStore.OpenAsync(db, added[0].Id, true, Actor.ReviewerOf("luzhou", new RegionCode(510500)), Ct));
        Assert.Single(await ProjectAttachmentStore.ListAsync(db, "AT-5", Actor.AnalystNamed("analyst"), Ct));
        Assert.Null(await ProjectAttachmentStore.OpenAsync(db, 987654321, false, otherCounty, Ct));
    }

    [Fact]
    public async Task AttachAsync_ToAProblem_NeedsThatProjectsProblem()
    {
        await using var db = await SeedAsync("AT-6");
        await ProjectStore.AddProblemAsync(db, new ProjectProblem("AT-6-Q1", "AT-6", "用地", "征地未完成", "区自然资源局", new DateOnly(2024, 6, 1)), Admin, Ct);

        var added = await ProjectAttachmentStore.AttachAsync(db, "AT-6", June, "AT-6-Q1", [new AttachmentFile("现场.jpg", TestPhotos.Jpeg(32, 32))], Admin, Ct);
        var wrong = await Assert.ThrowsAsync<ProjectRuleException>(() =>
            ProjectAttachmentStore.AttachAsync(db, "AT-6", June, "NO-SUCH", [new AttachmentFile("现场.jpg", TestPhotos.Jpeg(32, 32))], Admin, Ct));

        Assert.Equal("AT-6-Q1", Assert.Single(added).ProblemKey);
        Assert.Contains("has no problem NO-SUCH", wrong.Reason.En, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UsePhotoLocationAsync_PhotoWithGps_SetsTheProjectsCoordinatesAudited()
    {
        await using var db = await SeedAsync("AT-7");
        var added = await ProjectAttachmentStore.AttachAsync(db, "AT-7", June, null,
            [new AttachmentFile("gps.jpg", TestPhotos.Jpeg(64, 48, PhoneExif)), new AttachmentFile("plain.jpg", TestPhotos.Jpeg(64, 48))], Admin, Ct);

        var (lat, lon) = await ProjectAttachmentStore.UsePhotoLocationAsync(db, "AT-7", added[0].Id, Admin, Ct);
        var noGps = await Assert.ThrowsAsync<ProjectRuleException>(() => ProjectAttachmentStore.UsePhotoLocationAsync(db, "AT-7", added[1].Id, Admin, Ct));
        var half = await Assert.ThrowsAsync<ProjectRuleException>(() => ProjectAttachmentStore.SetLocationAsync(db, "AT-7", 28.9m, null, Admin, Ct));
        var range = await Assert.ThrowsAsync<ProjectRuleException>(() => ProjectAttachmentStore.SetLocationAsync(db, "AT-7", 95m, 105m, Admin, Ct));

        Assert.Equal((28.871234m, 105.442345m), (lat, lon));
        Assert.Equal((28.871234m, 105.442345m), (await ProjectAttachmentStore.LocationsAsync(db, Ct))["AT-7"]);
        Assert.Contains("no GPS", noGps.Reason.En, StringComparison.Ordinal);
        Assert.Contains("同时填写", half.Reason.Zh, StringComparison.Ordinal);
        Assert.Contains("between −90 and 90", range.Reason.En, StringComparison.Ordinal);
        var audit = await db.AuditEntries.AsNoTracking().Where(x => x.Entity == "project" && x.Key == "AT-7" && x.Field == "latitude").ToListAsync(Ct);
        Assert.Equal("28.871234", Assert.Single(audit).NewValue);
    }
}

public sealed class SqliteProjectAttachmentStoreTests(SqliteFixture fixture) : ProjectAttachmentStoreTests<SqliteFixture>(fixture);

public sealed class PostgresProjectAttachmentStoreTests(PostgresFixture fixture) : ProjectAttachmentStoreTests<PostgresFixture>(fixture);
