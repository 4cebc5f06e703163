using AlAroma.Web.Infrastructure.Import;
using System.Text;
using AlAroma.Web.Infrastructure;

namespace AlAroma.Web.Features.Catalog;

/// <summary>A row of an import file read into product fields (null = the file does not say).</summary>
public sealed record ImportedProduct(
    string? Sku, string Name, string? Brand, string? Category, int? VolumeMl, Concentration? Concentration, Gender? Gender,
    decimal? Price, IReadOnlyList<string> Barcodes, bool? IsActive, string? Description, string? Notes, string? ImageUrl);

/// <summary>An existing product as the import matches against it.</summary>
public sealed record ExistingProduct(int Id, string Sku, string Name, string? Brand, IReadOnlyList<string> Barcodes);

/// <summary>What the import does with a row.</summary>
public enum RowAction
{
    Create,
    Update,
    Reject,
}

/// <summary>The decision for one row: create, update product <paramref name="ExistingId"/>, or reject with a reason.</summary>
public sealed record PlannedRow(ImportRow Row, RowAction Action, ImportedProduct? Product, int? ExistingId, string? Reason);

/// <summary>
/// The rules of the catalog import, without a database: reading a row into product fields, matching it to an
/// existing product (by SKU when the row has one, else by barcode, else by exact name and brand), rejecting
/// duplicates within the file (the first row wins) and bad values with a reason, and applying a row to a product.
/// </summary>
public static class CatalogImportPlan
{
    /// <summary>Longest texts the database takes (see ProductConfiguration).</summary>
    public const int MaxSku = 64, MaxName = 300, MaxBrand = 200, MaxCategory = 200;

    /// <summary>
    /// Decides every row of <paramref name="table"/>, in file order. A row's brand and category take the spelling
    /// <paramref name="brands"/> / <paramref name="categories"/> already know ("BYREDO" becomes the catalog's "Byredo")
    /// before matching, so case and spaces never make a second brand or a second product.
    /// </summary>
    public static List<PlannedRow> Plan(ImportTable table, ImportMapping mapping, IReadOnlyList<ExistingProduct> existing,
        CatalogNames? brands = null, CatalogNames? categories = null)
    {
        brands ??= new CatalogNames(existing.Select(p => p.Brand).OfType<string>());
        categories ??= new CatalogNames([]);
        var bySku = new Dictionary<string, ExistingProduct>(StringComparer.Ordinal);
        var byBarcode = new Dictionary<string, ExistingProduct>();
        var byNameBrand = new Dictionary<string, ExistingProduct>(StringComparer.Ordinal);
        foreach (var p in existing)
        {
            bySku.TryAdd(p.Sku, p);
            foreach (var b in p.Barcodes) byBarcode.TryAdd(b, p);
            byNameBrand.TryAdd(NameBrandKey(p.Name, p.Brand), p);
        }

        var firstRowOf = new Dictionary<string, int>(StringComparer.Ordinal); // identity key → row number
        var barcodeRow = new Dictionary<string, int>();                                  // barcode → row number
        var result = new List<PlannedRow>(table.Rows.Count);
        foreach (var row in table.Rows)
        {
            var (read, error) = Read(row.Cells, mapping);
            if (read is null)
            {
                result.Add(new PlannedRow(row, RowAction.Reject, null, null, error));
                continue;
            }
            var product = read with { Brand = brands.Spell(read.Brand), Category = categories.Spell(read.Category) };

            // Identity of the row in the file and its match in the catalog.
            string key;
            ExistingProduct? match;
            if (product.Sku is not null)
            {
                key = "sku:" + product.Sku;
                match = bySku.GetValueOrDefault(product.Sku);
            }
            else if (product.Barcodes.Count > 0)
            {
                key = "ean:" + product.Barcodes[0];
                var matches = product.Barcodes.Select(b => byBarcode.GetValueOrDefault(b)).Where(p => p is not null).Distinct().ToList();
                if (matches.Count > 1)
                {
                    result.Add(Reject(row, $"Штрихкоды строки принадлежат разным товарам: «{matches[0]!.Name}» и «{matches[1]!.Name}»."));
                    continue;
                }
                match = matches.FirstOrDefault();
            }
            else
            {
                key = "nb:" + NameBrandKey(product.Name, product.Brand);
                match = byNameBrand.GetValueOrDefault(NameBrandKey(product.Name, product.Brand));
            }

            if (firstRowOf.TryGetValue(key, out var first))
            {
                result.Add(Reject(row, $"Повтор строки {first}"));
                continue;
            }
            var seenBarcode = product.Barcodes.FirstOrDefault(barcodeRow.ContainsKey);
            if (seenBarcode is not null)
            {
                result.Add(Reject(row, $"Штрихкод {seenBarcode} уже указан в строке {barcodeRow[seenBarcode]}."));
                continue;
            }
            var taken = product.Barcodes.Select(b => (Code: b, Owner: byBarcode.GetValueOrDefault(b))).FirstOrDefault(x => x.Owner is not null && x.Owner.Id != match?.Id);
            if (taken.Owner is not null)
            {
                result.Add(Reject(row, $"Штрихкод {taken.Code} уже есть у товара «{taken.Owner.Name}» (артикул {taken.Owner.Sku})."));
                continue;
            }

            firstRowOf[key] = row.Number;
            foreach (var b in product.Barcodes) barcodeRow[b] = row.Number;
            result.Add(match is null
                ? new PlannedRow(row, RowAction.Create, product, null, null)
                : new PlannedRow(row, RowAction.Update, product, match.Id, null));
        }
        return result;
    }

