using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Baiqiang.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class UnitsGrowthBasis : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "growth_basis",
                table: "observations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "units",
                columns: table => new
                {
                    code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    symbol = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    name_en = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    dimension = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    factor = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    count_noun = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    aliases = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    is_builtin = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_units", x => x.code);
                });

            migrationBuilder.CreateIndex(
                name: "ux_units_symbol",
                table: "units",
                column: "symbol",
                unique: true);

            Data.UnitsGrowthBasisData.Up(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "units");

            migrationBuilder.DropColumn(
                name: "growth_basis",
                table: "observations");
        }
    }
}
