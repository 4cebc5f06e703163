using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace AlAroma.Web.Migrations
{
    /// <inheritdoc />
    public partial class LeadSftp : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "lead_sftp_hosts",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    address = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    port = table.Column<int>(type: "integer", nullable: false),
                    user_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    password_protected = table.Column<string>(type: "text", nullable: true),
                    private_key_protected = table.Column<string>(type: "text", nullable: true),
                    passphrase_protected = table.Column<string>(type: "text", nullable: true),
                    host_key_fingerprint = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    created_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_lead_sftp_hosts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "lead_sftp_schedules",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    project_id = table.Column<int>(type: "integer", nullable: false),
                    host_id = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    remote_folder = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    file_pattern = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    processed_folder = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    dedup = table.Column<int>(type: "integer", nullable: false),
                    system_days = table.Column<int>(type: "integer", nullable: true),
                    supplier_id = table.Column<int>(type: "integer", nullable: true),
                    export_status = table.Column<short>(type: "smallint", nullable: true),
                    export_format = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    interval_minutes = table.Column<int>(type: "integer", nullable: false),
                    enabled = table.Column<bool>(type: "boolean", nullable: false),
                    next_run_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_lead_sftp_schedules", x => x.id);
                    table.ForeignKey(
                        name: "fk_lead_sftp_schedules_lead_projects_project_id",
                        column: x => x.project_id,
                        principalTable: "lead_projects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_lead_sftp_schedules_lead_suppliers_supplier_id",
                        column: x => x.supplier_id,
                        principalTable: "lead_suppliers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_lead_sftp_schedules_sftp_hosts_host_id",
                        column: x => x.host_id,
                        principalTable: "lead_sftp_hosts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "lead_sftp_files",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    schedule_id = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    size = table.Column<long>(type: "bigint", nullable: false),
                    modified_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    import_id = table.Column<Guid>(type: "uuid", nullable: true),
                    error = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    seen_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    moved_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_lead_sftp_files", x => x.id);
                    table.ForeignKey(
                        name: "fk_lead_sftp_files_lead_sftp_schedules_schedule_id",
                        column: x => x.schedule_id,
                        principalTable: "lead_sftp_schedules",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "lead_sftp_runs",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    schedule_id = table.Column<int>(type: "integer", nullable: false),
                    project_id = table.Column<int>(type: "integer", nullable: false),
                    started_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    finished_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    succeeded = table.Column<bool>(type: "boolean", nullable: false),
                    files = table.Column<int>(type: "integer", nullable: false),
                    files_done = table.Column<int>(type: "integer", nullable: false),
                    rows = table.Column<long>(type: "bigint", nullable: false),
                    imported = table.Column<long>(type: "bigint", nullable: false),
                    rejected = table.Column<long>(type: "bigint", nullable: false),
                    error = table.Column<string>(type: "text", nullable: true),
                    detail = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_lead_sftp_runs", x => x.id);
                    table.ForeignKey(
                        name: "fk_lead_sftp_runs_lead_sftp_schedules_schedule_id",
                        column: x => x.schedule_id,
                        principalTable: "lead_sftp_schedules",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_lead_sftp_files_schedule_id_name_size_modified_at_utc",
                table: "lead_sftp_files",
                columns: new[] { "schedule_id", "name", "size", "modified_at_utc" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_lead_sftp_hosts_name",
                table: "lead_sftp_hosts",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_lead_sftp_runs_project_id_id",
                table: "lead_sftp_runs",
                columns: new[] { "project_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_lead_sftp_runs_schedule_id_id",
                table: "lead_sftp_runs",
                columns: new[] { "schedule_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_lead_sftp_schedules_host_id",
                table: "lead_sftp_schedules",
                column: "host_id");

            migrationBuilder.CreateIndex(
                name: "ix_lead_sftp_schedules_next_run_at_utc",
                table: "lead_sftp_schedules",
                column: "next_run_at_utc",
                filter: "enabled");

            migrationBuilder.CreateIndex(
                name: "ix_lead_sftp_schedules_project_id",
                table: "lead_sftp_schedules",
                column: "project_id");

            migrationBuilder.CreateIndex(
                name: "ix_lead_sftp_schedules_supplier_id",
                table: "lead_sftp_schedules",
                column: "supplier_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "lead_sftp_files");

            migrationBuilder.DropTable(
                name: "lead_sftp_runs");

            migrationBuilder.DropTable(
                name: "lead_sftp_schedules");

            migrationBuilder.DropTable(
                name: "lead_sftp_hosts");
        }
    }
}
