using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Baiqiang.Core.Evaluation;
using Baiqiang.Storage;
using Baiqiang.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Baiqiang.Web.Tests;

/// <summary>
/// <c>/api/rankings</c> over test figures for 泸州's seven county-level units: results equal Core's pipeline run directly,
/// dominance is respected, framework saves add versions (old kept, audited), bad frameworks are 400 in both languages and
/// read-only roles get 403.
/// </summary>
public sealed class RankingsApiTests(WebFactory factory) : IClassFixture<WebFactory>, IAsyncLifetime
{
    private const string Run2024 = "/api/rankings/run?framework=top100-illustration&period=2024&group=pref:510500";

    public async ValueTask InitializeAsync()
    {
        await factory.EnsureUserAsync("rk-analyst", "analyst");
        await factory.EnsureUserAsync("rk-editor", "editor", 510502);
        await factory.EnsureUserAsync("rk-reviewer", "reviewer", 510500);
        await RankingSeed.SeedAsync(factory);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Dictionary<string, JsonElement> RowsByCode(JsonElement run) =>
        run.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("code").GetString()!, StringComparer.Ordinal);

    [Fact]
    public async Task Run_SeededFigures_EqualCorePipelineRunDirectly()
    {
        using var client = await factory.TokenClientAsync("rk-analyst");
        var run = await client.GetFromJsonAsync<JsonElement>(Run2024, Ct);
        var expected = EvaluationPipeline.Run(EvaluationFramework.Top100Illustration, RankingSeed.Data(2024));
        var rows = RowsByCode(run);
        Assert.Equal(7, rows.Count);
        for (int i = 0; i < expected.Units.Count; i++)
        {
            var row = rows[expected.Units[i]];
            Assert.Equal(expected.Scores[i], row.GetProperty("score").GetDouble(), 9);
            Assert.Equal(expected.Ranks[i], row.GetProperty("rank").GetInt32());
            Assert.Equal(expected.Tiers[i], row.GetProperty("tier").GetInt32());
            Assert.Equal(expected.NodeScores["economic_strength"][i], row.GetProperty("dimensionScores").GetProperty("economic_strength").GetDouble(), 9);
        }

        Assert.Equal("江阳区", run.GetProperty("rows")[0].GetProperty("name").GetString());
        Assert.Equal("泸州市各县市区", run.GetProperty("groupNameZh").GetString());
        var imputed = Assert.Single(run.GetProperty("warnings").GetProperty("imputed").EnumerateArray());
        Assert.Equal("510524", imputed.GetProperty("code").GetString());
        Assert.Equal("trade_total", imputed.GetProperty("indicator").GetString());
        Assert.Equal(1, rows["510524"].GetProperty("imputedCells").GetInt32());
        var missing = Assert.Single(run.GetProperty("warnings").GetProperty("missing").EnumerateArray());
        Assert.Equal(["叙永县"], missing.GetProperty("missingRegions").EnumerateArray().Select(e => e.GetString()));
    }

    [Theory]
    [InlineData("MinMax", "Framework", "")]
    [InlineData("PercentileRank", "Entropy", "Geometric")]
    [InlineData("ZScore", "Critic", "")]
    [InlineData("Rank", "Equal", "Topsis")]
    [InlineData("DistanceToMaximum", "StandardDeviation", "Harmonic")]
    [InlineData("MinMax", "Pca", "Copeland")]
    public async Task Run_DominatedUnit_NeverRanksAboveItsDominator(string normalization, string weights, string aggregation)
    {
        using var client = await factory.TokenClientAsync("rk-analyst");
        var run = await client.GetFromJsonAsync<JsonElement>($"{Run2024}&normalization={normalization}&weights={weights}&aggregation={aggregation}", Ct);
        var rows = RowsByCode(run);
        var dominator = rows[RankingSeed.Dominator.ToString(CultureInfo.InvariantCulture)];
        var dominated = rows[RankingSeed.Dominated.ToString(CultureInfo.InvariantCulture)];
        Assert.True(dominator.GetProperty("rank").GetInt32() <= dominated.GetProperty("rank").GetInt32(), $"{normalization}/{weights}/{aggregation}");
        Assert.True(dominator.GetProperty("score").GetDouble() >= dominated.GetProperty("score").GetDouble());
        Assert.Equal(normalization, run.GetProperty("options").GetProperty("normalization").GetString());
    }

