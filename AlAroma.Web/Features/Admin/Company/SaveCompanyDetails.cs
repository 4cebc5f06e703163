using AlAroma.Web.Data;
using AlAroma.Web.Features.Locations;
using AlAroma.Web.Features.Warehouse;
using AlAroma.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Admin.Company;

/// <summary>
/// The "Реквизиты компании" form: legal name, ИНН, КПП and the address, time zone, coordinates and opening hours of
/// each location (the client bot's «Ближайший магазин» shows the nearest shop with coordinates, its address and hours).
/// </summary>
public sealed class CompanyForm
{
    public string? Name { get; set; }
    public string? Inn { get; set; }
    public string? Kpp { get; set; }
    public List<LocationAddress> Addresses { get; set; } = [];

    /// <summary>The address of one location as printed on its documents and receipts, and its time zone.</summary>
    public sealed class LocationAddress
    {
        public int LocationId { get; set; }
        public string? Address { get; set; }

        /// <summary>
        /// IANA time zone of the location (its business day and reports are local to it); null when not posted,
        /// which keeps the saved zone.
        /// </summary>
        public string? TimeZoneId { get; set; }

        /// <summary>"55.7636, 37.6062" (latitude, longitude); empty clears them; null when not posted, which keeps the saved ones.</summary>
        [System.ComponentModel.DataAnnotations.DisplayFormat(ConvertEmptyStringToNull = false)] // an emptied field clears, an absent one keeps
        public string? Coordinates { get; set; }

        /// <summary>"ежедневно 10:00–22:00"; null when not posted, which keeps the saved hours.</summary>
        [System.ComponentModel.DataAnnotations.DisplayFormat(ConvertEmptyStringToNull = false)]
        public string? OpeningHours { get; set; }

        /// <summary>Shown next to the field (not posted back into the entity).</summary>
        public string? Label { get; set; }
    }

    /// <summary>Field → Russian message for every problem; empty when the form may be saved.</summary>
    public Dictionary<string, string> Validate()
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(Name)) errors[nameof(Name)] = "Укажите название организации, как в документах: например, ООО «Аль Арома».";
        if (Infrastructure.Requisites.Inn.Error(Inn) is { } innError) errors[nameof(Inn)] = innError;
        var inn = Inn?.Trim() ?? "";
        var kpp = Kpp?.Trim() ?? "";
        if (inn.Length == 12 && kpp.Length > 0) errors[nameof(Kpp)] = "У ИП (ИНН из 12 цифр) нет КПП — оставьте поле пустым.";
        else if (inn.Length != 12 && Company.Kpp.Error(kpp) is { } kppError) errors[nameof(Kpp)] = kppError;
        for (var i = 0; i < Addresses.Count; i++)
            if (Addresses[i].TimeZoneId is { } zone && !LocalTime.IsKnown(zone.Trim()))
                errors[$"{nameof(Addresses)}[{i}].{nameof(LocationAddress.TimeZoneId)}"] =
                    $"Часовой пояс «{zone}» неизвестен. Выберите пояс точки из списка, например «Москва, UTC+3».";
        for (var i = 0; i < Addresses.Count; i++)
        {
            if (Locations.Coordinates.Parse(Addresses[i].Coordinates).Error is { } geoError)
                errors[$"{nameof(Addresses)}[{i}].{nameof(LocationAddress.Coordinates)}"] = geoError;
            if (Addresses[i].OpeningHours?.Trim().Length > 200)
                errors[$"{nameof(Addresses)}[{i}].{nameof(LocationAddress.OpeningHours)}"] = "Часы работы длиннее 200 символов: сократите, например «ежедневно 10:00–22:00».";
        }
        return errors;
    }
}

/// <summary>Saves the company's details and the locations' addresses, time zones, coordinates and hours (audited like every change).</summary>
public sealed class SaveCompanyDetails(AppDbContext db)
{
    /// <summary>The form filled from the database (and the locations to give addresses to).</summary>
    public async Task<CompanyForm> LoadAsync(CancellationToken ct)
    {
        var row = await db.CompanyDetails.AsNoTracking().FirstOrDefaultAsync(ct);
        var locations = await db.Locations.AsNoTracking().OrderBy(l => l.Kind).ThenBy(l => l.Code).ToListAsync(ct);
        return new CompanyForm
        {
            Name = row?.Name, Inn = row?.Inn, Kpp = row?.Kpp,
            Addresses = locations.Select(l => new CompanyForm.LocationAddress
            {
                LocationId = l.Id, Address = l.Address, TimeZoneId = l.TimeZoneId, Label = $"{l.Code} · {l.Name}",
                Coordinates = Coordinates.Format(l.Latitude, l.Longitude), OpeningHours = l.OpeningHours,
            }).ToList(),
        };
    }

    /// <summary>Saves a valid form; returns the problems otherwise (nothing saved).</summary>
    public async Task<Dictionary<string, string>> HandleAsync(CompanyForm form, CancellationToken ct)
    {
        var errors = form.Validate();
        if (errors.Count > 0) return errors;
        var row = await db.CompanyDetails.FirstOrDefaultAsync(ct);
        if (row is null) db.CompanyDetails.Add(row = new CompanyDetails());
        (row.Name, row.Inn, row.Kpp) = (form.Name!.Trim(), form.Inn!.Trim(), form.Kpp?.Trim() ?? "");
        var addresses = form.Addresses.ToDictionary(a => a.LocationId);
        foreach (var location in await db.Locations.Where(l => addresses.Keys.Contains(l.Id)).ToListAsync(ct))
        {
            var posted = addresses[location.Id];
            location.Address = posted.Address?.Trim() ?? "";
            if (posted.TimeZoneId is { } zone) location.TimeZoneId = zone.Trim();
            if (posted.Coordinates is { } geo) (location.Latitude, location.Longitude, _) = Coordinates.Parse(geo);
            if (posted.OpeningHours is { } hours) location.OpeningHours = hours.Trim();
        }
        await db.SaveChangesAsync(ct);
        return errors;
    }
}
