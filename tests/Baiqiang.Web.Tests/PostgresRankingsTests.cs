using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Baiqiang.Core.Evaluation;
using Baiqiang.Web.Tests.Support;

namespace Baiqiang.Web.Tests;

/// <summary>The rankings API on PostgreSQL: a run equals Core's pipeline, and a framework save adds a version (BAIQIANG_TEST_PG).</summary>
public sealed class PostgresRankingsTests(PostgresWebFactory factory) : IClassFixture<PostgresWebFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Postgres_RunAndSaveFramework_Work()
    {
        if (!factory.Available)
        {
            const string reason = "PostgreSQL web tests need BAIQIANG_TEST_PG";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail("CI=true but " + reason);
            }

            Assert.Skip(reason);
        }

        await factory.EnsureUserAsync("pg-reviewer", "reviewer", 510500);
        await RankingSeed.SeedAsync(factory);
        using var client = await factory.TokenClientAsync("pg-reviewer");
        var run = await client.GetFromJsonAsync<JsonElement>("/api/rankings/run?period=2024&group=pref:510500&compare=2023", Ct);
        var expected = EvaluationPipeline.Run(EvaluationFramework.Top100Illustration, RankingSeed.Data(2024));
        var rows = run.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("code").GetString()!, StringComparer.Ordinal);
        for (int i = 0; i < expected.Units.Count; i++)
        {
            Assert.Equal(expected.Ranks[i], rows[expected.Units[i]].GetProperty("rank").GetInt32());
            Assert.Equal(expected.Scores[i], rows[expected.Units[i]].GetProperty("score").GetDouble(), 9);
        }

        var framework = await client.GetFromJsonAsync<JsonElement>("/api/rankings/frameworks/top100-illustration", Ct);
        var doc = JsonNode.Parse(framework.GetProperty("document").GetRawText())!.AsObject();
        doc["name"] = "pg-framework";
        doc["dimensions"]![0]!["weight"] = 0.5;
        using var first = await client.PostAsJsonAsync("/api/rankings/frameworks", doc, Ct);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        doc["dimensions"]![0]!["weight"] = 0.4;
        using var second = await client.PostAsJsonAsync("/api/rankings/frameworks", doc, Ct);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        var v1 = await client.GetFromJsonAsync<JsonElement>("/api/rankings/frameworks/pg-framework?version=1", Ct);
        Assert.Equal(0.5, v1.GetProperty("nodes")[0].GetProperty("weight").GetDouble());
        var list = await client.GetFromJsonAsync<JsonElement>("/api/rankings/frameworks", Ct);
        Assert.Equal(2, list.EnumerateArray().Count(f => f.GetProperty("name").GetString() == "pg-framework"));
    }
}