    /// <summary>
    /// What new products will lack because a column is not mapped, said plainly for the preview and the CLI: today the
    /// price (the name is required by the mapping itself). Empty when nothing is missing.
    /// </summary>
    public static List<string> MissingForNewProducts(ImportMapping mapping)
    {
        if (mapping.Columns.ContainsKey(ImportField.RetailPrice)) return [];
        var price = ImportMapping.Label(ImportField.RetailPrice);
        return [mapping.DefaultPrice > 0
            ? $"Не выбрана колонка «{price}»: все новые товары получат цену по умолчанию {Money.Format(mapping.DefaultPrice)}, а цены из файла не загрузятся. Если в файле есть цены — выберите их столбец."
            : $"Не выбрана колонка «{price}»: новые товары будут созданы без цены, и касса не продаст их, пока цену не укажут вручную. Если в файле есть цены — выберите их столбец."];
    }

    private static PlannedRow Reject(ImportRow row, string reason) => new(row, RowAction.Reject, null, null, reason);

    // Brands compare as CatalogNames reads them: a product stored under "BYREDO" is the file's "Byredo" one.
    private static string NameBrandKey(string name, string? brand) => name + "\u0001" + CatalogNames.Key(brand ?? "");

    /// <summary>Reads one row into product fields; on a bad value returns a null product and the reason in Russian.</summary>
    public static (ImportedProduct? Product, string? Error) Read(string[] cells, ImportMapping m)
    {
        string? Cell(ImportField f, bool multiline = false) =>
            m.Columns.TryGetValue(f, out var i) && i >= 0 && i < cells.Length ? Clean(cells[i], multiline) : null;

        var name = Cell(ImportField.Name);
        if (name is null) return (null, "Не указано название товара.");
        if (name.Length > MaxName) return (null, $"Название длиннее {MaxName} символов.");
        var sku = Cell(ImportField.Sku);
        if (sku is { Length: > MaxSku }) return (null, $"Артикул длиннее {MaxSku} символов.");
        var brand = Cell(ImportField.Brand);
        if (brand is { Length: > MaxBrand }) return (null, $"Бренд длиннее {MaxBrand} символов.");
        var category = Cell(ImportField.Category);
        if (category is { Length: > MaxCategory }) return (null, $"Категория длиннее {MaxCategory} символов.");

        int? volume;
        var volumeText = Cell(ImportField.VolumeMl);
        if (volumeText is null) volume = ProductNameParser.VolumeOf(name);
        else if ((volume = ProductNameParser.VolumeCell(volumeText)) is null)
            return (null, $"Объём «{volumeText}» не распознан: укажите число миллилитров, например 100.");

        var concentrationText = Cell(ImportField.Concentration);
        var concentration = concentrationText is null
            ? ProductNameParser.ConcentrationOf(name)
            : ProductNameParser.ConcentrationOf(concentrationText) ?? Catalog.Concentration.Other;

        Gender? gender = null;
        var genderText = Cell(ImportField.Gender);
        if (genderText is not null && (gender = ProductNameParser.GenderOf(genderText)) is null)
            return (null, $"Пол «{genderText}» не распознан: укажите «женский», «мужской» или «унисекс».");

        decimal? price = null;
        var priceText = Cell(ImportField.RetailPrice);
        if (priceText is not null)
        {
            price = Money.Parse(priceText);
            if (price is null) return (null, $"Цена «{priceText}» — не число.");
            if (price < 0) return (null, $"Цена {priceText} отрицательная.");
        }

        var barcodes = new List<string>();
        foreach (var part in (Cell(ImportField.Barcode) ?? "").Split([',', ';', '/', '|', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var code = Ean.Normalise(part);
            if (Ean.Problem(code) is { } problem) return (null, problem);
            if (!barcodes.Contains(code)) barcodes.Add(code);
        }

        bool? active = null;
        var activeText = Cell(ImportField.IsActive);
        if (activeText is not null && (active = ParseBool(activeText)) is null)
            return (null, $"Значение «{activeText}» в столбце «Активен» не распознано: укажите «да» или «нет».");

        return (new ImportedProduct(sku, name, brand, category, volume, concentration, gender, price, barcodes, active,
            Cell(ImportField.Description, multiline: true), Cell(ImportField.Notes, multiline: true), Cell(ImportField.ImageUrl)), null);
    }

    private static bool? ParseBool(string text) => text.Trim().ToLowerInvariant() switch
    {
        "да" or "1" or "true" or "yes" or "y" or "д" or "+" or "активен" or "активный" => true,
        "нет" or "0" or "false" or "no" or "n" or "н" or "-" or "неактивен" or "неактивный" => false,
        _ => null,
    };

    /// <summary>
    /// A cell cleaned for storing: the quote our rejected-rows CSV puts before "=…"/"-…" dropped, control characters dropped (e.g. bytes a supplier's export left undefined in
    /// Windows-1252), line breaks normalised to "\n" (single-line fields: spaces collapsed), trimmed; null when empty.
    /// </summary>
    public static string? Clean(string? text, bool multiline = false)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        text = SpreadsheetText.FromCsv(text);
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n') continue;
                c = '\n';
            }
            if (c == '\n' || c == '\t' || c == '\u00A0') sb.Append(multiline && c == '\n' ? '\n' : ' ');
            else if (!char.IsControl(c)) sb.Append(c);
        }
        var s = sb.ToString().Trim();
        if (!multiline) s = string.Join(' ', s.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return s.Length == 0 ? null : s;
    }

