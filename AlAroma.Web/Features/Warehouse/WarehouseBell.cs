using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Features.Notifications.Bell;
using AlAroma.Web.Features.Warehouse.Transfers;
using AlAroma.Web.Features.Warehouse.WriteOffs;
using AlAroma.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Warehouse;

/// <summary>
/// What the warehouse rings the bell for (issue 11): a transfer in transit to or received at a user's location, a
/// write-off waiting for approval (managers), low stock at a location. Each call adds rows to the caller's context
/// inside its transaction (see <see cref="UserNotifications"/>); the caller saves and commits. The links go to
/// warehouse pages (<see cref="Roles.Stock"/>): a seller or cashier of the location gets the notice without a link.
/// </summary>
public static class WarehouseBell
{
    /// <summary>«Перемещение … в пути»: to the staff of the destination, except the one who shipped it.</summary>
    public static async Task TransferShippedAsync(AppDbContext db, Transfer t, DateTime nowUtc, string? actorId, CancellationToken ct)
    {
        var from = await LocationNameAsync(db, t.FromLocationId, ct);
        await UserNotifications.AddAsync(db, Audience.WorkingAt(t.ToLocationId), new Notice(NotificationKinds.TransferShipped,
            $"Перемещение {t.Number} в пути", $"Из «{from}»: {t.Lines.Count} поз., {t.Lines.Sum(l => l.Quantity)} шт. Примите товар по прибытии.",
            $"/warehouse/transfers/{t.Id}", t.ToLocationId, LinkRoles: Roles.Stock), nowUtc, actorId, ct);
    }

    /// <summary>«Перемещение … принято»: to the staff of both ends, except the one who received it.</summary>
    public static async Task TransferReceivedAsync(AppDbContext db, Transfer t, DateTime nowUtc, string? actorId, CancellationToken ct)
    {
        var to = await LocationNameAsync(db, t.ToLocationId, ct);
        await UserNotifications.AddAsync(db, Audience.WorkingAt(t.FromLocationId, t.ToLocationId), new Notice(NotificationKinds.TransferReceived,
            $"Перемещение {t.Number} принято", t.HasDiscrepancy ? $"В «{to}», с расхождением — проверьте документ." : $"В «{to}», без расхождений.",
            $"/warehouse/transfers/{t.Id}", t.ToLocationId, LinkRoles: Roles.Stock), nowUtc, actorId, ct);
    }

    /// <summary>«Списание … ждёт утверждения»: to every manager.</summary>
    public static async Task WriteOffSubmittedAsync(AppDbContext db, WriteOff w, DateTime nowUtc, string? actorId, CancellationToken ct)
    {
        var at = await LocationNameAsync(db, w.LocationId, ct);
        await UserNotifications.AddAsync(db, Audience.Managers, new Notice(NotificationKinds.WriteOffSubmitted,
            $"Списание {w.Number} ждёт утверждения", $"«{at}», {WriteOff.ReasonLabel(w.Reason)}: {w.Lines.Sum(l => l.Quantity)} шт.",
            $"/warehouse/writeoffs/{w.Id}", w.LocationId, LinkRoles: Roles.Stock), nowUtc, actorId, ct);
    }

    /// <summary>
    /// «Мало товара»: to the staff of the location, once per product and location per business day (the location's
    /// time zone), however often the balance dips below the minimum that day.
    /// </summary>
    public static async Task LowStockAsync(AppDbContext db, int locationId, int productId, int balance, int threshold, DateTime nowUtc, CancellationToken ct)
    {
        var place = await db.Locations.Where(l => l.Id == locationId).Select(l => new { l.Name, l.TimeZoneId }).FirstAsync(ct);
        var product = await db.Products.Where(p => p.Id == productId).Select(p => p.Name).FirstAsync(ct);
        var day = LocalTime.Today(new DateTimeOffset(nowUtc, TimeSpan.Zero), place.TimeZoneId);
        await UserNotifications.AddAsync(db, Audience.WorkingAt(locationId), new Notice(NotificationKinds.LowStock,
            $"Мало товара: {product}", $"«{place.Name}»: осталось {balance} шт. при минимуме {threshold} шт.",
            "/warehouse/alerts", locationId, $"low-stock:{locationId}:{productId}:{day:yyyy-MM-dd}", Roles.Stock), nowUtc, null, ct);
    }

    private static Task<string> LocationNameAsync(AppDbContext db, int id, CancellationToken ct) =>
        db.Locations.Where(l => l.Id == id).Select(l => l.Name).FirstAsync(ct);
}