    [Fact]
    public async Task Run_CompareAndMonteCarlo_GiveRankChangesAndIntervals()
    {
        using var client = await factory.TokenClientAsync("rk-analyst");
        var run = await client.GetFromJsonAsync<JsonElement>($"{Run2024}&compare=2023&replications=300", Ct);
        var before = EvaluationPipeline.Run(EvaluationFramework.Top100Illustration, RankingSeed.Data(2023));
        var rows = RowsByCode(run);
        for (int i = 0; i < before.Units.Count; i++)
        {
            var row = rows[before.Units[i]];
            Assert.Equal(before.Ranks[i], row.GetProperty("previousRank").GetInt32());
            Assert.Equal(before.Ranks[i] - row.GetProperty("rank").GetInt32(), row.GetProperty("rankChange").GetInt32());
            var interval = row.GetProperty("interval");
            double p5 = interval.GetProperty("p5").GetDouble(), p95 = interval.GetProperty("p95").GetDouble();
            Assert.InRange(p5, 1, 7);
            Assert.InRange(p95, p5, 7);
        }

        var expected = Uncertainty.MonteCarlo(EvaluationFramework.Top100Illustration, RankingSeed.Data(2024), new EvaluationOptions(), new UncertaintyOptions { Replications = 300 });
        foreach (var e in expected)
        {
            Assert.Equal(e.P95, rows[e.Unit].GetProperty("interval").GetProperty("p95").GetDouble(), 9);
        }
    }

    [Fact]
    public async Task Run_Sensitivity_GivesAnIndexPerDimensionWeightAndMethod()
    {
        using var client = await factory.TokenClientAsync("rk-analyst");
        var run = await client.GetFromJsonAsync<JsonElement>($"{Run2024}&sensitivity=40", Ct);
        var rows = run.GetProperty("sensitivity").EnumerateArray().ToList();
        Assert.Equal(
            ["weight:economic_strength", "weight:growth_potential", "weight:affluence", "weight:green_level", "normalisation", "aggregation"],
            rows.Select(r => r.GetProperty("input").GetString()));
        Assert.Equal("经济实力权重", rows[0].GetProperty("nameZh").GetString());
        var expected = Uncertainty.Sensitivity(EvaluationFramework.Top100Illustration, RankingSeed.Data(2024), new EvaluationOptions(), new UncertaintyOptions { Replications = 40 });
        for (int k = 0; k < expected.Count; k++)
        {
            Assert.Equal(expected[k].Total, rows[k].GetProperty("total").GetDouble(), 9);
        }
    }

