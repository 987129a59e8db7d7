using System.Globalization;
using Baiqiang.Core.Indicators;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Quantities;
using Baiqiang.Core.Regions;
using Baiqiang.Core.Text;
using Baiqiang.Storage.Lookups;
using Microsoft.EntityFrameworkCore;

namespace Baiqiang.Storage.Extraction;

/// <summary>
/// What a reviewer typed to change a pending fact — the CLI's <c>review edit</c> options or the web review form — each
/// field as text; null or blank leaves the field as it is.
/// </summary>
public sealed record FactEditText(
    string? Region = null,
    string? Indicator = null,
    string? Period = null,
    string? Value = null,
    string? Unit = null,
    string? Growth = null,
    string? Kind = null)
{
    /// <summary>True when no field was given.</summary>
    public bool IsEmpty =>
        new[] { Region, Indicator, Period, Value, Unit, Growth, Kind }.All(string.IsNullOrWhiteSpace);
}

/// <summary>A parsed <see cref="FactEditText"/>: the edit, or the bilingual reason each bad field was refused (keyed region, indicator, period, value, unit, growth).</summary>
public sealed record FactEditParse(FactEdit? Edit, IReadOnlyDictionary<string, Bilingual> Errors)
{
    public bool Success => Errors.Count == 0;
}

/// <summary>
/// Reads a reviewer's typed edit against the store, the one reading the CLI and the web share: region by code or name
/// (traditional characters read too), indicator by code, name or alias from the store's catalogue, period canonical
/// (2023-01..06) or Chinese (2023年1-6月; 上半年 against the document's date), value and growth as numbers (full-width digits
/// read), unit by symbol. Nothing is stored here; <see cref="ExtractionStore.EditAsync"/> applies the edit.
/// </summary>
public static class FactEditReader
{
    /// <summary>Parses <paramref name="text"/> for fact <paramref name="factId"/> (its document's date resolves relative periods).</summary>
    public static async Task<FactEditParse> ParseAsync(BaiqiangDbContext db, long factId, FactEditText text, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(text);
        var reference = await db.PendingFacts.AsNoTracking().Where(f => f.Id == factId)
            .Join(db.ExtractionDocuments.AsNoTracking(), f => f.DocumentId, d => d.Id, (_, d) => d.ReferenceDate)
            .FirstOrDefaultAsync(ct);
        var lookups = await StoreLookups.LoadAsync(db, ct, reference);
        var errors = new Dictionary<string, Bilingual>(StringComparer.Ordinal);

        RegionCode? region = null;
        if (Given(text.Region) is { } r)
        {
            var parsed = lookups.ResolveRegion(r);
            if (parsed.Success)
            {
                region = parsed.Value;
            }
            else if (RegionCode.TryParse(r.Trim(), out var code))
            {
                // A well-formed code the store's region table does not hold (no `regions import` yet): `review edit`
                // took it before names were read here, and accepting such a fact works, so it is kept.
                region = code;
            }
            else
            {
                errors["region"] = parsed.Error!.Value;
            }
        }

        IndicatorCode? indicator = null;
        if (Given(text.Indicator) is { } i)
        {
            if ((lookups.FindIndicator(i) ?? lookups.FindIndicator(ChineseText.Normalize(i))) is { } found)
            {
                indicator = found.Code;
            }
            else
            {
                var close = lookups.ClosestIndicators(i).Take(3).Select(x => x.NameZh).ToList();
                errors["indicator"] = close.Count == 0
                    ? new Bilingual($"未知指标“{i}”", $"unknown indicator '{i}'")
                    : new Bilingual($"未知指标“{i}”,是否指:{string.Join("、", close)}", $"unknown indicator '{i}'; did you mean {string.Join(", ", close)}");
            }
        }

        StatPeriod? period = null;
        if (Given(text.Period) is { } p)
        {
            var parsed = lookups.ParsePeriod(ChineseText.Normalize(p));
            if (parsed.Success)
            {
                period = parsed.Value;
            }
            else
            {
                errors["period"] = parsed.Error!.Value;
            }
        }

        var value = Number(text.Value, "value", "数值", "value", errors);
        var growth = Number(text.Growth, "growth", "增速", "growth", errors);

        Unit? unit = null;
        if (Given(text.Unit) is { } u)
        {
            if (Unit.TryFind(ChineseText.Normalize(u), out var found))
            {
                unit = found;
            }
            else
            {
                errors["unit"] = new Bilingual($"未知计量单位“{u}”", $"unknown unit '{u}'");
            }
        }

        return errors.Count > 0
            ? new FactEditParse(null, errors)
            : new FactEditParse(new FactEdit(region, indicator, period, value, unit, growth, Given(text.Kind)), errors);
    }

    private static string? Given(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static decimal? Number(string? text, string key, string zh, string en, Dictionary<string, Bilingual> errors)
    {
        if (Given(text) is not { } t)
        {
            return null;
        }

        var normal = ChineseText.Normalize(t).Replace("%", string.Empty, StringComparison.Ordinal).Trim();
        if (decimal.TryParse(normal, NumberStyles.Number, CultureInfo.InvariantCulture, out var v))
        {
            return v;
        }

        errors[key] = new Bilingual($"{zh}“{t}”不是数字", $"{en} '{t}' is not a number");
        return null;
    }
}
