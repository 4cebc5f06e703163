using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AlAroma.Web.Migrations
{
    /// <inheritdoc />
    public partial class ProductSearchIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_products_brand",
                table: "products");

            migrationBuilder.DropIndex(
                name: "ix_products_name",
                table: "products");

            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.AddColumn<string>(
                name: "search_text",
                table: "products",
                type: "text",
                nullable: false,
                computedColumnSql: "name || ' ' || coalesce(brand, '') || ' ' || sku",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "ix_products_brand_name_id",
                table: "products",
                columns: new[] { "brand", "name", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_products_category_name_id",
                table: "products",
                columns: new[] { "category", "name", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_products_name_id",
                table: "products",
                columns: new[] { "name", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_products_search_text",
                table: "products",
                column: "search_text")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_products_brand_name_id",
                table: "products");

            migrationBuilder.DropIndex(
                name: "ix_products_category_name_id",
                table: "products");

            migrationBuilder.DropIndex(
                name: "ix_products_name_id",
                table: "products");

            migrationBuilder.DropIndex(
                name: "ix_products_search_text",
                table: "products");

            migrationBuilder.DropColumn(
                name: "search_text",
                table: "products");

            migrationBuilder.AlterDatabase()
                .OldAnnotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.CreateIndex(
                name: "ix_products_brand",
                table: "products",
                column: "brand");

            migrationBuilder.CreateIndex(
                name: "ix_products_name",
                table: "products",
                column: "name");
        }
    }
}
