using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AlAroma.Web.Migrations
{
    /// <inheritdoc />
    public partial class CustomerCrm : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "birthday_change_reason",
                table: "customers",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "email_consent_at_utc",
                table: "customers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "email_consent_source",
                table: "customers",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "merged_at_utc",
                table: "customers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "merged_into_id",
                table: "customers",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "sms_consent_at_utc",
                table: "customers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "sms_consent_source",
                table: "customers",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<List<string>>(
                name: "tags",
                table: "customers",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'");

            migrationBuilder.AddColumn<DateTime>(
                name: "telegram_consent_at_utc",
                table: "customers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "telegram_consent_source",
                table: "customers",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_customers_merged_into_id",
                table: "customers",
                column: "merged_into_id");

            migrationBuilder.CreateIndex(
                name: "ix_customers_tags",
                table: "customers",
                column: "tags")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.AddForeignKey(
                name: "fk_customers_customers_merged_into_id",
                table: "customers",
                column: "merged_into_id",
                principalTable: "customers",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_customers_customers_merged_into_id",
                table: "customers");

            migrationBuilder.DropIndex(
                name: "ix_customers_merged_into_id",
                table: "customers");

            migrationBuilder.DropIndex(
                name: "ix_customers_tags",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "birthday_change_reason",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "email_consent_at_utc",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "email_consent_source",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "merged_at_utc",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "merged_into_id",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "sms_consent_at_utc",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "sms_consent_source",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "tags",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "telegram_consent_at_utc",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "telegram_consent_source",
                table: "customers");
        }
    }
}
