using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace AlAroma.Web.Migrations
{
    /// <inheritdoc />
    public partial class LoyaltyTerms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "loyalty_terms",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    effective_from = table.Column<DateOnly>(type: "date", nullable: false),
                    silver_from = table.Column<decimal>(type: "numeric(14,2)", nullable: false),
                    gold_from = table.Column<decimal>(type: "numeric(14,2)", nullable: false),
                    platinum_from = table.Column<decimal>(type: "numeric(14,2)", nullable: false),
                    standard_points_per100 = table.Column<int>(type: "integer", nullable: false),
                    silver_points_per100 = table.Column<int>(type: "integer", nullable: false),
                    gold_points_per100 = table.Column<int>(type: "integer", nullable: false),
                    platinum_points_per100 = table.Column<int>(type: "integer", nullable: false),
                    max_redeem_percent = table.Column<int>(type: "integer", nullable: false),
                    points_lifetime_months = table.Column<int>(type: "integer", nullable: false),
                    birthday_gift_points = table.Column<int>(type: "integer", nullable: false),
                    birthday_gift_valid_days = table.Column<int>(type: "integer", nullable: false),
                    welcome_bonus_points = table.Column<int>(type: "integer", nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    comment = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_loyalty_terms", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_loyalty_terms_effective_from",
                table: "loyalty_terms",
                column: "effective_from",
                unique: true);

            // The DOMAIN.md defaults as the first version, in force from before any sale.
            migrationBuilder.Sql("""
                INSERT INTO loyalty_terms (effective_from, silver_from, gold_from, platinum_from, standard_points_per100, silver_points_per100,
                    gold_points_per100, platinum_points_per100, max_redeem_percent, points_lifetime_months, birthday_gift_points,
                    birthday_gift_valid_days, welcome_bonus_points, created_at_utc, created_by, comment)
                VALUES ('2000-01-01', 15000, 50000, 150000, 1, 3, 5, 7, 30, 12, 500, 30, 200, now(), 'Система', 'Исходные условия программы');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "loyalty_terms");
        }
    }
}
