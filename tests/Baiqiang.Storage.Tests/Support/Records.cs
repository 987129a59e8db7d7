using Baiqiang.Core.Indicators;
using Baiqiang.Core.Observations;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Quantities;
using Baiqiang.Core.Regions;

namespace Baiqiang.Storage.Tests.Support;

internal static class Records
{
    public static ObservationRecord Gdp(int region, StatPeriod period, decimal value, string indicator = "gdp", decimal? growth = null) => new(
        new RegionCode(region), new IndicatorCode(indicator), period, value, Unit.YiYuan, growth, Qualifier.Exact,
        new ObservationSource(SourceKind.Import, "test.csv", 2));

    /// <summary>Many distinct facts: regions 110101.. × months of 2000–2023, under <paramref name="indicator"/>.</summary>
    public static List<ObservationRecord> Many(int count, string indicator)
    {
        var list = new List<ObservationRecord>(count);
        var code = new IndicatorCode(indicator);
        var periods = new List<StatPeriod>();
        for (var y = 2000; y <= 2023; y++)
        {
            for (var m = 1; m <= 12; m++)
            {
                periods.Add(StatPeriod.ForMonth(y, m));
            }
        }

        for (var i = 0; i < count; i++)
        {
            var region = new RegionCode(110000 + 101 + (i / periods.Count));
            var period = periods[i % periods.Count];
            list.Add(new ObservationRecord(region, code, period, 1000m + (i * 0.01m), Unit.WanYuan, i % 3 == 0 ? null : 5.5m,
                Qualifier.Exact, new ObservationSource(SourceKind.Import, "bulk.csv", i + 2, "B")));
        }

        return list;
    }
}
