using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace AlAroma.Web.Migrations
{
    /// <inheritdoc />
    public partial class WarehouseDepth : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "request_id",
                table: "transfers",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "resolution",
                table: "transfers",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "resolution_comment",
                table: "transfers",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "resolved_at_utc",
                table: "transfers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "resolved_by",
                table: "transfers",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "supplier_id",
                table: "goods_receipts",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "suppliers",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    inn = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    contact_person = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    phone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    email = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    comment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    is_active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_suppliers", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "transfer_requests",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    requesting_location_id = table.Column<int>(type: "integer", nullable: false),
                    supplying_location_id = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    comment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    created_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "text", nullable: false),
                    submitted_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    decided_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    decided_by = table.Column<string>(type: "text", nullable: true),
                    rejection_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    transfer_id = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_transfer_requests", x => x.id);
                    table.ForeignKey(
                        name: "fk_transfer_requests_locations_requesting_location_id",
                        column: x => x.requesting_location_id,
                        principalTable: "locations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_transfer_requests_locations_supplying_location_id",
                        column: x => x.supplying_location_id,
                        principalTable: "locations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_transfer_requests_transfers_transfer_id",
                        column: x => x.transfer_id,
                        principalTable: "transfers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "write_offs",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    location_id = table.Column<int>(type: "integer", nullable: false),
                    reason = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    comment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "text", nullable: false),
                    submitted_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    submitted_by = table.Column<string>(type: "text", nullable: true),
                    decided_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    decided_by = table.Column<string>(type: "text", nullable: true),
                    rejection_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_write_offs", x => x.id);
                    table.ForeignKey(
                        name: "fk_write_offs_locations_location_id",
                        column: x => x.location_id,
                        principalTable: "locations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "transfer_request_line",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    transfer_request_id = table.Column<long>(type: "bigint", nullable: false),
                    product_id = table.Column<int>(type: "integer", nullable: false),
                    quantity = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_transfer_request_line", x => x.id);
                    table.CheckConstraint("ck_transfer_request_lines_quantity", "quantity > 0");
                    table.ForeignKey(
                        name: "fk_transfer_request_line_products_product_id",
                        column: x => x.product_id,
                        principalTable: "products",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_transfer_request_line_transfer_requests_transfer_request_id",
                        column: x => x.transfer_request_id,
                        principalTable: "transfer_requests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "write_off_line",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    write_off_id = table.Column<long>(type: "bigint", nullable: false),
                    product_id = table.Column<int>(type: "integer", nullable: false),
                    quantity = table.Column<int>(type: "integer", nullable: false),
                    unit_cost = table.Column<decimal>(type: "numeric(14,2)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_write_off_line", x => x.id);
                    table.CheckConstraint("ck_write_off_lines_quantity", "quantity > 0");
                    table.ForeignKey(
                        name: "fk_write_off_line_products_product_id",
                        column: x => x.product_id,
                        principalTable: "products",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_write_off_line_write_offs_write_off_id",
                        column: x => x.write_off_id,
                        principalTable: "write_offs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_transfers_request_id",
                table: "transfers",
                column: "request_id");

            migrationBuilder.CreateIndex(
                name: "ix_goods_receipts_supplier_id",
                table: "goods_receipts",
                column: "supplier_id");

            migrationBuilder.CreateIndex(
                name: "ix_suppliers_inn",
                table: "suppliers",
                column: "inn",
                unique: true,
                filter: "inn IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_suppliers_name",
                table: "suppliers",
                column: "name");

            migrationBuilder.CreateIndex(
                name: "ix_transfer_request_line_product_id",
                table: "transfer_request_line",
                column: "product_id");

            migrationBuilder.CreateIndex(
                name: "ix_transfer_request_line_transfer_request_id",
                table: "transfer_request_line",
                column: "transfer_request_id");

            migrationBuilder.CreateIndex(
                name: "ix_transfer_requests_number",
                table: "transfer_requests",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_transfer_requests_requesting_location_id",
                table: "transfer_requests",
                column: "requesting_location_id");

            migrationBuilder.CreateIndex(
                name: "ix_transfer_requests_status",
                table: "transfer_requests",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "ix_transfer_requests_supplying_location_id",
                table: "transfer_requests",
                column: "supplying_location_id");

            migrationBuilder.CreateIndex(
                name: "ix_transfer_requests_transfer_id",
                table: "transfer_requests",
                column: "transfer_id");

            migrationBuilder.CreateIndex(
                name: "ix_write_off_line_product_id",
                table: "write_off_line",
                column: "product_id");

            migrationBuilder.CreateIndex(
                name: "ix_write_off_line_write_off_id",
                table: "write_off_line",
                column: "write_off_id");

            migrationBuilder.CreateIndex(
                name: "ix_write_offs_location_id",
                table: "write_offs",
                column: "location_id");

            migrationBuilder.CreateIndex(
                name: "ix_write_offs_number",
                table: "write_offs",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_write_offs_status",
                table: "write_offs",
                column: "status");

            migrationBuilder.AddForeignKey(
                name: "fk_goods_receipts_suppliers_supplier_id",
                table: "goods_receipts",
                column: "supplier_id",
                principalTable: "suppliers",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_transfers_transfer_requests_request_id",
                table: "transfers",
                column: "request_id",
                principalTable: "transfer_requests",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_goods_receipts_suppliers_supplier_id",
                table: "goods_receipts");

            migrationBuilder.DropForeignKey(
                name: "fk_transfers_transfer_requests_request_id",
                table: "transfers");

            migrationBuilder.DropTable(
                name: "suppliers");

            migrationBuilder.DropTable(
                name: "transfer_request_line");

            migrationBuilder.DropTable(
                name: "write_off_line");

            migrationBuilder.DropTable(
                name: "transfer_requests");

            migrationBuilder.DropTable(
                name: "write_offs");

            migrationBuilder.DropIndex(
                name: "ix_transfers_request_id",
                table: "transfers");

            migrationBuilder.DropIndex(
                name: "ix_goods_receipts_supplier_id",
                table: "goods_receipts");

            migrationBuilder.DropColumn(
                name: "request_id",
                table: "transfers");

            migrationBuilder.DropColumn(
                name: "resolution",
                table: "transfers");

            migrationBuilder.DropColumn(
                name: "resolution_comment",
                table: "transfers");

            migrationBuilder.DropColumn(
                name: "resolved_at_utc",
                table: "transfers");

            migrationBuilder.DropColumn(
                name: "resolved_by",
                table: "transfers");

            migrationBuilder.DropColumn(
                name: "supplier_id",
                table: "goods_receipts");
        }
    }
}
