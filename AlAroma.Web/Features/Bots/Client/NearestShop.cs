using AlAroma.Web.Data;
using AlAroma.Web.Features.Locations;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Bots.Client;

/// <summary>
/// «Ближайший магазин»: the active shop with coordinates nearest to where the customer is, by great-circle distance
/// (haversine on a sphere of 6 371 km: metres of error in a city, enough to pick a shop).
/// </summary>
public sealed class NearestShop(AppDbContext db)
{
    /// <summary>A shop on the map.</summary>
    /// <param name="Latitude">Degrees, WGS 84.</param>
    /// <param name="Longitude">Degrees, WGS 84.</param>
    public sealed record Shop(int Id, string Name, string Address, string OpeningHours, double Latitude, double Longitude);

    /// <summary>Mean Earth radius, km (IUGG).</summary>
    public const double EarthRadiusKm = 6371.0088;

    /// <summary>The nearest active shop to (<paramref name="latitude"/>, <paramref name="longitude"/>) and its distance in km; null when no shop has coordinates.</summary>
    public async Task<(Shop Shop, double Km)?> FindAsync(double latitude, double longitude, CancellationToken ct)
    {
        var shops = await db.Locations.AsNoTracking()
            .Where(l => l.Kind == LocationKind.Shop && l.IsActive && l.Latitude != null && l.Longitude != null)
            .Select(l => new Shop(l.Id, l.Name, l.Address, l.OpeningHours, l.Latitude!.Value, l.Longitude!.Value))
            .ToListAsync(ct);
        return Pick(shops, latitude, longitude);
    }

    /// <summary>The shop of <paramref name="shops"/> nearest to the point, with its distance (km); ties go to the first.</summary>
    public static (Shop Shop, double Km)? Pick(IEnumerable<Shop> shops, double latitude, double longitude) =>
        shops.Select(s => ((Shop, double)?)(s, Kilometres(latitude, longitude, s.Latitude, s.Longitude)))
            .MinBy(x => x!.Value.Item2);

    /// <summary>Great-circle distance between two points (degrees), km.</summary>
    public static double Kilometres(double lat1, double lon1, double lat2, double lon2)
    {
        static double Rad(double deg) => deg * Math.PI / 180;
        var dLat = Rad(lat2 - lat1);
        var dLon = Rad(lon2 - lon1);
        var a = Math.Pow(Math.Sin(dLat / 2), 2) + Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Pow(Math.Sin(dLon / 2), 2);
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    /// <summary>"350 м" under a kilometre, "2,4 км" under 10 km, "37 км" beyond.</summary>
    public static string DistanceText(double km) => km switch
    {
        < 1 => $"{Math.Round(km * 1000 / 10) * 10:0} м",
        < 10 => km.ToString("0.0", Infrastructure.Money.Ru) + " км",
        _ => $"{Math.Round(km):0} км",
    };
}
