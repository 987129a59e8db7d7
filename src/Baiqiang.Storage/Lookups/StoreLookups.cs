using Baiqiang.Core.Indicators;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Regions;
using Baiqiang.Core.Text;
using Baiqiang.Storage.Import;
using Baiqiang.Storage.Indicators;
using Baiqiang.Storage.Regions;

namespace Baiqiang.Storage.Lookups;

/// <summary>
/// Region, indicator and period resolution backed by the store: the registry of every region vintage and the
/// indicator catalogue, loaded once per command or request.
/// </summary>
public sealed class StoreLookups : IImportLookups
{
    private readonly Dictionary<string, Indicator> _indicators;

    private StoreLookups(RegionRegistry regions, IEnumerable<Indicator> indicators, DateOnly? referenceDate)
    {
        Regions = regions;
        ReferenceDate = referenceDate;
        _indicators = new Dictionary<string, Indicator>(StringComparer.Ordinal);
        foreach (var i in indicators)
        {
            _indicators.TryAdd(i.Code.Value, i);
            _indicators.TryAdd(i.NameZh, i);
            foreach (var a in i.Aliases)
            {
                _indicators.TryAdd(a, i);
            }
        }
    }

    public RegionRegistry Regions { get; }

    /// <summary>The date relative period phrases (今年, 上半年) resolve against; null means they are refused.</summary>
    public DateOnly? ReferenceDate { get; }

    public static async Task<StoreLookups> LoadAsync(BaiqiangDbContext db, CancellationToken ct, DateOnly? referenceDate = null)
    {
        var regions = await RegionStore.LoadAllAsync(db, ct);
        var indicators = await IndicatorStore.LoadAllAsync(db, ct);
        return new StoreLookups(new RegionRegistry(regions), indicators, referenceDate);
    }

    public ParseResult<RegionCode> ResolveRegion(string codeOrName)
    {
        var r = Regions.Resolve(codeOrName);
        return r.Success ? ParseResult<RegionCode>.Ok(r.Value.Code) : ParseResult<RegionCode>.Fail(r.Error!.Value);
    }

    public Indicator? FindIndicator(string codeOrName)
    {
        var key = ChineseText.Normalize(codeOrName.Trim());
        return _indicators.TryGetValue(key, out var i) || _indicators.TryGetValue(key.ToLowerInvariant(), out i) ? i : null;
    }

    public ParseResult<StatPeriod> ParsePeriod(string text) => ChinesePeriodParser.TryParse(text, ReferenceDate);

    public string RegionName(RegionCode code) => Regions.TryGet(code, out var r) ? r.Name : code.ToString();
}
