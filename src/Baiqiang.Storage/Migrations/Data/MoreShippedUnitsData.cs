#nullable enable
using System.Globalization;
using Baiqiang.Core.Quantities;
using Baiqiang.Storage.Units;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Baiqiang.Storage.Migrations.Data;

/// <summary>Hand-written part of migration <c>MoreShippedUnits</c> (both providers): adds the units shipped since
/// <c>UnitsGrowthBasis</c> — poultry (羽, 百羽, 万羽), power (千瓦, 万千瓦), standard coal (吨标准煤, 万吨标准煤) and US dollars
/// (美元, 万美元, 亿美元, a dimension of their own that never converts to 元). A row is added only when no unit holds its code or
/// symbol yet: a store seeded after this code shipped has them from <c>UnitsGrowthBasis</c> already, and an office may have
/// added its own 万美元 with <c>baiqiang units add</c> (its row is kept).</summary>
internal static class MoreShippedUnitsData
{
    /// <summary>The codes of the units this migration adds (rows of <see cref="UnitTable.Shipped"/>).</summary>
    internal static readonly string[] Codes =
        ["yu", "bai_yu", "wan_yu", "kilowatt", "wan_kilowatt", "ton_coal_equivalent", "wan_ton_coal_equivalent", "usd", "wan_usd", "yi_usd"];

    public static void Up(MigrationBuilder migrationBuilder)
    {
        foreach (var definition in UnitTable.Shipped.All.Where(d => Codes.Contains(d.Code, StringComparer.Ordinal)))
        {
            var row = UnitEntity.From(definition, isBuiltin: true);
            migrationBuilder.Sql(string.Create(CultureInfo.InvariantCulture,
                $"""
                INSERT INTO units (code, symbol, name_en, dimension, factor, count_noun, aliases, is_builtin)
                SELECT {Text(row.Code)}, {Text(row.Symbol)}, {Text(row.NameEn)}, {Text(row.Dimension)}, {Text(UnitTable.FactorText(row.Factor))}, {Text(row.CountNoun)}, {Text(row.Aliases)}, TRUE
                WHERE NOT EXISTS (SELECT 1 FROM units WHERE code = {Text(row.Code)} OR symbol = {Text(row.Symbol)});
                """));
        }
    }

    public static void Down(MigrationBuilder migrationBuilder)
        => migrationBuilder.Sql(string.Create(CultureInfo.InvariantCulture, $"DELETE FROM units WHERE is_builtin = TRUE AND code IN ({string.Join(", ", Codes.Select(Text))});"));

    private static string Text(string? value) => value is null ? "NULL" : "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
}
