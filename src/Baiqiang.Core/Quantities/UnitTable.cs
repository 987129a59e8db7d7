using System.Globalization;
using Baiqiang.Core.Text;

namespace Baiqiang.Core.Quantities;

/// <summary>One row of a unit table: a stable code, the unit (symbol, dimension, exact factor) and the other spellings files use.</summary>
/// <param name="Code">Lower-case ASCII code (<c>wan_yuan</c>), unique in the table.</param>
/// <param name="Unit">The unit; its symbol is the Chinese name (万元).</param>
/// <param name="Aliases">Other spellings (万度 for 万千瓦时); traditional forms need not be listed, lookups fold them.</param>
public sealed record UnitDefinition(string Code, Unit Unit, IReadOnlyList<string> Aliases)
{
    /// <summary>Checks a unit code: lower-case ASCII letters, digits and '_', starting with a letter, at most 32 characters.</summary>
    public static Bilingual? ValidateCode(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (code.Length is 0 or > 32 || code[0] is < 'a' or > 'z' || code.Any(c => c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '_')))
        {
            return new Bilingual($"单位代码“{code}”无效(小写字母开头,仅含小写字母、数字和下划线,最多32个字符)",
                $"unit code '{code}' is invalid (a lower-case letter first, then lower-case letters, digits or '_', at most 32 characters)");
        }

        return null;
    }
}

/// <summary>
/// The units an office's files may use (the store's <c>units</c> table, or the shipped seed), with one lookup: a symbol,
/// alias or code resolves through a single dictionary after <see cref="ChineseText.Normalize"/> (萬元 → 万元, ％ → %),
/// ignoring white space.
/// </summary>
/// <remarks>The empty symbol always resolves to <see cref="Unit.None"/> (a figure without a unit). Conversions stay exact
/// within one dimension: amounts convert by the ratio of the two exact decimal factors (<see cref="Amount.ConvertTo"/>).</remarks>
public sealed class UnitTable
{
    private readonly Dictionary<string, UnitDefinition> _index = new(StringComparer.OrdinalIgnoreCase);

    public UnitTable(IEnumerable<UnitDefinition> units)
    {
        ArgumentNullException.ThrowIfNull(units);
        All = [.. units];
        foreach (var u in All)
        {
            _index.TryAdd(Key(u.Unit.Symbol), u);
        }

        foreach (var u in All)
        {
            _index.TryAdd(Key(u.Code), u);
            foreach (var a in u.Aliases)
            {
                _index.TryAdd(Key(a), u);
            }
        }
    }

    /// <summary>The units shipped with Baiqiang: every built-in <see cref="Unit"/> with the spellings files use. It seeds the store.</summary>
    public static UnitTable Shipped { get; } = new(ShippedDefinitions());

    /// <summary>Every unit, in table order.</summary>
    public IReadOnlyList<UnitDefinition> All { get; }

    /// <summary>Finds a unit by symbol (万元, 萬元), alias (万度) or code (<c>wan_yuan</c>); the empty text is <see cref="Unit.None"/>.</summary>
    public bool TryFind(string? text, out Unit unit)
    {
        if (Definition(text) is { } d)
        {
            unit = d.Unit;
            return true;
        }

        unit = Unit.None;
        return text is not null && text.Trim().Length == 0;
    }

    /// <summary>The table's row for a symbol, alias or code; null when none.</summary>
    public UnitDefinition? Definition(string? text) => text is null ? null : _index.GetValueOrDefault(Key(text));

    /// <summary>The table's unit of a stored symbol (resolving an office's own units that <see cref="Unit.TryFind"/> does not know);
    /// the unit itself when the table does not hold it.</summary>
    public Unit Resolve(Unit unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return unit.Symbol.Length > 0 && Definition(unit.Symbol) is { } d ? d.Unit : unit;
    }

    /// <summary>Symbols that start with <paramref name="prefix"/> (for “亿” alone: 亿元, 亿千瓦时 …), in table order.</summary>
    public IReadOnlyList<string> SymbolsStartingWith(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var p = ChineseText.Normalize(prefix.Trim());
        return p.Length == 0 ? [] : [.. All.Select(u => u.Unit.Symbol).Where(s => s.StartsWith(p, StringComparison.Ordinal))];
    }

    /// <summary>The dictionary key: normalised (traditional → simplified, full-width → ASCII), without white space.</summary>
    public static string Key(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = ChineseText.Normalize(text.Trim());
        return t.Contains(' ', StringComparison.Ordinal) ? t.Replace(" ", string.Empty, StringComparison.Ordinal) : t;
    }

    /// <summary>The dimension's code as the table stores it: money, count, percent, percentage_point, multiple, area, mass,
    /// energy, length, volume, currency_usd, power, coal_equivalent, dimensionless.</summary>
    public static string DimensionText(Dimension dimension) => dimension switch
    {
        Dimension.Money => "money",
        Dimension.Count => "count",
        Dimension.Percent => "percent",
        Dimension.PercentagePoint => "percentage_point",
        Dimension.Multiple => "multiple",
        Dimension.Area => "area",
        Dimension.Mass => "mass",
        Dimension.Energy => "energy",
        Dimension.Length => "length",
        Dimension.Volume => "volume",
        Dimension.UsDollar => "currency_usd",
        Dimension.Power => "power",
        Dimension.CoalEquivalent => "coal_equivalent",
        _ => "dimensionless",
    };

