using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Baiqiang.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class FundsRollup : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "deal_funds_rollup",
                columns: table => new
                {
                    region_code = table.Column<int>(type: "integer", nullable: false),
                    month = table.Column<int>(type: "integer", nullable: false),
                    contract_month = table.Column<int>(type: "integer", nullable: false),
                    deals = table.Column<int>(type: "integer", nullable: false),
                    contracted = table.Column<decimal>(type: "numeric(28,8)", precision: 28, scale: 8, nullable: false),
                    this_month = table.Column<decimal>(type: "numeric(28,8)", precision: 28, scale: 8, nullable: false),
                    in_place_change = table.Column<decimal>(type: "numeric(28,8)", precision: 28, scale: 8, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_deal_funds_rollup", x => new { x.region_code, x.month, x.contract_month });
                });

            Data.FundsRollupData.Up(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "deal_funds_rollup");
        }
    }
}
