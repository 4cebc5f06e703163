using AlAroma.Web.Infrastructure.Auditing;
using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Features.Customers;
using AlAroma.Web.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AlAroma.Tests.Admin;

/// <summary>
/// Whoever holds the audit log (the screen, its Excel export) must not get what signs in as someone else or spends
/// someone's money: no key ring, password hash, security stamp, token or one-time code in it, and the key ring
/// itself encrypted at rest.
/// </summary>
public sealed class AuditSecretsTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Creating_a_user_and_changing_the_password_tokens_and_logins_audits_no_secret()
    {
        var since = await LastIdAsync();
        string userId;
        using (var scope = app.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = "secret.test@alaroma.local", Email = "secret.test@alaroma.local", FullName = "Секретов Сергей" };
            Assert.True((await users.CreateAsync(user, "Start-Parol-2026!x")).Succeeded);
            Assert.True((await users.ChangePasswordAsync(user, "Start-Parol-2026!x", "Other-Parol-2027!y")).Succeeded);
            Assert.True((await users.SetAuthenticationTokenAsync(user, "Telegram", "bot", "token-value-42")).Succeeded);
            Assert.True((await users.AddLoginAsync(user, new UserLoginInfo("Yandex", "yandex-provider-key-7", "Яндекс"))).Succeeded);
            userId = user.Id;
        }
        await using var db = app.Db();
        var stored = await db.Users.AsNoTracking().SingleAsync(u => u.Id == userId);
        var rows = await db.AuditEntries.Where(a => a.Id > since).ToListAsync();
        var text = string.Join("\n", rows.Select(r => $"{r.Entity} {r.Key} {r.OldValues} {r.NewValues}"));

        Assert.Contains(rows, r => r.Entity == nameof(AppUser) && r.Action == "Create" && r.NewValues!.Contains("Секретов Сергей")); // still audited
        // The password change itself is on record, without the value.
        Assert.Contains(rows, r => r.Entity == nameof(AppUser) && r.Action == "Update" && r.NewValues!.Contains($"\"PasswordHash\": \"{AuditPolicy.Hidden}\""));
        Assert.DoesNotContain(stored.PasswordHash!, text);
        Assert.DoesNotContain(stored.SecurityStamp!, text);
        Assert.DoesNotContain(stored.ConcurrencyStamp!, text);
        Assert.DoesNotContain("token-value-42", text);
        Assert.DoesNotContain("yandex-provider-key-7", text);
    }

    [Fact]
    public async Task A_customer_code_is_audited_without_its_digits()
    {
        var since = await LastIdAsync();
        CustomerCode code;
        using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var customer = new Customer { Phone = "+79160000042", Name = "Кодова Катя", CreatedAtUtc = DateTime.UtcNow };
            db.Customers.Add(customer);
            await db.SaveChangesAsync();
            code = await CustomerCodes.IssueAsync(db, customer.Id, DateTime.UtcNow, CancellationToken.None);
        }
        await using var check = app.Db();
        var row = await check.AuditEntries.SingleAsync(a => a.Id > since && a.Entity == nameof(CustomerCode) && a.Key == code.Id.ToString());
        Assert.Contains("CustomerId", row.NewValues);
        Assert.Contains(AuditPolicy.Hidden, row.NewValues);
        Assert.DoesNotContain(code.Code, row.NewValues);
    }

    [Fact]
    public async Task A_key_ring_write_is_not_audited_and_the_stored_key_is_encrypted_yet_readable_by_another_instance()
    {
        var since = await LastIdAsync();
        var keys = app.Factory.Services.GetRequiredService<IKeyManager>();
        var key = keys.CreateNewKey(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(90));

        await using var db = app.Db();
        var text = string.Join("\n", (await db.AuditEntries.Where(a => a.Id > since).ToListAsync()).Select(r => $"{r.Entity} {r.OldValues} {r.NewValues}"));
        Assert.DoesNotContain("DataProtectionKey", text);
        Assert.DoesNotContain("<key", text);
        Assert.DoesNotContain("masterKey", text);

        var xml = (await db.DataProtectionKeys.AsNoTracking().SingleAsync(k => k.FriendlyName == "key-" + key.KeyId.ToString("D"))).Xml!;
        Assert.Contains("encryptedSecret", xml);
        Assert.DoesNotContain("masterKey", xml);

        // Another instance (or the next start) decrypts the ring with the same certificate: cookies stay valid.
        var protectedText = app.Factory.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("audit-test").Protect("Al Aroma");
        var other = new ServiceCollection().AddLogging();
        other.AddDbContext<AppDbContext>(o => o.UseNpgsql(app.ConnectionString).UseSnakeCaseNamingConvention());
        other.AddDataProtection().PersistKeysToDbContext<AppDbContext>().SetApplicationName("AlAroma").DisableAutomaticKeyGeneration()
            .ProtectKeysWithCertificate(KeyRingCertificate.Load(new ConfigurationBuilder().Build(), Path.Combine(WebRoot.RepoRoot()!, ".data")));
        await using var sp = other.BuildServiceProvider();
        Assert.Equal("Al Aroma", sp.GetRequiredService<IDataProtectionProvider>().CreateProtector("audit-test").Unprotect(protectedText));
    }

    [Fact]
    public async Task The_migration_removes_secrets_stored_before_it_and_retires_the_plain_text_key_ring()
    {
        var cs = await TestPostgres.CreateDatabaseAsync("mig");
        try
        {
            await using var db = TestPostgres.NewContext(cs);
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync("20261123201821_CustomerCodeFailures"); // the schema as it was before the fix
            await using (var conn = new NpgsqlConnection(cs))
            {
                await conn.OpenAsync();
                await using var insert = new NpgsqlCommand("""
                INSERT INTO audit_entries (at_utc, user_name, action, entity, key, old_values, new_values) VALUES
                  (now(), 'system', 'Create', 'DataProtectionKey', '1', NULL, '{"Xml": "<key id=\"k\"><descriptor><masterKey><value>c2VjcmV0</value></masterKey></descriptor></key>"}'),
                  (now(), 'system', 'Create', 'IdentityUserToken`1', 'u,Telegram,bot', NULL, '{"Value": "token-value-42"}'),
                  (now(), 'admin', 'Update', 'AppUser', 'u', '{"Email": "old@alaroma.local", "SecurityStamp": "STAMP-OLD"}', '{"Email": "new@alaroma.local", "SecurityStamp": "STAMP-NEW", "PasswordHash": "AQAAAAIAAYagAAAAE-hash"}'),
                  (now(), 'system', 'Create', 'CustomerCode', '5', NULL, '{"Code": "123456", "CustomerId": 7}'),
                  (now(), 'admin', 'Update', 'Product', '3', '{"Price": 100}', '{"Price": 200}');
                INSERT INTO data_protection_keys (friendly_name, xml) VALUES
                  ('key-plain', '<key id="p"><descriptor><masterKey><value>c2VjcmV0</value></masterKey></descriptor></key>'),
                  ('key-encrypted', '<key id="e"><descriptor><encryptedSecret decryptorType="x"><EncryptedData /></encryptedSecret></descriptor></key>');
                """, conn);
                await insert.ExecuteNonQueryAsync();
            }

            await migrator.MigrateAsync();

            var rows = await db.AuditEntries.AsNoTracking().ToListAsync();
            Assert.DoesNotContain(rows, r => r.Entity is "DataProtectionKey" or "IdentityUserToken`1");
            var user = rows.Single(r => r.Entity == "AppUser");
            Assert.Contains("new@alaroma.local", user.NewValues); // the rest of the change stays on record
            Assert.Contains("old@alaroma.local", user.OldValues);
            Assert.DoesNotContain("STAMP", user.OldValues + user.NewValues);
            Assert.DoesNotContain("PasswordHash", user.NewValues);
            var code = rows.Single(r => r.Entity == "CustomerCode");
            Assert.Contains("CustomerId", code.NewValues);
            Assert.DoesNotContain("123456", code.NewValues);
            Assert.Contains("200", rows.Single(r => r.Entity == "Product").NewValues);
            Assert.Equal(new[] { "key-encrypted" }, await db.DataProtectionKeys.Select(k => k.FriendlyName).ToListAsync());
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(cs);
        }
    }

    [Fact]
    public async Task Every_entity_and_property_the_policy_names_is_mapped_and_secrets_show_hidden()
    {
        await using var db = app.Db();
        var types = db.Model.GetEntityTypes().ToList();
        Assert.All(AuditPolicy.SecretEntities, t => Assert.Contains(types, e => e.ClrType == t));
        foreach (var (declaring, names) in AuditPolicy.SecretProperties.Concat(AuditPolicy.IgnoredProperties))
        {
            var entity = types.First(e => declaring.IsAssignableFrom(e.ClrType));
            Assert.All(names, n => Assert.NotNull(entity.FindProperty(n)));
        }
        var user = types.Single(e => e.ClrType == typeof(AppUser));
        Assert.Equal(AuditPolicy.Hidden, AuditPolicy.Shown(user.FindProperty(nameof(AppUser.PasswordHash))!, "AQAAAA"));
        Assert.False(AuditPolicy.Audits(user.FindProperty(nameof(AppUser.ConcurrencyStamp))!));
        Assert.Equal("Иванова А.", AuditPolicy.Shown(user.FindProperty(nameof(AppUser.FullName))!, "Иванова А."));
    }

    [Fact]
    public async Task Codes_the_features_mark_secret_show_hidden()
    {
        await using var db = app.Db();
        var types = db.Model.GetEntityTypes().ToList();
        var marked = new (Type Entity, string Property)[]
        {
            (typeof(AlAroma.Web.Features.Customers.CustomerCode), nameof(AlAroma.Web.Features.Customers.CustomerCode.Code)),
            (typeof(AlAroma.Web.Features.GiftCards.GiftCertificate), nameof(AlAroma.Web.Features.GiftCards.GiftCertificate.Code)),
            (typeof(AlAroma.Web.Features.Pos.SaleLine), nameof(AlAroma.Web.Features.Pos.SaleLine.CertificateCode)),
            (typeof(AlAroma.Web.Features.Pos.SalePayment), nameof(AlAroma.Web.Features.Pos.SalePayment.CertificateCode)),
        };
        foreach (var (entity, property) in marked)
            Assert.Equal(AuditPolicy.Hidden, AuditPolicy.Shown(types.Single(e => e.ClrType == entity).FindProperty(property)!, "GC-1234-5678"));
    }

    private async Task<long> LastIdAsync()
    {
        await using var db = app.Db();
        return await db.AuditEntries.MaxAsync(a => (long?)a.Id) ?? 0;
    }
}
