using System.Text.Json;
using System.Text.Json.Nodes;
using Baiqiang.Web.Tests.Support;

namespace Baiqiang.Web.Tests;

/// <summary>The OpenAPI document is a contract: a change to it must be a deliberate change to the committed snapshot.</summary>
public sealed class OpenApiSnapshotTests(WebFactory factory) : IClassFixture<WebFactory>
{
    [Fact]
    public async Task OpenApiDocument_MatchesCommittedSnapshot()
    {
        using var client = await factory.TokenClientAsync("admin");
        var json = await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), TestContext.Current.CancellationToken);
        var actual = Normalize(json);
        var snapshot = Path.Combine(AppContext.BaseDirectory, "Snapshots", "openapi.json");
        if (Environment.GetEnvironmentVariable("BAIQIANG_UPDATE_SNAPSHOTS") == "1")
        {
            var source = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "Snapshots", "openapi.json"));
            await File.WriteAllTextAsync(source, actual, TestContext.Current.CancellationToken);
            return;
        }

        Assert.True(File.Exists(snapshot), "no snapshot: run once with BAIQIANG_UPDATE_SNAPSHOTS=1 and commit Snapshots/openapi.json");
        var expected = await File.ReadAllTextAsync(snapshot, TestContext.Current.CancellationToken);
        Assert.Equal(expected.ReplaceLineEndings("\n").Trim(), actual.Trim());
    }

    /// <summary>Drops the server URL (a test host's address varies) and indents consistently.</summary>
    private static string Normalize(string json)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        node.Remove("servers");
        return node.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }).ReplaceLineEndings("\n");
    }
}
