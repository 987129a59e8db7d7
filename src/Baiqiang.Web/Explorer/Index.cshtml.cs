using System.Text.Json;
using Baiqiang.Core.Periods;
using Baiqiang.Storage;
using Baiqiang.Web.Shared;
using Baiqiang.Web.Shared.Inputs;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Baiqiang.Web.Explorer;

/// <summary>指标查询: any indicator, several regions compared, as a table and a chart, exportable to XLSX.</summary>
public sealed class IndexModel(BaiqiangDbContext db, Lang lang) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Indicator { get; set; }

    [BindProperty(SupportsGet = true)]
    [RegionInput(Multiple = true)]
    public string? Regions { get; set; }

    /// <summary>跨区划接续: join each region's series across recodes (龙海区 with 龙海市's years), marking the code of each value.</summary>
    [BindProperty(SupportsGet = true)]
    public bool FollowSuccessor { get; set; }

    public IReadOnlyList<ReferenceApi.IndicatorItem> Indicators { get; private set; } = [];

    public CompareResponse? Result { get; private set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public string ChartJson { get; private set; } = "{}";

    public string ExportUrl { get; private set; } = string.Empty;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Indicators = await ReferenceApi.LoadIndicatorsAsync(db, ct);
        Indicator ??= "gdp";
        if (CanonicalInputsFilter.HasErrors(HttpContext))
        {
            return; // the region box says which name could not be read
        }

        Regions ??= "510502,320612";
        var (request, errors) = CompareRequest.Parse(Indicator, Regions);
        if (request is null)
        {
            Errors = errors.SelectMany(e => e.Value).Select(Pick).ToList();
            return;
        }

        Result = await ObservationsApi.LoadAsync(db, request, ct, FollowSuccessor);
        ExportUrl = $"/api/observations/export?indicator={Uri.EscapeDataString(request.Indicator.Value)}&regions={Uri.EscapeDataString(string.Join(',', request.Regions))}";
        var useValues = Result.Series.Any(s => s.Values.Any(v => v is not null));
        ChartJson = JsonSerializer.Serialize(new
        {
            title = lang[Result.NameZh, Result.NameEn] + (useValues ? $"（{Result.Unit}）" : lang["（同比增长%）", " (growth %)"]),
            yName = useValues ? Result.Unit : "%",
            categories = Result.Periods.Select(p => Fmt.Period(StatPeriod.ParseCanonical(p), lang.En)),
            series = Result.Series.Select(s => new { name = s.RegionName, type = "line", data = useValues ? s.Values : s.GrowthPercents }),
        });
    }

    /// <summary>Validation messages are "中文 / English": show the user's half.</summary>
    private string Pick(string message)
    {
        var i = message.IndexOf(" / ", StringComparison.Ordinal);
        return i < 0 ? message : lang[message[..i], message[(i + 3)..]];
    }
}
