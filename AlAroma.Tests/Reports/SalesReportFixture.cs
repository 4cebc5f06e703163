using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Features.Locations;
using AlAroma.Web.Features.Catalog;
using AlAroma.Web.Features.Pos;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Tests.Reports;

/// <summary>
/// The demo chain plus known sales around 23.11.2026: S1 in Moscow (UTC+3), S2 moved to Yekaterinburg (UTC+5),
/// two cashiers, cash/card mixes, and sales just before and after each shop's local midnight.
/// Expected for 23.11.2026, all shops: 4 receipts, subtotal 11 500 ₽, discounts 400 ₽, revenue 11 100 ₽.
/// On <see cref="ReturnsDay"/> (20.11.2026) at S1: goods 2 × 1 000 ₽ with a 3 000 ₽ certificate by card, a 1 000 ₽
/// certificate alone in cash, and one unit of the goods returned to the card: revenue 1 000 ₽, certificates 4 000 ₽.
/// </summary>
public sealed class SalesReportFixture : IAsyncLifetime
{
    public static readonly DateOnly Day = new(2026, 11, 23);
    public static readonly DateOnly ReturnsDay = new(2026, 11, 20);
    public AppFixture App { get; } = new();
    public Location S1 { get; private set; } = null!;
    public Location S2 { get; private set; } = null!;
    public Product P1 { get; private set; } = null!;
    public Product P2 { get; private set; } = null!;
    public Product P3 { get; private set; } = null!;
    public const string Ksenia = "Кассирова Ксения", Polina = "Продавцова Полина";

    public async Task InitializeAsync()
    {
        await App.InitializeAsync();
        await using var db = App.Db();
        S1 = await db.Locations.SingleAsync(l => l.Code == "S1");
        S2 = await db.Locations.SingleAsync(l => l.Code == "S2");
        S2.TimeZoneId = "Asia/Yekaterinburg";
        await db.SaveChangesAsync();
        var products = await db.Products.OrderBy(p => p.Id).Take(3).ToListAsync();
        (P1, P2, P3) = (products[0], products[1], products[2]);
        var ksenia = (await db.Users.SingleAsync(u => u.Email == "cashier@alaroma.local")).Id;
        var polina = (await db.Users.SingleAsync(u => u.Email == "seller@alaroma.local")).Id;

        var shift1 = await OpenShiftAsync(db, S1);
        var shift2 = await OpenShiftAsync(db, S2);
        var n = 0;
        Sale Make(Location at, Shift shift, DateTime utc, string cashierId, string cashier, (Product P, int Qty, decimal Price, decimal Discount)[] lines,
            params (PaymentMethod Method, decimal Amount, decimal? Tendered)[] payments) =>
            NewSale(at, shift, $"{at.Code}-{++n:000000}", utc, cashierId, cashier, lines, payments);
        static DateTime Utc(int day, int hour, int minute) => new(2026, 11, day, hour, minute, 0, DateTimeKind.Utc);

        db.Sales.AddRange(
            // S1, Moscow: 10:00 and 23:55 local on the 23rd count; 00:05 on the 24th and 23:59 on the 22nd do not.
            Make(S1, shift1, Utc(23, 7, 0), ksenia, Ksenia, [(P1, 2, 1000m, 100m)], (PaymentMethod.Cash, 1900m, 2000m)),
            Make(S1, shift1, Utc(23, 20, 55), polina, Polina, [(P2, 1, 2500m, 0m)], (PaymentMethod.Card, 2500m, null)),
            Make(S1, shift1, Utc(23, 21, 5), ksenia, Ksenia, [(P1, 1, 1000m, 0m)], (PaymentMethod.Card, 1000m, null)),
            Make(S1, shift1, Utc(22, 20, 59), ksenia, Ksenia, [(P1, 1, 1000m, 0m)], (PaymentMethod.Card, 1000m, null)),
            // S2, Yekaterinburg: 23:50 local on the 23rd counts (split cash + card); 00:10 on the 24th (22:10 in Moscow!) does not;
            // 00:05 local on the 23rd (still the 22nd in Moscow) counts.
            Make(S2, shift2, Utc(23, 18, 50), ksenia, Ksenia, [(P1, 1, 1000m, 0m), (P3, 1, 3000m, 300m)], (PaymentMethod.Cash, 1700m, 2000m), (PaymentMethod.Card, 2000m, null)),
            Make(S2, shift2, Utc(23, 19, 10), polina, Polina, [(P2, 1, 2500m, 0m)], (PaymentMethod.Card, 2500m, null)),
            Make(S2, shift2, Utc(22, 19, 5), polina, Polina, [(P3, 1, 3000m, 0m)], (PaymentMethod.Cash, 3000m, 5000m)));
        await db.SaveChangesAsync();

        var withCertificate = WithCertificate(Make(S1, shift1, Utc(20, 9, 0), ksenia, Ksenia, [(P1, 2, 1000m, 0m)], (PaymentMethod.Card, 5000m, null)), 3000m);
        var certificateOnly = WithCertificate(Make(S1, shift1, Utc(20, 10, 0), ksenia, Ksenia, [], (PaymentMethod.Cash, 1000m, 1000m)), 1000m);
        db.Sales.AddRange(withCertificate, certificateOnly);
        await db.SaveChangesAsync();
        var line = withCertificate.Lines.First(l => !l.IsGiftCertificate);
        db.SaleReturns.Add(new SaleReturn
        {
            Number = "S1-V000001", SaleId = withCertificate.Id, LocationId = S1.Id, RegisterId = shift1.RegisterId, ShiftId = shift1.Id,
            CashierName = Ksenia, CreatedAtUtc = Utc(20, 11, 0), IdempotencyKey = Guid.NewGuid(), Total = 1000m,
            Lines = [new SaleReturnLine { SaleLineId = line.Id, ProductId = P1.Id, Name = P1.Name, Quantity = 1, Amount = 1000m }],
            Payments = [new SaleReturnPayment { Method = PaymentMethod.Card, Amount = 1000m }],
        });
        await db.SaveChangesAsync();
    }

