using Baiqiang.Core.Observations;
using Baiqiang.Core.Periods;

namespace Baiqiang.Storage.Import;

/// <summary>Limits and defaults for one import.</summary>
/// <param name="MaxBytes">Largest file accepted, in bytes (default 100 MiB). Checked before anything is read.</param>
/// <param name="MaxUncompressedXlsxBytes">Largest total declared uncompressed size of an XLSX package (default 500 MiB).</param>
/// <param name="MaxRows">Most data rows read (default 5,000,000); a longer file is rejected.</param>
/// <param name="DefaultUnit">Unit of values that carry none (no unit column / header unit). Applied only to
/// indicators whose unit it is compatible with; other indicators fall back to their own catalogue unit.</param>
/// <param name="SourceKind">Provenance kind stamped on every record.</param>
/// <param name="Period">Period of a wide table; overrides a title such as “2023年1-6月”. Ignored by long files,
/// whose rows carry their own period.</param>
/// <param name="MaxErrors">Errors listed before the rest are summarised as “…and N more” (default 1000).</param>
/// <param name="Layout">The layout to read an XLSX file as; <see cref="ImportLayout.Unknown"/> (the default) detects it,
/// <see cref="ImportLayout.Bulletin"/> forces the statistics-bureau workbook reader.</param>
/// <param name="PlausibleMultiple">A figure more than this many times its region's last comparable stored figure, or
/// under its 1/this, is refused (<see cref="LastFigureCheck"/>; the store setting <c>plausible-multiple</c>, default 10).</param>
/// <param name="ForceReason">When given, figures refused only by <paramref name="PlausibleMultiple"/> are stored anyway and
/// each is audited with the user and this reason (<c>import --force --reason</c>). Structural errors are never overridden.</param>
public sealed record ImportOptions(
    long MaxBytes = ImportOptions.DefaultMaxBytes,
    long MaxUncompressedXlsxBytes = ImportOptions.DefaultMaxUncompressedXlsxBytes,
    int MaxRows = 5_000_000,
    string? DefaultUnit = null,
    SourceKind SourceKind = SourceKind.Import,
    StatPeriod? Period = null,
    int MaxErrors = 1000,
    ImportLayout Layout = ImportLayout.Unknown,
    decimal PlausibleMultiple = 10m,
    string? ForceReason = null)
{
    public const long DefaultMaxBytes = 100L * 1024 * 1024;

    public const long DefaultMaxUncompressedXlsxBytes = 500L * 1024 * 1024;

    /// <summary>The defaults.</summary>
    public static ImportOptions Default { get; } = new();
}