    [Fact]
    public async Task Run_PeriodWithoutFigures_Is400NamingMissingIndicatorsAndRegions()
    {
        using var client = await factory.TokenClientAsync("rk-analyst");
        using var response = await client.GetAsync(new Uri("/api/rankings/run?period=2019&group=pref:510500", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var data = problem.GetProperty("errors").GetProperty("data").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Contains(data, m => m.StartsWith("地区生产总值（gdp）缺少：江阳区、纳溪区、龙马潭区", StringComparison.Ordinal)
            && m.Contains("(gdp) missing for: 江阳区, 纳溪区, 龙马潭区", StringComparison.Ordinal));
        Assert.Contains(data, m => m.Contains("常住人口（resident_population）", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("&normalization=foo", "normalization", "标准化方法")]
    [InlineData("&replications=999999", "replications", "蒙特卡洛次数")]
    [InlineData("&framework=nope", "framework", "找不到指标体系")]
    [InlineData("&compare=2024年13月", "compare", "对比期别")]
    public async Task Run_BadQuery_Is400InBothLanguages(string extra, string key, string zh)
    {
        using var client = await factory.TokenClientAsync("rk-analyst");
        using var response = await client.GetAsync(new Uri("/api/rankings/run?period=2024&group=pref:510500" + extra, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").GetProperty(key)[0].GetString()!;
        Assert.Contains(zh, message, StringComparison.Ordinal);
        Assert.Contains(" / ", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(7, 4, 5000, 1000, null)]
    [InlineData(2978, 5, 1678, 0, null)]
    [InlineData(2978, 5, 1679, 0, "请减至1678次以内")]
    [InlineData(2978, 5, 0, 143, null)]
    [InlineData(2978, 5, 0, 144, "请减至143以内")]
    public void WorkProblem_Budget_RefusesOnlyHeavyRequests(int units, int dims, int reps, int sens, string? zh)
    {
        var problem = Web.Rankings.RankingViews.WorkProblem(units, dims, reps, sens);
        if (zh is null)
        {
            Assert.Null(problem);
        }
        else
        {
            Assert.Contains(zh, problem!.Value.Zh, StringComparison.Ordinal);
            Assert.Contains("too much for one request", problem.Value.En, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Unit_Decomposition_AddsUpToTheScoreWithPeersAndStrengths()
    {
        using var client = await factory.TokenClientAsync("rk-analyst");
        var unit = await client.GetFromJsonAsync<JsonElement>("/api/rankings/unit/510503?framework=top100-illustration&period=2024&group=pref:510500", Ct);
        var expected = EvaluationPipeline.Run(EvaluationFramework.Top100Illustration, RankingSeed.Data(2024));
        int i = expected.IndexOf("510503");
        Assert.Equal("纳溪区", unit.GetProperty("name").GetString());
        Assert.True(unit.GetProperty("contributionsExact").GetBoolean());
        double sum = unit.GetProperty("dimensions").EnumerateArray().Sum(d => d.GetProperty("contribution").GetDouble());
        Assert.Equal(expected.Scores[i], sum, 9);
        Assert.Equal(expected.Scores[i], unit.GetProperty("score").GetDouble(), 9);
        var profile = expected.Profile(i);
        Assert.Equal(profile.Strengths, unit.GetProperty("strengths").EnumerateArray().Select(s => s.GetProperty("code").GetString()));
        Assert.Equal(profile.Weaknesses, unit.GetProperty("weaknesses").EnumerateArray().Select(s => s.GetProperty("code").GetString()));
        Assert.Equal(expected.NearestPeers(i, 5).Select(p => p.Unit), unit.GetProperty("peers").EnumerateArray().Select(p => p.GetProperty("code").GetString()));
        var gdpPc = unit.GetProperty("dimensions").EnumerateArray().SelectMany(d => d.GetProperty("indicators").EnumerateArray()).Single(c => c.GetProperty("code").GetString() == "gdp_pc");
        Assert.Equal(Math.Round(RankingSeed.Value(1, 0, 2024) / 46, 9), Math.Round(gdpPc.GetProperty("value").GetDouble(), 9));
        using var missing = await client.GetAsync(new Uri("/api/rankings/unit/320612?period=2024&group=pref:510500", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task CreateVersion_ChangedWeights_AddsNewVersionKeepsOldAndAudits()
    {
        using var client = await factory.TokenClientAsync("rk-reviewer");
        var name = "lz-" + Guid.NewGuid().ToString("N")[..8];
        var doc = Document(await client.GetFromJsonAsync<JsonElement>("/api/rankings/frameworks/top100-illustration", Ct), name);
        using var first = await client.PostAsJsonAsync("/api/rankings/frameworks", doc, Ct);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(1, (await first.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("framework").GetProperty("version").GetInt32());
        using var same = await client.PostAsJsonAsync("/api/rankings/frameworks", doc, Ct);
        Assert.Equal(HttpStatusCode.OK, same.StatusCode);
        Assert.False((await same.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("added").GetBoolean());

        doc["dimensions"]![0]!["weight"] = 0.6;
        using var second = await client.PostAsJsonAsync("/api/rankings/frameworks", doc, Ct);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(2, (await second.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("framework").GetProperty("version").GetInt32());

        var v1 = await client.GetFromJsonAsync<JsonElement>($"/api/rankings/frameworks/{name}?version=1", Ct);
        var v2 = await client.GetFromJsonAsync<JsonElement>($"/api/rankings/frameworks/{name}", Ct);
        Assert.Equal(0.35, v1.GetProperty("nodes")[0].GetProperty("weight").GetDouble());
        Assert.Equal(0.6, v2.GetProperty("nodes")[0].GetProperty("weight").GetDouble());
        Assert.Equal(2, v2.GetProperty("version").GetInt32());
        Assert.Equal("rk-reviewer", v2.GetProperty("createdBy").GetString());

        // The run with version 1 and version 2 differ; version 1 reproduces the original ranking.
        var run1 = await client.GetFromJsonAsync<JsonElement>($"/api/rankings/run?framework={name}&version=1&period=2024&group=pref:510500", Ct);
        var direct = EvaluationPipeline.Run(EvaluationFramework.Top100Illustration, RankingSeed.Data(2024));
        Assert.Equal(direct.Scores[direct.IndexOf("510503")], RowsByCode(run1)["510503"].GetProperty("score").GetDouble(), 9);

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BaiqiangDbContext>();
        var audit = await db.AuditEntries.Where(a => a.Entity == "evaluation_framework" && a.Key.StartsWith(name)).Select(a => new { a.Key, a.User }).ToListAsync(Ct);
        Assert.Contains(audit, a => a.Key == name + "@v2" && a.User == "rk-reviewer");
        Assert.Contains(audit, a => a.Key == name + "@v1");
    }

    [Fact]
    public async Task CreateVersion_FromTheBuiltIn_StoresTheBuiltInFirstAsVersionOne()
    {
        using var client = await factory.TokenClientAsync("admin");
        var doc = Document(await client.GetFromJsonAsync<JsonElement>("/api/rankings/frameworks/top100-illustration", Ct), null);
        doc["titleZh"] = "百强县（区）综合评价（示意体系，修订标题）";
        using var saved = await client.PostAsJsonAsync("/api/rankings/frameworks", doc, Ct);
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        var v1 = await client.GetFromJsonAsync<JsonElement>("/api/rankings/frameworks/top100-illustration?version=1", Ct);
        Assert.Equal(EvaluationFramework.Top100Illustration.ToJson(), EvaluationFramework.FromJson(v1.GetProperty("document").GetRawText()).ToJson());
        var latest = await client.GetFromJsonAsync<JsonElement>("/api/rankings/frameworks/top100-illustration", Ct);
        Assert.Equal(2, latest.GetProperty("version").GetInt32());
        Assert.Equal("百强县（区）综合评价（示意体系，修订标题）", latest.GetProperty("titleZh").GetString());
    }

    [Theory]
    [InlineData("negative-weight", "权重须为非负有限数", "weight must be finite")]
    [InlineData("unknown-indicator", "不在指标目录中", "unknown indicator code")]
    [InlineData("direction", "方向（越小越好）", "contradicts the catalogue")]
    [InlineData("zero-weights", "下级权重之和须大于0", "positive total weight")]
    [InlineData("no-name", "缺少名称", "has no name")]
    public async Task CreateVersion_BadFramework_Is400InBothLanguagesAndStoresNothing(string fault, string zh, string en)
    {
        using var client = await factory.TokenClientAsync("admin");
        var name = "bad-" + Guid.NewGuid().ToString("N")[..8];
        var doc = Document(await client.GetFromJsonAsync<JsonElement>("/api/rankings/frameworks/top100-illustration?version=1", Ct), name);
        var economy = doc["dimensions"]![0]!;
        switch (fault)
        {
            case "negative-weight": economy["children"]![0]!["weight"] = -1; break;
            case "unknown-indicator": economy["children"]![0]!["indicator"] = "gdp_made_up"; break;
            case "direction": economy["children"]![0]!["direction"] = "lowerIsBetter"; break;
            case "zero-weights":
                foreach (var c in economy["children"]!.AsArray())
                {
                    c!["weight"] = 0;
                }

                break;
            default: doc["name"] = " "; break;
        }

        using var response = await client.PostAsJsonAsync("/api/rankings/frameworks", doc, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains(zh, text, StringComparison.Ordinal);
        Assert.Contains(en, text, StringComparison.Ordinal);
        using var get = await client.GetAsync(new Uri($"/api/rankings/frameworks/{name}", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
    }

    [Theory]
    [InlineData("rk-analyst")]
    [InlineData("rk-editor")]
    public async Task CreateVersion_ReadOnlyRole_Is403AndStoresNothing(string user)
    {
        using var client = await factory.TokenClientAsync(user);
        var name = "ro-" + Guid.NewGuid().ToString("N")[..8];
        var doc = Document(await client.GetFromJsonAsync<JsonElement>("/api/rankings/frameworks/top100-illustration?version=1", Ct), name);
        using var response = await client.PostAsJsonAsync("/api/rankings/frameworks", doc, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        using var upload = new MultipartFormDataContent { { new StringContent(doc.ToJsonString(), Encoding.UTF8), "file", "f.json" } };
        using var import = await client.PostAsync(new Uri("/api/rankings/frameworks/import", UriKind.Relative), upload, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, import.StatusCode);
        using var get = await client.GetAsync(new Uri($"/api/rankings/frameworks/{name}", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
    }

    [Fact]
    public async Task ImportExport_JsonThenXlsxRoundTrip_SameDocument()
    {
        using var client = await factory.TokenClientAsync("rk-reviewer");
        var name = "io-" + Guid.NewGuid().ToString("N")[..8];
        var doc = Document(await client.GetFromJsonAsync<JsonElement>("/api/rankings/frameworks/top100-illustration?version=1", Ct), name);
        using (var json = new MultipartFormDataContent { { new StringContent(doc.ToJsonString(), Encoding.UTF8), "file", name + ".json" } })
        {
            using var imported = await client.PostAsync(new Uri("/api/rankings/frameworks/import", UriKind.Relative), json, Ct);
            Assert.Equal(HttpStatusCode.Created, imported.StatusCode);
        }

        var xlsx = await client.GetByteArrayAsync(new Uri($"/api/rankings/frameworks/{name}/export?format=xlsx", UriKind.Relative), Ct);
        Assert.Equal((byte)'P', xlsx[0]);
        using (var file = new MultipartFormDataContent { { new ByteArrayContent(xlsx), "file", name + ".xlsx" } })
        {
            using var again = await client.PostAsync(new Uri("/api/rankings/frameworks/import", UriKind.Relative), file, Ct);
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            Assert.False((await again.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("added").GetBoolean());
        }

        using (var bad = new MultipartFormDataContent { { new ByteArrayContent("not a zip"u8.ToArray()), "file", "broken.xlsx" } })
        {
            using var refused = await client.PostAsync(new Uri("/api/rankings/frameworks/import", UriKind.Relative), bad, Ct);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        }

        var exportedJson = await client.GetStringAsync(new Uri($"/api/rankings/frameworks/{name}/export?format=json", UriKind.Relative), Ct);
        Assert.Equal(name, EvaluationFramework.FromJson(exportedJson).Name);
    }

    [Fact]
    public async Task ExportRun_Csv_HasTheCliColumnsByRank()
    {
        using var client = await factory.TokenClientAsync("rk-analyst");
        var csv = await client.GetStringAsync(new Uri("/api/rankings/run/export?framework=top100-illustration&period=2024&group=pref:510500&format=csv&lang=en", UriKind.Relative), Ct);
        var chinese = await client.GetStringAsync(new Uri("/api/rankings/run/export?framework=top100-illustration&period=2024&group=pref:510500&format=csv", UriKind.Relative), Ct);
        var lines = csv.TrimEnd('\n').Split('\n');
        Assert.Equal("code,name,score,rank,tier,economic_strength,growth_potential,affluence,green_level", lines[0]);
        Assert.Equal("地区代码,地区名称,综合得分,排名,档次,经济实力,增长潜力,富裕程度,绿色水平", chinese.Split('\n')[0]);
        Assert.Equal(lines[1..], chinese.TrimEnd('\n').Split('\n')[1..]);
        Assert.Equal(8, lines.Length);
        Assert.StartsWith("510502,江阳区,", lines[1], StringComparison.Ordinal);
        var xlsx = await client.GetByteArrayAsync(new Uri("/api/rankings/run/export?period=2024&group=pref:510500&format=xlsx", UriKind.Relative), Ct);
        Assert.Equal((byte)'P', xlsx[0]);
    }

    /// <summary>The <c>document</c> of a framework response, renamed (null: keep the name).</summary>
    private static JsonObject Document(JsonElement framework, string? name)
    {
        var doc = JsonNode.Parse(framework.GetProperty("document").GetRawText())!.AsObject();
        if (name is not null)
        {
            doc["name"] = name;
        }

        return doc;
    }
}
