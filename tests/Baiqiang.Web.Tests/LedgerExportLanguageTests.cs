using System.Net;
using System.Text;
using Baiqiang.Web.Tests.Support;

namespace Baiqiang.Web.Tests;

/// <summary>The ledger export's 前期手续 columns: Chinese headers by default, English with <c>lang=en</c>; the page's links follow its language.</summary>
public sealed class LedgerExportLanguageTests(WebFactory factory) : IClassFixture<WebFactory>, IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await factory.EnsureUserAsync("export-analyst", "analyst");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task LedgerExport_DefaultAndLangEn_PreliminaryHeadersInEachLanguage()
    {
        using var client = await factory.TokenClientAsync("export-analyst");

        var zh = await client.GetStringAsync(new Uri("/api/projects/ledger/export?period=2022-01..06&by=project&region=510502&today=2022-07-10", UriKind.Relative), Ct);
        using var enResponse = await client.GetAsync(new Uri("/api/projects/ledger/export?period=2022-01..06&by=project&region=510502&today=2022-07-10&lang=en", UriKind.Relative), Ct);
        var en = Encoding.UTF8.GetString(await enResponse.Content.ReadAsByteArrayAsync(Ct)).TrimStart('\uFEFF');

        Assert.EndsWith("亮灯,亮灯原因,立项状态,用地状态,规划状态,环评状态,能评状态,施工许可状态,前期手续", zh.TrimStart('\uFEFF').Split("\r\n")[0], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, enResponse.StatusCode);
        var header = en.Split("\r\n")[0];
        Assert.StartsWith("grouping,group,name,projects,", header, StringComparison.Ordinal);
        Assert.EndsWith("light,light reason,project approval status,land use status,planning permit status,environmental assessment status,energy assessment status,construction permit status,pre-construction procedures", header, StringComparison.Ordinal);
        Assert.Contains("\r\nproject,,Total,12,", en, StringComparison.Ordinal);
        Assert.Contains(",green,", en, StringComparison.Ordinal);
        Assert.Contains("completion 55.0%", en, StringComparison.Ordinal);
    }
}
