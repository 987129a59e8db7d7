using System.Globalization;
using System.Text.Json;
using Baiqiang.Storage;
using Baiqiang.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Baiqiang.Web.Rankings;

/// <summary>One unit of a ranking: its score decomposed into dimension and indicator contributions, strengths, weaknesses, nearest peers.</summary>
public sealed class UnitModel(BaiqiangDbContext db, IConfiguration config, Lang lang) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Framework { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Version { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Period { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Group { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Normalization { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Weights { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Aggregation { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Imputation { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Tiers { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Replications { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Region { get; set; }

    public UnitDetail? Detail { get; private set; }

    public List<string> Errors { get; } = [];

    public string ChartJson { get; private set; } = "{}";

    /// <summary>The run's query without the region, for links back and to peers.</summary>
    public string Query { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Query = string.Join('&', new (string Key, string? Value)[]
        {
            ("framework", Framework), ("version", Version?.ToString(CultureInfo.InvariantCulture)), ("period", Period), ("group", Group),
            ("normalization", Normalization), ("weights", Weights), ("aggregation", Aggregation), ("imputation", Imputation),
            ("tiers", Tiers?.ToString(CultureInfo.InvariantCulture)), ("replications", Replications?.ToString(CultureInfo.InvariantCulture)),
        }.Where(p => !string.IsNullOrWhiteSpace(p.Value)).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!)}"));
        var query = new RunQuery(Framework, Version, Period, Group, Normalization, Weights, Aggregation, Imputation, Tiers, null, Replications, 0, false);
        var (outcome, errors) = await RankingsApi.RunCoreAsync(query, db, config, ct);
        if (outcome?.Response is null)
        {
            Errors.AddRange(errors.Where(e => e.Key != "data").SelectMany(e => e.Value).Select(m => RankingViews.Pick(m, lang.En)));
            if (outcome?.Problem is { } p)
            {
                Errors.Add(lang[p]);
            }

            return Page();
        }

        Detail = RankingViews.Unit(outcome, Region?.Trim() ?? string.Empty);
        if (Detail is null)
        {
            return NotFound();
        }

        var indicators = Detail.Dimensions.SelectMany(d => d.Indicators).OrderByDescending(c => c.Contribution).ToList();
        ChartJson = JsonSerializer.Serialize(new
        {
            title = lang[$"{Detail.Name}综合得分 {Detail.Score.ToString("0.00", CultureInfo.InvariantCulture)} 的指标贡献", $"{Detail.Name}: indicator contributions to the score {Detail.Score.ToString("0.00", CultureInfo.InvariantCulture)}"],
            yName = lang["贡献", "Contribution"],
            horizontal = true,
            categories = indicators.Select(c => lang[c.NameZh, c.NameEn]).ToArray(),
            series = new[] { new { name = lang["贡献（权重×标准化值）", "Contribution (weight × normalised value)"], type = "bar", data = indicators.Select(c => Math.Round(c.Contribution, 2)).ToArray() } },
        });
        return Page();
    }
}
