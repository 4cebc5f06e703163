using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AlAroma.Web.Migrations
{
    /// <inheritdoc />
    public partial class TelegramBots : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "latitude",
                table: "locations",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "longitude",
                table: "locations",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "opening_hours",
                table: "locations",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "source",
                table: "customers",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "telegram_blocked_at_utc",
                table: "customers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "welcome_bonus_at_utc",
                table: "customers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "client_bot_chats",
                columns: table => new
                {
                    chat_id = table.Column<long>(type: "bigint", nullable: false),
                    user_id = table.Column<long>(type: "bigint", nullable: false),
                    step = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    start_payload = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    feedback_kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    rating = table.Column<int>(type: "integer", nullable: true),
                    updated_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_client_bot_chats", x => x.chat_id);
                });

            migrationBuilder.CreateTable(
                name: "telegram_updates",
                columns: table => new
                {
                    bot = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    update_id = table.Column<long>(type: "bigint", nullable: false),
                    received_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_telegram_updates", x => new { x.bot, x.update_id });
                });

            migrationBuilder.CreateIndex(
                name: "ix_customers_telegram_chat_id",
                table: "customers",
                column: "telegram_chat_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "client_bot_chats");

            migrationBuilder.DropTable(
                name: "telegram_updates");

            migrationBuilder.DropIndex(
                name: "ix_customers_telegram_chat_id",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "latitude",
                table: "locations");

            migrationBuilder.DropColumn(
                name: "longitude",
                table: "locations");

            migrationBuilder.DropColumn(
                name: "opening_hours",
                table: "locations");

            migrationBuilder.DropColumn(
                name: "source",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "telegram_blocked_at_utc",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "welcome_bonus_at_utc",
                table: "customers");
        }
    }
}
