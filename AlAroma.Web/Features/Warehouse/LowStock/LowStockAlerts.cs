using AlAroma.Web.Features.Locations;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Warehouse.LowStock;

/// <summary>Unacknowledged low-stock alerts at the user's locations: the header badge count and the list /warehouse/alerts.</summary>
public sealed class ListLowStockAlerts(AppDbContext db, LocationScope scope)
{
    /// <summary>An alert row; quantities in units, time UTC.</summary>
    public sealed record Row(long Id, DateTime AtUtc, string TimeZoneId, string Location, int ProductId, string Sku, string Product,
        int Balance, int Threshold, int OnHandNow);

    /// <summary>Most alerts the list shows at once (newest first).</summary>
    public const int Limit = 500;

    private async Task<IQueryable<LowStockAlert>> OpenAsync(CancellationToken ct)
    {
        var ids = (await scope.AllowedAsync(ct)).Select(l => l.Id).ToList();
        return db.LowStockAlerts.AsNoTracking().Where(a => !a.Acknowledged && ids.Contains(a.LocationId));
    }

    /// <summary>Number of unacknowledged alerts the user sees (for the bell).</summary>
    public async Task<int> CountAsync(CancellationToken ct) => await (await OpenAsync(ct)).CountAsync(ct);

    /// <summary>Unacknowledged alerts, newest first, at most <see cref="Limit"/>.</summary>
    public async Task<List<Row>> HandleAsync(CancellationToken ct) =>
        await (from a in await OpenAsync(ct)
               join l in db.Locations on a.LocationId equals l.Id
               join p in db.Products on a.ProductId equals p.Id
               orderby a.Id descending
               select new Row(a.Id, a.AtUtc, l.TimeZoneId, l.Name, p.Id, p.Sku, p.Name, a.Balance, a.Threshold,
                   db.StockBalances.Where(b => b.LocationId == a.LocationId && b.ProductId == a.ProductId).Select(b => b.Quantity).FirstOrDefault()))
            .Take(Limit).ToListAsync(ct);
}

/// <summary>"Принято": marks an alert as seen by a user of its location.</summary>
public sealed class AcknowledgeLowStockAlert(AppDbContext db, LocationScope scope, ICurrentUser user, TimeProvider clock)
{
    /// <summary>Acknowledges the alert; acknowledging twice is harmless.</summary>
    /// <exception cref="BusinessRuleException">No such alert, or it belongs to a location the user may not act at.</exception>
    public async Task HandleAsync(long id, CancellationToken ct)
    {
        var alert = await db.LowStockAlerts.FirstOrDefaultAsync(a => a.Id == id, ct)
                    ?? throw new BusinessRuleException("Уведомление не найдено — обновите список.");
        await WarehouseAccess.EnsureAsync(db, scope, alert.LocationId, "принимать уведомления", ct);
        if (alert.Acknowledged) return;
        alert.Acknowledged = true;
        alert.AcknowledgedBy = user.UserName;
        alert.AcknowledgedAtUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
    }
}
