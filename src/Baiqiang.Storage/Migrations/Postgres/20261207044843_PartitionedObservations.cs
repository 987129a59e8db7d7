using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Baiqiang.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PartitionedObservations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "pk_observations",
                table: "observations");

            migrationBuilder.DropIndex(
                name: "ux_observations_current",
                table: "observations");

            migrationBuilder.DropIndex(
                name: "ux_observations_revision",
                table: "observations");

            migrationBuilder.AddPrimaryKey(
                name: "pk_observations",
                table: "observations",
                columns: new[] { "region_code", "id", "period_year" });

            migrationBuilder.CreateIndex(
                name: "ux_observations_current",
                table: "observations",
                columns: new[] { "region_code", "indicator_code", "period", "period_year" },
                unique: true,
                filter: "is_current");

            migrationBuilder.CreateIndex(
                name: "ux_observations_revision",
                table: "observations",
                columns: new[] { "region_code", "indicator_code", "period", "revision", "period_year" },
                unique: true);

            Data.PartitionedObservationsData.Up(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "pk_observations",
                table: "observations");

            migrationBuilder.DropIndex(
                name: "ux_observations_current",
                table: "observations");

            migrationBuilder.DropIndex(
                name: "ux_observations_revision",
                table: "observations");

            migrationBuilder.AddPrimaryKey(
                name: "pk_observations",
                table: "observations",
                columns: new[] { "region_code", "id" });

            migrationBuilder.CreateIndex(
                name: "ux_observations_current",
                table: "observations",
                columns: new[] { "region_code", "indicator_code", "period" },
                unique: true,
                filter: "is_current");

            migrationBuilder.CreateIndex(
                name: "ux_observations_revision",
                table: "observations",
                columns: new[] { "region_code", "indicator_code", "period", "revision" },
                unique: true);
        }
    }
}
