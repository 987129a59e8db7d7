using Baiqiang.Core.Regions;
using Baiqiang.Storage.Sample;

namespace Baiqiang.Extraction.Tests;

/// <summary>The national division tables of 2023 (shared/data/divisions) plus the sample's parks, as the CLI sees them after <c>regions import</c> and <c>sample</c>.</summary>
internal static class Regions
{
    private static readonly Lazy<RegionMatcher> NationalLazy = new(() => new RegionMatcher(new RegionRegistry(LoadNational()), SampleData.Regions.Select(r => r.Code)));

    /// <summary>Every province, prefecture and county-level unit, and the three seed parks; sample regions preferred when ambiguous.</summary>
    public static RegionMatcher National => NationalLazy.Value;

    /// <summary>Only the sample's regions (no ambiguity: one 通州区).</summary>
    public static RegionMatcher SampleOnly { get; } = new(new RegionRegistry(SampleData.Regions));

    /// <summary>The national tables without preferences: an ambiguous name stays unresolved unless the text says which.</summary>
    public static RegionMatcher NationalNoPreference { get; } = new(new RegionRegistry(LoadNational()));

    private static List<Region> LoadNational() => NationalRegions.Load(SharedData.Path("divisions"));
}
