using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Baiqiang.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TwoPriceBases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "current_price_growth_percent",
                table: "observations",
                type: "numeric(28,8)",
                precision: 28,
                scale: 8,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "current_price_growth_percent",
                table: "observations");
        }
    }
}
