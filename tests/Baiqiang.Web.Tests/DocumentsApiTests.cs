using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Baiqiang.Storage;
using Baiqiang.Storage.Extraction;
using Baiqiang.Testing;
using Baiqiang.Web.Tests.Support;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Baiqiang.Web.Tests;

/// <summary>The documents API (upload → pending facts → accept / reject, with rights) and the briefing download.</summary>
public sealed class DocumentsApiTests(WebFactory factory) : IClassFixture<WebFactory>, IAsyncLifetime
{
    private const string Seed = "004_tongzhou_h1_report_card.txt";

    public async ValueTask InitializeAsync()
    {
        await factory.EnsureUserAsync("jy-editor", "editor", 510502);
        await factory.EnsureUserAsync("tz-editor", "editor", 320612);
        await factory.EnsureUserAsync("jy-reviewer", "reviewer", 510502);
        await factory.EnsureUserAsync("tz-reviewer", "reviewer", 320612);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string SeedPath()
    {
        var folder = SharedData.Folder("seeds");
        if (folder is null)
        {
            Assert.Skip("shared/seeds not found");
        }

        return Path.Combine(folder, Seed);
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string name, byte[] content, string? date)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(content), "file", name);
        if (date is not null)
        {
            form.Add(new StringContent(date), "date");
        }

