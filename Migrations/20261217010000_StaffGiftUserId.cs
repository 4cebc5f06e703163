using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AlAroma.Web.Migrations
{
    /// <inheritdoc />
    public partial class StaffGiftUserId : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "staff_user_id",
                table: "points_entries",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "staff_user_id",
                table: "customer_gifts",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            // Staff gifts given before: by the giver's name where exactly one user has it (namesakes stay unknown).
            migrationBuilder.Sql("""
                WITH unique_names AS (SELECT full_name, min(id) AS id FROM "AspNetUsers" GROUP BY full_name HAVING count(*) = 1)
                UPDATE points_entries p SET staff_user_id = u.id FROM unique_names u WHERE p.kind = 'Gift' AND p.user_name = u.full_name;
                WITH unique_names AS (SELECT full_name, min(id) AS id FROM "AspNetUsers" GROUP BY full_name HAVING count(*) = 1)
                UPDATE customer_gifts g SET staff_user_id = u.id FROM unique_names u WHERE g.source = 'Staff' AND g.issued_by = u.full_name;
                """);

            migrationBuilder.CreateIndex(
                name: "ix_points_entries_staff_user_id_at_utc",
                table: "points_entries",
                columns: new[] { "staff_user_id", "at_utc" },
                filter: "staff_user_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_customer_gifts_staff_user_id_issued_at_utc",
                table: "customer_gifts",
                columns: new[] { "staff_user_id", "issued_at_utc" },
                filter: "staff_user_id IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_points_entries_staff_user_id_at_utc",
                table: "points_entries");

            migrationBuilder.DropIndex(
                name: "ix_customer_gifts_staff_user_id_issued_at_utc",
                table: "customer_gifts");

            migrationBuilder.DropColumn(
                name: "staff_user_id",
                table: "points_entries");

            migrationBuilder.DropColumn(
                name: "staff_user_id",
                table: "customer_gifts");
        }
    }
}
