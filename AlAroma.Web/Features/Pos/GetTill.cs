using AlAroma.Web.Data;
using AlAroma.Web.Features.Admin;
using AlAroma.Web.Features.Catalog;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Pos;

/// <summary>The till screen of a register: shift banner, the cart with prices from the catalog, totals.</summary>
public sealed class GetTill(AppDbContext db, TillAccess till)
{
    /// <summary>A cart line as shown (prices are the current retail prices, ₽).</summary>
    public sealed record LineView(int ProductId, string Name, string Details, string? Barcode, int Quantity, decimal Price, decimal Discount, decimal Sum, int OnHand);

    /// <summary>The cart fragment: lines and totals (₽). Version changes with every edit (the client keys its idempotency key on it).</summary>
    public sealed record CartView(int RegisterId, IReadOnlyList<LineView> Lines, decimal Subtotal, decimal Discount, decimal Total, string Version)
    {
        public int Units => Lines.Sum(l => l.Quantity);
    }

    /// <summary>The whole till.</summary>
    /// <param name="Shift">The open shift, or null (then the open-shift form is shown).</param>
    /// <param name="MayWork">False when the open shift belongs to another cashier.</param>
    /// <param name="CashInDrawer">Float + cash taken in the shift, ₽.</param>
    public sealed record Model(Register Register, Location Location, Shift? Shift, bool MayWork, decimal CashInDrawer, CartView Cart);

    /// <summary>The till of a register, or null when the user may not open it.</summary>
    public async Task<Model?> HandleAsync(int registerId, CancellationToken ct)
    {
        if (await till.FindRegisterAsync(registerId, ct) is not { } found) return null;
        var (register, location) = found;
        var shift = await db.Shifts.AsNoTracking().FirstOrDefaultAsync(s => s.RegisterId == registerId && s.ClosedAtUtc == null, ct);
        var cash = shift is null ? 0 : (await ShiftReport.ForShiftAsync(db, shift, ct)).ExpectedCash;
        return new Model(register, location, shift, shift is not null && till.MayWorkIn(shift), cash, await CartAsync(registerId, location.Id, ct));
    }

    /// <summary>The cart of a register at <paramref name="locationId"/> (empty when none was started).</summary>
    public async Task<CartView> CartAsync(int registerId, int locationId, CancellationToken ct)
    {
        var cart = await db.PosCarts.AsNoTracking().Where(c => c.RegisterId == registerId).Select(c => new { c.Id, c.Version }).FirstOrDefaultAsync(ct);
        if (cart is null) return new CartView(registerId, [], 0, 0, 0, "0-0");
        var rows = await (from l in db.Set<PosCartLine>()
                          join p in db.Products on l.ProductId equals p.Id
                          where l.CartId == cart.Id
                          orderby l.Id
                          select new
                          {
                              l.ProductId, l.Quantity, p.Name, p.Brand, p.VolumeMl, p.Concentration, p.RetailPrice,
                              Barcode = p.Barcodes.Where(b => !b.IsTester).OrderBy(b => b.Id).Select(b => b.Code).FirstOrDefault(),
                              OnHand = db.StockBalances.Where(b => b.LocationId == locationId && b.ProductId == p.Id).Select(b => (int?)b.Quantity).FirstOrDefault() ?? 0,
                          }).ToListAsync(ct);
        var lines = rows.Select(r => new LineView(r.ProductId, r.Name, Details(r.Brand, r.VolumeMl, r.Concentration), r.Barcode, r.Quantity,
            r.RetailPrice, 0, Money.Round(r.RetailPrice * r.Quantity), r.OnHand)).ToList();
        var subtotal = lines.Sum(l => l.Sum);
        var discount = lines.Sum(l => l.Discount);
        return new CartView(registerId, lines, subtotal, discount, subtotal - discount, $"{cart.Id}-{cart.Version}");
    }

    /// <summary>"Chanel · 100 мл · EDP": brand, volume and concentration for a line.</summary>
    public static string Details(string? brand, int? volumeMl, Concentration? c) =>
        string.Join(" · ", new[] { brand, volumeMl is { } v ? $"{v} мл" : null, Product.ConcentrationLabel(c) }.Where(x => !string.IsNullOrEmpty(x)));
}
