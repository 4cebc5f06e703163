using System.Text;
using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Features.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlAroma.Tests.Catalog;

/// <summary>
/// A brand or category is one name however a file or a person cases and spaces it: the catalog's spelling wins
/// (the demo catalog carries "Byredo" and "Нишевая парфюмерия").
/// </summary>
public class BrandSpellingTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task An_imported_BYREDO_joins_the_catalogs_Byredo_and_the_filter_shows_one_brand()
    {
        var csv = Encoding.UTF8.GetBytes(
            "Название;Бренд;Категория;Цена\r\n" +
            "Spelling Test Bal d'Afrique 100 ml;BYREDO;НИШЕВАЯ   парфюмерия;19900\r\n" +
            "Spelling Test Mojave Ghost 50 ml; byredo ;нишевая парфюмерия;14900\r\n" +
            "Spelling Test New Brand 50 ml;Nouvelle  Maison;Ароматы;9900\r\n" +
            "Spelling Test New Brand 100 ml;NOUVELLE MAISON;АРОМАТЫ;12900\r\n");
        var (_, result) = await ImportSteps.ImportAsync(app, "spelling.csv", csv);
        Assert.Equal(4, result.Created);

        await using var db = app.Db();
        var imported = await db.Products.Where(p => p.Name.StartsWith("Spelling Test")).OrderBy(p => p.Name).ToListAsync();
        Assert.Equal(["Byredo", "Byredo", "Nouvelle Maison", "Nouvelle Maison"], imported.Select(p => p.Brand).ToList());
        Assert.Equal(["Нишевая парфюмерия", "Нишевая парфюмерия", "Ароматы", "Ароматы"], imported.Select(p => p.Category).ToList());

        using var s = app.Scope();
        var list = await s.ServiceProvider.GetRequiredService<ListProducts>().HandleAsync(new ListProducts.Query(Brand: "Byredo"), default);
        Assert.Single(list.Brands, b => b.Equals("byredo", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(list.Rows, r => r.Name == "Spelling Test Mojave Ghost 50 ml");
    }

    [Fact]
    public async Task A_product_file_row_in_other_case_updates_the_product_instead_of_adding_a_twin()
    {
        await ImportSteps.ImportAsync(app, "twin-1.csv", Encoding.UTF8.GetBytes("Название;Бренд;Цена\r\nTwin Test Eau 50 ml;Twin House;1000\r\n"));
        var (_, second) = await ImportSteps.ImportAsync(app, "twin-2.csv", Encoding.UTF8.GetBytes("Название;Бренд;Цена\r\nTwin Test Eau 50 ml;TWIN HOUSE;1200\r\n"));

        Assert.Equal((0, 1), (second.Created, second.Updated));
        await using var db = app.Db();
        var twin = await db.Products.SingleAsync(p => p.Name == "Twin Test Eau 50 ml");
        Assert.Equal(("Twin House", 1200m), (twin.Brand, twin.RetailPrice));
    }

    [Fact]
    public async Task A_brand_typed_on_the_product_form_takes_the_catalogs_spelling()
    {
        using var s = app.Scope();
        var save = s.ServiceProvider.GetRequiredService<SaveProduct>();
        var (id, invalid) = await save.HandleAsync(null, new SaveProduct.Input
        {
            Name = "Form Spelling Test 50 ml", Brand = "  BYREDO ", Category = "нишевая ПАРФЮМЕРИЯ", RetailPrice = "5000", IsActive = true,
        }, default);
        Assert.Null(invalid);

        await using var db = app.Db();
        var p = await db.Products.SingleAsync(x => x.Id == id);
        Assert.Equal(("Byredo", "Нишевая парфюмерия"), (p.Brand, p.Category));
    }
}

/// <summary>A database that already holds "BYREDO" beside "Byredo" (written before names were matched) shows one brand that finds both.</summary>
public class BrandSpellingFilterTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Two_spellings_already_stored_are_one_filter_choice_that_finds_both()
    {
        await using (var db = app.Db())
        {
            var template = await db.Products.AsNoTracking().FirstAsync(p => p.Brand == "Byredo");
            db.Products.Add(new Product
            {
                Sku = "SPELL-1", Name = "Old Spelling Test 50 ml", Brand = "BYREDO", Category = template.Category,
                CreatedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        }

        using var s = app.Scope();
        var list = s.ServiceProvider.GetRequiredService<ListProducts>();
        var all = await list.HandleAsync(new ListProducts.Query(), default);
        Assert.Single(all.Brands, b => b.Equals("byredo", StringComparison.OrdinalIgnoreCase));

        foreach (var chosen in new[] { "Byredo", "BYREDO" })
        {
            var found = await list.HandleAsync(new ListProducts.Query(Brand: chosen), default);
            Assert.Contains(found.Rows, r => r.Brand == "Byredo");
            Assert.Contains(found.Rows, r => r.Name == "Old Spelling Test 50 ml");
        }
    }
}
