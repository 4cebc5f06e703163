using AlAroma.Web.Infrastructure.Time;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Features.Locations;
using AlAroma.Web.Features.Catalog;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Warehouse.Stocktakes;

/// <summary>Starts a stocktake ("Новая инвентаризация") at one of the user's locations: full, or by brands or categories.</summary>
public sealed class CreateStocktake(AppDbContext db, LocationScope scope, TimeProvider clock, ICurrentUser user)
{
    /// <summary>The form of a new stocktake.</summary>
    public sealed class Input
    {
        public int? LocationId { get; set; }
        public StocktakeScope Scope { get; set; } = StocktakeScope.Full;

        /// <summary>Brands of a stocktake by brands.</summary>
        public List<string> Brands { get; set; } = [];

        /// <summary>Categories of a stocktake by categories.</summary>
        public List<string> Categories { get; set; } = [];
        public string? Comment { get; set; }

        /// <summary>The chosen brands or categories, trimmed and distinct (empty for a full stocktake).</summary>
        public List<string> ScopeValues() => (Scope switch
        {
            StocktakeScope.Brands => Brands,
            StocktakeScope.Categories => Categories,
            _ => [],
        }).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).Distinct().ToList();

        /// <summary>Field errors (field name → Russian message); empty when the form is fine.</summary>
        public IEnumerable<(string Field, string Message)> Validate()
        {
            if (LocationId is null) yield return (nameof(LocationId), "Выберите точку, где считаете товар.");
            if (!Enum.IsDefined(Scope)) yield return (nameof(Scope), "Выберите, что считать: всё, бренды или категории.");
            else if (Scope == StocktakeScope.Brands && ScopeValues().Count == 0) yield return (nameof(Brands), "Отметьте хотя бы один бренд.");
            else if (Scope == StocktakeScope.Categories && ScopeValues().Count == 0) yield return (nameof(Categories), "Отметьте хотя бы одну категорию.");
            if (Comment?.Length > 1000) yield return (nameof(Comment), "Комментарий — не длиннее 1000 символов.");
        }
    }

    /// <summary>The form with the locations, brands and categories to choose from.</summary>
    public sealed record FormModel(Input Input, IReadOnlyList<Location> Locations, IReadOnlyList<string> Brands, IReadOnlyList<string> Categories);

    /// <summary>The form (empty: current location preselected).</summary>
    public async Task<FormModel> FormAsync(Input? input, CancellationToken ct)
    {
        input ??= new Input { LocationId = (await scope.CurrentAsync(ct))?.Id };
        var brands = await CatalogFacets.BrandsAsync(db, ct);
        var categories = await CatalogFacets.CategoriesAsync(db, ct);
        return new FormModel(input, await scope.AllowedAsync(ct), brands, categories);
    }

    /// <summary>Creates the stocktake in status "Подсчёт" and returns its id.</summary>
    /// <exception cref="BusinessRuleException">Invalid form, not the user's location, or another stocktake is open there.</exception>
    public async Task<long> HandleAsync(Input input, CancellationToken ct)
    {
        if (input.Validate().FirstOrDefault() is { Message: { } error }) throw new BusinessRuleException(error);
        var locationId = input.LocationId!.Value;
        var location = await db.Locations.AsNoTracking().FirstOrDefaultAsync(l => l.Id == locationId && l.IsActive, ct)
                       ?? throw new BusinessRuleException("Точка не найдена или закрыта. Выберите другую.");
        await WarehouseAccess.EnsureAsync(db, scope, locationId, "проводить инвентаризацию", ct);

        var now = clock.GetUtcNow();
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var s = new Stocktake
            {
                Number = await DocumentNumbers.NextDocumentAsync(db, StocktakeDocs.Prefix, LocalTime.Today(now, location.TimeZoneId).Year, ct),
                LocationId = locationId, Scope = input.Scope, ScopeValues = input.ScopeValues(),
                Comment = string.IsNullOrWhiteSpace(input.Comment) ? null : input.Comment.Trim(),
                Status = StocktakeStatus.Counting, CreatedAtUtc = now.UtcDateTime, CreatedBy = user.UserName,
            };
            db.Add(s);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return s.Id;
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation(StocktakeConfiguration.OpenPerLocationIndex))
        {
            db.ChangeTracker.Clear();
            var open = await db.Set<Stocktake>().AsNoTracking()
                .Where(x => x.LocationId == locationId && (x.Status == StocktakeStatus.Counting || x.Status == StocktakeStatus.Review))
                .Select(x => x.Number).FirstOrDefaultAsync(ct);
            throw new BusinessRuleException($"На точке «{location.Name}» уже идёт инвентаризация {open}. Проведите или отмените её, прежде чем начинать новую.");
        }
    }
}
