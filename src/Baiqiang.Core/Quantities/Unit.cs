namespace Baiqiang.Core.Quantities;

/// <summary>What a unit measures. Amounts convert only within one dimension.</summary>
public enum Dimension
{
    Money = 1,
    /// <summary>Counts of things: 个, 家, 户, 项, 人 … (each count unit is its own dimension member, see <see cref="Unit.CountNoun"/>).</summary>
    Count = 2,
    /// <summary>A percentage (增长7.8%, 占比55.9%).</summary>
    Percent = 3,
    /// <summary>A difference of percentages (回落2.1个百分点, 拉动5.6个百分点). Never a percent.</summary>
    PercentagePoint = 4,
    /// <summary>A multiple (增长3倍, 1.4倍).</summary>
    Multiple = 5,
    Area = 6,
    Mass = 7,
    Energy = 8,
    Length = 9,
    Volume = 10,
    /// <summary>A plain number without a unit (an index, a ratio).</summary>
    Dimensionless = 11,
    /// <summary>US dollars (实际利用外资2850万美元): a currency of its own, never converted to 元 (no exchange rate is assumed).</summary>
    UsDollar = 12,
    /// <summary>Power, as installed capacity (装机容量56万千瓦): not energy (千瓦时).</summary>
    Power = 13,
    /// <summary>Energy counted in standard coal (综合能源消费量12.3万吨标准煤): not converted to 千瓦时 or to 吨 of anything.</summary>
    CoalEquivalent = 14,
}

/// <summary>
/// A unit of measure as Chinese reports print it: 亿元, 万元, 家, 个百分点, 亩, 万吨, 千瓦时 ….
/// </summary>
/// <remarks>
/// A unit is a symbol, a dimension and an exact decimal factor to the dimension's base unit (元 for money,
/// 平方米 for area, 吨 for mass, 千瓦时 for energy; for counts the base is one of the same noun, so 万家 = 10,000 家).
/// Count units carry their noun (家, 个 …): 家 and 个 are both counts but do not convert into each other.
/// Units are compared by symbol; use the static instances or <see cref="TryFind"/>.
/// </remarks>
public sealed record Unit
{
    private Unit(string symbol, Dimension dimension, decimal factor, string? countNoun = null, string? englishName = null)
    {
        Symbol = symbol;
        Dimension = dimension;
        Factor = factor;
        CountNoun = countNoun;
        EnglishName = englishName ?? symbol;
    }

    /// <summary>The Chinese symbol, e.g. 亿元. Unique among units.</summary>
    public string Symbol { get; }

    public Dimension Dimension { get; }

    /// <summary>How many base units one of this unit is: 亿元 → 100,000,000 (元).</summary>
    public decimal Factor { get; }

    /// <summary>For counts, the measure word (家, 个, 户 …); null otherwise.</summary>
    public string? CountNoun { get; }

    public string EnglishName { get; }

    /// <summary>True when amounts in this unit can be converted to <paramref name="other"/> (the same symbol always can).</summary>
    public bool IsCompatibleWith(Unit other) => Equals(other) || (Dimension == other.Dimension && string.Equals(CountNoun, other.CountNoun, StringComparison.Ordinal));

