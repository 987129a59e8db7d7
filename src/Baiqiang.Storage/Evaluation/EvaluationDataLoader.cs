using System.Globalization;
using Baiqiang.Core.Evaluation;
using Baiqiang.Core.Indicators;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Regions;
using Baiqiang.Core.Text;
using Baiqiang.Storage.Infrastructure;
using Baiqiang.Storage.Observations;
using Baiqiang.Storage.PeerGroups;
using Baiqiang.Storage.Regions;

namespace Baiqiang.Storage.Evaluation;

/// <summary>Builds <see cref="EvaluationData"/> for a framework, period and peer group from the store.</summary>
public static class EvaluationDataLoader
{
    /// <summary>The indicator the store keeps resident population under (万人).</summary>
    public const string PopulationIndicator = "resident_population";

    /// <summary>
    /// Members of <paramref name="group"/> (a stored peer group id; <c>pref:NNNNNN</c> is created from the region
    /// tables when missing), one row each (unit = region code), one column per distinct framework indicator with
    /// the current observation for <paramref name="period"/> (missing = NaN). Population for per-capita leaves comes
    /// from the store's <c>resident_population</c>, else from <paramref name="censusPopulationCsv"/> (the 2020
    /// census table: CODE, POPU persons → 万人). GDP for per-GDP leaves is the <c>gdp</c> column.
    /// Returns the data and the region names by code.
    /// </summary>
    public static async Task<(EvaluationData Data, IReadOnlyDictionary<string, string> Names)> LoadAsync(
        BaiqiangDbContext db, EvaluationFramework framework, StatPeriod period, string group, string? censusPopulationCsv, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(framework);
        var members = await PeerGroupStore.MembersAsync(db, group, ct);
        if (members.Count == 0 && group.StartsWith("pref:", StringComparison.Ordinal) && RegionCode.TryParse(group[5..], out var pref))
        {
            await PeerGroupStore.CreatePrefectureGroupAsync(db, pref, ct);
            members = await PeerGroupStore.MembersAsync(db, group, ct);
        }

        if (members.Count < 2)
        {
            throw new EvaluationException(new Bilingual(
                $"对比组“{group}”不存在或成员少于2个", $"peer group '{group}' does not exist or has fewer than 2 members"));
        }

        var leaves = framework.Indicators();
        var codes = leaves.Select(l => l.Indicator!).Distinct(StringComparer.Ordinal).ToList();
        bool perGdp = leaves.Any(l => l.Denominator == Denominator.PerGdp);
        if (perGdp && !codes.Contains("gdp"))
        {
            codes.Add("gdp");
        }

        var row = new Dictionary<RegionCode, int>();
        for (int i = 0; i < members.Count; i++)
        {
            row[members[i]] = i;
        }

        var values = new double[members.Count, codes.Count];
        for (int j = 0; j < codes.Count; j++)
        {
            var parsed = IndicatorCode.TryParse(codes[j]);
            if (parsed.Error is { } bad)
            {
                throw new EvaluationException(bad);
            }

            for (int i = 0; i < members.Count; i++)
            {
                values[i, j] = double.NaN;
            }

            foreach (var o in await ObservationQueries.CrossSectionAsync(db, parsed.Value, period, members, ct))
            {
                if (o.Value is { } v)
                {
                    values[row[o.RegionCode], j] = (double)v;
                }
            }
        }

        double[]? population = null;
        if (leaves.Any(l => l.Denominator == Denominator.PerCapita))
        {
            population = new double[members.Count];
            Array.Fill(population, double.NaN);
            foreach (var o in await ObservationQueries.CrossSectionAsync(db, new IndicatorCode(PopulationIndicator), period, members, ct))
            {
                if (o.Value is { } v)
                {
                    population[row[o.RegionCode]] = (double)v;
                }
            }

            if (censusPopulationCsv is not null && File.Exists(censusPopulationCsv))
            {
                foreach (var r in await Tables.ReadAsync(censusPopulationCsv, ',', ct))
                {
                    if (r.TryGetValue("CODE", out var c) && RegionCode.TryParse(c, out var code) && row.TryGetValue(code, out int i)
                        && double.IsNaN(population[i]) && r.TryGetValue("POPU", out var p)
                        && double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out double persons))
                    {
                        population[i] = persons / 10_000;
                    }
                }
            }
        }

        var registry = new RegionRegistry(await RegionStore.LoadAllAsync(db, ct));
        var names = members.ToDictionary(
            m => m.ToString(),
            m => registry.TryGet(m, out var region) ? region.Name : m.ToString(),
            StringComparer.Ordinal);
        var data = new EvaluationData([.. members.Select(m => m.ToString())], codes, values) { Population = population };
        return (data, names);
    }
}
