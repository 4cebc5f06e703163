using AlAroma.Web.Features.Account;
using AlAroma.Web.Features.Locations;
using AlAroma.Web.Features.Catalog;
using AlAroma.Web.Features.Pos;
using AlAroma.Web.Features.Warehouse.GoodsReceipts;
using AlAroma.Web.Features.Warehouse.Stocks;
using AlAroma.Web.Features.Warehouse.Suppliers;
using AlAroma.Web.Features.Warehouse.Transfers;
using AlAroma.Web.Features.Warehouse;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Data;

/// <summary>Seeds the roles, and on request the demo chain: a warehouse, two shops, one user per role, a catalog with stock.</summary>
public sealed class Seeder(AppDbContext db, UserManager<AppUser> users, RoleManager<IdentityRole> roles, TimeProvider clock)
{
    /// <summary>Password of every demo user (demo data only; real users are created by an admin).</summary>
    public const string DemoPassword = "Demo-Parfum-2026";

    /// <summary>Demo logins: e-mail, role, location code (null = all locations).</summary>
    public static readonly (string Email, string Name, string Role, string[] Locations)[] DemoUsers =
    [
        ("admin@alaroma.local", "Админов Алексей", Roles.Admin, []),
        ("manager@alaroma.local", "Менеджерова Мария", Roles.Manager, []),
        ("storekeeper@alaroma.local", "Складов Сергей", Roles.Storekeeper, ["WH", "S1", "S2"]),
        ("seller@alaroma.local", "Продавцова Полина", Roles.Seller, ["S1"]),
        ("cashier@alaroma.local", "Кассирова Ксения", Roles.Cashier, ["S1"]),
        ("operator@alaroma.local", "Операторов Олег", Roles.Operator, []),
    ];

    /// <summary>Creates the six roles if missing.</summary>
    public async Task SeedRolesAndAdminAsync(CancellationToken ct)
    {
        foreach (var r in Roles.All)
            if (!await roles.RoleExistsAsync(r)) await roles.CreateAsync(new IdentityRole(r));
    }

