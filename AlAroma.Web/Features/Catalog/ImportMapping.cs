using AlAroma.Web.Infrastructure.Import;
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
public sealed partial class ImportMapping
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    /// <summary>Field → zero-based column index. A field not in the map is not imported.</summary>
    public Dictionary<ImportField, int> Columns { get; set; } = [];

    /// <summary>CSV encoding name (see <see cref="ImportFile.Encodings"/>); ignored for XLSX.</summary>
    public string Encoding { get; set; } = "utf-8";

    /// <summary>CSV delimiter code (see <see cref="ImportFile.Delimiters"/>); ignored for XLSX.</summary>
    public string Delimiter { get; set; } = "semicolon";

    /// <summary>
    /// True when text garbled before it reached us ("ConcentrÃ©e") is read repaired (<see cref="Mojibake"/>); the file
    /// itself stays as uploaded, so turning this off again gives its text back.
    /// </summary>
    public bool RepairText { get; set; }

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

    // Units and filler words a header carries besides its meaning: "Цена, руб.", "Цена (₽)", "Объём, мл", "Скидка, %".
    private static readonly HashSet<string> Units =
        ["руб", "рубли", "рублей", "рубль", "р", "₽", "rub", "rur", "eur", "usd", "%", "мл", "ml", "в", "шт", "за", "с", "ндс"];

    // What a header may say for a field, written as people do; compared after HeaderKey, so case, "ё", units, punctuation
    // and word order do not matter ("Розничная цена, руб" is "цена розничная").
    private static readonly Dictionary<ImportField, string[]> Synonyms = new()
    {
        [ImportField.Sku] = ["sku", "артикул", "код", "код товара", "code", "article", "articul", "артикул товара", "артикул поставщика"],
        [ImportField.Name] = ["name", "название", "наименование", "товар", "product", "product name", "productname", "title", "наименование товара", "название товара"],
        [ImportField.Brand] = ["brand", "бренд", "марка", "производитель", "manufacturer", "торговая марка"],
        [ImportField.Category] = ["category", "категория", "группа", "группа товаров", "категория товара"],
        [ImportField.VolumeMl] = ["volume", "volume ml", "volumeml", "объём", "объём мл", "ml", "мл", "size", "объём флакона"],
        [ImportField.Concentration] = ["concentration", "концентрация", "type", "тип"],
        [ImportField.Gender] = ["gender", "пол", "sex", "для"],
        [ImportField.RetailPrice] = ["price", "retail price", "retailprice", "цена", "розничная цена", "стоимость", "розница", "цена продажи", "рц", "цена розн", "розн цена"],
        [ImportField.Barcode] = ["barcode", "штрихкод", "штрих код", "штрихкоды", "ean", "ean13", "ean 13", "gtin", "barcodes"],
        [ImportField.IsActive] = ["active", "is active", "isactive", "активен", "активный", "активность"],
        [ImportField.Description] = ["description", "описание"],
        [ImportField.Notes] = ["notes", "ноты", "пирамида", "composition", "состав"],
        [ImportField.ImageUrl] = ["image url", "imageurl", "image", "изображение", "фото", "картинка", "picture", "photo", "url", "ссылка на изображение"],
    };

    private static readonly Dictionary<string, ImportField> ByKey = Synonyms
        .SelectMany(kv => kv.Value.Select(name => (Key: HeaderKey(name), Field: kv.Key)))
        .DistinctBy(x => x.Key).ToDictionary(x => x.Key, x => x.Field);

    /// <summary>The mapping guessed from the header titles ("Name"/"Название" → Name, "Цена, руб." → RetailPrice, "Штрихкод"/"EAN" → Barcode…).</summary>
    public static Dictionary<ImportField, int> Guess(IReadOnlyList<string> headers)
    {
        var map = new Dictionary<ImportField, int>();
        for (var i = 0; i < headers.Count; i++)
            if (ByKey.TryGetValue(HeaderKey(headers[i]), out var field) || ByKey.TryGetValue(HeaderKey(Brackets().Replace(headers[i], " ")), out field))
                map.TryAdd(field, i);
        return map;
    }

    // A clarification in brackets: "Штрих-код (EAN-13)" is tried as "Штрих-код" too.
    [System.Text.RegularExpressions.GeneratedRegex(@"\([^)]*\)|\[[^\]]*\]")]
    private static partial System.Text.RegularExpressions.Regex Brackets();

    /// <summary>
    /// A header reduced to what it means: lower case, "ё" as "е", punctuation and brackets as spaces, units and filler
    /// words ("руб.", "₽", "%", "мл", "с НДС") dropped unless nothing else is left ("мл" alone stays), words sorted.
    /// </summary>
    public static string HeaderKey(string header)
    {
        var sb = new System.Text.StringBuilder(header.Length);
        foreach (var c in header.ToLowerInvariant().Replace('ё', 'е'))
            sb.Append(char.IsLetterOrDigit(c) || c is '₽' or '%' ? c : ' ');
        // "₽" and "%" stick to numbers and words ("цена₽"): make them words of their own.
        var words = sb.Replace("₽", " ₽ ").Replace("%", " % ").ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var meaning = words.Where(w => !Units.Contains(w)).ToList();
        if (meaning.Count == 0) meaning = [.. words];
        meaning.Sort(StringComparer.Ordinal);
        return string.Join(' ', meaning);
    }

    /// <summary>Serialises for <see cref="CatalogImport.MappingJson"/>.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads <see cref="CatalogImport.MappingJson"/>; null when absent.</summary>
    public static ImportMapping? FromJson(string? json) =>
        string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize<ImportMapping>(json, Json);
}
