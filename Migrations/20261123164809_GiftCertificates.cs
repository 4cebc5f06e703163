using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace AlAroma.Web.Migrations
{
    /// <inheritdoc />
    public partial class GiftCertificates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "gift_certificates",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    code = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false),
                    nominal = table.Column<decimal>(type: "numeric(14,2)", nullable: false),
                    balance = table.Column<decimal>(type: "numeric(14,2)", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    activated_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    expires_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    location_id = table.Column<int>(type: "integer", nullable: false),
                    sale_id = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_gift_certificates", x => x.id);
                    table.CheckConstraint("ck_gift_certificates_balance", "balance >= 0 AND balance <= nominal");
                    table.ForeignKey(
                        name: "fk_gift_certificates_locations_location_id",
                        column: x => x.location_id,
                        principalTable: "locations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "gift_certificate_entries",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    certificate_id = table.Column<long>(type: "bigint", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    amount = table.Column<decimal>(type: "numeric(14,2)", nullable: false),
                    balance_after = table.Column<decimal>(type: "numeric(14,2)", nullable: false),
                    at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    sale_id = table.Column<long>(type: "bigint", nullable: true),
                    comment = table.Column<string>(type: "text", nullable: true),
                    user_name = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_gift_certificate_entries", x => x.id);
                    table.ForeignKey(
                        name: "fk_gift_certificate_entries_gift_certificates_certificate_id",
                        column: x => x.certificate_id,
                        principalTable: "gift_certificates",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_gift_certificate_entries_certificate_id",
                table: "gift_certificate_entries",
                column: "certificate_id");

            migrationBuilder.CreateIndex(
                name: "ix_gift_certificate_entries_sale_id",
                table: "gift_certificate_entries",
                column: "sale_id");

            migrationBuilder.CreateIndex(
                name: "ix_gift_certificates_code",
                table: "gift_certificates",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_gift_certificates_location_id",
                table: "gift_certificates",
                column: "location_id");

            migrationBuilder.CreateIndex(
                name: "ix_gift_certificates_status_expires_at_utc",
                table: "gift_certificates",
                columns: new[] { "status", "expires_at_utc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "gift_certificate_entries");

            migrationBuilder.DropTable(
                name: "gift_certificates");
        }
    }
}
