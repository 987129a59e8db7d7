using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Baiqiang.Core.Regions;
using Baiqiang.Web.Admin;
using Baiqiang.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Baiqiang.Web.Tests;

/// <summary>The investment pipeline and service-desk API over the sample data, and who may change what.</summary>
public sealed class PipelineServicesApiTests(WebFactory factory) : IClassFixture<WebFactory>, IAsyncLifetime
{
    public async ValueTask InitializeAsync()
    {
        await factory.EnsureUserAsync("jy-editor", "editor", 510502);
        await factory.EnsureUserAsync("tz-editor", "editor", 320612);
        await factory.EnsureUserAsync("analyst1", "analyst");
        await factory.EnsureUserAsync("reviewer1", "reviewer", 510502);
        await EnsureDeskAsync(factory, "rs-desk", "区人社局");
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A department desk: an editor with a department scope and no region.</summary>
    internal static async Task EnsureDeskAsync(WebFactory factory, string name, string department)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<WebUser>>();
        if (await users.FindByNameAsync(name) is not null)
        {
            return;
        }

        var (user, errors) = await scope.ServiceProvider.GetRequiredService<UserAdmin>().CreateAsync(
            Core.Access.Actor.LocalAdmin("test"), new CreateUserRequest(name, name, WebFactory.UserPassword, ["editor"], [], [department]), Ct);
        Assert.True(user is not null, string.Join("; ", errors));
    }

    private static object NewDeal(string code, string region) => new
    {
        code, name = "测试项目" + code, region, investorName = "测试投资方", investorType = "民企", leadOn = "2024-03-01",
        industryChain = "新材料", source = "展会", plannedInvestment = 12000m,
    };

