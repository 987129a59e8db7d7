using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Baiqiang.Testing;
using Baiqiang.Web.Tests.Support;

namespace Baiqiang.Web.Tests;

/// <summary>Attachments and coordinates through the API and pages over the sample ledger (JY-S01, 江阳区 510502).</summary>
public sealed class AttachmentsApiTests(WebFactory factory) : IClassFixture<WebFactory>, IAsyncLifetime
{
    public async ValueTask InitializeAsync()
    {
        await factory.EnsureUserAsync("jy-editor", "editor", 510502);
        await factory.EnsureUserAsync("tz-editor", "editor", 320612);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static MultipartFormDataContent Form(string period, params (string Name, byte[] Bytes)[] files)
    {
        var form = new MultipartFormDataContent { { new StringContent(period), "period" } };
        foreach (var (name, bytes) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(part, "files", name);
        }

        return form;
    }

    [Fact]
    public async Task Upload_EditorOfTheCounty_StoresPhotoWithThumbnailTimeAndPlaceAndOtherCountyIsForbidden()
    {
        using var editor = await factory.TokenClientAsync("jy-editor");
        using var outsider = await factory.TokenClientAsync("tz-editor");
        var photo = TestPhotos.Jpeg(1200, 900, new TestExif(Orientation: 1, Taken: new DateTime(2022, 6, 28, 9, 5, 0), Latitude: 28.88, Longitude: 105.44));

        using var up = await editor.PostAsync(new Uri("/api/projects/JY-S01/attachments", UriKind.Relative), Form("2022-06", ("现场.jpg", photo), ("批复.pdf", "%PDF-1.4\n"u8.ToArray())), Ct);
        Assert.Equal(HttpStatusCode.OK, up.StatusCode);
        var items = await up.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var jpeg = items[0];
        Assert.Equal(("Jpeg", "2022-06-28 09:05", 28.88m, 105.44m), (jpeg.GetProperty("type").GetString(), jpeg.GetProperty("takenAt").GetString(),
            jpeg.GetProperty("latitude").GetDecimal(), jpeg.GetProperty("longitude").GetDecimal()));
        Assert.Equal(JsonValueKind.Null, items[1].GetProperty("thumbnailUrl").ValueKind);
        var url = jpeg.GetProperty("url").GetString()!;
        var thumbUrl = jpeg.GetProperty("thumbnailUrl").GetString()!;

        using var thumb = await editor.GetAsync(new Uri(thumbUrl, UriKind.Relative), Ct);
        Assert.Equal("image/jpeg", thumb.Content.Headers.ContentType!.MediaType);
        using var decoded = SkiaSharp.SKBitmap.Decode(await thumb.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal((320, 240), (decoded.Width, decoded.Height));
        Assert.Equal(photo, await editor.GetByteArrayAsync(new Uri(url, UriKind.Relative), Ct));

        using var deniedFile = await outsider.GetAsync(new Uri(url, UriKind.Relative), Ct);
        using var deniedList = await outsider.GetAsync(new Uri("/api/projects/JY-S01/attachments", UriKind.Relative), Ct);
        using var deniedUpload = await outsider.PostAsync(new Uri("/api/projects/JY-S01/attachments", UriKind.Relative), Form("2022-06", ("x.jpg", photo)), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, deniedFile.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, deniedList.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, deniedUpload.StatusCode);

        var page = await editor.GetStringAsync(new Uri("/Projects/Project/JY-S01", UriKind.Relative), Ct);
        Assert.Contains("id=\"project-files\"", page, StringComparison.Ordinal);
        Assert.Contains("2022-06-28 09:05", page, StringComparison.Ordinal);
        Assert.Contains("28.88, 105.44", page, StringComparison.Ordinal);
        Assert.Contains(thumbUrl.Replace("&", "&amp;", StringComparison.Ordinal), page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_DisguisedOrTooLarge_IsRefusedInBothLanguagesAndNothingStored()
    {
        using var editor = await factory.TokenClientAsync("jy-editor");
        var before = (await editor.GetFromJsonAsync<JsonElement>("/api/projects/JY-S02/attachments", Ct)).GetArrayLength();
        var big = new byte[(20 * 1024 * 1024) + 1];
        "%PDF-"u8.CopyTo(big);

        using var disguised = await editor.PostAsync(new Uri("/api/projects/JY-S02/attachments", UriKind.Relative),
            Form("2022-06", ("ok.jpg", TestPhotos.Jpeg(20, 20)), ("photo.jpg", "%PDF-1.4\n"u8.ToArray())), Ct);
        using var tooBig = await editor.PostAsync(new Uri("/api/projects/JY-S02/attachments", UriKind.Relative), Form("2022-06", ("big.pdf", big)), Ct);
        using var badPeriod = await editor.PostAsync(new Uri("/api/projects/JY-S02/attachments", UriKind.Relative), Form("六月", ("ok.jpg", TestPhotos.Jpeg(20, 20))), Ct);
        using var noProject = await editor.PostAsync(new Uri("/api/projects/NOPE-1/attachments", UriKind.Relative), Form("2022-06", ("ok.jpg", TestPhotos.Jpeg(20, 20))), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, disguised.StatusCode);
        var text = await disguised.Content.ReadAsStringAsync(Ct);
        Assert.Contains("与扩展名.jpg不符", text, StringComparison.Ordinal);
        Assert.Contains("disagrees with its extension .jpg", text, StringComparison.Ordinal);
        Assert.True(tooBig.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge);
        if (tooBig.StatusCode == HttpStatusCode.BadRequest)
        {
            Assert.Contains("20 MB limit", await tooBig.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.BadRequest, badPeriod.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, noProject.StatusCode);
        Assert.Equal(before, (await editor.GetFromJsonAsync<JsonElement>("/api/projects/JY-S02/attachments", Ct)).GetArrayLength());
    }

    [Fact]
    public async Task SetLocation_EditorAndOutsider_SavesValidRefusesInvalidAndForbids()
    {
        using var editor = await factory.TokenClientAsync("jy-editor");
        using var outsider = await factory.TokenClientAsync("tz-editor");

        using var ok = await editor.PutAsJsonAsync("/api/projects/JY-S03/location", new { latitude = 28.8712m, longitude = 105.4423m }, Ct);
        using var half = await editor.PutAsJsonAsync("/api/projects/JY-S03/location", new { latitude = 28.8712m }, Ct);
        using var denied = await outsider.PutAsJsonAsync("/api/projects/JY-S03/location", new { latitude = 32.0m, longitude = 120.9m }, Ct);
        var files = await editor.GetStringAsync(new Uri("/Projects/Files/JY-S03", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.NoContent, ok.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, half.StatusCode);
        Assert.Contains("latitude and longitude go together", await half.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Contains("28.8712", files, StringComparison.Ordinal);
        Assert.Contains("id=\"upload-form\"", files, StringComparison.Ordinal);
    }
}
