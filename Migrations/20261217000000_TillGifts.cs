using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AlAroma.Web.Migrations
{
    /// <inheritdoc />
    public partial class TillGifts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "gift_id",
                table: "pos_carts",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "sale_id",
                table: "customer_gifts",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_pos_carts_gift_id",
                table: "pos_carts",
                column: "gift_id");

            migrationBuilder.CreateIndex(
                name: "ix_customer_gifts_sale_id",
                table: "customer_gifts",
                column: "sale_id");

            migrationBuilder.AddForeignKey(
                name: "fk_customer_gifts_sales_sale_id",
                table: "customer_gifts",
                column: "sale_id",
                principalTable: "sales",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_pos_carts_customer_gifts_gift_id",
                table: "pos_carts",
                column: "gift_id",
                principalTable: "customer_gifts",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_customer_gifts_sales_sale_id",
                table: "customer_gifts");

            migrationBuilder.DropForeignKey(
                name: "fk_pos_carts_customer_gifts_gift_id",
                table: "pos_carts");

            migrationBuilder.DropIndex(
                name: "ix_pos_carts_gift_id",
                table: "pos_carts");

            migrationBuilder.DropIndex(
                name: "ix_customer_gifts_sale_id",
                table: "customer_gifts");

            migrationBuilder.DropColumn(
                name: "gift_id",
                table: "pos_carts");

            migrationBuilder.DropColumn(
                name: "sale_id",
                table: "customer_gifts");
        }
    }
}
