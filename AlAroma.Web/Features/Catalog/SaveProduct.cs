using AlAroma.Web.Data;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Catalog;

/// <summary>
/// Creating and editing a product card: fields with validation (messages by field, in Russian), barcodes as a list
/// (check digit, unique across products), a price change through <see cref="Product.SetPrice"/> (dated history).
/// A product saved without barcodes gets an in-store EAN-13; without a SKU, the next "AA-000001".
/// </summary>
public sealed class SaveProduct(AppDbContext db, TimeProvider clock, ICurrentUser user)
{
    /// <summary>The product form as posted (texts as typed, so a wrong value comes back to the field as it was).</summary>
    public sealed class Input
    {
        public string? Sku { get; set; }
        public string? Name { get; set; }
        public string? Brand { get; set; }
        public string? Category { get; set; }
        public string? VolumeMl { get; set; }
        public Concentration? Concentration { get; set; }
        public Gender? Gender { get; set; }
        public string? RetailPrice { get; set; }
        public bool IsActive { get; set; } = true;
        public string? Description { get; set; }
        public string? Notes { get; set; }
        public string? ImageUrl { get; set; }
        public List<string> Barcodes { get; set; } = [];
        public List<bool> Testers { get; set; } = [];
    }

    /// <summary>The edit screen: the form, its errors by field name, and for an existing product its price history.</summary>
    public sealed record Model(int? Id, Input Input, IReadOnlyDictionary<string, string> Errors, IReadOnlyList<PriceChange> PriceHistory, DateTime? CreatedAtUtc);

    /// <summary>An empty form for a new product.</summary>
    public static Model New() => new(null, new Input { Category = ProductNameParser.DefaultCategory }, new Dictionary<string, string>(), [], null);

    /// <summary>The form of product <paramref name="id"/>, or null when there is none.</summary>
    public async Task<Model?> GetAsync(int id, CancellationToken ct)
    {
        var p = await db.Products.AsNoTracking().Include(x => x.Barcodes).Include(x => x.PriceChanges).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (p is null) return null;
        var barcodes = p.Barcodes.OrderBy(b => b.Id).ToList();
        var input = new Input
        {
            Sku = p.Sku, Name = p.Name, Brand = p.Brand, Category = p.Category, VolumeMl = p.VolumeMl?.ToString(), Concentration = p.Concentration,
            Gender = p.Gender, RetailPrice = p.RetailPrice.ToString("0.00", Money.Ru), IsActive = p.IsActive, Description = p.Description,
            Notes = p.Notes, ImageUrl = p.ImageUrl, Barcodes = barcodes.Select(b => b.Code).ToList(), Testers = barcodes.Select(b => b.IsTester).ToList(),
        };
        return new Model(p.Id, input, new Dictionary<string, string>(), History(p), p.CreatedAtUtc);
    }

    private static List<PriceChange> History(Product p) => p.PriceChanges.OrderByDescending(c => c.ChangedAtUtc).ThenByDescending(c => c.Id).ToList();

