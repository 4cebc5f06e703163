using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace AlAroma.Web.Migrations
{
    /// <inheritdoc />
    public partial class ParkedCartsAndCompanyDetails : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "company_details",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    inn = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    kpp = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_company_details", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "parked_carts",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    register_id = table.Column<int>(type: "integer", nullable: false),
                    shift_id = table.Column<long>(type: "bigint", nullable: false),
                    parked_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    parked_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    summary = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    units = table.Column<int>(type: "integer", nullable: false),
                    total = table.Column<decimal>(type: "numeric(14,2)", nullable: false),
                    customer_id = table.Column<long>(type: "bigint", nullable: true),
                    manual_discount_kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    manual_discount_value = table.Column<decimal>(type: "numeric(14,2)", nullable: true),
                    manual_discount_role = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    manual_discount_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    content_json = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_parked_carts", x => x.id);
                    table.ForeignKey(
                        name: "fk_parked_carts_customers_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_parked_carts_registers_register_id",
                        column: x => x.register_id,
                        principalTable: "registers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_parked_carts_shifts_shift_id",
                        column: x => x.shift_id,
                        principalTable: "shifts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_parked_carts_customer_id",
                table: "parked_carts",
                column: "customer_id");

            migrationBuilder.CreateIndex(
                name: "ix_parked_carts_register_id",
                table: "parked_carts",
                column: "register_id");

            migrationBuilder.CreateIndex(
                name: "ix_parked_carts_shift_id",
                table: "parked_carts",
                column: "shift_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "company_details");

            migrationBuilder.DropTable(
                name: "parked_carts");
        }
    }
}