    [Fact]
    public async Task Funnel_SampleYear_HasChineseStagesAndRatesWithBases()
    {
        using var client = await factory.TokenClientAsync("analyst1");
        var funnel = await client.GetFromJsonAsync<JsonElement>("/api/pipeline/funnel?period=2023", Ct);
        var stages = funnel.GetProperty("stages").EnumerateArray().Select(s => s.GetProperty("stageZh").GetString()).ToList();
        Assert.Equal(["线索", "洽谈", "签约", "落地", "开工", "投产"], stages);
        Assert.Equal(38, funnel.GetProperty("stages")[2].GetProperty("count").GetInt32());
        var production = funnel.GetProperty("rates").EnumerateArray().Single(r => r.GetProperty("nameZh").GetString() == "投产率");
        Assert.Equal("本期签约项目", production.GetProperty("baseLabel").GetString());
        Assert.Equal(84.05m, production.GetProperty("byAmountPercent").GetDecimal());
        Assert.Contains("按金额", production.GetProperty("formula").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Funnel_BadPeriod_IsAValidationProblem()
    {
        using var client = await factory.TokenClientAsync("analyst1");
        using var response = await client.GetAsync(new Uri("/api/pipeline/funnel?period=2023年13月", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Deals_FilteredByStageAndChain_ReturnOnlyMatches()
    {
        using var client = await factory.TokenClientAsync("analyst1");
        var lost = await client.GetFromJsonAsync<List<JsonElement>>("/api/pipeline/deals?stage=流失", Ct);
        Assert.Equal("AY2023-L1", Assert.Single(lost!).GetProperty("code").GetString());
        var chain = await client.GetFromJsonAsync<List<JsonElement>>("/api/pipeline/deals?chain=铝型材&region=360123401", Ct);
        Assert.NotEmpty(chain!);
        Assert.All(chain!, d => Assert.Equal("铝型材", d.GetProperty("industryChain").GetString()));
        using var bad = await client.GetAsync(new Uri("/api/pipeline/deals?source=电视", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task Deal_Detail_ShowsStageHistory()
    {
        using var client = await factory.TokenClientAsync("analyst1");
        var deal = await client.GetFromJsonAsync<JsonElement>("/api/pipeline/deals/AY2023-01", Ct);
        var signed = deal.GetProperty("history").EnumerateArray().Single(h => h.GetProperty("stageZh").GetString() == "签约");
        Assert.Equal("2023-01-02", signed.GetProperty("on").GetString());
        Assert.False(deal.GetProperty("editable").GetBoolean());
        using var missing = await client.GetAsync(new Uri("/api/pipeline/deals/NOPE", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task CreateAndAdvance_EditorOfJiangyang_WorksInJiangyang()
    {
        using var client = await factory.TokenClientAsync("jy-editor");
        using var created = await client.PostAsJsonAsync("/api/pipeline/deals", NewDeal("JY-T1", "510502"), Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var advanced = await client.PostAsJsonAsync("/api/pipeline/deals/JY-T1/advance", new { stage = "签约", on = "2024-04-01" }, Ct);
        Assert.Equal(HttpStatusCode.OK, advanced.StatusCode);
        var body = await advanced.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("签约", body.GetProperty("deal").GetProperty("stageZh").GetString());
        using var duplicate = await client.PostAsJsonAsync("/api/pipeline/deals", NewDeal("JY-T1", "510502"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Contains("已存在", await duplicate.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Advance_BackwardsOrOutOfOrder_IsRefusedInBothLanguages()
    {
        using var client = await factory.TokenClientAsync("jy-editor");
        using var created = await client.PostAsJsonAsync("/api/pipeline/deals", NewDeal("JY-T2", "510502"), Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var early = await client.PostAsJsonAsync("/api/pipeline/deals/JY-T2/advance", new { stage = "签约", on = "2024-01-01" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        var text = await early.Content.ReadAsStringAsync(Ct);
        Assert.Contains("阶段日期顺序错误", text, StringComparison.Ordinal);
        Assert.Contains("out of order", text, StringComparison.Ordinal);
        using var lostWithoutReason = await client.PostAsJsonAsync("/api/pipeline/deals/JY-T2/advance", new { stage = "流失", on = "2024-05-01" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, lostWithoutReason.StatusCode);
        Assert.Contains("须说明原因", await lostWithoutReason.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAndAdvance_EditorOfJiangyang_CannotTouchTongzhou()
    {
        using var jy = await factory.TokenClientAsync("jy-editor");
        using var create = await jy.PostAsJsonAsync("/api/pipeline/deals", NewDeal("TZ-T1", "320612"), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        using var admin = await factory.TokenClientAsync("admin");
        using var made = await admin.PostAsJsonAsync("/api/pipeline/deals", NewDeal("TZ-T2", "320612"), Ct);
        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        using var advance = await jy.PostAsJsonAsync("/api/pipeline/deals/TZ-T2/advance", new { stage = "洽谈", on = "2024-03-05" }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, advance.StatusCode);
        var deal = await admin.GetFromJsonAsync<JsonElement>("/api/pipeline/deals/TZ-T2", Ct);
        Assert.Equal("线索", deal.GetProperty("deal").GetProperty("stageZh").GetString());
        using var analyst = await factory.TokenClientAsync("analyst1");
        using var read = await analyst.PostAsJsonAsync("/api/pipeline/deals", NewDeal("JY-T9", "510502"), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
    }

    [Theory]
    [InlineData("analyst1")]
    [InlineData("reviewer1")]
    public async Task Writes_ReadOnlyRoles_AreForbidden(string user)
    {
        using var client = await factory.TokenClientAsync(user);
        using var create = await client.PostAsJsonAsync("/api/pipeline/deals", NewDeal("RO-" + user, "510502"), Ct);
        using var advance = await client.PostAsJsonAsync("/api/pipeline/deals/AY2023-L2/advance", new { stage = "洽谈", on = "2023-10-01" }, Ct);
        using var start = await client.PostAsJsonAsync("/api/services/requests/JY-2023-R14/start", new { on = "2023-04-01" }, Ct);
        using var close = await client.PostAsJsonAsync("/api/services/requests/JY-2023-R14/close", new { outcome = "已解决", on = "2023-04-01", resolution = "x" }, Ct);
        using var import = await client.PostAsync(new Uri("/api/pipeline/deals/import?commit=true", UriKind.Relative), Upload("项目编号\nX\n", "d.csv"), Ct);
        Assert.All([create, advance, start, close, import], r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
    }

    [Fact]
    public async Task Scoreboard_YearWithGaps_FlagsBrokenMonths()
    {
        using var client = await factory.TokenClientAsync("analyst1");
        // The sample's store is judged as of 2023-07-31 (its as-of setting), so 2023 shows its complete months, January–June.
        var full = await client.GetFromJsonAsync<JsonElement>("/api/pipeline/scoreboard?year=2023", Ct);
        Assert.Equal(6, full.GetProperty("months").GetArrayLength());
        Assert.Equal(0, full.GetProperty("brokenMonths").GetInt32());
        var empty = await client.GetFromJsonAsync<JsonElement>("/api/pipeline/scoreboard?year=2022", Ct);
        Assert.Equal(12, empty.GetProperty("brokenMonths").GetInt32());
        Assert.Equal("无签约、无落地、无开工", empty.GetProperty("months")[0].GetProperty("flagZh").GetString());
        using var targets = await client.GetAsync(new Uri("/api/pipeline/targets?period=2023", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, targets.StatusCode);
    }

    [Fact]
    public async Task DealImport_ValidateThenCommit_AllOrNothingWithinScope()
    {
        var csv = "项目编号,项目名称,地区代码,投资方,投资方类型,线索日期,计划投资(亿元)\nJY-I1,导入项目一,510502,甲公司,民企,2024-02-01,1.5\nJY-I2,导入项目二,510502,乙公司,外资,2024-02-03,2\n";
        using var jy = await factory.TokenClientAsync("jy-editor");
        using var validate = await jy.PostAsync(new Uri("/api/pipeline/deals/import", UriKind.Relative), Upload(csv, "deals.csv"), Ct);
        Assert.Equal(HttpStatusCode.OK, validate.StatusCode);
        using var notYet = await jy.GetAsync(new Uri("/api/pipeline/deals/JY-I1", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, notYet.StatusCode);
        var mixed = csv + "TZ-I3,导入项目三,320612,丙公司,民企,2024-02-05,1\n";
        using var denied = await jy.PostAsync(new Uri("/api/pipeline/deals/import?commit=true", UriKind.Relative), Upload(mixed, "deals.csv"), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        using var stillNot = await jy.GetAsync(new Uri("/api/pipeline/deals/JY-I1", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, stillNot.StatusCode);
        using var commit = await jy.PostAsync(new Uri("/api/pipeline/deals/import?commit=true", UriKind.Relative), Upload(csv, "deals.csv"), Ct);
        Assert.Equal(HttpStatusCode.OK, commit.StatusCode);
        var deal = await jy.GetFromJsonAsync<JsonElement>("/api/pipeline/deals/JY-I1", Ct);
        Assert.Equal(15000m, deal.GetProperty("deal").GetProperty("plannedInvestment").GetDecimal());
        var export = await jy.GetStringAsync(new Uri("/api/pipeline/deals/export", UriKind.Relative), Ct);
        Assert.Contains("JY-I2", export, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DealImport_BadRow_IsReportedByRowAndColumn()
    {
        var csv = "项目编号,项目名称,地区代码,投资方,投资方类型,线索日期,计划投资(亿元)\nJY-B1,坏项目,510502,甲公司,火星企业,2024-02-01,1.5\n";
        using var admin = await factory.TokenClientAsync("admin");
        using var response = await admin.PostAsync(new Uri("/api/pipeline/deals/import?commit=true", UriKind.Relative), Upload(csv, "bad.csv"), Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var error = report.GetProperty("errors")[0];
        Assert.Equal(2, error.GetProperty("row").GetInt32());
        Assert.Contains("投资方类型", error.GetProperty("zh").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enterprises_SearchAndDetail_ShowVisitsAndRequests()
    {
        using var client = await factory.TokenClientAsync("analyst1");
        var all = await client.GetFromJsonAsync<List<JsonElement>>("/api/services/enterprises", Ct);
        Assert.NotEmpty(all!);
        var first = all![0];
        var code = first.GetProperty("creditCode").GetString()!;
        var byCode = await client.GetFromJsonAsync<List<JsonElement>>($"/api/services/enterprises?q={code[..10]}", Ct);
        Assert.Contains(byCode!, e => e.GetProperty("creditCode").GetString() == code);
        var jy = await client.GetFromJsonAsync<List<JsonElement>>("/api/services/enterprises", Ct);
        var visited = jy!.First(e => e.GetProperty("visits").GetInt32() > 0).GetProperty("creditCode").GetString();
        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/services/enterprises/{visited}", Ct);
        Assert.NotEqual(0, detail.GetProperty("visits").GetArrayLength());
        Assert.NotEqual(0, detail.GetProperty("requests").GetArrayLength());
        using var missing = await client.GetAsync(new Uri("/api/services/enterprises/91000000000000000X", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task RequestBoard_GroupsByStatusAndFlagsOverdue()
    {
        using var client = await factory.TokenClientAsync("analyst1");
        var board = await client.GetFromJsonAsync<JsonElement>("/api/services/requests", Ct);
        var columns = board.GetProperty("columns").EnumerateArray().ToList();
        Assert.Equal(["受理", "办理中", "已解决", "无法解决"], columns.Select(c => c.GetProperty("statusZh").GetString()));
        // The sample's open requests are long past their 2023 deadlines.
        Assert.True(columns[0].GetProperty("overdue").GetInt32() > 0);
        Assert.True(columns[0].GetProperty("requests")[0].GetProperty("overdue").GetBoolean());
    }

    [Fact]
    public async Task CloseRequest_DepartmentDesk_OnlyItsOwnDepartment()
    {
        using var desk = await factory.TokenClientAsync("rs-desk");
        // JY-2023-R07 belongs to 区人社局, JY-2023-R08 to 区自然资源局 (both in progress in the sample).
        using var own = await desk.PostAsJsonAsync("/api/services/requests/JY-2023-R07/close", new { outcome = "已解决", on = "2023-04-10", resolution = "已协调招工" }, Ct);
        Assert.Equal(HttpStatusCode.NoContent, own.StatusCode);
        using var other = await desk.PostAsJsonAsync("/api/services/requests/JY-2023-R08/close", new { outcome = "已解决", on = "2023-04-10", resolution = "越权办结" }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        using var admin = await factory.TokenClientAsync("admin");
        var board = await admin.GetFromJsonAsync<JsonElement>("/api/services/requests", Ct);
        var r08 = board.GetProperty("columns").EnumerateArray().SelectMany(c => c.GetProperty("requests").EnumerateArray()).Single(r => r.GetProperty("id").GetString() == "JY-2023-R08");
        Assert.Equal("办理中", r08.GetProperty("statusZh").GetString());
        var r07 = board.GetProperty("columns").EnumerateArray().SelectMany(c => c.GetProperty("requests").EnumerateArray()).Single(r => r.GetProperty("id").GetString() == "JY-2023-R07");
        Assert.Equal("已解决", r07.GetProperty("statusZh").GetString());
        Assert.Equal("已协调招工", r07.GetProperty("resolution").GetString());
    }

    [Fact]
    public async Task CloseRequest_WithoutResolution_IsRefused_ThenStartAndClose()
    {
        using var jy = await factory.TokenClientAsync("jy-editor");
        using var noReason = await jy.PostAsJsonAsync("/api/services/requests/JY-2023-R13/close", new { outcome = "无法解决", on = "2023-04-10" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        var text = await noReason.Content.ReadAsStringAsync(Ct);
        Assert.Contains("须说明原因", text, StringComparison.Ordinal);
        Assert.Contains("without a reason", text, StringComparison.Ordinal);
        using var start = await jy.PostAsJsonAsync("/api/services/requests/JY-2023-R13/start", new { on = "2023-03-20" }, Ct);
        Assert.Equal(HttpStatusCode.NoContent, start.StatusCode);
        using var close = await jy.PostAsJsonAsync("/api/services/requests/JY-2023-R13/close", new { outcome = "Unresolvable", on = "2023-04-10", resolution = "用地指标不足" }, Ct);
        Assert.Equal(HttpStatusCode.NoContent, close.StatusCode);
        using var tz = await jy.PostAsJsonAsync("/api/services/requests/TZ-2023-R01/start", new { on = "2023-06-01" }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, tz.StatusCode);
        using var missing = await jy.PostAsJsonAsync("/api/services/requests/NOPE/start", new { on = "2023-06-01" }, Ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Statistics_Year2023_CountsAndFormula()
    {
        using var client = await factory.TokenClientAsync("analyst1");
        var stats = await client.GetFromJsonAsync<JsonElement>("/api/services/statistics?period=2023", Ct);
        Assert.Equal(84, stats.GetProperty("raised").GetInt32());
        Assert.True(stats.GetProperty("visits").GetInt32() > 0);
        Assert.StartsWith("解决率 = 已解决", stats.GetProperty("resolutionFormula").GetString(), StringComparison.Ordinal);
        var tech = stats.GetProperty("byCategory").EnumerateArray().Single(c => c.GetProperty("nameZh").GetString() == "技术改造");
        Assert.Equal(39, tech.GetProperty("count").GetInt32());
        Assert.Contains(stats.GetProperty("byDepartment").EnumerateArray(), d => d.GetProperty("key").GetString() == "区工信局");
    }

    [Fact]
    public async Task ServiceLists_ExportAndValidateImport()
    {
        using var admin = await factory.TokenClientAsync("admin");
        var csv = await admin.GetStringAsync(new Uri("/api/services/export/requests", UriKind.Relative), Ct);
        Assert.Contains("JY-2023-R01", csv, StringComparison.Ordinal);
        using var unknown = await admin.GetAsync(new Uri("/api/services/export/nothing", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        // Re-importing the export as new enterprises is refused: every credit code is already registered.
        var enterprises = await admin.GetStringAsync(new Uri("/api/services/export/enterprises", UriKind.Relative), Ct);
        using var again = await admin.PostAsync(new Uri("/api/services/import/enterprises?commit=true", UriKind.Relative), Upload(enterprises, "enterprises.csv"), Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        Assert.Contains("已有统一社会信用代码", await again.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    private static MultipartFormDataContent Upload(string text, string name)
    {
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        return new MultipartFormDataContent { { file, "file", name } };
    }
}
