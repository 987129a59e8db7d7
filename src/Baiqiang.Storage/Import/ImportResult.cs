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

    /// <summary>What was read and may be stored but deserves a look (current-price growth for an indicator published at
    /// comparable prices); never a reason to refuse the file.</summary>
    public IReadOnlyList<ImportError> Warnings { get; init; } = [];

    /// <summary>The indicator names the file used that the catalogue does not hold, each with its unit, row count and the
    /// closest catalogue names; each also has one error in <see cref="Errors"/>.</summary>
    public IReadOnlyList<UnknownIndicator> UnknownIndicators { get; init; } = [];

    /// <summary>True when the file's only errors are its unknown indicators (so adding them could let it import).</summary>
    public bool OnlyUnknownIndicators => UnknownIndicators.Count > 0 && Errors.Count == UnknownIndicators.Count;

    /// <summary>True when the file was read without any error.</summary>
    public bool Success => Errors.Count == 0;

    internal static ImportResult Failed(ImportError error, ImportLayout layout = ImportLayout.Unknown) => new([], [error], layout, 0);
}

/// <summary>An indicator name a file used that the catalogue does not hold.</summary>
/// <param name="Name">The name as written (first spelling met).</param>
/// <param name="Unit">The unit the file gives its figures in (the first one met), or null when it gives none.</param>
/// <param name="Rows">How many rows (or header cells) use it.</param>
/// <param name="FirstRow">Where it first occurs: the row, or null for a whole-file position.</param>
/// <param name="Column">The column (header text or cell) where it first occurs.</param>
/// <param name="Closest">The closest catalogue indicators, best first.</param>
public sealed record UnknownIndicator(string Name, Baiqiang.Core.Quantities.Unit? Unit, int Rows, int? FirstRow, string? Column, IReadOnlyList<Baiqiang.Core.Indicators.Indicator> Closest);
