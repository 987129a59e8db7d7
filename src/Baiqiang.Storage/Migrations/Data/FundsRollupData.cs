using Microsoft.EntityFrameworkCore.Migrations;

namespace Baiqiang.Storage.Migrations.Data;

/// <summary>Hand-written part of migration <c>FundsRollup</c> (both providers): leaves the setting
/// <see cref="Pipeline.FundsRollup.RebuildKey"/>, so <see cref="BaiqiangStore.MigrateAsync"/> fills the new
/// <c>deal_funds_rollup</c> from the stored <c>deals</c> and <c>deal_funds</c> in C# (exact decimals; SQLite would
/// add its TEXT decimals as REAL) and removes the key in the same transaction.</summary>
internal static class FundsRollupData
{
    public static void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.InsertData(table: "settings", columns: ["key", "value"], values: [Pipeline.FundsRollup.RebuildKey, "rebuild"]);
}