    /// <summary>
    /// Writes the fields the row carries into <paramref name="p"/> (a new product gets the defaults: category
    /// "Парфюмерия", the mapping's default price). A changed price goes through <see cref="Product.SetPrice"/> and so into the
    /// price history. Barcodes of the row are added; existing ones are kept. Returns true when anything changed.
    /// </summary>
    public static bool Apply(Product p, ImportedProduct row, ImportMapping mapping, DateTime nowUtc, string by)
    {
        var isNew = p.Id == 0;
        var changed = false;
        void Set<T>(T current, T value, Action<T> assign)
        {
            if (EqualityComparer<T>.Default.Equals(current, value)) return;
            assign(value);
            changed = true;
        }
        Set(p.Name, row.Name, v => p.Name = v);
        if (row.Sku is not null) Set(p.Sku, row.Sku, v => p.Sku = v);
        if (row.Brand is not null) Set(p.Brand, row.Brand, v => p.Brand = v);
        if (row.Category is not null || isNew) Set(p.Category, row.Category ?? p.Category ?? ProductNameParser.DefaultCategory, v => p.Category = v);
        if (row.VolumeMl is not null) Set(p.VolumeMl, row.VolumeMl, v => p.VolumeMl = v);
        if (row.Concentration is not null) Set(p.Concentration, row.Concentration, v => p.Concentration = v);
        if (row.Gender is not null) Set(p.Gender, row.Gender, v => p.Gender = v);
        if (row.IsActive is not null) Set(p.IsActive, row.IsActive.Value, v => p.IsActive = v);
        if (row.Description is not null) Set(p.Description, row.Description, v => p.Description = v);
        if (row.Notes is not null) Set(p.Notes, row.Notes, v => p.Notes = v);
        if (row.ImageUrl is not null) Set(p.ImageUrl, row.ImageUrl, v => p.ImageUrl = v);
        foreach (var code in row.Barcodes.Where(c => p.Barcodes.All(b => b.Code != c)))
        {
            p.Barcodes.Add(new Barcode { Code = code });
            changed = true;
        }
        var price = row.Price ?? (isNew ? mapping.DefaultPrice : (decimal?)null);
        if (price is not null && (isNew || Money.Round(price.Value) != p.RetailPrice))
        {
            p.SetPrice(price.Value, nowUtc, by);
            changed = true;
        }
        if (isNew) p.CreatedAtUtc = nowUtc;
        if (changed) p.UpdatedAtUtc = nowUtc;
        return changed;
    }

}
