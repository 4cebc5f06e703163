using AlAroma.Web.Data;
using AlAroma.Web.Features.Leads.Numbering;
using AlAroma.Web.Features.Loyalty;
using AlAroma.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Leads.Conversion;

/// <summary>
/// «Конверсия»: the maintained counters (<see cref="LeadStat"/>) of the live projects summed by project, supplier, region
/// or day over a period of Moscow days, with the rates and the cost of a success; the chart by day; and the bridge to the
/// shops that no dialer has — called numbers that became customers (the same phone) and bought within N days after
/// their last call, with that revenue, per project and supplier (which bases pay off).
/// </summary>
public sealed class GetConversion(AppDbContext db, TimeProvider clock)
{
    /// <summary>Days after the last call in which a purchase counts, by default.</summary>
    public const int DefaultDays = 30;

    /// <summary>Dimensions the report groups by.</summary>
    public static readonly IReadOnlyList<(string Key, string Label)> Dimensions =
        [("project", "Проекты"), ("supplier", "Поставщики"), ("region", "Регионы"), ("day", "Дни")];

    /// <summary>Filters from the query string.</summary>
    public sealed class Input
    {
        public int? Project { get; set; }
        public int? Supplier { get; set; }

        /// <summary>Moscow days, inclusive; null = from the start / up to today.</summary>
        public DateOnly? From { get; set; }
        public DateOnly? To { get; set; }

        /// <summary>One of <see cref="Dimensions"/>; "project" by default.</summary>
        public string? By { get; set; }

        /// <summary>The bridge's window after the last call, days (1–365).</summary>
        public int? Days { get; set; }
    }

    /// <summary>Customers a project and supplier's numbers became, with what they bought in the window, ₽.</summary>
    public sealed record Bridge(string Project, string? Supplier, int Customers, decimal Revenue);

    /// <summary>The report: its lines, the total, the day series of the chart, the bridge.</summary>
    public sealed record Model(Input Filter, string By, IReadOnlyList<ConversionLine> Lines, ConversionLine Total, IReadOnlyList<ConversionLine> ByDay,
        IReadOnlyList<Bridge> Bridges, int Days, IReadOnlyList<(int Id, string Name)> Projects, IReadOnlyList<(int Id, string Name)> Suppliers, DateTime NowUtc);

    public async Task<Model> HandleAsync(Input input, CancellationToken ct)
    {
        var by = Dimensions.Any(d => d.Key == input.By) ? input.By! : "project";
        var days = Math.Clamp(input.Days ?? DefaultDays, 1, 365);
        var projects = await db.LeadProjects.AsNoTracking().Where(p => p.DeletedAtUtc == null).OrderBy(p => p.Name).Select(p => new { p.Id, p.Name }).ToListAsync(ct);
        var suppliers = await db.LeadSuppliers.AsNoTracking().OrderBy(s => s.Name).Select(s => new { s.Id, s.Name, s.PricePerNumberKopecks }).ToListAsync(ct);
        var live = projects.Select(p => p.Id).ToList();

        var q = db.Set<LeadStat>().AsNoTracking().Where(s => live.Contains(s.ProjectId));
        if (input.Project is { } p) q = q.Where(s => s.ProjectId == p);
        if (input.Supplier is { } sup) q = q.Where(s => s.SupplierId == sup);
        if (input.From is { } f) q = q.Where(s => s.Day >= f);
        if (input.To is { } t) q = q.Where(s => s.Day <= t);
        // Grouped in the database down to (project, supplier, region, day) cells — a few per project and day — then by the dimension here.
        var cells = await q.GroupBy(s => new { s.ProjectId, s.SupplierId, s.Region, s.Day })
            .Select(g => new
            {
                g.Key.ProjectId, g.Key.SupplierId, g.Key.Region, g.Key.Day,
                Numbers = g.Sum(x => x.Numbers), Attempted = g.Sum(x => x.Attempted), Contacted = g.Sum(x => x.Contacted),
                Success = g.Sum(x => x.Success), Refused = g.Sum(x => x.Refused), DoNotCall = g.Sum(x => x.DoNotCall),
            }).ToListAsync(ct);
        var price = suppliers.ToDictionary(s => s.Id, s => s.PricePerNumberKopecks);
        var projectName = projects.ToDictionary(x => x.Id, x => x.Name);
        var supplierName = suppliers.ToDictionary(x => x.Id, x => x.Name);
        var lines = cells.Select(c => new
        {
            c.ProjectId, c.SupplierId, c.Region, c.Day,
            Line = new ConversionLine("", "", c.Numbers, c.Attempted, c.Contacted, c.Success, c.Refused, c.DoNotCall, c.Numbers * price.GetValueOrDefault(c.SupplierId)),
        }).ToList();
        List<ConversionLine> grouped = by switch
        {
            "supplier" => lines.GroupBy(l => l.SupplierId).Select(g => ConversionLine.Sum(g.Key.ToString(), g.Key == 0 ? "Без поставщика" : supplierName.GetValueOrDefault(g.Key, "?"), g.Select(x => x.Line))).ToList(),
            "region" => lines.GroupBy(l => l.Region).Select(g => ConversionLine.Sum(g.Key, g.Key == "" ? "Регион не определён" : RegionNames.NameOf(g.Key), g.Select(x => x.Line))).ToList(),
            "day" => lines.GroupBy(l => l.Day).OrderBy(g => g.Key).Select(g => ConversionLine.Sum(g.Key.ToString("yyyy-MM-dd"), g.Key.ToString("dd.MM.yyyy"), g.Select(x => x.Line))).ToList(),
            _ => lines.GroupBy(l => l.ProjectId).Select(g => ConversionLine.Sum(g.Key.ToString(), projectName.GetValueOrDefault(g.Key, "?"), g.Select(x => x.Line))).ToList(),
        };
        if (by != "day") grouped = grouped.OrderByDescending(l => l.Numbers).ThenBy(l => l.Label).ToList();
        var byDay = lines.GroupBy(l => l.Day).OrderBy(g => g.Key)
            .Select(g => ConversionLine.Sum(g.Key.ToString("yyyy-MM-dd"), g.Key.ToString("dd.MM"), g.Select(x => x.Line))).ToList();
        var total = ConversionLine.Sum("total", "Итого", lines.Select(l => l.Line));
        return new Model(input, by, grouped, total, byDay, await BridgesAsync(input, days, live, projectName, supplierName, ct), days,
            projects.Select(x => (x.Id, x.Name)).ToList(), suppliers.Select(x => (x.Id, x.Name)).ToList(), clock.GetUtcNow().UtcDateTime);
    }

