using Baiqiang.Core.Observations;

namespace Baiqiang.Storage.Import;

/// <summary>How a file lays out its observations.</summary>
public enum ImportLayout
{
    /// <summary>Not recognised (the file was rejected before its layout was known).</summary>
    Unknown = 0,

    /// <summary>One observation per row: region, indicator, period, value, unit, growth.</summary>
    Long = 1,

    /// <summary>One row per region, one column (or column group 本月/累计/同比增长%) per indicator; one period for the table.</summary>
    Wide = 2,

    /// <summary>A statistics-bureau workbook: several sheets, header blocks of one to three (merged) rows, title rows
    /// naming the period and region (see <see cref="BulletinLayoutReader"/>).</summary>
    Bulletin = 3,
}

/// <summary>
/// The outcome of reading one file: either every record, or the errors and no records at all.
/// </summary>
/// <remarks>
/// All or nothing: when <see cref="Errors"/> is non-empty <see cref="Records"/> is empty, so a caller that stores
/// <see cref="Records"/> never stores part of a bad file. Constructing a result with both throws
/// <see cref="ArgumentException"/>. <see cref="RowsRead"/> counts non-blank data rows (headers and titles excluded).
/// Records are in file order (row, then column); identical duplicate rows appear once.
/// </remarks>
public sealed record ImportResult(IReadOnlyList<ObservationRecord> Records, IReadOnlyList<ImportError> Errors, ImportLayout Layout, int RowsRead)
{
    public IReadOnlyList<ObservationRecord> Records { get; init; } = Errors.Count > 0 && Records.Count > 0
        ? throw new ArgumentException("an import with errors must not carry records / 有错误的导入结果不能带有记录", nameof(Records))
        : Records;

    /// <summary>For a bulletin workbook, how each figure column's header was understood (what <c>import --dry-run</c> prints); empty otherwise.</summary>
    public IReadOnlyList<HeaderMapping> Mapping { get; init; } = [];

    /// <summary>True when the file was read without any error.</summary>
    public bool Success => Errors.Count == 0;

    internal static ImportResult Failed(ImportError error, ImportLayout layout = ImportLayout.Unknown) => new([], [error], layout, 0);
}
