using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AlAroma.Web.Migrations
{
    /// <summary>The rows an upload parsed, kept on the import so later steps do not parse the file again.</summary>
    public partial class CatalogImportParsedTable : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte[]>(
                name: "parsed_table",
                table: "catalog_imports",
                type: "bytea",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "parsed_table",
                table: "catalog_imports");
        }
    }
}
