using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Features.Catalog;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Tests.Catalog;

/// <summary>What a search box finds: words in any order across name, brand and SKU; a scanned or half-typed barcode; literal % and _.</summary>
public class ProductSearchTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Theory]
    [InlineData("4601234567890", true)]
    [InlineData("46012345", true)]
    [InlineData("4601234", false)]   // 7 digits: a name or SKU fragment ("1881"), searched as a word
    [InlineData("460123456789012", false)]
    [InlineData("46012345678a", false)]
    public void A_code_is_8_to_14_digits(string text, bool isCode) => Assert.Equal(isCode, ProductSearch.IsCode(text));

    [Theory]
    [InlineData("4619", "462")]
    [InlineData("4600", "4601")]
    [InlineData("4999", "5")]
    [InlineData("9999", null)]
    public void The_prefix_range_ends_at_the_next_prefix(string prefix, string? next) => Assert.Equal(next, ProductSearch.NextPrefix(prefix));

    private async Task<Dictionary<string, int>> ArrangeAsync()
    {
        await using var db = app.Db();
        var now = DateTime.UtcNow;
        Product P(string sku, string name, string brand, string barcode) =>
            new() { Sku = sku, Name = name, Brand = brand, CreatedAtUtc = now, UpdatedAtUtc = now, Barcodes = [new Barcode { Code = barcode }] };
        var products = new[]
        {
            P("PS-BLEU", "Bleu de Chanel Eau de Parfum 100 мл", "Chanel", "2990000000011"),
            P("PS-CHANCE", "Chance Eau Tendre 50 мл", "Chanel", "2990000000028"),
            P("PS-SAUV", "Sauvage 100% natural", "Dior", "2990000001018"),
            P("PS_UNDER", "Ёлка и мёд", "Dior", "2990000002015"),
        };
        if (!await db.Products.AnyAsync(p => p.Sku == "PS-BLEU"))
        {
            db.Products.AddRange(products);
            await db.SaveChangesAsync();
        }
        return await db.Products.Where(p => p.Sku.StartsWith("PS")).ToDictionaryAsync(p => p.Sku, p => p.Id);
    }

    private async Task<List<string>> FindAsync(string text)
    {
        await using var db = app.Db();
        return await (await db.Products.MatchingAsync(db, text, default)).Where(p => p.Sku.StartsWith("PS")).OrderBy(p => p.Sku).Select(p => p.Sku).ToListAsync();
    }

    [Fact]
    public async Task Words_match_in_any_order_across_name_brand_and_sku_ignoring_case()
    {
        await ArrangeAsync();
        Assert.Equal(["PS-BLEU"], await FindAsync("chanel bleu"));
        Assert.Equal(["PS-BLEU", "PS-CHANCE"], await FindAsync("CHANEL"));
        Assert.Equal(["PS-CHANCE"], await FindAsync("ps-chance"));
        Assert.Equal(["PS-SAUV"], await FindAsync("dior 100"));
        Assert.Equal(["PS_UNDER"], await FindAsync("ЁЛКА МЁД"));
        Assert.Empty(await FindAsync("chanel sauvage"));
    }

    [Fact]
    public async Task Percent_and_underscore_are_literal_characters()
    {
        await ArrangeAsync();
        Assert.Equal(["PS-SAUV"], await FindAsync("100%"));
        Assert.Equal(["PS_UNDER"], await FindAsync("PS_"));
    }

    [Fact]
    public async Task A_scanned_barcode_or_its_beginning_finds_the_product()
    {
        await ArrangeAsync();
        Assert.Equal(["PS-SAUV"], await FindAsync("2990000001018"));
        Assert.Equal(["PS-BLEU", "PS-CHANCE"], await FindAsync("29900000000"));
        Assert.Equal(["PS-BLEU", "PS-CHANCE", "PS-SAUV", "PS_UNDER"], await FindAsync("29900000"));
        Assert.Empty(await FindAsync("2990000009999"));
    }

    [Fact]
    public async Task A_broad_search_suggests_from_the_first_candidates_and_says_so()
    {
        await using var db = app.Db();
        var now = DateTime.UtcNow;
        db.Products.AddRange(Enumerable.Range(0, ProductSearch.SuggestionCandidates + 1).Select(i => new Product
        {
            Sku = $"SG-{i:D4}", Name = $"Суггест {i:D4}", Brand = "Суггест", CreatedAtUtc = now, UpdatedAtUtc = now,
        }));
        await db.SaveChangesAsync();

        var (broad, truncated) = await db.Products.SuggestAsync(db, "суггест", default);
        Assert.True(truncated);
        Assert.Equal(ProductSearch.SuggestionCandidates, await broad.CountAsync());
        var (exact, alsoTruncated) = await db.Products.SuggestAsync(db, "суггест 0007", default);
        Assert.False(alsoTruncated);
        Assert.Equal(["SG-0007"], await exact.Select(p => p.Sku).ToListAsync());
        // The list behind "Остатки" never truncates: all 301 in name order.
        Assert.Equal(ProductSearch.SuggestionCandidates + 1, await (await db.Products.MatchingAsync(db, "суггест", default)).CountAsync());
    }
}
