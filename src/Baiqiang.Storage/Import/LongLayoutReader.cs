using System.Runtime.CompilerServices;
using Baiqiang.Core.Observations;
using Baiqiang.Core.Quantities;

namespace Baiqiang.Storage.Import;

/// <summary>Reads the long layout: one observation per row, columns named in English or Chinese.</summary>
internal static class LongLayoutReader
{
    private static readonly (LongColumn Primary, LongColumn Secondary, string Zh, string En)[] Required =
    [
        (LongColumn.Region, LongColumn.RegionName, "地区(region)", "region"),
        (LongColumn.Indicator, LongColumn.IndicatorName, "指标(indicator)", "indicator"),
        (LongColumn.Period, LongColumn.None, "期别(period)", "period"),
        (LongColumn.Value, LongColumn.None, "数值(value)", "value"),
    ];

    /// <summary>True when the header names an indicator column, or at least three long-form columns.</summary>
    public static bool Matches(string[] header)
    {
        var kinds = header.Select(HeaderNames.ClassifyLong).Where(k => k != LongColumn.None).ToList();
        return kinds.Contains(LongColumn.Indicator) || kinds.Contains(LongColumn.IndicatorName) || kinds.Distinct().Count() >= 3;
    }

    /// <summary>The required long-form columns the header lacks, as “中文(english)” names.</summary>
    public static (List<string> Zh, List<string> En) Missing(string[] header)
    {
        var kinds = header.Select(HeaderNames.ClassifyLong).ToHashSet();
        var zh = new List<string>();
        var en = new List<string>();
        foreach (var (primary, secondary, z, e) in Required)
        {
            if (!kinds.Contains(primary) && (secondary == LongColumn.None || !kinds.Contains(secondary)))
            {
                zh.Add(z);
                en.Add(e);
            }
        }

        return (zh, en);
    }

    public static async Task ReadAsync(
        RowSource rows, string[] header, int headerRow, IReadOnlyList<(int Row, string Text)> titles, ImportSession session, CancellationToken ct)
    {
        session.Layout = ImportLayout.Long;
        if (WideLayoutReader.FileUnit(titles, session) is { } fileUnit && session.DefaultUnit is null)
        {
            session.DefaultUnit = fileUnit;
        }

        var index = new Dictionary<LongColumn, int>();
        for (var i = 0; i < header.Length; i++)
        {
            var kind = HeaderNames.ClassifyLong(header[i]);
            if (kind == LongColumn.None)
            {
                continue;
            }

            if (!index.TryAdd(kind, i))
            {
                session.Error(headerRow, header[i], $"列“{header[i]}”与“{header[index[kind]]}”重复", $"column '{header[i]}' repeats column '{header[index[kind]]}'");
            }
        }

        var (missingZh, missingEn) = Missing(header);
        if (missingZh.Count > 0)
        {
            session.Error(headerRow, null,
                $"缺少必需的列:{string.Join("、", missingZh)}",
                $"missing required columns: {string.Join(", ", missingEn)}");
        }

        Unit? headerUnit = null;
        if (index.TryGetValue(LongColumn.Value, out var valueIndex) && HeaderNames.LongHeaderUnit(header[valueIndex]) is { } unitText)
        {
            var hu = session.Unit(unitText);
            if (hu.Success)
            {
                headerUnit = hu.Value;
            }
            else
            {
                session.Error(headerRow, header[valueIndex], hu.Error!.Value);
            }
        }

        if (session.HasErrors)
        {
            return;
        }

        int Col(LongColumn primary, LongColumn secondary = LongColumn.None)
            => index.TryGetValue(primary, out var i) ? i : index.TryGetValue(secondary, out var j) ? j : -1;

        var processor = new RowProcessor(session, header)
        {
            RegionColumn = Col(LongColumn.Region, LongColumn.RegionName),
            IndicatorColumn = Col(LongColumn.Indicator, LongColumn.IndicatorName),
            PeriodColumn = Col(LongColumn.Period),
            ValueColumn = Col(LongColumn.Value),
            UnitColumn = Col(LongColumn.Unit),
            GrowthColumn = Col(LongColumn.Growth),
            QualifierColumn = Col(LongColumn.Qualifier),
            SourceColumn = Col(LongColumn.Source),
            BasisColumn = Col(LongColumn.GrowthBasis),
            CurrentPriceGrowthColumn = Col(LongColumn.CurrentPriceGrowth),
            HeaderUnit = headerUnit,
        };

        while (await rows.ReadAsync(ct).ConfigureAwait(false))
        {
            if (!processor.Process(rows))
            {
                return;
            }

            await session.FlushAsync(ct).ConfigureAwait(false);
        }
    }