        return await client.PostAsync(new Uri("/api/documents", UriKind.Relative), form, Ct);
    }

    /// <summary>Uploads the 通州 seed as the 通州 editor and returns the document.</summary>
    private async Task<JsonElement> TongzhouDocumentAsync()
    {
        using var client = await factory.TokenClientAsync("tz-editor");
        using var upload = await UploadAsync(client, Seed, await File.ReadAllBytesAsync(SeedPath(), Ct), "2023-07-31");
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var id = (await upload.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("documentId").GetInt64();
        return await client.GetFromJsonAsync<JsonElement>($"/api/documents/{id}", Ct);
    }

    private static JsonElement PendingGdp(JsonElement doc) =>
        doc.GetProperty("facts").EnumerateArray().First(f => f.GetProperty("indicatorCode").GetString() == "gdp" && f.GetProperty("status").GetString() == "pending"
            && f.GetProperty("regionCode").GetString() == "320612");

    [Fact]
    public async Task Upload_TongzhouReport_StoresDocumentWithPendingFactsAndSpans()
    {
        var doc = await TongzhouDocumentAsync();
        Assert.Equal("2023-07-31", doc.GetProperty("document").GetProperty("referenceDate").GetString());
        Assert.Equal("320612", doc.GetProperty("document").GetProperty("mainRegion").GetString());
        var text = doc.GetProperty("text").GetString()!;
        var gdp = doc.GetProperty("facts").EnumerateArray().First(f => f.GetProperty("indicatorCode").GetString() == "gdp" && f.GetProperty("period").GetString() == "2023-01..06");
        var span = text.Substring(gdp.GetProperty("offset").GetInt32(), gdp.GetProperty("length").GetInt32());
        Assert.Contains("880.5", span, StringComparison.Ordinal);

        using var analyst = await factory.TokenClientAsync("jy-reviewer");
        var list = await analyst.GetFromJsonAsync<List<JsonElement>>("/api/documents", Ct);
        Assert.Contains(list!, d => d.GetProperty("name").GetString() == Seed && d.GetProperty("facts").GetInt32() > 3);
    }

    [Fact]
    public async Task Upload_WrongTypeOversizedOrBadDate_IsAValidationProblem()
    {
        using var client = await factory.TokenClientAsync("tz-editor");
        using var exe = await UploadAsync(client, "report.exe", Encoding.UTF8.GetBytes("上半年，通州实现地区生产总值880.5亿元"), null);
        using var big = await UploadAsync(client, "big.txt", new byte[3 * 1024 * 1024], null);
        using var date = await UploadAsync(client, "r.txt", Encoding.UTF8.GetBytes("上半年，通州实现地区生产总值880.5亿元"), "2023年7月");
        Assert.All([exe, big, date], r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        Assert.Contains(".txt", await exe.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_EditorOfAnotherRegion_IsForbidden()
    {
        using var client = await factory.TokenClientAsync("jy-editor");
        using var response = await UploadAsync(client, "tz-other.txt", Encoding.UTF8.GetBytes("上半年，通州区实现地区生产总值880.5亿元，同比增长7.8%。"), "2023-07-31");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Accept_OutOfScope_IsForbidden_AndInScope_WritesObservation()
    {
        var doc = await TongzhouDocumentAsync();
        var id = doc.GetProperty("document").GetProperty("id").GetInt64();
        var fact = PendingGdp(doc).GetProperty("id").GetInt64();
        foreach (var user in new[] { "jy-editor", "jy-reviewer" })
        {
            using var other = await factory.TokenClientAsync(user);
            using var refused = await other.PostAsync(new Uri($"/api/documents/{id}/facts/{fact}/accept", UriKind.Relative), null, Ct);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        using var reviewer = await factory.TokenClientAsync("tz-reviewer");
        using var accepted = await reviewer.PostAsync(new Uri($"/api/documents/{id}/facts/{fact}/accept", UriKind.Relative), null, Ct);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var after = await accepted.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("accepted", after.GetProperty("facts").EnumerateArray().Single(f => f.GetProperty("id").GetInt64() == fact).GetProperty("status").GetString());

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BaiqiangDbContext>();
        var stored = await db.PendingFacts.AsNoTracking().SingleAsync(f => f.Id == fact, Ct);
        Assert.Equal(FactStatus.Accepted, stored.Status);
        Assert.Equal("tz-reviewer", stored.ReviewedBy);

        // The sample data already holds the same GDP figure, so the writer keeps the current row; it must still be 880.5亿元.
        var current = await db.Observations.AsNoTracking().Where(o => o.IsCurrent && o.IndicatorCode == stored.IndicatorCode && o.PeriodYear == 2023 && o.PeriodFirstMonth == 1 && o.PeriodLastMonth == 6)
            .ToListAsync(Ct);
        Assert.Contains(current, o => o.RegionCode == stored.RegionCode && o.Value == 880.5m);

        using var again = await reviewer.PostAsync(new Uri($"/api/documents/{id}/facts/{fact}/accept", UriKind.Relative), null, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
    }

    [Fact]
    public async Task Reject_InScope_KeepsFactWithReason_AndUnknownFactIsNotFound()
    {
        var doc = await TongzhouDocumentAsync();
        var id = doc.GetProperty("document").GetProperty("id").GetInt64();
        var fact = doc.GetProperty("facts").EnumerateArray().Last(f => f.GetProperty("status").GetString() == "pending" && f.GetProperty("regionCode").GetString() == "320612").GetProperty("id").GetInt64();
        using var reviewer = await factory.TokenClientAsync("tz-reviewer");
        using var rejected = await reviewer.PostAsJsonAsync($"/api/documents/{id}/facts/{fact}/reject", new { reason = "重复" }, Ct);
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var stored = await scope.ServiceProvider.GetRequiredService<BaiqiangDbContext>().PendingFacts.AsNoTracking().SingleAsync(f => f.Id == fact, Ct);
            Assert.Equal(FactStatus.Rejected, stored.Status);
            Assert.Equal("重复", stored.ReviewNote);
        }

        using var missing = await reviewer.PostAsync(new Uri($"/api/documents/{id}/facts/999999/reject", UriKind.Relative), null, Ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Briefing_Docx_ContainsTongzhouGdpTheChineseWay()
    {
        using var client = await factory.TokenClientAsync("jy-reviewer");
        using var response = await client.GetAsync(new Uri("/api/briefings?region=320612&period=2023-01..06&format=docx", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType?.MediaType);
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct));
        using var word = WordprocessingDocument.Open(stream, false);
        var text = word.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains("地区生产总值880.5亿元", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Briefing_HtmlAndBadInput()
    {
        using var client = await factory.TokenClientAsync("jy-reviewer");
        var html = await client.GetStringAsync(new Uri("/api/briefings?region=320612&period=2023-01..06&format=html", UriKind.Relative), Ct);
        Assert.Contains("880.5亿元", html, StringComparison.Ordinal);
        using var bad = await client.GetAsync(new Uri("/api/briefings?region=32&period=2023-13&format=odt", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadAsStringAsync(Ct);
        Assert.Contains("region", problem, StringComparison.Ordinal);
        Assert.Contains("format", problem, StringComparison.Ordinal);
    }

    /// <summary>A short 通州 report of this test's own (the seed document is shared by the class's tests, and facts accepted by one are gone for another).</summary>
    private async Task<JsonElement> OwnDocumentAsync(string tag)
    {
        using var client = await factory.TokenClientAsync("tz-editor");
        var text = $"通州区2023年1-6月经济运行情况({tag})\n上半年,通州区实现地区生产总值880.5亿元,同比增长7.8%。一般公共预算收入41.2亿元,同比增长5.6%。\n";
        using var upload = await UploadAsync(client, tag + ".txt", Encoding.UTF8.GetBytes(text), "2023-07-31");
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var id = (await upload.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("documentId").GetInt64();
        return await client.GetFromJsonAsync<JsonElement>($"/api/documents/{id}", Ct);
    }

    private async Task<List<Baiqiang.Storage.Auditing.AuditEntry>> FactAuditAsync(long documentId, long factId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BaiqiangDbContext>();
        var key = $"{documentId}:{factId}@%";
        return await db.AuditEntries.AsNoTracking().Where(a => a.Entity == "pending_fact" && EF.Functions.Like(a.Key, key)).ToListAsync(Ct);
    }

    private async Task<PendingFactEntity> StoredFactAsync(long factId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<BaiqiangDbContext>().PendingFacts.AsNoTracking().SingleAsync(f => f.Id == factId, Ct);
    }

    [Fact]
    public async Task EditFact_InScope_ReadsTypedFieldsAsTheCliDoes_AndAuditsOldToNew()
    {
        var doc = await OwnDocumentAsync("edit-ok");
        var id = doc.GetProperty("document").GetProperty("id").GetInt64();
        var gdp = PendingGdp(doc);
        var fact = gdp.GetProperty("id").GetInt64();
        Assert.True(gdp.GetProperty("editable").GetBoolean());
        Assert.Equal(JsonValueKind.Number, gdp.GetProperty("confidence").ValueKind);

        using var editor = await factory.TokenClientAsync("tz-editor");
        using var response = await editor.PatchAsJsonAsync(
            $"/api/documents/{id}/facts/{fact}",
            new { region = "通州区", indicator = "GDP", period = "2023年1-6月", value = "８８０.６", unit = "亿元", growth = "7.9", kind = "value" }, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var after = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("facts").EnumerateArray().Single(f => f.GetProperty("id").GetInt64() == fact);
        Assert.Equal(880.6m, after.GetProperty("value").GetDecimal());
        Assert.Equal(7.9m, after.GetProperty("growthPct").GetDecimal());
        Assert.Equal("2023-01..06", after.GetProperty("period").GetString());
        Assert.Equal("gdp", after.GetProperty("indicatorCode").GetString());

        var audit = await FactAuditAsync(id, fact);
        var value = Assert.Single(audit, a => a.Field == "value");
        Assert.Equal("tz-editor", value.User);
        Assert.Contains("880.5", value.OldValue!, StringComparison.Ordinal);
        Assert.Contains("880.6", value.NewValue!, StringComparison.Ordinal);
        Assert.Contains(audit, a => a.Field == "growth_pct" && a.NewValue!.Contains("7.9", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EditFact_BadFields_AreRefusedInChineseAndEnglish_AndNothingIsStored()
    {
        var doc = await OwnDocumentAsync("edit-bad");
        var id = doc.GetProperty("document").GetProperty("id").GetInt64();
        var fact = PendingGdp(doc).GetProperty("id").GetInt64();
        var before = await StoredFactAsync(fact);
        using var editor = await factory.TokenClientAsync("tz-editor");

        using var bad = await editor.PatchAsJsonAsync(
            $"/api/documents/{id}/facts/{fact}", new { indicator = "不存在的指标", period = "2023年13月", value = "八百八十", growth = "7.9" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.Contains("未知指标“不存在的指标”", errors.GetProperty("indicator")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("unknown indicator", errors.GetProperty("indicator")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("不是数字", errors.GetProperty("value")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("not a number", errors.GetProperty("value")[0].GetString(), StringComparison.Ordinal);
        Assert.True(errors.TryGetProperty("period", out _));
        Assert.False(errors.TryGetProperty("growth", out _));

        using var wrongUnit = await editor.PatchAsJsonAsync($"/api/documents/{id}/facts/{fact}", new { unit = "万吨", value = "12" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, wrongUnit.StatusCode);
        var reason = (await wrongUnit.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").GetProperty("fact")[0].GetString();
        Assert.Contains("量纲", reason, StringComparison.Ordinal);
        Assert.Contains("dimension", reason, StringComparison.Ordinal);

        var after = await StoredFactAsync(fact);
        Assert.Equal((before.Value, before.Unit, before.GrowthPct, before.IndicatorCode, before.Period), (after.Value, after.Unit, after.GrowthPct, after.IndicatorCode, after.Period));
        Assert.Empty(await FactAuditAsync(id, fact));
    }

    [Fact]
    public async Task EditFact_EditorOfAnotherCounty_OrMovingAFactAway_IsForbidden()
    {
        var doc = await OwnDocumentAsync("edit-scope");
        var id = doc.GetProperty("document").GetProperty("id").GetInt64();
        var fact = PendingGdp(doc).GetProperty("id").GetInt64();

        using var jiangyang = await factory.TokenClientAsync("jy-editor");
        var seen = await jiangyang.GetFromJsonAsync<JsonElement>($"/api/documents/{id}", Ct);
        Assert.False(seen.GetProperty("facts").EnumerateArray().Single(f => f.GetProperty("id").GetInt64() == fact).GetProperty("editable").GetBoolean());
        using var other = await jiangyang.PatchAsJsonAsync($"/api/documents/{id}/facts/{fact}", new { value = "1" }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        using var claim = await jiangyang.PatchAsJsonAsync($"/api/documents/{id}/facts/{fact}", new { region = "510502", value = "1" }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, claim.StatusCode);

        // 通州's own editor cannot hand the fact to 江阳 either.
        using var tongzhou = await factory.TokenClientAsync("tz-editor");
        using var away = await tongzhou.PatchAsJsonAsync($"/api/documents/{id}/facts/{fact}", new { region = "江阳区" }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, away.StatusCode);
        Assert.Equal(880.5m, (await StoredFactAsync(fact)).Value);
    }

    [Fact]
    public async Task AcceptAbove_NeedsAThreshold_KeepsOutOfScopeFactsPending_AndAcceptsInScopeOnes()
    {
        var doc = await OwnDocumentAsync("bulk");
        var id = doc.GetProperty("document").GetProperty("id").GetInt64();

        using var jiangyang = await factory.TokenClientAsync("jy-reviewer");
        using var missing = await jiangyang.PostAsJsonAsync($"/api/documents/{id}/facts/accept", new { }, Ct);
        using var outOfRange = await jiangyang.PostAsJsonAsync($"/api/documents/{id}/facts/accept", new { minConfidence = 1.5m }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, outOfRange.StatusCode);
        using var refusedAll = await jiangyang.PostAsJsonAsync($"/api/documents/{id}/facts/accept", new { minConfidence = 0m }, Ct);
        Assert.Equal(HttpStatusCode.OK, refusedAll.StatusCode);
        var none = await refusedAll.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(0, none.GetProperty("accepted").GetArrayLength());
        Assert.True(none.GetProperty("refused").GetArrayLength() > 0);

        using var reviewer = await factory.TokenClientAsync("tz-reviewer");
        using var bulk = await reviewer.PostAsJsonAsync($"/api/documents/{id}/facts/accept", new { minConfidence = 0.5m }, Ct);
        Assert.Equal(HttpStatusCode.OK, bulk.StatusCode);
        var result = await bulk.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var accepted = result.GetProperty("accepted").EnumerateArray().Select(a => a.GetInt64()).ToList();
        Assert.NotEmpty(accepted);
        foreach (var fact in accepted)
        {
            var stored = await StoredFactAsync(fact);
            Assert.Equal(FactStatus.Accepted, stored.Status);
            Assert.Equal("tz-reviewer", stored.ReviewedBy);
            Assert.True(stored.Confidence >= 0.5m);
            Assert.StartsWith("bulk", stored.ReviewNote, StringComparison.Ordinal);
        }
    }
}
