using System.Globalization;
using System.Text;

namespace Baiqiang.Benchmarks;

/// <summary>Synthetic but realistic inputs: real county-level codes from shared/data, indicators from the catalogue, monthly periods.</summary>
public static class BenchData
{
    public static IReadOnlyList<string> CountyCodes()
    {
        var lines = File.ReadAllLines(SharedData.Path("divisions", "areas.csv")).Skip(1);
        return [.. lines.Select(l => l[..6])];
    }

    public static readonly string[] Indicators =
    [
        "gdp", "budget_revenue", "industrial_value_added", "industrial_output", "retail_sales", "services_value_added",
        "fixed_asset_investment", "trade_total", "exports", "operating_revenue", "tax_revenue", "general_budget_expenditure",
    ];

    /// <summary>Writes N rows: region × indicator × monthly cumulative period (2015–2024), values with two decimals.</summary>
    public static void WriteObservationCsv(string path, int n)
    {
        var codes = CountyCodes();
        using var w = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        w.WriteLine("region,indicator,period,value,unit,growth");
        var i = 0;
        for (var year = 2015; year <= 2100 && i < n; year++)
        {
            for (var month = 1; month <= 12 && i < n; month++)
            {
                var period = month == 12 ? year.ToString(CultureInfo.InvariantCulture)
                    : month == 1 ? string.Create(CultureInfo.InvariantCulture, $"{year}-01")
                    : string.Create(CultureInfo.InvariantCulture, $"{year}-01..{month:D2}");
                foreach (var ind in Indicators)
                {
                    foreach (var code in codes)
                    {
                        if (i++ >= n)
                        {
                            break;
                        }

                        var value = (decimal)(((i * 7919L) % 100000) + 100) / 100m;
                        var growth = (decimal)(((i * 104729L) % 3000) - 1000) / 100m;
                        w.Write(code);
                        w.Write(',');
                        w.Write(ind);
                        w.Write(',');
                        w.Write(period);
                        w.Write(',');
                        w.Write(value.ToString(CultureInfo.InvariantCulture));
                        w.Write(",亿元,");
                        w.WriteLine(growth.ToString(CultureInfo.InvariantCulture));
                    }
                }
            }
        }
    }
}
