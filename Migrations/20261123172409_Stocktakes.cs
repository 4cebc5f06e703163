using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace AlAroma.Web.Migrations
{
    /// <inheritdoc />
    public partial class Stocktakes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "stocktakes",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    location_id = table.Column<int>(type: "integer", nullable: false),
                    scope = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    scope_values = table.Column<List<string>>(type: "text[]", nullable: false),
                    excluded_product_ids = table.Column<List<int>>(type: "integer[]", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    comment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    created_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    submitted_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    submitted_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    posted_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    posted_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_stocktakes", x => x.id);
                    table.ForeignKey(
                        name: "fk_stocktakes_locations_location_id",
                        column: x => x.location_id,
                        principalTable: "locations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "stocktake_entries",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    stocktake_id = table.Column<long>(type: "bigint", nullable: false),
                    product_id = table.Column<int>(type: "integer", nullable: false),
                    quantity = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    counted_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_stocktake_entries", x => x.id);
                    table.ForeignKey(
                        name: "fk_stocktake_entries_products_product_id",
                        column: x => x.product_id,
                        principalTable: "products",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_stocktake_entries_stocktakes_stocktake_id",
                        column: x => x.stocktake_id,
                        principalTable: "stocktakes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "stocktake_lines",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    stocktake_id = table.Column<long>(type: "bigint", nullable: false),
                    product_id = table.Column<int>(type: "integer", nullable: false),
                    book_quantity = table.Column<int>(type: "integer", nullable: false),
                    snapshot_movement_id = table.Column<long>(type: "bigint", nullable: true),
                    first_counted_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    counted_quantity = table.Column<int>(type: "integer", nullable: true),
                    unit_cost = table.Column<decimal>(type: "numeric(14,2)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_stocktake_lines", x => x.id);
                    table.ForeignKey(
                        name: "fk_stocktake_lines_products_product_id",
                        column: x => x.product_id,
                        principalTable: "products",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_stocktake_lines_stocktakes_stocktake_id",
                        column: x => x.stocktake_id,
                        principalTable: "stocktakes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_stocktake_entries_product_id",
                table: "stocktake_entries",
                column: "product_id");

            migrationBuilder.CreateIndex(
                name: "ix_stocktake_entries_stocktake_id_product_id",
                table: "stocktake_entries",
                columns: new[] { "stocktake_id", "product_id" });

            migrationBuilder.CreateIndex(
                name: "ix_stocktake_lines_product_id",
                table: "stocktake_lines",
                column: "product_id");

            migrationBuilder.CreateIndex(
                name: "ix_stocktake_lines_stocktake_id_product_id",
                table: "stocktake_lines",
                columns: new[] { "stocktake_id", "product_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_stocktakes_number",
                table: "stocktakes",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_stocktakes_status",
                table: "stocktakes",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "ux_stocktakes_open_per_location",
                table: "stocktakes",
                column: "location_id",
                unique: true,
                filter: "status IN ('Counting', 'Review')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "stocktake_entries");

            migrationBuilder.DropTable(
                name: "stocktake_lines");

            migrationBuilder.DropTable(
                name: "stocktakes");
        }
    }
}
