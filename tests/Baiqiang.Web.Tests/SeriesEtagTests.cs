using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Baiqiang.Web.Explorer;
using Baiqiang.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Baiqiang.Web.Tests;

/// <summary>The series API's ETag/304 path and its JSON bytes.</summary>
public sealed class SeriesEtagTests(WebFactory factory) : IClassFixture<WebFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Uri Series = new("/api/observations/series?region=510502&indicator=gdp", UriKind.Relative);

    [Fact]
    public async Task Series_SameETag_NotModifiedWithoutBody_AfterImportNewETag()
    {
        using var client = await factory.TokenClientAsync("admin");
        using (var first = await client.PostAsync(new Uri("/api/imports", UriKind.Relative),
            RoleAccessTests.Upload("地区,指标,期别,数值,单位\n510502,地区生产总值,2016年,1234.56,亿元\n", "etag-1.csv"), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        using var ok = await client.GetAsync(Series, Ct);
        var body = await ok.Content.ReadAsStringAsync(Ct);
        var etag = ok.Headers.ETag;
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Contains("\"value\":1234.56", body, StringComparison.Ordinal);
        Assert.NotNull(etag);
        Assert.False(etag.IsWeak);

        using var again = new HttpRequestMessage(HttpMethod.Get, Series);
        again.Headers.IfNoneMatch.Add(etag);
        using var notModified = await client.SendAsync(again, Ct);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(etag, notModified.Headers.ETag);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync(Ct));

        using var other = new HttpRequestMessage(HttpMethod.Get, Series);
        other.Headers.IfNoneMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue("\"0123456789abcdef\""));
        using var changedTag = await client.SendAsync(other, Ct);
        Assert.Equal(HttpStatusCode.OK, changedTag.StatusCode);
        Assert.Equal(body, await changedTag.Content.ReadAsStringAsync(Ct));

        using (var second = await client.PostAsync(new Uri("/api/imports", UriKind.Relative),
            RoleAccessTests.Upload("地区,指标,期别,数值,单位\n510502,地区生产总值,2015年,1100.5,亿元\n", "etag-2.csv"), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        }

        using var afterImport = new HttpRequestMessage(HttpMethod.Get, Series);
        afterImport.Headers.IfNoneMatch.Add(etag);
        using var fresh = await client.SendAsync(afterImport, Ct);
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.NotNull(fresh.Headers.ETag);
        Assert.NotEqual(etag, fresh.Headers.ETag);
        Assert.Contains("\"value\":1100.5", await fresh.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SeriesJson_ByteIdenticalToTheAppsSerializer()
    {
        // ASP.NET Core's default JSON options for minimal APIs: web defaults with the reflection resolver.
        var app = new JsonSerializerOptions(JsonSerializerDefaults.Web) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };
        var response = new SeriesResponse("510502", "gdp",
        [
            new SeriesPoint("2023", 880.50m, "亿元", 7.8m, "Reported", 0, GrowthBasis: "comparable"),
            new SeriesPoint("2024-01..06", null, "万元", -2.1m, "Estimated", 2, "510521", null),
        ], ["350681 龙海市 → 350604 龙海区，2021-01-01"]);

        Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(response, app), ObservationsApi.SeriesJson(response, app));

        // And over HTTP: the body re-serialises to the same bytes (the app's options use the reflection resolver), and the
        // ETag is the one those reflection bytes give.
        using var client = await factory.TokenClientAsync("admin");
        using (var import = await client.PostAsync(new Uri("/api/imports", UriKind.Relative),
            RoleAccessTests.Upload("地区,指标,期别,数值,单位\n510502,地区生产总值,2017年,1402.70,亿元\n", "etag-bytes.csv"), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, import.StatusCode);
        }

        using var ok = await client.GetAsync(Series, Ct);
        var bytes = await ok.Content.ReadAsByteArrayAsync(Ct);
        var appJson = factory.Services.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        Assert.IsNotType<SeriesJsonContext>(appJson.TypeInfoResolver);
        var parsed = JsonSerializer.Deserialize<SeriesResponse>(bytes, appJson)!;
        Assert.Contains(parsed.Points, p => p.Value == 1402.70m && p.Unit == "亿元" && p.GrowthPercent is null && p.FromRegion is null);
        var reflection = JsonSerializer.SerializeToUtf8Bytes(parsed, appJson);
        Assert.Equal(reflection, bytes);
        Assert.Equal("\"" + Convert.ToHexStringLower(SHA256.HashData(reflection).AsSpan(0, 16)) + "\"", ok.Headers.ETag?.Tag);
    }

    [Fact]
    public void SeriesJson_SourceGeneratedFromTheAppsOptions_SameBytesAsReflection()
    {
        var appJson = factory.Services.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        var response = new SeriesResponse("350604", "gdp",
        [
            new SeriesPoint("2020", 880.50m, "亿元", 7.8m, "Reported", 0, "350681", "comparable"),
            new SeriesPoint("2021-01..06", null, "万元", -2.1m, "Estimated", 2, null, null, 6.05m),
            new SeriesPoint("2022", 123456789012.3450m, "元/人", null, "Revised", 1),
            new SeriesPoint("2023-01..03", 0.0001m, "%", 0m, "Reported", 0, GrowthBasis: "current"),
        ], ["350681 龙海市 → 350604 龙海区，2021-01-01"]);

        // The app's own options, and two variants, so the test shows the options carry over rather than matching by luck:
        // Chinese written unescaped, and nulls left out.
        JsonSerializerOptions[] variants =
        [
            appJson,
            new(appJson) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping },
            new(appJson) { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull },
        ];
        var reflectionVariants = variants.Select(o => new JsonSerializerOptions(o) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() }).ToArray();
        var outputs = new List<string>();
        for (int i = 0; i < variants.Length; i++)
        {
            var typeInfo = ObservationsApi.SeriesTypeInfo(variants[i]);
            Assert.IsType<SeriesJsonContext>(typeInfo.OriginatingResolver);
            Assert.Same(typeInfo, ObservationsApi.SeriesTypeInfo(variants[i]));

            var reflection = JsonSerializer.SerializeToUtf8Bytes(response, reflectionVariants[i]);
            var generated = ObservationsApi.SeriesJson(response, variants[i]);
            Assert.Equal(reflection, generated);
            outputs.Add(System.Text.Encoding.UTF8.GetString(generated));
        }

        Assert.Contains("\"value\":880.50,", outputs[0], StringComparison.Ordinal);
        Assert.Contains("\"value\":123456789012.3450,", outputs[0], StringComparison.Ordinal);
        Assert.Contains("\"growthPercent\":null", outputs[0], StringComparison.Ordinal);
        Assert.Contains("龙海区", outputs[1], StringComparison.Ordinal);
        Assert.DoesNotContain("\"growthPercent\":null", outputs[2], StringComparison.Ordinal);
        Assert.NotEqual(outputs[0], outputs[2]);
    }
}
