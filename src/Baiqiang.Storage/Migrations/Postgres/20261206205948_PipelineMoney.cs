using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Baiqiang.Storage.Migrations.Postgres
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
                type: "numeric(28,8)",
                precision: 28,
                scale: 8,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "contract_signed_on",
                table: "deals",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "deal_funds",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    deal_id = table.Column<long>(type: "bigint", nullable: false),
                    deal_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    region_code = table.Column<int>(type: "integer", nullable: false),
                    month = table.Column<int>(type: "integer", nullable: false),
                    this_month = table.Column<decimal>(type: "numeric(28,8)", precision: 28, scale: 8, nullable: false),
                    cumulative = table.Column<decimal>(type: "numeric(28,8)", precision: 28, scale: 8, nullable: false),
                    previous_cumulative = table.Column<decimal>(type: "numeric(28,8)", precision: 28, scale: 8, nullable: false),
                    is_opening_balance = table.Column<bool>(type: "boolean", nullable: false),
                    note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    over_contract = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_deal_funds", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "deal_milestones",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    deal_id = table.Column<long>(type: "bigint", nullable: false),
                    deal_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    region_code = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    promised_on = table.Column<DateOnly>(type: "date", nullable: false),
                    promised_amount = table.Column<decimal>(type: "numeric(28,8)", precision: 28, scale: 8, nullable: true),
                    met_on = table.Column<DateOnly>(type: "date", nullable: true)
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
