using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AlAroma.Web.Migrations
{
    /// <summary>
    /// Removes the secrets earlier versions wrote to the audit log (the lists of AuditPolicy as of this migration:
    /// a migration keeps what it did, the policy may grow) and retires the key ring stored in plain text.
    /// </summary>
    public partial class AuditWithoutSecrets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Whole rows whose values are the secret: the key ring's XML, identity tokens, external logins.
            migrationBuilder.Sql("""
                DELETE FROM audit_entries WHERE entity IN ('DataProtectionKey', 'IdentityUserToken`1', 'IdentityUserLogin`1');
                """);
            // Single values; jsonb "-" drops the keys and leaves NULL as it is.
            foreach (var (entity, names) in new[]
                     {
                         ("AppUser", "PasswordHash,SecurityStamp,ConcurrencyStamp"),
                         ("IdentityRole", "ConcurrencyStamp"),
                         ("CustomerCode", "Code"),
                         ("GiftCertificate", "Code"),
                         ("SaleLine", "CertificateCode"),
                         ("SalePayment", "CertificateCode"),
                     })
            {
                migrationBuilder.Sql($$"""
                    UPDATE audit_entries SET old_values = old_values - '{{{names}}}'::text[], new_values = new_values - '{{{names}}}'::text[]
                    WHERE entity = '{{entity}}' AND (old_values ?| '{{{names}}}'::text[] OR new_values ?| '{{{names}}}'::text[]);
                    """);
            }
            // The plain-text key ring was readable in the log and its exports: a key anyone may hold signs nothing.
            // Data Protection makes a new, encrypted key on the next start; signed-in people sign in once more.
            migrationBuilder.Sql("""
                DELETE FROM data_protection_keys WHERE xml NOT LIKE '%<encryptedSecret%';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Removed secrets are gone for good, on purpose.
        }
    }
}
