using System.Text.Json;

namespace AlAroma.Web.Features.Catalog;

/// <summary>A product field a file column can fill.</summary>
public enum ImportField
{
    Sku,
    Name,
    Brand,
    Category,
    VolumeMl,
    Concentration,
    Gender,
    RetailPrice,
    Barcode,
    IsActive,
    Description,
    Notes,
    ImageUrl,
}

/// <summary>
/// How the columns of an uploaded file map to product fields, plus the file's encoding and delimiter as chosen
/// (detected, or overridden by the person) and the price given to new products when no price column is mapped.
/// Stored as JSON on <see cref="CatalogImport"/>.
/// </summary>
public sealed class ImportMapping
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    /// <summary>Field → zero-based column index. A field not in the map is not imported.</summary>
    public Dictionary<ImportField, int> Columns { get; set; } = [];

    /// <summary>CSV encoding name (see <see cref="ImportFile.Encodings"/>); ignored for XLSX.</summary>
    public string Encoding { get; set; } = "utf-8";

    /// <summary>CSV delimiter code (see <see cref="ImportFile.Delimiters"/>); ignored for XLSX.</summary>
    public string Delimiter { get; set; } = "semicolon";

    /// <summary>Retail price in ₽ of new products when no price column is mapped; 0 = "not priced yet" (the POS refuses to sell).</summary>
    public decimal DefaultPrice { get; set; }

    /// <summary>Russian labels of the fields for the mapping screen.</summary>
    public static string Label(ImportField f) => f switch
    {
        ImportField.Sku => "Артикул",
        ImportField.Name => "Название",
        ImportField.Brand => "Бренд",
        ImportField.Category => "Категория",
        ImportField.VolumeMl => "Объём, мл",
        ImportField.Concentration => "Концентрация",
        ImportField.Gender => "Пол",
        ImportField.RetailPrice => "Розничная цена",
        ImportField.Barcode => "Штрихкод",
        ImportField.IsActive => "Активен",
        ImportField.Description => "Описание",
        ImportField.Notes => "Ноты",
        ImportField.ImageUrl => "Ссылка на изображение",
        _ => f.ToString(),
    };

    // Header titles (normalised: lower case, letters and digits only) that mean a field.
    private static readonly Dictionary<ImportField, string[]> Synonyms = new()
    {
        [ImportField.Sku] = ["sku", "артикул", "код", "кодтовара", "code", "article", "articul"],
        [ImportField.Name] = ["name", "название", "наименование", "товар", "product", "productname", "title", "наименованиетовара"],
        [ImportField.Brand] = ["brand", "бренд", "марка", "производитель", "manufacturer", "торговаямарка"],
        [ImportField.Category] = ["category", "категория", "группа", "группатоваров"],
        [ImportField.VolumeMl] = ["volume", "volumeml", "объём", "объем", "объёммл", "объеммл", "ml", "мл", "size"],
        [ImportField.Concentration] = ["concentration", "концентрация", "type", "тип"],
        [ImportField.Gender] = ["gender", "пол", "sex", "для"],
        [ImportField.RetailPrice] = ["price", "retailprice", "цена", "розничнаяцена", "ценарозничная", "стоимость", "розница"],
        [ImportField.Barcode] = ["barcode", "штрихкод", "штрихкоды", "ean", "ean13", "gtin", "barcodes"],
        [ImportField.IsActive] = ["active", "isactive", "активен", "активный", "активность"],
        [ImportField.Description] = ["description", "описание"],
        [ImportField.Notes] = ["notes", "ноты", "пирамида", "composition", "состав"],
        [ImportField.ImageUrl] = ["imageurl", "image", "изображение", "фото", "картинка", "picture", "photo", "url", "ссылканаизображение"],
    };

    /// <summary>The mapping guessed from the header titles ("Name"/"Название" → Name, "Штрихкод"/"EAN" → Barcode…).</summary>
    public static Dictionary<ImportField, int> Guess(IReadOnlyList<string> headers)
    {
        var map = new Dictionary<ImportField, int>();
        for (var i = 0; i < headers.Count; i++)
        {
            var h = Normalise(headers[i]);
            foreach (var (field, names) in Synonyms)
            {
                if (map.ContainsKey(field) || !names.Contains(h)) continue;
                map[field] = i;
                break;
            }
        }
        return map;
    }

    private static string Normalise(string header) =>
        new(header.ToLowerInvariant().Where(char.IsLetterOrDigit).ToArray());

    /// <summary>Serialises for <see cref="CatalogImport.MappingJson"/>.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads <see cref="CatalogImport.MappingJson"/>; null when absent.</summary>
    public static ImportMapping? FromJson(string? json) =>
        string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize<ImportMapping>(json, Json);
}
