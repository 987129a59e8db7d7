namespace Baiqiang.Web.Imports;

/// <summary>Upload limits, checked before any parsing.</summary>
public static class ImportLimits
{
    /// <summary>20 MB: the largest upload accepted by the web form and the API (the CLI allows more).</summary>
    public const long MaxUploadBytes = 20L * 1024 * 1024;

    public static readonly string[] Extensions = [".csv", ".xlsx"];
}
