using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace AlAroma.Web.Migrations
{
    /// <inheritdoc />
    public partial class UserNotifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "user_notifications",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    user_id = table.Column<string>(type: "text", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    link = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    location_id = table.Column<int>(type: "integer", nullable: true),
                    once_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    created_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    read_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_notifications", x => x.id);
                    table.ForeignKey(
                        name: "fk_user_notifications_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_user_notifications_locations_location_id",
                        column: x => x.location_id,
                        principalTable: "locations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "ix_user_notifications_location_id",
                table: "user_notifications",
                column: "location_id");

            migrationBuilder.CreateIndex(
                name: "ix_user_notifications_once_key",
                table: "user_notifications",
                column: "once_key",
                filter: "once_key IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_user_notifications_read_utc",
                table: "user_notifications",
                column: "read_utc",
                filter: "read_utc IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_user_notifications_user_id_id",
                table: "user_notifications",
                columns: new[] { "user_id", "id" });

            // The bell's fan-out (Features/Notifications/Bell/BellListener): every new or newly read row queues a NOTIFY
            // with the user id only. PostgreSQL delivers it when the business transaction commits (never on rollback)
            // and folds identical payloads of one transaction into one ("прочитать все" wakes a stream once).
            migrationBuilder.Sql("""
                CREATE FUNCTION user_notifications_notify() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_notify('user_notifications', NEW.user_id);
                    RETURN NULL;
                END $$;
                CREATE TRIGGER user_notifications_notify AFTER INSERT OR UPDATE OF read_utc ON user_notifications
                    FOR EACH ROW EXECUTE FUNCTION user_notifications_notify();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "user_notifications");

            migrationBuilder.Sql("DROP FUNCTION user_notifications_notify();");
        }
    }
}
