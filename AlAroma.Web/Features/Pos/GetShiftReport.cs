using AlAroma.Web.Data;
using AlAroma.Web.Features.Locations;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Pos;

/// <summary>/pos/shifts/{id}: the X-report of an open shift or the Z-report of a closed one.</summary>
public sealed class GetShiftReport(AppDbContext db, TillAccess till)
{
    /// <summary>The shift, where it is, its figures and whether the user may close it.</summary>
    public sealed record Model(Shift Shift, Register Register, Location Shop, ShiftFigures Figures, bool MayClose)
    {
        public string Title => Shift.IsOpen ? "X-отчёт" : "Z-отчёт";

        /// <summary>
        /// Cash the drawer should hold, ₽: as fixed when the shift was closed (the figure the counted cash was
        /// compared with), else as of now.
        /// </summary>
        public decimal ExpectedCash => Shift.ExpectedCash ?? Figures.ExpectedCash;
    }

    /// <summary>The report, or null when the shift does not exist or is of a shop the user does not see.</summary>
    public async Task<Model?> HandleAsync(long shiftId, CancellationToken ct)
    {
        var shift = await db.Shifts.AsNoTracking().FirstOrDefaultAsync(s => s.Id == shiftId, ct);
        if (shift is null || await till.FindRegisterAsync(shift.RegisterId, ct) is not { } found) return null;
        var figures = await ShiftReport.ForShiftAsync(db, shift, ct);
        return new Model(shift, found.Register, found.Location, figures, shift.IsOpen && till.MayWorkIn(shift));
    }
}
