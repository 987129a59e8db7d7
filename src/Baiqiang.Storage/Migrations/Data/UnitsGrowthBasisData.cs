using Baiqiang.Core.Quantities;
using Baiqiang.Storage.Units;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Baiqiang.Storage.Migrations.Data;

/// <summary>Hand-written part of migration <c>UnitsGrowthBasis</c> (both providers): seeds the <c>units</c> table with the
/// units Baiqiang shipped in code until then (<see cref="UnitTable.Shipped"/>), so conversions behave as before.
/// Existing observations keep <c>growth_basis</c> null (unstated).</summary>
internal static class UnitsGrowthBasisData
{
    public static void Up(MigrationBuilder migrationBuilder)
    {
        foreach (var definition in UnitTable.Shipped.All)
        {
            var row = UnitEntity.From(definition, isBuiltin: true);
            migrationBuilder.InsertData(
                table: "units",
                columns: ["code", "symbol", "name_en", "dimension", "factor", "count_noun", "aliases", "is_builtin"],
                values: [row.Code, row.Symbol, row.NameEn, row.Dimension, UnitTable.FactorText(row.Factor), row.CountNoun, row.Aliases, true]);
        }
    }
}
