using Baiqiang.Core.Indicators;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Quantities;
using Baiqiang.Core.Regions;
using Baiqiang.Core.Text;
using Baiqiang.Storage.Import;
using Baiqiang.Storage.Indicators;
using Baiqiang.Storage.Regions;
using Baiqiang.Storage.Units;

namespace Baiqiang.Storage.Lookups;

/// <summary>
/// Region, indicator and period resolution backed by the store: every region vintage and the indicator catalogue,
/// loaded once per command or request. Matching is <see cref="InMemoryImportLookups"/>'s; this adds reading
/// traditional characters and full-width digits in what users type, and a reference date for relative periods.
/// </summary>
public sealed class StoreLookups : IImportLookups
{
    private readonly InMemoryImportLookups _inner;

    private StoreLookups(InMemoryImportLookups inner, DateOnly? referenceDate)
    {
        _inner = inner;
        ReferenceDate = referenceDate;
    }

    /// <summary>The date relative period phrases (今年, 上半年) resolve against; null means they are refused.</summary>
    public DateOnly? ReferenceDate { get; }

    public static async Task<StoreLookups> LoadAsync(BaiqiangDbContext db, CancellationToken ct, DateOnly? referenceDate = null)
    {
        var regions = await RegionStore.LoadAllAsync(db, ct);
        var units = await UnitStore.LoadTableAsync(db, ct);
        var catalogue = await IndicatorStore.LoadCatalogueAsync(db, units, ct);
        var inner = new InMemoryImportLookups(regions, catalogue, text => ChinesePeriodParser.TryParse(text, referenceDate), units);
        return new StoreLookups(inner, referenceDate);
    }

    public ParseResult<RegionCode> ResolveRegion(string codeOrName) => _inner.ResolveRegion(ChineseText.Normalize(codeOrName.Trim()));

    public Indicator? FindIndicator(string codeOrName) => _inner.FindIndicator(codeOrName);

    /// <summary>The store's indicator catalogue (one lookup for every reader of a command or request).</summary>
    public Catalogue Catalogue => _inner.Catalogue;

    public ParseResult<StatPeriod> ParsePeriod(string text) => _inner.ParsePeriod(text);

    /// <summary>The catalogue indicators closest to an unknown name.</summary>
    public IReadOnlyList<Indicator> ClosestIndicators(string name) => _inner.ClosestIndicators(name);

    /// <summary>The store's unit table.</summary>
    public UnitTable Units => _inner.Units;

    /// <summary>The stored region of <paramref name="code"/> (latest vintage), or null.</summary>
    public Region? FindRegion(RegionCode code) => _inner.FindRegion(code);

    /// <summary>The region's name (latest vintage), or its code when the store does not hold it.</summary>
    public string RegionName(RegionCode code) => _inner.RegionName(code);
}
