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

    public static async Task ReadAsync(RowSource rows, string[] header, int headerRow, ImportSession session, CancellationToken ct)
    {
        session.Layout = ImportLayout.Long;
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

        if (session.HasErrors)
        {
            return;
        }

        int Col(LongColumn primary, LongColumn secondary = LongColumn.None)
            => index.TryGetValue(primary, out var i) ? i : index.TryGetValue(secondary, out var j) ? j : -1;

        var region = Col(LongColumn.Region, LongColumn.RegionName);
        var indicator = Col(LongColumn.Indicator, LongColumn.IndicatorName);
        var period = Col(LongColumn.Period);
        var value = Col(LongColumn.Value);
        var unit = Col(LongColumn.Unit);
        var growth = Col(LongColumn.Growth);
        var qualifier = Col(LongColumn.Qualifier);
        var source = Col(LongColumn.Source);
        var sourceKind = session.Options.SourceKind;

        while (await rows.ReadAsync(ct).ConfigureAwait(false))
        {
            if (rows.IsBlank)
            {
                continue;
            }

            var row = rows.RowNumber;
            if (!session.CountRow(row))
            {
                return;
            }

            var ok = true;
            var r = session.Region(rows.Field(region));
            if (!r.Success)
            {
                session.Error(row, header[region], r.Error!.Value);
                ok = false;
            }

            var ind = session.Indicator(rows.Field(indicator));
            if (ind is null)
            {
                session.Error(row, header[indicator], ImportSession.UnknownIndicator(rows.Field(indicator)));
                ok = false;
            }

            var p = session.Period(rows.Field(period));
            if (!p.Success)
            {
                session.Error(row, header[period], p.Error!.Value);
                ok = false;
            }

            var valueCell = rows.Field(value);
            // A growth-only row (value blank, growth given) is a published fact: "同比增长9.8%" without the level.
            var valueBlank = ImportText.IsNoData(valueCell) && growth >= 0 && !ImportText.IsNoData(rows.Field(growth));
            decimal v = 0;
            var valueOk = valueBlank || (ind is not null && ind.Indicator.Unit.Dimension == Dimension.Percent
                ? ImportText.TryParsePercent(valueCell, out v)
                : ImportText.TryParseDecimal(valueCell, out v));
            if (!valueOk)
            {
                session.Error(row, header[value], ImportSession.NotANumber(valueCell));
                ok = false;
            }

            decimal? g = null;
            if (growth >= 0 && !ImportText.IsNoData(rows.Field(growth)))
            {
                if (ImportText.TryParsePercent(rows.Field(growth), out var gv))
                {
                    g = gv;
                }
                else
                {
                    session.Error(row, header[growth], ImportSession.GrowthNotANumber(rows.Field(growth)));
                    ok = false;
                }
            }

            Unit? u = null;
            var unitOk = true;
            if (unit >= 0 && !rows.Field(unit).IsWhiteSpace())
            {
                var pu = session.Unit(rows.Field(unit));
                if (pu.Success)
                {
                    u = pu.Value;
                }
                else
                {
                    session.Error(row, header[unit], pu.Error!.Value);
                    unitOk = false;
                }
            }

            var q = Qualifier.Exact;
            if (qualifier >= 0 && !ImportText.TryParseQualifier(rows.Field(qualifier), out q))
            {
                session.Error(row, header[qualifier],
                    $"无法识别限定词“{rows.Field(qualifier).Trim()}”(应为 余、近、超、以上、约、以下 或留空)",
                    $"cannot read qualifier '{rows.Field(qualifier).Trim()}' (expected More, Nearly, Over, AtLeast, About, AtMost or empty)");
                ok = false;
            }

            if (ind is null || !valueOk || !unitOk)
            {
                continue;
            }

            if (valueBlank)
            {
                if (ok)
                {
                    var growthOnlyReference = source >= 0 ? session.SourceReference(rows.Field(source)) : session.File;
                    session.Add(
                        new ObservationRecord(r.Value, ind.Indicator.Code, p.Value, null, ind.Indicator.Unit, g, q, new ObservationSource(sourceKind, growthOnlyReference, row)),
                        ind.Id);
                }

                continue;
            }

            if (session.ToIndicatorUnit(v, u, ind.Indicator, out var converted) is { } unitError)
            {
                session.Error(row, unit >= 0 && u is not null ? header[unit] : header[value], unitError);
                continue;
            }

            if (converted < 0 && !ind.Indicator.AllowsNegative)
            {
                session.Error(row, header[value], ImportSession.Negative(v, ind.Indicator));
                continue;
            }

            if (!ok)
            {
                continue;
            }

            var reference = source >= 0 ? session.SourceReference(rows.Field(source)) : session.File;
            session.Add(
                new ObservationRecord(r.Value, ind.Indicator.Code, p.Value, converted, ind.Indicator.Unit, g, q, new ObservationSource(sourceKind, reference, row)),
                ind.Id);
        }
    }
}
