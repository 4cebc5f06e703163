using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace AlAroma.Web.Migrations
{
    /// <inheritdoc />
    public partial class Leads : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "lead_call_events",
                columns: table => new
                {
                    provider = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    call_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    event_key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    received_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    lead_id = table.Column<long>(type: "bigint", nullable: true),
                    phone = table.Column<long>(type: "bigint", nullable: true),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_lead_call_events", x => new { x.provider, x.call_id, x.event_key });
                });

            migrationBuilder.CreateTable(
                name: "lead_projects",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    regions = table.Column<List<string>>(type: "text[]", nullable: false),
                    supplier_ids = table.Column<List<int>>(type: "integer[]", nullable: false),
                    calling_days = table.Column<int>(type: "integer", nullable: false),
                    call_from = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    call_to = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    max_attempts = table.Column<int>(type: "integer", nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    deleted_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    purge_requested_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    purge_total = table.Column<long>(type: "bigint", nullable: false),
                    purge_purged = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_lead_projects", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "lead_suppliers",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    contacts = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    price_per_number_kopecks = table.Column<long>(type: "bigint", nullable: false),
                    is_active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_lead_suppliers", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "lead_do_not_call",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    phone = table.Column<long>(type: "bigint", nullable: false),
                    project_id = table.Column<int>(type: "integer", nullable: true),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    added_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    added_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_lead_do_not_call", x => x.id);
                    table.ForeignKey(
                        name: "fk_lead_do_not_call_lead_projects_project_id",
                        column: x => x.project_id,
                        principalTable: "lead_projects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "lead_imports",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    project_id = table.Column<int>(type: "integer", nullable: false),
                    supplier_id = table.Column<int>(type: "integer", nullable: true),
                    file_name = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    stored_path = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    file_bytes = table.Column<long>(type: "bigint", nullable: false),
                    format = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    encoding = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    delimiter = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    headers = table.Column<List<string>>(type: "text[]", nullable: false),
                    phone_column = table.Column<int>(type: "integer", nullable: true),
                    region_column = table.Column<int>(type: "integer", nullable: true),
                    comment_column = table.Column<int>(type: "integer", nullable: true),
                    dedup = table.Column<int>(type: "integer", nullable: false),
                    system_days = table.Column<int>(type: "integer", nullable: true),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    rows_read = table.Column<long>(type: "bigint", nullable: false),
                    bytes_read = table.Column<long>(type: "bigint", nullable: false),
                    imported = table.Column<long>(type: "bigint", nullable: false),
                    requeued = table.Column<long>(type: "bigint", nullable: false),
                    duplicates_in_file = table.Column<long>(type: "bigint", nullable: false),
                    duplicates_in_project = table.Column<long>(type: "bigint", nullable: false),
                    duplicates_in_system = table.Column<long>(type: "bigint", nullable: false),
                    do_not_call = table.Column<long>(type: "bigint", nullable: false),
                    invalid = table.Column<long>(type: "bigint", nullable: false),
                    rejected_path = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    cancel_requested = table.Column<bool>(type: "boolean", nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    started_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    finished_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    heartbeat_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_lead_imports", x => x.id);
                    table.ForeignKey(
                        name: "fk_lead_imports_lead_projects_project_id",
                        column: x => x.project_id,
                        principalTable: "lead_projects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "lead_project_members",
                columns: table => new
                {
                    project_id = table.Column<int>(type: "integer", nullable: false),
                    user_id = table.Column<string>(type: "text", nullable: false),
                    role = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_lead_project_members", x => new { x.project_id, x.user_id });
                    table.ForeignKey(
                        name: "fk_lead_project_members_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_lead_project_members_lead_projects_project_id",
                        column: x => x.project_id,
                        principalTable: "lead_projects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "leads",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    project_id = table.Column<int>(type: "integer", nullable: false),
                    phone = table.Column<long>(type: "bigint", nullable: false),
                    supplier_id = table.Column<int>(type: "integer", nullable: true),
                    region = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    time_zone_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    status = table.Column<short>(type: "smallint", nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    last_call_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    queue_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    last_operator_id = table.Column<string>(type: "text", nullable: true),
                    comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    extra = table.Column<string>(type: "jsonb", nullable: true),
                    loaded_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    import_id = table.Column<Guid>(type: "uuid", nullable: true),
                    taken_by = table.Column<string>(type: "text", nullable: true),
                    taken_until_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    last_duration_seconds = table.Column<int>(type: "integer", nullable: true),
                    recording_url = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_leads", x => x.id);
                    table.ForeignKey(
                        name: "fk_leads_lead_projects_project_id",
                        column: x => x.project_id,
                        principalTable: "lead_projects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_leads_lead_suppliers_supplier_id",
                        column: x => x.supplier_id,
                        principalTable: "lead_suppliers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "lead_calls",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    lead_id = table.Column<long>(type: "bigint", nullable: false),
                    project_id = table.Column<int>(type: "integer", nullable: false),
                    at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    result = table.Column<short>(type: "smallint", nullable: true),
                    operator_id = table.Column<string>(type: "text", nullable: true),
                    comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    duration_seconds = table.Column<int>(type: "integer", nullable: true),
                    source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    provider_call_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    recording_url = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_lead_calls", x => x.id);
                    table.ForeignKey(
                        name: "fk_lead_calls_leads_lead_id",
                        column: x => x.lead_id,
                        principalTable: "leads",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_lead_call_events_received_at_utc",
                table: "lead_call_events",
                column: "received_at_utc");

            migrationBuilder.CreateIndex(
                name: "ix_lead_calls_lead_id_at_utc",
                table: "lead_calls",
                columns: new[] { "lead_id", "at_utc" });

            migrationBuilder.CreateIndex(
                name: "ix_lead_calls_project_id_at_utc",
                table: "lead_calls",
                columns: new[] { "project_id", "at_utc" });

            migrationBuilder.CreateIndex(
                name: "ix_lead_do_not_call_phone_project_id",
                table: "lead_do_not_call",
                columns: new[] { "phone", "project_id" },
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);

            migrationBuilder.CreateIndex(
                name: "ix_lead_do_not_call_project_id",
                table: "lead_do_not_call",
                column: "project_id");

            migrationBuilder.CreateIndex(
                name: "ix_lead_imports_project_id_created_at_utc",
                table: "lead_imports",
                columns: new[] { "project_id", "created_at_utc" });

            migrationBuilder.CreateIndex(
                name: "ix_lead_imports_status_created_at_utc",
                table: "lead_imports",
                columns: new[] { "status", "created_at_utc" });

            migrationBuilder.CreateIndex(
                name: "ix_lead_project_members_user_id",
                table: "lead_project_members",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_lead_projects_name",
                table: "lead_projects",
                column: "name",
                unique: true,
                filter: "deleted_at_utc IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_lead_suppliers_name",
                table: "lead_suppliers",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_leads_callbacks",
                table: "leads",
                columns: new[] { "last_operator_id", "queue_at_utc" },
                filter: "status = 3");

            migrationBuilder.CreateIndex(
                name: "ix_leads_phone",
                table: "leads",
                column: "phone");

            migrationBuilder.CreateIndex(
                name: "ix_leads_project_id_id",
                table: "leads",
                columns: new[] { "project_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_leads_project_id_phone",
                table: "leads",
                columns: new[] { "project_id", "phone" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_leads_queue",
                table: "leads",
                columns: new[] { "project_id", "time_zone_id", "queue_at_utc" },
                filter: "status <= 3");

            migrationBuilder.CreateIndex(
                name: "ix_leads_supplier_id",
                table: "leads",
                column: "supplier_id");

            migrationBuilder.CreateIndex(
                name: "ix_leads_taken_by",
                table: "leads",
                column: "taken_by",
                filter: "taken_by IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "lead_call_events");

            migrationBuilder.DropTable(
                name: "lead_calls");

            migrationBuilder.DropTable(
                name: "lead_do_not_call");

            migrationBuilder.DropTable(
                name: "lead_imports");

            migrationBuilder.DropTable(
                name: "lead_project_members");

            migrationBuilder.DropTable(
                name: "leads");

            migrationBuilder.DropTable(
                name: "lead_projects");

            migrationBuilder.DropTable(
                name: "lead_suppliers");
        }
    }
}
