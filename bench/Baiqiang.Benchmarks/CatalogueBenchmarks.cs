using BenchmarkDotNet.Attributes;
using Baiqiang.Core.Indicators;

namespace Baiqiang.Benchmarks;

/// <summary>
/// Indicator lookup over the shipped catalogue (≥ 250 entries, ≈ 1,000 keys with traditional aliases): a short name, a
/// long name, a traditional name, an alias and a miss. Each is one normalisation plus one dictionary probe, so the time
/// follows the name's length and not the catalogue's size; the linear-scan baseline shows the difference.
/// </summary>
[MemoryDiagnoser]
public class CatalogueBenchmarks
{
    private readonly Catalogue _catalogue = Catalogue.Shipped;
    private readonly IReadOnlyList<Indicator> _all = IndicatorCatalogue.Shipped;

    [Benchmark(Description = "code gdp")]
    public Indicator? Code() => _catalogue.Find("gdp");

    [Benchmark(Description = "name 规上工业增加值")]
    public Indicator? ShortName() => _catalogue.Find("规上工业增加值");

    [Benchmark(Description = "long name 计算机、通信和其他电子设备制造业增加值")]
    public Indicator? LongName() => _catalogue.Find("计算机、通信和其他电子设备制造业增加值");

    [Benchmark(Description = "traditional 計算機、通信和其他電子設備製造業增加值")]
    public Indicator? Traditional() => _catalogue.Find("計算機、通信和其他電子設備製造業增加值");

    [Benchmark(Description = "alias 社消零")]
    public Indicator? Alias() => _catalogue.Find("社消零");

    [Benchmark(Description = "miss 本县自定义指标")]
    public Indicator? Miss() => _catalogue.Find("本县自定义指标");

    [Benchmark(Baseline = true, Description = "linear scan, last entry's name (for comparison)")]
    public Indicator? Scan()
    {
        var name = _all[^1].NameZh;
        foreach (var i in _all)
        {
            if (string.Equals(i.NameZh, name, StringComparison.Ordinal) || i.Aliases.Contains(name, StringComparer.Ordinal))
            {
                return i;
            }
        }

        return null;
    }
}
