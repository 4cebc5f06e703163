using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace AlAroma.Web.Migrations
{
    /// <inheritdoc />
    public partial class PosFullDepth : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "customer_id",
                table: "sales",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "manual_discount_by",
                table: "sales",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "points_accrued",
                table: "sales",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "points_redeemed",
                table: "sales",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "certificate_code",
                table: "sale_payment",
                type: "character varying(13)",
                maxLength: 13,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "certificate_id",
                table: "sale_payment",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "certificate_code",
                table: "sale_line",
                type: "character varying(13)",
                maxLength: 13,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "is_gift_certificate",
                table: "sale_line",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<decimal[]>(
                name: "unit_totals",
                table: "sale_line",
                type: "numeric(14,2)[]",
                nullable: false,
                defaultValue: new decimal[0]);

            migrationBuilder.AddColumn<long>(
                name: "customer_id",
                table: "pos_carts",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "manual_discount_by",
                table: "pos_carts",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "manual_discount_kind",
                table: "pos_carts",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "manual_discount_role",
                table: "pos_carts",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "manual_discount_value",
                table: "pos_carts",
                type: "numeric(14,2)",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "pos_cart_certificate",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    cart_id = table.Column<long>(type: "bigint", nullable: false),
                    nominal = table.Column<decimal>(type: "numeric(14,2)", nullable: false),
                    quantity = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pos_cart_certificate", x => x.id);
                    table.CheckConstraint("ck_pos_cart_certificates_quantity", "quantity > 0");
                    table.ForeignKey(
                        name: "fk_pos_cart_certificate_pos_carts_cart_id",
                        column: x => x.cart_id,
                        principalTable: "pos_carts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "sale_line_discount",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    sale_line_id = table.Column<long>(type: "bigint", nullable: false),
                    promotion_id = table.Column<int>(type: "integer", nullable: true),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    units = table.Column<int>(type: "integer", nullable: false),
                    free_units = table.Column<int>(type: "integer", nullable: false),
                    amount = table.Column<decimal>(type: "numeric(14,2)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sale_line_discount", x => x.id);
                    table.ForeignKey(
                        name: "fk_sale_line_discount_sale_line_sale_line_id",
                        column: x => x.sale_line_id,
                        principalTable: "sale_line",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_sales_customer_id_created_at_utc",
                table: "sales",
                columns: new[] { "customer_id", "created_at_utc" });

            migrationBuilder.CreateIndex(
                name: "ix_pos_carts_customer_id",
                table: "pos_carts",
                column: "customer_id");

            migrationBuilder.CreateIndex(
                name: "ix_pos_cart_certificate_cart_id_nominal",
                table: "pos_cart_certificate",
                columns: new[] { "cart_id", "nominal" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_sale_line_discount_sale_line_id",
                table: "sale_line_discount",
                column: "sale_line_id");

            migrationBuilder.AddForeignKey(
                name: "fk_pos_carts_customers_customer_id",
                table: "pos_carts",
                column: "customer_id",
                principalTable: "customers",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "fk_sales_customers_customer_id",
                table: "sales",
                column: "customer_id",
                principalTable: "customers",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_pos_carts_customers_customer_id",
                table: "pos_carts");

            migrationBuilder.DropForeignKey(
                name: "fk_sales_customers_customer_id",
                table: "sales");

            migrationBuilder.DropTable(
                name: "pos_cart_certificate");

            migrationBuilder.DropTable(
                name: "sale_line_discount");

            migrationBuilder.DropIndex(
                name: "ix_sales_customer_id_created_at_utc",
                table: "sales");

            migrationBuilder.DropIndex(
                name: "ix_pos_carts_customer_id",
                table: "pos_carts");

            migrationBuilder.DropColumn(
                name: "customer_id",
                table: "sales");

            migrationBuilder.DropColumn(
                name: "manual_discount_by",
                table: "sales");

            migrationBuilder.DropColumn(
                name: "points_accrued",
                table: "sales");

            migrationBuilder.DropColumn(
                name: "points_redeemed",
                table: "sales");

            migrationBuilder.DropColumn(
                name: "certificate_code",
                table: "sale_payment");

            migrationBuilder.DropColumn(
                name: "certificate_id",
                table: "sale_payment");

            migrationBuilder.DropColumn(
                name: "certificate_code",
                table: "sale_line");

            migrationBuilder.DropColumn(
                name: "is_gift_certificate",
                table: "sale_line");

            migrationBuilder.DropColumn(
                name: "unit_totals",
                table: "sale_line");

            migrationBuilder.DropColumn(
                name: "customer_id",
                table: "pos_carts");

            migrationBuilder.DropColumn(
                name: "manual_discount_by",
                table: "pos_carts");

            migrationBuilder.DropColumn(
                name: "manual_discount_kind",
                table: "pos_carts");

            migrationBuilder.DropColumn(
                name: "manual_discount_role",
                table: "pos_carts");

            migrationBuilder.DropColumn(
                name: "manual_discount_value",
                table: "pos_carts");
        }
    }
}