    public bool Equals(Unit? other) => other is not null && string.Equals(Symbol, other.Symbol, StringComparison.Ordinal);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Symbol);

    public override string ToString() => Symbol;

    // Money
    public static readonly Unit Yuan = new("元", Dimension.Money, 1m, englishName: "yuan");
    public static readonly Unit WanYuan = new("万元", Dimension.Money, 10_000m, englishName: "10k yuan");
    public static readonly Unit YiYuan = new("亿元", Dimension.Money, 100_000_000m, englishName: "100m yuan");
    public static readonly Unit WanYiYuan = new("万亿元", Dimension.Money, 1_000_000_000_000m, englishName: "trillion yuan");

    // Ratios
    public static readonly Unit Percent = new("%", Dimension.Percent, 1m, englishName: "%");
    public static readonly Unit PercentagePoint = new("个百分点", Dimension.PercentagePoint, 1m, englishName: "percentage points");
    public static readonly Unit Times = new("倍", Dimension.Multiple, 1m, englishName: "times");
    public static readonly Unit None = new("", Dimension.Dimensionless, 1m, englishName: "");

    // Counts (each noun its own family; 万X = 10,000 X)
    public static readonly Unit Ge = Count("个");
    public static readonly Unit Jia = Count("家");
    public static readonly Unit Hu = Count("户");
    public static readonly Unit Xiang = Count("项");
    public static readonly Unit Ren = Count("人");
    public static readonly Unit WanRen = new("万人", Dimension.Count, 10_000m, "人", "10k persons");
    public static readonly Unit Jian = Count("件");
    public static readonly Unit Tiao = Count("条");
    public static readonly Unit Bi = Count("笔");
    public static readonly Unit Ci = Count("次");
    public static readonly Unit Ming = Count("名");
    public static readonly Unit Wei = Count("位");
    public static readonly Unit Tai = Count("台");
    public static readonly Unit Liang = Count("辆");
    public static readonly Unit Zhi = Count("只");
    public static readonly Unit WanJia = new("万家", Dimension.Count, 10_000m, "家", "10k firms");
    public static readonly Unit WanHu = new("万户", Dimension.Count, 10_000m, "户", "10k households");
    public static readonly Unit YiZhi = new("亿只", Dimension.Count, 100_000_000m, "只", "100m pieces");
    public static readonly Unit WanZhi = new("万只", Dimension.Count, 10_000m, "只", "10k pieces");
    public static readonly Unit WanJian = new("万件", Dimension.Count, 10_000m, "件", "10k items");
    public static readonly Unit RenCi = Count("人次", "person-times");
    public static readonly Unit WanRenCi = new("万人次", Dimension.Count, 10_000m, "人次", "10k person-times");
    public static readonly Unit Teu = Count("标准箱", "TEU");
    public static readonly Unit WanTeu = new("万标准箱", Dimension.Count, 10_000m, "标准箱", "10k TEU");
    public static readonly Unit Tou = Count("头", "head");
    public static readonly Unit WanTou = new("万头", Dimension.Count, 10_000m, "头", "10k head");
    public static readonly Unit Yu = Count("羽", "birds"); // poultry: 家禽出栏125.6万羽
    public static readonly Unit BaiYu = new("百羽", Dimension.Count, 100m, "羽", "100 birds");
    public static readonly Unit WanYu = new("万羽", Dimension.Count, 10_000m, "羽", "10k birds");

    // Area (base: 平方米)
    public static readonly Unit SquareMetre = new("平方米", Dimension.Area, 1m, englishName: "m²");
    public static readonly Unit WanSquareMetre = new("万平方米", Dimension.Area, 10_000m, englishName: "10k m²");
    public static readonly Unit Mu = new("亩", Dimension.Area, 2_000m / 3m, englishName: "mu");
    public static readonly Unit WanMu = new("万亩", Dimension.Area, 20_000_000m / 3m, englishName: "10k mu");
    public static readonly Unit Hectare = new("公顷", Dimension.Area, 10_000m, englishName: "ha");
    public static readonly Unit SquareKilometre = new("平方公里", Dimension.Area, 1_000_000m, englishName: "km²");

    // Mass (base: 吨)
    public static readonly Unit Ton = new("吨", Dimension.Mass, 1m, englishName: "t");
    public static readonly Unit WanTon = new("万吨", Dimension.Mass, 10_000m, englishName: "10k t");
    public static readonly Unit Kilogram = new("千克", Dimension.Mass, 0.001m, englishName: "kg");

    // Energy (base: 千瓦时)
    public static readonly Unit KilowattHour = new("千瓦时", Dimension.Energy, 1m, englishName: "kWh");
    public static readonly Unit WanKilowattHour = new("万千瓦时", Dimension.Energy, 10_000m, englishName: "10k kWh");
    public static readonly Unit YiKilowattHour = new("亿千瓦时", Dimension.Energy, 100_000_000m, englishName: "100m kWh");

    // Power (base: 千瓦)
    public static readonly Unit Kilowatt = new("千瓦", Dimension.Power, 1m, englishName: "kW");
    public static readonly Unit WanKilowatt = new("万千瓦", Dimension.Power, 10_000m, englishName: "10k kW");

    // Energy in standard coal (base: 吨标准煤)
    public static readonly Unit TonCoalEquivalent = new("吨标准煤", Dimension.CoalEquivalent, 1m, englishName: "tce");
    public static readonly Unit WanTonCoalEquivalent = new("万吨标准煤", Dimension.CoalEquivalent, 10_000m, englishName: "10k tce");

    // US dollars (base: 美元)
    public static readonly Unit UsDollar = new("美元", Dimension.UsDollar, 1m, englishName: "USD");
    public static readonly Unit WanUsDollar = new("万美元", Dimension.UsDollar, 10_000m, englishName: "10k USD");
    public static readonly Unit YiUsDollar = new("亿美元", Dimension.UsDollar, 100_000_000m, englishName: "100m USD");

    // Length (base: 米)
    public static readonly Unit Metre = new("米", Dimension.Length, 1m, englishName: "m");
    public static readonly Unit Kilometre = new("公里", Dimension.Length, 1_000m, englishName: "km");
    public static readonly Unit Micrometre = new("微米", Dimension.Length, 0.000001m, englishName: "µm");

    // Volume (base: 立方米)
    public static readonly Unit CubicMetre = new("立方米", Dimension.Volume, 1m, englishName: "m³");
    public static readonly Unit WanCubicMetre = new("万立方米", Dimension.Volume, 10_000m, englishName: "10k m³");

    /// <summary>A unit an office defines (a row of the store's unit table): 万亩, 万千瓦时, 吨标准煤 ….</summary>
    /// <param name="symbol">The Chinese symbol, non-empty.</param>
    /// <param name="dimension">What it measures.</param>
    /// <param name="factor">Base units in one of it, positive (亩 → 666.67 平方米).</param>
    /// <param name="countNoun">For counts, the noun it counts (辆 for 万辆); the symbol itself when null and the factor is 1.</param>
    /// <param name="englishName">English name; the symbol when empty.</param>
    public static Unit Define(string symbol, Dimension dimension, decimal factor, string? countNoun = null, string? englishName = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(factor);
        if (dimension == Dimension.Count && string.IsNullOrEmpty(countNoun))
        {
            countNoun = symbol.Trim();
        }

        return new Unit(symbol.Trim(), dimension, factor, dimension == Dimension.Count ? countNoun : null, string.IsNullOrWhiteSpace(englishName) ? null : englishName);
    }

    /// <summary>A stored symbol no built-in unit has (an office's own), before the store's unit table resolves it:
    /// it converts only to itself.</summary>
    public static Unit Unresolved(string symbol) => new(symbol, Dimension.Dimensionless, 1m, countNoun: "\u0000" + symbol);

    private static Unit Count(string noun, string? englishName = null) => new(noun, Dimension.Count, 1m, noun, englishName ?? noun);

    /// <summary>Every built-in unit, longest symbol first (so 万亿元 is tried before 亿元 when matching text).</summary>
    public static IReadOnlyList<Unit> All { get; } =
    [
        .. new[]
        {
            Yuan, WanYuan, YiYuan, WanYiYuan, Percent, PercentagePoint, Times, Ge, Jia, Hu, Xiang, Ren, WanRen, Jian, Tiao, Bi, Ci,
            Ming, Wei, Tai, Liang, Zhi, WanJia, WanHu, YiZhi, WanZhi, WanJian, RenCi, WanRenCi, Teu, WanTeu, Tou, WanTou, SquareMetre, WanSquareMetre, Mu, WanMu, Hectare, SquareKilometre,
            Ton, WanTon, Kilogram, KilowattHour, WanKilowattHour, YiKilowattHour, Metre, Kilometre, Micrometre, CubicMetre, WanCubicMetre,
            Yu, BaiYu, WanYu, Kilowatt, WanKilowatt, TonCoalEquivalent, WanTonCoalEquivalent, UsDollar, WanUsDollar, YiUsDollar,
        }.OrderByDescending(u => u.Symbol.Length),
    ];

    private static readonly Dictionary<string, Unit> BySymbol = BuildIndex();

    private static Dictionary<string, Unit> BuildIndex()
    {
        var d = new Dictionary<string, Unit>(StringComparer.Ordinal);
        foreach (var u in All)
        {
            d[u.Symbol] = u;
        }

        d[""] = None;
        // Common aliases seen in files and reports.
        d["％"] = Percent;
        d["百分点"] = PercentagePoint;
        d["pp"] = PercentagePoint;
        d["平方公里"] = SquareKilometre;
        d["平方千米"] = SquareKilometre;
        d["m2"] = SquareMetre;
        d["㎡"] = SquareMetre;
        d["万㎡"] = WanSquareMetre;
        d["万m2"] = WanSquareMetre; // 万㎡ after NFKC
        d["吨标煤"] = TonCoalEquivalent;
        d["万吨标煤"] = WanTonCoalEquivalent;
        d["度"] = KilowattHour;
        d["万度"] = WanKilowattHour;
        d["亿度"] = YiKilowattHour;
        d["公斤"] = Kilogram;
        d["TEU"] = Teu;
        d["万TEU"] = WanTeu;
        d["万标箱"] = WanTeu;
        d["标箱"] = Teu;
        return d;
    }

    /// <summary>Finds a unit by symbol or alias (exact, ordinal).</summary>
    public static bool TryFind(string symbol, out Unit unit)
    {
        if (BySymbol.TryGetValue(symbol.Trim(), out var u))
        {
            unit = u;
            return true;
        }

        unit = None;
        return false;
    }

    /// <summary>Finds a unit by symbol or alias, throwing <see cref="FormatException"/> with a bilingual message.</summary>
    public static Unit Find(string symbol) => TryFind(symbol, out var u)
        ? u
        : throw new FormatException($"未知计量单位“{symbol}” / unknown unit '{symbol}'");
}
