using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Baiqiang.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PipelineMoney : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "contract_investment",
                table: "deals",
                type: "TEXT",
                precision: 28,
                scale: 8,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "contract_signed_on",
                table: "deals",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "deal_funds",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    deal_id = table.Column<long>(type: "INTEGER", nullable: false),
                    deal_code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    region_code = table.Column<int>(type: "INTEGER", nullable: false),
                    month = table.Column<int>(type: "INTEGER", nullable: false),
                    this_month = table.Column<decimal>(type: "TEXT", precision: 28, scale: 8, nullable: false),
                    cumulative = table.Column<decimal>(type: "TEXT", precision: 28, scale: 8, nullable: false),
                    previous_cumulative = table.Column<decimal>(type: "TEXT", precision: 28, scale: 8, nullable: false),
                    is_opening_balance = table.Column<bool>(type: "INTEGER", nullable: false),
                    note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    over_contract = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_deal_funds", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "deal_milestones",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    deal_id = table.Column<long>(type: "INTEGER", nullable: false),
                    deal_code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    region_code = table.Column<int>(type: "INTEGER", nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    promised_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    promised_amount = table.Column<decimal>(type: "TEXT", precision: 28, scale: 8, nullable: true),
                    met_on = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_deal_milestones", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_deal_funds_deal_id_month",
                table: "deal_funds",
                columns: new[] { "deal_id", "month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_deal_funds_month",
                table: "deal_funds",
                column: "month");

            migrationBuilder.CreateIndex(
                name: "ix_deal_milestones_deal_id_kind",
                table: "deal_milestones",
                columns: new[] { "deal_id", "kind" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "deal_funds");

            migrationBuilder.DropTable(
                name: "deal_milestones");

            migrationBuilder.DropColumn(
                name: "contract_investment",
                table: "deals");

            migrationBuilder.DropColumn(
                name: "contract_signed_on",
                table: "deals");
        }
    }
}