    // Called numbers whose phone is a customer's, with that customer's net purchases (LoyaltyPurchases) within the window after the last call.
    private async Task<IReadOnlyList<Bridge>> BridgesAsync(Input input, int days, List<int> live, Dictionary<int, string> projects, Dictionary<int, string> suppliers, CancellationToken ct)
    {
        var (fromUtc, toUtc) = LocalTime.Period(input.From, input.To);
        var leads = db.Leads.AsNoTracking().Where(l => l.LastCallAtUtc != null && live.Contains(l.ProjectId));
        if (input.Project is { } p) leads = leads.Where(l => l.ProjectId == p);
        if (input.Supplier is { } s) leads = leads.Where(l => l.SupplierId == s);
        if (fromUtc is { } f) leads = leads.Where(l => l.LastCallAtUtc >= f);
        if (toUtc is { } t) leads = leads.Where(l => l.LastCallAtUtc < t);
        // The called numbers that are customers (few: a customer base is thousands), then those customers' sales, matched here.
        var matched = await (from l in leads
                             join c in db.Customers on "+" + l.Phone.ToString() equals c.Phone
                             select new { l.ProjectId, l.SupplierId, LastCall = l.LastCallAtUtc!.Value, CustomerId = c.Id }).ToListAsync(ct);
        if (matched.Count == 0) return [];
        var ids = matched.Select(m => m.CustomerId).Distinct().ToList();
        var since = matched.Min(m => m.LastCall);
        var sales = await LoyaltyPurchases.Sales(db, since).Where(x => ids.Contains(x.CustomerId)).ToListAsync(ct);
        var byCustomer = sales.ToLookup(x => x.CustomerId);
        var rows = matched.Select(m => new
        {
            m.ProjectId, m.SupplierId,
            Bought = byCustomer[m.CustomerId].Where(x => x.AtUtc > m.LastCall && x.AtUtc <= m.LastCall.AddDays(days)).ToList(),
        }).Where(r => r.Bought.Count > 0).Select(r => new { r.ProjectId, r.SupplierId, Revenue = r.Bought.Sum(x => x.Net) }).ToList();
        return rows.GroupBy(r => (r.ProjectId, r.SupplierId))
            .Select(g => new Bridge(projects.GetValueOrDefault(g.Key.ProjectId, "?"), g.Key.SupplierId is { } sid ? suppliers.GetValueOrDefault(sid) : null, g.Count(), g.Sum(x => x.Revenue)))
            .OrderByDescending(b => b.Revenue).ToList();
    }
}
