using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AlAroma.Web.Migrations
{
    /// <inheritdoc />
    public partial class LeadStats : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "lead_stats",
                columns: table => new
                {
                    project_id = table.Column<int>(type: "integer", nullable: false),
                    supplier_id = table.Column<int>(type: "integer", nullable: false),
                    region = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    numbers = table.Column<long>(type: "bigint", nullable: false),
                    attempted = table.Column<long>(type: "bigint", nullable: false),
                    contacted = table.Column<long>(type: "bigint", nullable: false),
                    success = table.Column<long>(type: "bigint", nullable: false),
                    refused = table.Column<long>(type: "bigint", nullable: false),
                    do_not_call = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_lead_stats", x => new { x.project_id, x.supplier_id, x.region, x.day });
                    table.ForeignKey(
                        name: "fk_lead_stats_lead_projects_project_id",
                        column: x => x.project_id,
                        principalTable: "lead_projects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            // The counters of «Конверсия» follow every write to leads (see Features/Leads/Conversion/LeadStat.cs).
            migrationBuilder.Sql("""
CREATE FUNCTION lead_stats_on_insert() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    -- One aggregate per statement over its transition table(s): +1 per new row, -1 per old row, per flag; today in Moscow.
    INSERT INTO lead_stats AS t (project_id, supplier_id, region, day, numbers, attempted, contacted, success, refused, do_not_call)
    SELECT x.project_id, x.supplier_id, x.region, (now() AT TIME ZONE 'Europe/Moscow')::date, sum(x.n), sum(x.a), sum(x.c), sum(x.s), sum(x.r), sum(x.d)
    FROM (
        SELECT project_id, coalesce(supplier_id, 0) AS supplier_id, coalesce(region, '') AS region, 1 AS n,
               (attempts > 0)::int AS a, (status IN (3, 4, 5, 7))::int AS c, (status = 4)::int AS s, (status = 5)::int AS r, (status = 7)::int AS d
        FROM lead_stats_new
    ) x
    WHERE EXISTS (SELECT 1 FROM lead_projects p WHERE p.id = x.project_id)
    GROUP BY x.project_id, x.supplier_id, x.region
    HAVING sum(x.n) <> 0 OR sum(x.a) <> 0 OR sum(x.c) <> 0 OR sum(x.s) <> 0 OR sum(x.r) <> 0 OR sum(x.d) <> 0
    ON CONFLICT (project_id, supplier_id, region, day) DO UPDATE SET
        numbers = t.numbers + excluded.numbers, attempted = t.attempted + excluded.attempted, contacted = t.contacted + excluded.contacted,
        success = t.success + excluded.success, refused = t.refused + excluded.refused, do_not_call = t.do_not_call + excluded.do_not_call;
    RETURN NULL;
END
$fn$;
CREATE FUNCTION lead_stats_on_update() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    -- One aggregate per statement over its transition table(s): +1 per new row, -1 per old row, per flag; today in Moscow.
    INSERT INTO lead_stats AS t (project_id, supplier_id, region, day, numbers, attempted, contacted, success, refused, do_not_call)
    SELECT x.project_id, x.supplier_id, x.region, (now() AT TIME ZONE 'Europe/Moscow')::date, sum(x.n), sum(x.a), sum(x.c), sum(x.s), sum(x.r), sum(x.d)
    FROM (
        SELECT project_id, coalesce(supplier_id, 0) AS supplier_id, coalesce(region, '') AS region, 1 AS n,
               (attempts > 0)::int AS a, (status IN (3, 4, 5, 7))::int AS c, (status = 4)::int AS s, (status = 5)::int AS r, (status = 7)::int AS d
        FROM lead_stats_new
        UNION ALL
        SELECT project_id, coalesce(supplier_id, 0) AS supplier_id, coalesce(region, '') AS region, -1 AS n,
               -(attempts > 0)::int AS a, -(status IN (3, 4, 5, 7))::int AS c, -(status = 4)::int AS s, -(status = 5)::int AS r, -(status = 7)::int AS d
        FROM lead_stats_old
    ) x
    WHERE EXISTS (SELECT 1 FROM lead_projects p WHERE p.id = x.project_id)
    GROUP BY x.project_id, x.supplier_id, x.region
    HAVING sum(x.n) <> 0 OR sum(x.a) <> 0 OR sum(x.c) <> 0 OR sum(x.s) <> 0 OR sum(x.r) <> 0 OR sum(x.d) <> 0
    ON CONFLICT (project_id, supplier_id, region, day) DO UPDATE SET
        numbers = t.numbers + excluded.numbers, attempted = t.attempted + excluded.attempted, contacted = t.contacted + excluded.contacted,
        success = t.success + excluded.success, refused = t.refused + excluded.refused, do_not_call = t.do_not_call + excluded.do_not_call;
    RETURN NULL;
END
$fn$;
CREATE FUNCTION lead_stats_on_delete() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    -- One aggregate per statement over its transition table(s): +1 per new row, -1 per old row, per flag; today in Moscow.
    INSERT INTO lead_stats AS t (project_id, supplier_id, region, day, numbers, attempted, contacted, success, refused, do_not_call)
    SELECT x.project_id, x.supplier_id, x.region, (now() AT TIME ZONE 'Europe/Moscow')::date, sum(x.n), sum(x.a), sum(x.c), sum(x.s), sum(x.r), sum(x.d)
    FROM (
        SELECT project_id, coalesce(supplier_id, 0) AS supplier_id, coalesce(region, '') AS region, -1 AS n,
               -(attempts > 0)::int AS a, -(status IN (3, 4, 5, 7))::int AS c, -(status = 4)::int AS s, -(status = 5)::int AS r, -(status = 7)::int AS d
        FROM lead_stats_old
    ) x
    WHERE EXISTS (SELECT 1 FROM lead_projects p WHERE p.id = x.project_id)
    GROUP BY x.project_id, x.supplier_id, x.region
    HAVING sum(x.n) <> 0 OR sum(x.a) <> 0 OR sum(x.c) <> 0 OR sum(x.s) <> 0 OR sum(x.r) <> 0 OR sum(x.d) <> 0
    ON CONFLICT (project_id, supplier_id, region, day) DO UPDATE SET
        numbers = t.numbers + excluded.numbers, attempted = t.attempted + excluded.attempted, contacted = t.contacted + excluded.contacted,
        success = t.success + excluded.success, refused = t.refused + excluded.refused, do_not_call = t.do_not_call + excluded.do_not_call;
    RETURN NULL;
END
$fn$;
CREATE TRIGGER lead_stats_insert AFTER INSERT ON leads REFERENCING NEW TABLE AS lead_stats_new FOR EACH STATEMENT EXECUTE FUNCTION lead_stats_on_insert();
CREATE TRIGGER lead_stats_update AFTER UPDATE ON leads REFERENCING OLD TABLE AS lead_stats_old NEW TABLE AS lead_stats_new FOR EACH STATEMENT EXECUTE FUNCTION lead_stats_on_update();
CREATE TRIGGER lead_stats_delete AFTER DELETE ON leads REFERENCING OLD TABLE AS lead_stats_old FOR EACH STATEMENT EXECUTE FUNCTION lead_stats_on_delete();
""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS lead_stats_insert ON leads; DROP TRIGGER IF EXISTS lead_stats_update ON leads; DROP TRIGGER IF EXISTS lead_stats_delete ON leads; DROP FUNCTION IF EXISTS lead_stats_on_insert(); DROP FUNCTION IF EXISTS lead_stats_on_update(); DROP FUNCTION IF EXISTS lead_stats_on_delete();");
            migrationBuilder.DropTable(
                name: "lead_stats");
        }
    }
}
