namespace AlAroma.Web.Features.Locations;

/// <summary>Kind of a stock location.</summary>
public enum LocationKind
{
    [Infrastructure.Auditing.AuditName("Склад")] Warehouse = 1,
    [Infrastructure.Auditing.AuditName("Магазин")] Shop = 2,
}

/// <summary>The central warehouse or a shop. Stock, registers and staff belong to a location.</summary>
[Infrastructure.Auditing.AuditName("Точка")]
public class Location
{
    public int Id { get; set; }

    /// <summary>Short code used in document and receipt numbers, e.g. "S1" → receipt "S1-000123".</summary>
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public LocationKind Kind { get; set; }
    public string Address { get; set; } = "";

    /// <summary>IANA time zone of the location (business days and reports are local to it).</summary>
    public string TimeZoneId { get; set; } = Infrastructure.Time.LocalTime.DefaultZone;
    public bool IsActive { get; set; } = true;

    /// <summary>Latitude of the shop, degrees (WGS 84, −90…90); null = not on the map (the bot's «Ближайший магазин» skips it).</summary>
    public double? Latitude { get; set; }

    /// <summary>Longitude of the shop, degrees (WGS 84, −180…180).</summary>
    public double? Longitude { get; set; }

    /// <summary>Opening hours as people read them, e.g. "ежедневно 10:00–22:00"; empty = not given.</summary>
    public string OpeningHours { get; set; } = "";

    public string KindLabel => Kind == LocationKind.Warehouse ? "Склад" : "Магазин";
}
