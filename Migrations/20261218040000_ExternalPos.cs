using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace AlAroma.Web.Migrations
{
    /// <inheritdoc />
    public partial class ExternalPos : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "external_registers",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    api_key = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    secret_protected = table.Column<string>(type: "text", nullable: false),
                    is_active = table.Column<bool>(type: "boolean", nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_external_registers", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "external_pos_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    register_id = table.Column<int>(type: "integer", nullable: false),
                    event_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    body_sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    response_json = table.Column<string>(type: "text", nullable: false),
                    at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_external_pos_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_external_pos_events_external_registers_register_id",
                        column: x => x.register_id,
                        principalTable: "external_registers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "external_sales",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    register_id = table.Column<int>(type: "integer", nullable: false),
                    event_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    receipt_number = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    customer_id = table.Column<long>(type: "bigint", nullable: false),
                    at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    total = table.Column<decimal>(type: "numeric(14,2)", nullable: false),
                    money_paid = table.Column<decimal>(type: "numeric(14,2)", nullable: false),
                    points_redeemed = table.Column<int>(type: "integer", nullable: false),
                    points_accrued = table.Column<int>(type: "integer", nullable: false),
                    returned_total = table.Column<decimal>(type: "numeric(14,2)", nullable: false),
                    returned_money = table.Column<decimal>(type: "numeric(14,2)", nullable: false),
                    points_restored = table.Column<int>(type: "integer", nullable: false),
                    points_reversed = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_external_sales", x => x.id);
                    table.ForeignKey(
                        name: "fk_external_sales_customers_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_external_sales_external_registers_register_id",
                        column: x => x.register_id,
                        principalTable: "external_registers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ux_external_pos_events_register_event",
                table: "external_pos_events",
                columns: new[] { "register_id", "event_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_external_registers_api_key",
                table: "external_registers",
                column: "api_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_external_registers_name",
                table: "external_registers",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_external_sales_customer_id_at_utc",
                table: "external_sales",
                columns: new[] { "customer_id", "at_utc" });

            migrationBuilder.CreateIndex(
                name: "ix_external_sales_register_id_event_id",
                table: "external_sales",
                columns: new[] { "register_id", "event_id" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "external_pos_events");

            migrationBuilder.DropTable(
                name: "external_sales");

            migrationBuilder.DropTable(
                name: "external_registers");
        }
    }
}
