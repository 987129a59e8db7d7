using Baiqiang.Core.Evaluation;
using Baiqiang.Core.Indicators;
using Baiqiang.Core.Observations;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Quantities;
using Baiqiang.Core.Regions;
using Baiqiang.Storage;
using Baiqiang.Storage.Observations;
using Baiqiang.Storage.PeerGroups;
using Baiqiang.Storage.Regions;
using Baiqiang.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Baiqiang.Web.Tests.Support;

/// <summary>
/// Test figures (NOT published statistics) for the seven county-level units of 泸州 (pref:510500) in 2023 and 2024, for
/// every indicator of the built-in top-100 framework and resident population. 江阳区 beats 古蔺县 on every leaf
/// (including GDP per capita and services per unit of GDP), so 古蔺县 is dominated by 江阳区. 叙永县 has no 2024
/// trade figure, so one cell is imputed. 合江县 ranked above 纳溪区 in 2023. The sample data itself holds too few figures to rank anything.
/// </summary>
public static class RankingSeed
{
    public const string Group = "pref:510500";

    public static readonly int[] Units = [510502, 510503, 510504, 510521, 510522, 510524, 510525];

    public const int Dominator = 510502;

    public const int Dominated = 510525;

    public const int MissingTradeUnit = 510524;

    private static readonly double[] Scale = [1.0, 0.6, 0.9, 0.75, 0.65, 0.4, 0.42];

    private static readonly double[] Population = [65, 46, 48, 88, 72, 58, 70];

    /// <summary>Indicator, unit, base value (per unit scale 1).</summary>
    private static readonly (string Code, Unit Unit, double Base)[] Indicators =
    [
        ("gdp", Unit.YiYuan, 900),
        ("budget_revenue", Unit.YiYuan, 45),
        ("industrial_value_added", Unit.YiYuan, 260),
        ("retail_sales", Unit.YiYuan, 420),
        ("deposits_balance", Unit.YiYuan, 1300),
        ("fixed_asset_investment", Unit.YiYuan, 480),
        ("industrial_investment", Unit.YiYuan, 150),
        ("high_tech_output_share", Unit.Percent, 40),
        ("trade_total", Unit.YiYuan, 60),
        ("per_capita_disposable_income", Unit.Yuan, 40000),
        ("loans_balance", Unit.YiYuan, 1100),
        ("services_value_added", Unit.YiYuan, 480),
    ];

    /// <summary>The test figure for unit row <paramref name="u"/>, indicator row <paramref name="i"/> and year; NaN when deliberately missing.</summary>
    public static double Value(int u, int i, int year)
    {
        var (code, _, b) = Indicators[i];
        if (year == 2024 && Units[u] == MissingTradeUnit && code == "trade_total")
        {
            return double.NaN;
        }

        double wiggle = Units[u] == Dominator ? 1.05
            : Units[u] == Dominated ? (code == "gdp" ? 1.0 : 0.95)
            : 0.9 + (0.2 * (((u * 7) + (i * 13) + year) % 17) / 16.0);
        double scale = code is "high_tech_output_share" or "per_capita_disposable_income" ? 0.5 + (Scale[u] / 2) : Scale[u];
        // 2023: 合江县 was ahead of 纳溪区 (so the rank change shows movement); everyone else a few per cent lower than 2024.
        double growth = year == 2024 ? 1.0 : Units[u] == 510522 ? 1.3 : 0.93 + (0.02 * ((u + i) % 4));
        return Math.Round(b * scale * wiggle * growth, 2);
    }

    /// <summary>The same figures as Core's input, for computing expected results directly.</summary>
    public static EvaluationData Data(int year)
    {
        var values = new double[Units.Length, Indicators.Length];
        for (int u = 0; u < Units.Length; u++)
        {
            for (int i = 0; i < Indicators.Length; i++)
            {
                values[u, i] = Value(u, i, year);
            }
        }

        return new EvaluationData([.. Units.Select(c => c.ToString(System.Globalization.CultureInfo.InvariantCulture))], [.. Indicators.Select(x => x.Code)], values)
        {
            Population = Population,
        };
    }

    /// <summary>Writes the figures (idempotent) through the store's observation writer.</summary>
    public static async Task SeedAsync(WebFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BaiqiangDbContext>();
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.TrackAll;
        var records = new List<ObservationRecord>();
        foreach (int year in new[] { 2023, 2024 })
        {
            var period = StatPeriod.ForYear(year);
            for (int u = 0; u < Units.Length; u++)
            {
                var region = new RegionCode(Units[u]);
                for (int i = 0; i < Indicators.Length; i++)
                {
                    double v = Value(u, i, year);
                    if (!double.IsNaN(v))
                    {
                        records.Add(Record(region, Indicators[i].Code, period, (decimal)v, Indicators[i].Unit));
                    }
                }

                records.Add(Record(region, "resident_population", period, (decimal)Population[u], Unit.WanRen));
            }
        }

        await ObservationWriter.WriteAsync(db, records, "ranking-test", TimeProvider.System, TestContext.Current.CancellationToken);
    }

    /// <summary>The national list group <c>ccid_2025_top100_counties</c> (100 counties in some 50 prefectures).</summary>
    public const string NationalList = "ccid_2025_top100_counties";

    /// <summary>
    /// Imports <see cref="NationalList"/> from <c>shared/data/rankings</c> as <c>regions peers import</c> does, stores its
    /// members as regions under the list's names (the sample holds none of them) and writes 2024 test figures for every
    /// framework indicator and population, falling with the list's rank with a wiggle so the tiers differ. Idempotent.
    /// </summary>
    public static async Task SeedNationalListAsync(WebFactory factory)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BaiqiangDbContext>();
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.TrackAll;
        var path = SharedData.Path("rankings", NationalList + ".tsv");
        await PeerGroupStore.ImportRankingListAsync(db, path, ct);
        var rows = (await File.ReadAllLinesAsync(path, ct)).Skip(1).Select(l => l.Split('\t')).Select(f => (Code: RegionCode.Parse(f[4]), Name: f[1])).ToList();
        var stored = (await RegionStore.LoadAllAsync(db, ct)).Select(r => r.Code).ToHashSet();
        foreach (var (code, name) in rows.Where(r => !stored.Contains(r.Code)))
        {
            db.Regions.Add(new RegionEntity { Code = code, Name = name, Kind = RegionKind.County, ParentCode = null, Vintage = RegionEntity.Vintage2023 });
        }

        await db.SaveChangesAsync(ct);
        var period = StatPeriod.ForYear(2024);
        var records = new List<ObservationRecord>();
        for (int u = 0; u < rows.Count; u++)
        {
            for (int i = 0; i < Indicators.Length; i++)
            {
                var (code, unit, b) = Indicators[i];
                double wiggle = 0.9 + (0.2 * (((u * 7) + (i * 13)) % 17) / 16.0);
                records.Add(Record(rows[u].Code, code, period, (decimal)Math.Round(b * (1.6 - (u * 0.01)) * wiggle, 2), unit));
            }

            records.Add(Record(rows[u].Code, "resident_population", period, 60 + (u % 40), Unit.WanRen));
        }

        await ObservationWriter.WriteAsync(db, records, "ranking-test", TimeProvider.System, ct);
    }

    private static ObservationRecord Record(RegionCode region, string indicator, StatPeriod period, decimal value, Unit unit)
        => new(region, new IndicatorCode(indicator), period, value, unit, null, Qualifier.Exact, new ObservationSource(SourceKind.User, "ranking-test"));
}