    /// <summary>
    /// Creates (<paramref name="id"/> null) or updates the product. Returns its id and null errors on success; otherwise
    /// the form with the errors and nothing saved.
    /// </summary>
    /// <exception cref="BusinessRuleException">The product does not exist (any more).</exception>
    public async Task<(int? Id, Model? Invalid)> HandleAsync(int? id, Input input, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var errors = new Dictionary<string, string>();
        Product? p = null;
        if (id is not null)
        {
            p = await db.Products.Include(x => x.Barcodes).Include(x => x.PriceChanges).FirstOrDefaultAsync(x => x.Id == id, ct)
                ?? throw new BusinessRuleException("Товар не найден: возможно, его удалили. Откройте каталог заново.");
        }

        var name = CatalogImportPlan.Clean(input.Name);
        if (name is null) errors[nameof(Input.Name)] = "Укажите название товара.";
        else if (name.Length > CatalogImportPlan.MaxName) errors[nameof(Input.Name)] = $"Название не длиннее {CatalogImportPlan.MaxName} символов.";
        var sku = CatalogImportPlan.Clean(input.Sku);
        if (sku is { Length: > CatalogImportPlan.MaxSku }) errors[nameof(Input.Sku)] = $"Артикул не длиннее {CatalogImportPlan.MaxSku} символов.";
        else if (sku is not null && await db.Products.Where(x => x.Sku == sku && x.Id != (id ?? 0)).Select(x => x.Name).FirstOrDefaultAsync(ct) is { } owner)
            errors[nameof(Input.Sku)] = $"Артикул {sku} уже есть у товара «{owner}». Укажите другой.";
        else if (sku is null && p is not null) errors[nameof(Input.Sku)] = "Укажите артикул.";
        var brand = CatalogImportPlan.Clean(input.Brand);
        if (brand is { Length: > CatalogImportPlan.MaxBrand }) errors[nameof(Input.Brand)] = $"Бренд не длиннее {CatalogImportPlan.MaxBrand} символов.";
        var category = CatalogImportPlan.Clean(input.Category);
        if (category is { Length: > CatalogImportPlan.MaxCategory }) errors[nameof(Input.Category)] = $"Категория не длиннее {CatalogImportPlan.MaxCategory} символов.";
        int? volume = null;
        if (!string.IsNullOrWhiteSpace(input.VolumeMl))
        {
            volume = ProductNameParser.VolumeCell(input.VolumeMl);
            if (volume is null) errors[nameof(Input.VolumeMl)] = "Объём — целое число миллилитров больше нуля, например 100.";
        }
        var price = Money.Parse(input.RetailPrice);
        if (string.IsNullOrWhiteSpace(input.RetailPrice)) errors[nameof(Input.RetailPrice)] = "Укажите розничную цену (0 — цена ещё не назначена, такой товар касса не продаст).";
        else if (price is null) errors[nameof(Input.RetailPrice)] = "Цена — число, например 1 990 или 1990,50.";
        else if (price < 0) errors[nameof(Input.RetailPrice)] = "Цена не может быть отрицательной.";

        var codes = new List<(string Code, bool Tester)>();
        for (var i = 0; i < input.Barcodes.Count; i++)
        {
            var code = Ean.Normalise(input.Barcodes[i]);
            if (code.Length == 0) continue;
            var key = $"{nameof(Input.Barcodes)}[{i}]";
            if (Ean.Problem(code) is { } problem) errors[key] = problem;
            else if (codes.Any(c => c.Code == code)) errors[key] = $"Штрихкод {code} указан дважды.";
            else codes.Add((code, i < input.Testers.Count && input.Testers[i]));
        }
        var codeList = codes.Select(c => c.Code).ToList();
        var taken = await db.Barcodes.Where(b => codeList.Contains(b.Code) && b.ProductId != (id ?? 0))
            .Join(db.Products, b => b.ProductId, x => x.Id, (b, x) => new { b.Code, x.Name, x.Sku }).ToListAsync(ct);
        foreach (var t in taken)
        {
            var i = input.Barcodes.FindIndex(b => Ean.Normalise(b) == t.Code);
            errors[$"{nameof(Input.Barcodes)}[{i}]"] = $"Штрихкод {t.Code} уже есть у товара «{t.Name}» (артикул {t.Sku}).";
        }

        if (errors.Count > 0) return (null, new Model(id, input, errors, p is null ? [] : History(p), p?.CreatedAtUtc));

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (p is null)
        {
            p = new Product { CreatedAtUtc = now };
            db.Products.Add(p);
        }
        p.Sku = sku ?? $"AA-{await DocumentNumbers.NextAsync(db, RunCatalogImport.SkuCounter, ct):D6}";
        p.Name = name!;
        p.Brand = await KeptSpellingAsync(brand, nameof(Product.Brand), await CatalogFacets.BrandsAsync(db, ct), id, ct);
        p.Category = await KeptSpellingAsync(category, nameof(Product.Category), await CatalogFacets.CategoriesAsync(db, ct), id, ct);
        p.VolumeMl = volume;
        p.Concentration = input.Concentration;
        p.Gender = input.Gender;
        p.IsActive = input.IsActive;
        p.Description = CatalogImportPlan.Clean(input.Description, multiline: true);
        p.Notes = CatalogImportPlan.Clean(input.Notes, multiline: true);
        p.ImageUrl = CatalogImportPlan.Clean(input.ImageUrl);
        p.UpdatedAtUtc = now;
        p.SetPrice(price!.Value, now, user.UserName);

        p.Barcodes.RemoveAll(b => !codeList.Contains(b.Code));
        foreach (var (code, tester) in codes)
        {
            var existing = p.Barcodes.FirstOrDefault(b => b.Code == code);
            if (existing is null) p.Barcodes.Add(new Barcode { Code = code, IsTester = tester });
            else existing.IsTester = tester;
        }
        if (p.Barcodes.Count == 0)
            p.Barcodes.Add(new Barcode { Code = Ean.InStore(await DocumentNumbers.NextAsync(db, RunCatalogImport.InStoreEanCounter, ct)) });
        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            throw new BusinessRuleException("Артикул или штрихкод только что занял другой товар. Проверьте их и сохраните ещё раз.");
        }
        return (p.Id, null);
    }

    /// <summary>
    /// The spelling other products already carry for <paramref name="name"/> ("byredo" typed, "Byredo" stored: "Byredo"),
    /// else the name as typed. The product itself does not count, so a brand only it carries can be re-cased.
    /// </summary>
    private async Task<string?> KeptSpellingAsync(string? name, string column, List<string> known, int? id, CancellationToken ct)
    {
        if (name is null) return null;
        var spellings = CatalogNames.SpellingsOf(known, name);
        var used = await db.Products.Where(x => x.Id != (id ?? 0) && spellings.Contains(EF.Property<string>(x, column)))
            .Select(x => EF.Property<string>(x, column)).Distinct().ToListAsync(ct);
        return spellings.FirstOrDefault(used.Contains) ?? name;
    }
}
