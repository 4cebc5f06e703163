using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AlAroma.Web.Migrations
{
    /// <inheritdoc />
    public partial class ExternalPosRate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "external_pos_rate",
                columns: table => new
                {
                    register_id = table.Column<int>(type: "integer", nullable: false),
                    minute_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    requests = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_external_pos_rate", x => new { x.register_id, x.minute_utc });
                    table.ForeignKey(
                        name: "fk_external_pos_rate_external_registers_register_id",
                        column: x => x.register_id,
                        principalTable: "external_registers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "external_pos_rate");
        }
    }
}