    /// <summary>Creates the demo chain unless a location already exists. Returns false when there was data already.</summary>
    public async Task<bool> SeedDemoAsync(CancellationToken ct)
    {
        await SeedRolesAndAdminAsync(ct);
        if (await db.Locations.AnyAsync(ct)) return false;
        var now = clock.GetUtcNow().UtcDateTime;
        // All or nothing: a failed seed leaves an empty database that the next start seeds again.
        await using var tx = await db.Database.BeginTransactionAsync(ct);

        var wh = new Location { Code = "WH", Name = "Центральный склад", Kind = LocationKind.Warehouse, Address = "Москва, ул. Складочная, 1" };
        var s1 = new Location { Code = "S1", Name = "Магазин на Тверской", Kind = LocationKind.Shop, Address = "Москва, ул. Тверская, 12",
            Latitude = 55.7636, Longitude = 37.6062, OpeningHours = "ежедневно 10:00–22:00" };
        var s2 = new Location { Code = "S2", Name = "Магазин в ТЦ «Авиапарк»", Kind = LocationKind.Shop, Address = "Москва, Ходынский б-р, 4",
            Latitude = 55.7904, Longitude = 37.5313, OpeningHours = "ежедневно 10:00–22:00" };
        db.Locations.AddRange(wh, s1, s2);
        await db.SaveChangesAsync(ct);
        db.Registers.AddRange(new Register { LocationId = s1.Id, Name = "Касса 1" }, new Register { LocationId = s1.Id, Name = "Касса 2" },
            new Register { LocationId = s2.Id, Name = "Касса 1" });
        await db.SaveChangesAsync(ct);

        var byCode = new Dictionary<string, Location> { ["WH"] = wh, ["S1"] = s1, ["S2"] = s2 };
        foreach (var (email, name, role, locs) in DemoUsers)
            await CreateUserAsync(email, name, DemoPassword, role, locs.Select(c => byCode[c].Id));

        var products = DemoCatalog.Products(now);
        db.Products.AddRange(products);
        await db.SaveChangesAsync(ct);

        // Stock arrives the way it always does: a posted goods receipt at the warehouse, then transfers to the shops.
        var supplier = new Supplier { Name = "ООО «Парфюм-Импорт»" };
        db.Suppliers.Add(supplier);
        await db.SaveChangesAsync(ct);
        var receipt = new GoodsReceipt
        {
            Number = await DocumentNumbers.NextDocumentAsync(db, "ПР", now.Year, ct), LocationId = wh.Id, SupplierId = supplier.Id, SupplierName = supplier.Name,
            SupplierInvoiceNumber = "ПИ-1001", SupplierInvoiceDate = DateOnly.FromDateTime(now), Status = DocumentStatus.Draft,
            CreatedAtUtc = now, CreatedBy = "demo", PostedAtUtc = now, PostedBy = "demo",
        };
        foreach (var p in products) receipt.AddLine(p.Id, 40, Math.Round(p.RetailPrice * 0.45m, 2));
        receipt.Status = DocumentStatus.Posted;
        db.GoodsReceipts.Add(receipt);
        foreach (var p in products) p.AverageCost = Math.Round(p.RetailPrice * 0.45m, 2);
        await db.SaveChangesAsync(ct);
        await StockLedger.ApplyAsync(db, products.Select(p => new StockChange(wh.Id, p.Id, 40)), MovementKind.GoodsReceipt, receipt.Number, receipt.Id, now, "demo", ct);

        foreach (var shop in new[] { s1, s2 })
        {
            var t = new Transfer
            {
                Number = await DocumentNumbers.NextDocumentAsync(db, "ПМ", now.Year, ct), FromLocationId = wh.Id, ToLocationId = shop.Id,
                Status = TransferStatus.Received, CreatedAtUtc = now, CreatedBy = "demo", ShippedAtUtc = now, ShippedBy = "demo", ReceivedAtUtc = now, ReceivedBy = "demo",
            };
            foreach (var p in products) t.Lines.Add(new TransferLine { ProductId = p.Id, Quantity = 10, ReceivedQuantity = 10 });
            db.Transfers.Add(t);
            await db.SaveChangesAsync(ct);
            await StockLedger.ApplyAsync(db, products.Select(p => new StockChange(wh.Id, p.Id, -10)), MovementKind.TransferOut, t.Number, t.Id, now, "demo", ct);
            await StockLedger.ApplyAsync(db, products.Select(p => new StockChange(shop.Id, p.Id, 10)), MovementKind.TransferIn, t.Number, t.Id, now, "demo", ct);
        }
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>Creates a user with a role and locations.</summary>
    /// <exception cref="InvalidOperationException">Identity refused (weak password, duplicate e-mail); the message lists why.</exception>
    public async Task<AppUser> CreateUserAsync(string email, string fullName, string password, string role, IEnumerable<int> locationIds)
    {
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, FullName = fullName, LockoutEnabled = true };
        foreach (var id in locationIds) user.Locations.Add(new UserLocation { LocationId = id });
        var r = await users.CreateAsync(user, password);
        if (!r.Succeeded) throw new InvalidOperationException(string.Join("; ", r.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, role);
        return user;
    }

    /// <summary>Prints the URL and the demo logins for a newcomer.</summary>
    public static void PrintDemoLogins(TextWriter w, string url)
    {
        w.WriteLine();
        w.WriteLine($"  Al Aroma is starting on {url.Split(';')[0]}");
        w.WriteLine($"  Demo logins (password {DemoPassword}):");
        foreach (var u in DemoUsers)
            w.WriteLine($"    {u.Email,-28} {Roles.Label(u.Role),-14} {(u.Locations.Length > 0 ? string.Join(", ", u.Locations) : u.Role is Roles.Admin or Roles.Manager ? "все точки" : "—")}");
        w.WriteLine();
    }
}
