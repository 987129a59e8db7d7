using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Baiqiang.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class IndicatorCatalogueFields : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "category",
                table: "indicators",
                type: "character varying(50)",
                maxLength: 50,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "comparable_growth",
                table: "indicators",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "description",
                table: "indicators",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "parent_code",
                table: "indicators",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "retired_on",
                table: "indicators",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "user_modified",
                table: "indicators",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "category",
                table: "indicators");

            migrationBuilder.DropColumn(
                name: "comparable_growth",
                table: "indicators");

            migrationBuilder.DropColumn(
                name: "description",
                table: "indicators");

            migrationBuilder.DropColumn(
                name: "parent_code",
                table: "indicators");

            migrationBuilder.DropColumn(
                name: "retired_on",
                table: "indicators");

            migrationBuilder.DropColumn(
                name: "user_modified",
                table: "indicators");
        }
    }
}
