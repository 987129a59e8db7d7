using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Baiqiang.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MoreShippedUnits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            Data.MoreShippedUnitsData.Up(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            Data.MoreShippedUnitsData.Down(migrationBuilder);
        }
    }
}
