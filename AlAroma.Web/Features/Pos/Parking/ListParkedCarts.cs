using AlAroma.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Pos.Parking;

/// <summary>The receipts parked at a register, oldest first (the customer who waited longest comes back first).</summary>
public sealed class ListParkedCarts(AppDbContext db)
{
    /// <summary>One parked receipt as listed.</summary>
    /// <param name="Total">To pay when it was parked, ₽.</param>
    public sealed record Row(long Id, DateTime ParkedAtUtc, string ParkedBy, string Summary, int Units, decimal Total);

    /// <summary>The list of a register, with the shop's time zone for the times.</summary>
    public sealed record Model(int RegisterId, string TimeZoneId, IReadOnlyList<Row> Rows);

    /// <summary>Parked receipts of <paramref name="registerId"/> (the caller has checked the register is the user's).</summary>
    public async Task<Model> HandleAsync(int registerId, string timeZoneId, CancellationToken ct) =>
        new(registerId, timeZoneId, await db.ParkedCarts.AsNoTracking().Where(p => p.RegisterId == registerId).OrderBy(p => p.Id)
            .Select(p => new Row(p.Id, p.ParkedAtUtc, p.ParkedBy, p.Summary, p.Units, p.Total)).ToListAsync(ct));

    /// <summary>How many receipts are parked at the register of <paramref name="shiftId"/> (the close-shift form warns about them).</summary>
    public Task<int> CountForShiftAsync(long shiftId, CancellationToken ct) =>
        db.ParkedCarts.CountAsync(p => db.Shifts.Any(s => s.Id == shiftId && s.RegisterId == p.RegisterId), ct);
}
