using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace AlAroma.Web.Migrations
{
    /// <inheritdoc />
    public partial class Returns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "discrepancy_confirmed_by",
                table: "shifts",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "returned_quantity",
                table: "sale_line",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "cash_movements",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    shift_id = table.Column<long>(type: "bigint", nullable: false),
                    kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    amount = table.Column<decimal>(type: "numeric(14,2)", nullable: false),
                    reason = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    user_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cash_movements", x => x.id);
                    table.CheckConstraint("ck_cash_movements_amount", "amount > 0");
                    table.ForeignKey(
                        name: "fk_cash_movements_shifts_shift_id",
                        column: x => x.shift_id,
                        principalTable: "shifts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "sale_returns",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    sale_id = table.Column<long>(type: "bigint", nullable: false),
                    location_id = table.Column<int>(type: "integer", nullable: false),
                    register_id = table.Column<int>(type: "integer", nullable: false),
                    shift_id = table.Column<long>(type: "bigint", nullable: false),
                    cashier_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    idempotency_key = table.Column<Guid>(type: "uuid", nullable: false),
                    total = table.Column<decimal>(type: "numeric(14,2)", nullable: false),
                    points_restored = table.Column<int>(type: "integer", nullable: false),
                    points_reversed = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sale_returns", x => x.id);
                    table.ForeignKey(
                        name: "fk_sale_returns_locations_location_id",
                        column: x => x.location_id,
                        principalTable: "locations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_sale_returns_registers_register_id",
                        column: x => x.register_id,
                        principalTable: "registers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_sale_returns_sales_sale_id",
                        column: x => x.sale_id,
                        principalTable: "sales",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_sale_returns_shifts_shift_id",
                        column: x => x.shift_id,
                        principalTable: "shifts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "sale_return_line",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    sale_return_id = table.Column<long>(type: "bigint", nullable: false),
                    sale_line_id = table.Column<long>(type: "bigint", nullable: false),
                    product_id = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    quantity = table.Column<int>(type: "integer", nullable: false),
                    amount = table.Column<decimal>(type: "numeric(14,2)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sale_return_line", x => x.id);
                    table.CheckConstraint("ck_sale_return_lines_quantity", "quantity > 0");
                    table.ForeignKey(
                        name: "fk_sale_return_line_sale_line_sale_line_id",
                        column: x => x.sale_line_id,
                        principalTable: "sale_line",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_sale_return_line_sale_returns_sale_return_id",
                        column: x => x.sale_return_id,
                        principalTable: "sale_returns",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "sale_return_payment",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    sale_return_id = table.Column<long>(type: "bigint", nullable: false),
                    method = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    amount = table.Column<decimal>(type: "numeric(14,2)", nullable: false),
                    certificate_id = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sale_return_payment", x => x.id);
                    table.ForeignKey(
                        name: "fk_sale_return_payment_sale_returns_sale_return_id",
                        column: x => x.sale_return_id,
                        principalTable: "sale_returns",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.AddCheckConstraint(
                name: "ck_sale_lines_returned_quantity",
                table: "sale_line",
                sql: "returned_quantity >= 0 AND returned_quantity <= quantity");

            migrationBuilder.CreateIndex(
                name: "ix_cash_movements_shift_id",
                table: "cash_movements",
                column: "shift_id");

            migrationBuilder.CreateIndex(
                name: "ix_sale_return_line_sale_line_id",
                table: "sale_return_line",
                column: "sale_line_id");

            migrationBuilder.CreateIndex(
                name: "ix_sale_return_line_sale_return_id",
                table: "sale_return_line",
                column: "sale_return_id");

            migrationBuilder.CreateIndex(
                name: "ix_sale_return_payment_sale_return_id",
                table: "sale_return_payment",
                column: "sale_return_id");

            migrationBuilder.CreateIndex(
                name: "ix_sale_returns_location_id",
                table: "sale_returns",
                column: "location_id");

            migrationBuilder.CreateIndex(
                name: "ix_sale_returns_number",
                table: "sale_returns",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_sale_returns_register_id",
                table: "sale_returns",
                column: "register_id");

            migrationBuilder.CreateIndex(
                name: "ix_sale_returns_sale_id",
                table: "sale_returns",
                column: "sale_id");

            migrationBuilder.CreateIndex(
                name: "ix_sale_returns_shift_id",
                table: "sale_returns",
                column: "shift_id");

            migrationBuilder.CreateIndex(
                name: "ux_sale_returns_idempotency_key",
                table: "sale_returns",
                column: "idempotency_key",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cash_movements");

            migrationBuilder.DropTable(
                name: "sale_return_line");

            migrationBuilder.DropTable(
                name: "sale_return_payment");

            migrationBuilder.DropTable(
                name: "sale_returns");

            migrationBuilder.DropCheckConstraint(
                name: "ck_sale_lines_returned_quantity",
                table: "sale_line");

            migrationBuilder.DropColumn(
                name: "discrepancy_confirmed_by",
                table: "shifts");

            migrationBuilder.DropColumn(
                name: "returned_quantity",
                table: "sale_line");
        }
    }
}
