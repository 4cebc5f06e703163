using AlAroma.Web.Features.Catalog;

namespace AlAroma.Web.Data;

/// <summary>A small, realistic demo catalog: perfumes a Russian chain sells, with valid EAN-13 barcodes.</summary>
public static class DemoCatalog
{
    private static readonly (string Name, string Brand, string Category, int Ml, Concentration C, Gender G, decimal Price)[] Items =
    [
        ("Chanel N°5", "Chanel", "Парфюмерия", 100, Concentration.EauDeParfum, Gender.Female, 18990m),
        ("Chanel Coco Mademoiselle", "Chanel", "Парфюмерия", 50, Concentration.EauDeParfum, Gender.Female, 13490m),
        ("Bleu de Chanel", "Chanel", "Парфюмерия", 100, Concentration.EauDeToilette, Gender.Male, 12990m),
        ("Dior Sauvage", "Dior", "Парфюмерия", 100, Concentration.EauDeToilette, Gender.Male, 11490m),
        ("Dior J'adore", "Dior", "Парфюмерия", 50, Concentration.EauDeParfum, Gender.Female, 12290m),
        ("Miss Dior Blooming Bouquet", "Dior", "Парфюмерия", 100, Concentration.EauDeToilette, Gender.Female, 13990m),
        ("Lancôme La Vie Est Belle", "Lancôme", "Парфюмерия", 50, Concentration.EauDeParfum, Gender.Female, 9990m),
        ("Lancôme Idôle", "Lancôme", "Парфюмерия", 25, Concentration.EauDeParfum, Gender.Female, 5990m),
        ("Giorgio Armani Acqua di Giò", "Giorgio Armani", "Парфюмерия", 100, Concentration.EauDeToilette, Gender.Male, 9490m),
        ("Giorgio Armani Sì", "Giorgio Armani", "Парфюмерия", 50, Concentration.EauDeParfum, Gender.Female, 10490m),
        ("Yves Saint Laurent Black Opium", "Yves Saint Laurent", "Парфюмерия", 50, Concentration.EauDeParfum, Gender.Female, 10990m),
        ("Yves Saint Laurent Libre", "Yves Saint Laurent", "Парфюмерия", 90, Concentration.EauDeParfum, Gender.Female, 14490m),
        ("Paco Rabanne 1 Million", "Paco Rabanne", "Парфюмерия", 100, Concentration.EauDeToilette, Gender.Male, 8490m),
        ("Hugo Boss Bottled", "Hugo Boss", "Парфюмерия", 100, Concentration.EauDeToilette, Gender.Male, 7290m),
        ("Versace Eros", "Versace", "Парфюмерия", 100, Concentration.EauDeToilette, Gender.Male, 7990m),
        ("Versace Bright Crystal", "Versace", "Парфюмерия", 90, Concentration.EauDeToilette, Gender.Female, 7490m),
        ("Dolce & Gabbana Light Blue", "Dolce & Gabbana", "Парфюмерия", 100, Concentration.EauDeToilette, Gender.Female, 8290m),
        ("Carolina Herrera Good Girl", "Carolina Herrera", "Парфюмерия", 80, Concentration.EauDeParfum, Gender.Female, 11290m),
        ("Jo Malone Wood Sage & Sea Salt", "Jo Malone", "Парфюмерия", 100, Concentration.EauDeCologne, Gender.Unisex, 14990m),
        ("Maison Francis Kurkdjian Baccarat Rouge 540", "Maison Francis Kurkdjian", "Нишевая парфюмерия", 70, Concentration.EauDeParfum, Gender.Unisex, 32990m),
        ("Tom Ford Black Orchid", "Tom Ford", "Нишевая парфюмерия", 50, Concentration.EauDeParfum, Gender.Unisex, 16990m),
        ("Byredo Gypsy Water", "Byredo", "Нишевая парфюмерия", 50, Concentration.EauDeParfum, Gender.Unisex, 17490m),
        ("Victoria's Secret Bare Vanilla", "Victoria's Secret", "Уход за телом", 250, Concentration.BodyMist, Gender.Female, 2490m),
        ("Victoria's Secret Pure Seduction", "Victoria's Secret", "Уход за телом", 250, Concentration.BodyMist, Gender.Female, 2490m),
        ("Lacoste L.12.12 Blanc", "Lacoste", "Парфюмерия", 100, Concentration.EauDeToilette, Gender.Male, 6490m),
        ("Kenzo Flower by Kenzo", "Kenzo", "Парфюмерия", 50, Concentration.EauDeParfum, Gender.Female, 7690m),
        ("Narciso Rodriguez For Her", "Narciso Rodriguez", "Парфюмерия", 50, Concentration.EauDeParfum, Gender.Female, 9190m),
        ("Montale Intense Cafe", "Montale", "Нишевая парфюмерия", 100, Concentration.Parfum, Gender.Unisex, 11990m),
        ("Escentric Molecules Molecule 01", "Escentric Molecules", "Нишевая парфюмерия", 100, Concentration.EauDeToilette, Gender.Unisex, 10990m),
        ("Zielinski & Rozen Vetiver & Lemon, Bergamot", "Zielinski & Rozen", "Нишевая парфюмерия", 50, Concentration.EauDeParfum, Gender.Unisex, 8990m),
    ];

    /// <summary>The demo products with SKUs "AA-0001"… and manufacturer-style EAN-13 barcodes "4601234000010"….</summary>
    public static List<Product> Products(DateTime nowUtc)
    {
        var list = new List<Product>();
        for (var i = 0; i < Items.Length; i++)
        {
            var it = Items[i];
            var p = new Product
            {
                Sku = $"AA-{i + 1:D4}", Name = $"{it.Name} {Product.ConcentrationLabel(it.C)} {it.Ml} мл", Brand = it.Brand, Category = it.Category,
                VolumeMl = it.Ml, Concentration = it.C, Gender = it.G, IsActive = true, CreatedAtUtc = nowUtc, UpdatedAtUtc = nowUtc,
            };
            p.SetPrice(it.Price, nowUtc, "demo");
            var payload = $"460123400{i + 1:D3}";
            p.Barcodes.Add(new Barcode { Code = payload + Ean.CheckDigit(payload) });
            list.Add(p);
        }
        return list;
    }
}