    /// <summary>A paid sale of <paramref name="lines"/> (unit price and line discount, ₽) at UTC instant <paramref name="utc"/>.</summary>
    internal static Sale NewSale(Location at, Shift shift, string number, DateTime utc, string cashierId, string cashier,
        (Product P, int Qty, decimal Price, decimal Discount)[] lines, params (PaymentMethod Method, decimal Amount, decimal? Tendered)[] payments)
    {
        var sale = new Sale
        {
            Number = number, LocationId = at.Id, RegisterId = shift.RegisterId, ShiftId = shift.Id, CashierId = cashierId,
            CashierName = cashier, CreatedAtUtc = utc, IdempotencyKey = Guid.NewGuid(),
        };
        foreach (var l in lines)
            sale.Lines.Add(new SaleLine { ProductId = l.P.Id, Sku = l.P.Sku, Name = l.P.Name, Quantity = l.Qty, UnitPrice = l.Price, Discount = l.Discount, Total = l.Qty * l.Price - l.Discount });
        foreach (var p in payments)
            sale.Payments.Add(new SalePayment { Method = p.Method, Amount = p.Amount, Tendered = p.Tendered, Change = p.Tendered is { } t ? t - p.Amount : null });
        sale.Subtotal = sale.Lines.Sum(l => l.Quantity * l.UnitPrice);
        sale.DiscountTotal = sale.Lines.Sum(l => l.Discount);
        sale.Total = sale.Lines.Sum(l => l.Total);
        return sale;
    }

    private static Sale WithCertificate(Sale sale, decimal nominal)
    {
        sale.Lines.Add(new SaleLine { Sku = "CERT", Name = "Подарочный сертификат", Quantity = 1, UnitPrice = nominal, Total = nominal, UnitTotals = [nominal], IsGiftCertificate = true });
        sale.Subtotal += nominal;
        sale.Total += nominal;
        return sale;
    }

    /// <summary>A shift on the shop's first register, opened at <paramref name="openedAtUtc"/> (default 22.11.2026 05:00 UTC).</summary>
    internal static async Task<Shift> OpenShiftAsync(Web.Data.AppDbContext db, Location shop, DateTime? openedAtUtc = null)
    {
        var register = await db.Registers.OrderBy(r => r.Id).FirstAsync(r => r.LocationId == shop.Id);
        var shift = new Shift
        {
            RegisterId = register.Id, LocationId = shop.Id, OpenedByUserId = "test", OpenedByName = "Тест",
            OpenedAtUtc = openedAtUtc ?? new DateTime(2026, 11, 22, 5, 0, 0, DateTimeKind.Utc), OpeningFloat = 5000m,
        };
        db.Shifts.Add(shift);
        await db.SaveChangesAsync();
        return shift;
    }

    public Task DisposeAsync() => App.DisposeAsync();
}
