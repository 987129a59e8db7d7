namespace Baiqiang.Extraction.Tests;

/// <summary>The five seed reports and the dates used for them (only 004's is given, as in the issue; the others are inferred from their text).</summary>
internal static class Seeds
{
    public static readonly string[] Names =
    [
        "000_jiangyang_top100_district", "001_anyi_industrial_park", "002_ziyang_airport_zone_hitech_zone", "003_ziyang_industrial_plan_2025",
        "004_tongzhou_h1_report_card",
    ];

    public static string Folder => SharedData.Folder("seeds") ?? throw new DirectoryNotFoundException("shared/seeds not found");

    public static string Text(string name) => File.ReadAllText(Path.Combine(Folder, name + ".txt"));

    public static DateOnly? Date(string name) => name.StartsWith("004", StringComparison.Ordinal) ? new DateOnly(2023, 7, 31) : null;

    public static ExtractionResult Extract(string name, RegionMatcher? matcher = null)
        => new FactExtractor(matcher ?? Regions.National).Extract(name + ".txt", Text(name), Date(name));
}