    /// <summary>Validates one row and adds its record; kept synchronous and fully optimised because it runs for every row.</summary>
    private sealed class RowProcessor(ImportSession session, string[] header)
    {
        private readonly SourceKind _sourceKind = session.Options.SourceKind;
        private readonly int _headerWidth = RowSource.HeaderWidth(header);

        public required int RegionColumn { get; init; }

        public required int IndicatorColumn { get; init; }

        public required int PeriodColumn { get; init; }

        public required int ValueColumn { get; init; }

        public required int UnitColumn { get; init; }

        public required int GrowthColumn { get; init; }

        public required int QualifierColumn { get; init; }

        public required int SourceColumn { get; init; }

        /// <summary>The 增速口径 (growth_basis) column: 可比价 / 现价 / blank; -1 when the file has none.</summary>
        public required int BasisColumn { get; init; }

        /// <summary>The 同比增长(现价)% (growth_current_price_percent) column: a second growth, at current prices; -1 when the file has none.</summary>
        public required int CurrentPriceGrowthColumn { get; init; }

        /// <summary>The unit the value column's header states (数值(万元)); null when it states none.</summary>
        public Unit? HeaderUnit { get; init; }

        /// <summary>False when reading must stop (the row limit was passed).</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public bool Process(RowSource rows)
        {
            if (rows.IsBlank)
            {
                return true;
            }

            var row = rows.RowNumber;
            if (!session.CountRow(row))
            {
                return false;
            }

            if (rows.WidthError(_headerWidth, header.Length) is { } widthError)
            {
                session.Error(row, null, widthError);
                return true;
            }

            var ok = true;
            var r = session.Region(rows.Field(RegionColumn));
            if (!r.Success)
            {
                session.Error(row, header[RegionColumn], r.Error!.Value);
                ok = false;
            }

            var ind = session.Indicator(rows.Field(IndicatorColumn));
            if (ind is null)
            {
                session.UnknownIndicator(row, header[IndicatorColumn], rows.Field(IndicatorColumn));
                ok = false;
            }

            var p = session.Period(rows.Field(PeriodColumn));
            if (!p.Success)
            {
                session.Error(row, header[PeriodColumn], p.Error!.Value);
                ok = false;
            }

            var valueCell = rows.Field(ValueColumn);
            // A growth-only row (value blank, growth given) is a published fact: "同比增长9.8%" without the level.
            var valueBlank = ImportText.IsNoData(valueCell)
                && ((GrowthColumn >= 0 && !ImportText.IsNoData(rows.Field(GrowthColumn))) || (CurrentPriceGrowthColumn >= 0 && !ImportText.IsNoData(rows.Field(CurrentPriceGrowthColumn))));
            decimal v = 0;
            var valueOk = valueBlank || (ind is not null && ind.Indicator.Unit.Dimension == Dimension.Percent
                ? ImportText.TryParsePercent(valueCell, out v)
                : ImportText.TryParseDecimal(valueCell, out v));
            if (!valueOk)
            {
                session.Error(row, header[ValueColumn], ImportSession.NotANumber(valueCell));
                ok = false;
            }

            var g = Growth(rows, GrowthColumn, ref ok);
            var cg = Growth(rows, CurrentPriceGrowthColumn, ref ok);

            var basis = GrowthBasis.Unknown;
            if (BasisColumn >= 0 && !GrowthBasisText.TryParse(rows.Field(BasisColumn), out basis))
            {
                session.Error(row, header[BasisColumn], ImportSession.BadBasis(rows.Field(BasisColumn)));
                ok = false;
            }

            if (TwoGrowths.Normalise(g, basis, cg) is { } two)
            {
                (g, basis, cg) = two;
            }
            else
            {
                session.Error(row, header[CurrentPriceGrowthColumn], ImportSession.TwoCurrentPriceGrowths(g!.Value, cg!.Value));
                ok = false;
            }

            Unit? u = HeaderUnit;
            var unitOk = true;
            if (UnitColumn >= 0 && !rows.Field(UnitColumn).IsWhiteSpace())
            {
                var pu = session.Unit(rows.Field(UnitColumn));
                if (pu.Success)
                {
                    u = pu.Value;
                }
                else
                {
                    session.Error(row, header[UnitColumn], pu.Error!.Value);
                    unitOk = false;
                }
            }
            else if (UnitColumn >= 0 && u is null && session.DefaultUnit is null && !valueBlank && valueOk)
            {
                // A blank unit cell must not silently take the indicator's unit: a 万元 figure would store as 亿元.
                session.Error(row, header[UnitColumn], ImportSession.BlankUnit(ind));
                unitOk = false;
            }

            if (ind is null && unitOk)
            {
                session.UnknownIndicatorUnit(rows.Field(IndicatorColumn), u ?? session.DefaultUnit);
            }

            var q = Qualifier.Exact;
            if (QualifierColumn >= 0 && !ImportText.TryParseQualifier(rows.Field(QualifierColumn), out q))
            {
                session.Error(row, header[QualifierColumn],
                    $"无法识别限定词“{rows.Field(QualifierColumn).Trim()}”(应为 余、近、超、以上、约、以下 或留空)",
                    $"cannot read qualifier '{rows.Field(QualifierColumn).Trim()}' (expected More, Nearly, Over, AtLeast, About, AtMost or empty)");
                ok = false;
            }

            if (ind is null || !valueOk || !unitOk)
            {
                return true;
            }

            if (valueBlank)
            {
                if (ok)
                {
                    var growthOnlyReference = SourceColumn >= 0 ? session.SourceReference(rows.Field(SourceColumn)) : session.File;
                    session.Add(
                        new ObservationRecord(r.Value, ind.Indicator.Code, p.Value, null, ind.Indicator.Unit, g, q, new ObservationSource(_sourceKind, growthOnlyReference, row), basis, cg),
                        ind.Id);
                }

                return true;
            }

            if (session.ToIndicatorUnit(v, u, ind.Indicator, out var converted) is { } unitError)
            {
                session.Error(row, UnitColumn >= 0 && u is not null ? header[UnitColumn] : header[ValueColumn], unitError);
                return true;
            }

            if (ImportSession.Implausible(valueCell, v, converted) is { } rangeError)
            {
                session.Error(row, header[ValueColumn], rangeError);
                return true;
            }

            if (converted < 0 && !ind.Indicator.AllowsNegative)
            {
                session.Error(row, header[ValueColumn], ImportSession.Negative(v, ind.Indicator));
                return true;
            }

            if (!ok)
            {
                return true;
            }

            var reference = SourceColumn >= 0 ? session.SourceReference(rows.Field(SourceColumn)) : session.File;
            session.Add(
                new ObservationRecord(r.Value, ind.Indicator.Code, p.Value, converted, ind.Indicator.Unit, g, q, new ObservationSource(_sourceKind, reference, row), basis, cg),
                ind.Id);
            return true;
        }

        /// <summary>The growth in <paramref name="column"/>: null when the file has no such column or the cell is blank;
        /// a cell that is no number or no plausible growth is an error naming the cell.</summary>
        private decimal? Growth(RowSource rows, int column, ref bool ok)
        {
            if (column < 0 || ImportText.IsNoData(rows.Field(column)))
            {
                return null;
            }

            if (!ImportText.TryParsePercent(rows.Field(column), out var growth))
            {
                session.Error(rows.RowNumber, header[column], ImportSession.GrowthNotANumber(rows.Field(column)));
                ok = false;
                return null;
            }

            if (ImportSession.ImplausibleGrowth(rows.Field(column), growth) is { } growthError)
            {
                session.Error(rows.RowNumber, header[column], growthError);
                ok = false;
            }

            return growth;
        }
    }
}