    /// <summary>The dimension's Chinese name (货币, 计数, 百分比 …).</summary>
    public static string DimensionZh(Dimension dimension) => dimension switch
    {
        Dimension.Money => "货币",
        Dimension.Count => "计数",
        Dimension.Percent => "百分比",
        Dimension.PercentagePoint => "百分点",
        Dimension.Multiple => "倍数",
        Dimension.Area => "面积",
        Dimension.Mass => "质量",
        Dimension.Energy => "能量",
        Dimension.Length => "长度",
        Dimension.Volume => "体积",
        Dimension.UsDollar => "美元",
        Dimension.Power => "功率",
        Dimension.CoalEquivalent => "标准煤",
        _ => "无量纲",
    };

    /// <summary>Reads a dimension from its code (<see cref="DimensionText"/>) or Chinese name (货币, 面积, 电量 …).</summary>
    public static ParseResult<Dimension> ParseDimension(string? text)
    {
        var t = (text ?? string.Empty).Trim().ToLowerInvariant();
        Dimension? d = t switch
        {
            "money" or "货币" or "金额" => Dimension.Money,
            "count" or "计数" or "数量" => Dimension.Count,
            "percent" or "percentage" or "百分比" => Dimension.Percent,
            "percentage_point" or "百分点" => Dimension.PercentagePoint,
            "multiple" or "倍数" => Dimension.Multiple,
            "area" or "面积" => Dimension.Area,
            "mass" or "质量" or "重量" => Dimension.Mass,
            "energy" or "能量" or "电量" => Dimension.Energy,
            "length" or "长度" => Dimension.Length,
            "volume" or "体积" => Dimension.Volume,
            "currency_usd" or "currency-usd" or "usd" or "美元" => Dimension.UsDollar,
            "power" or "功率" => Dimension.Power,
            "coal_equivalent" or "标准煤" => Dimension.CoalEquivalent,
            "dimensionless" or "无量纲" => Dimension.Dimensionless,
            _ => null,
        };
        return d is { } found
            ? ParseResult<Dimension>.Ok(found)
            : ParseResult<Dimension>.Fail(
                $"量纲“{text}”无效(money、count、percent、percentage_point、multiple、area、mass、energy、length、volume、currency_usd、power、coal_equivalent、dimensionless)",
                $"dimension '{text}' is invalid (money, count, percent, percentage_point, multiple, area, mass, energy, length, volume, currency_usd, power, coal_equivalent or dimensionless)");
    }

    /// <summary>The factor as the table writes it: invariant, exact (every digit of the decimal), no exponent.</summary>
    public static string FactorText(decimal factor) => factor.ToString(CultureInfo.InvariantCulture);

    private static IEnumerable<UnitDefinition> ShippedDefinitions()
    {
        UnitDefinition D(string code, Unit unit, params string[] aliases) => new(code, unit, aliases);
        return
        [
            D("yuan", Unit.Yuan), D("wan_yuan", Unit.WanYuan), D("yi_yuan", Unit.YiYuan), D("wan_yi_yuan", Unit.WanYiYuan),
            D("percent", Unit.Percent, "％"), D("percentage_point", Unit.PercentagePoint, "百分点", "pp"), D("times", Unit.Times),
            D("ge", Unit.Ge), D("jia", Unit.Jia), D("hu", Unit.Hu), D("xiang", Unit.Xiang), D("ren", Unit.Ren), D("wan_ren", Unit.WanRen),
            D("jian", Unit.Jian), D("tiao", Unit.Tiao), D("bi", Unit.Bi), D("ci", Unit.Ci), D("ming", Unit.Ming), D("wei", Unit.Wei),
            D("tai", Unit.Tai), D("liang", Unit.Liang), D("zhi", Unit.Zhi), D("wan_jia", Unit.WanJia), D("wan_hu", Unit.WanHu),
            D("yi_zhi", Unit.YiZhi), D("wan_zhi", Unit.WanZhi), D("wan_jian", Unit.WanJian), D("ren_ci", Unit.RenCi),
            D("wan_ren_ci", Unit.WanRenCi), D("teu", Unit.Teu, "TEU", "标箱"), D("wan_teu", Unit.WanTeu, "万TEU", "万标箱"),
            D("tou", Unit.Tou), D("wan_tou", Unit.WanTou),
            D("square_metre", Unit.SquareMetre, "m2", "㎡"), D("wan_square_metre", Unit.WanSquareMetre, "万㎡"), D("mu", Unit.Mu),
            D("wan_mu", Unit.WanMu), D("hectare", Unit.Hectare), D("square_kilometre", Unit.SquareKilometre, "平方千米"),
            D("ton", Unit.Ton), D("wan_ton", Unit.WanTon), D("kilogram", Unit.Kilogram, "公斤"),
            D("kilowatt_hour", Unit.KilowattHour, "度"), D("wan_kilowatt_hour", Unit.WanKilowattHour, "万度"),
            D("yi_kilowatt_hour", Unit.YiKilowattHour, "亿度"),
            D("metre", Unit.Metre), D("kilometre", Unit.Kilometre), D("micrometre", Unit.Micrometre),
            D("cubic_metre", Unit.CubicMetre), D("wan_cubic_metre", Unit.WanCubicMetre),

            // Added by migration MoreShippedUnits (stores seeded before it get them there).
            D("yu", Unit.Yu), D("bai_yu", Unit.BaiYu), D("wan_yu", Unit.WanYu), D("kilowatt", Unit.Kilowatt, "kW"), D("wan_kilowatt", Unit.WanKilowatt, "万kW"),
            D("ton_coal_equivalent", Unit.TonCoalEquivalent, "吨标煤", "tce"), D("wan_ton_coal_equivalent", Unit.WanTonCoalEquivalent, "万吨标煤", "万tce"),
            D("usd", Unit.UsDollar, "USD"), D("wan_usd", Unit.WanUsDollar, "万USD"), D("yi_usd", Unit.YiUsDollar, "亿USD"),
        ];
    }
}
