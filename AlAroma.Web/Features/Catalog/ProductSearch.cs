using AlAroma.Web.Data;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Catalog;

/// <summary>
/// What a user typed into a product search box (the till, the catalog, warehouse lists and pickers), turned into a
/// filter that an index serves at 300 000 products:
/// <list type="bullet">
/// <item>a code (8–14 digits: a scanned EAN-8, UPC-A, EAN-13, GTIN-14, or its beginning typed by hand) finds the
/// products whose barcode starts with it or whose SKU is it (the unique indexes on barcodes.code and products.sku);</item>
/// <item>anything else is split into words and every word must occur somewhere in the name, brand or SKU
/// (<c>products.search_text</c>, a stored column with a pg_trgm GIN index, so "chanel bleu" finds
/// "Bleu de Chanel" by Chanel and '%…%' needs no sequential scan).</item>
/// </list>
/// </summary>
public static class ProductSearch
{
    /// <summary>At most this many words are used; the rest of a pasted text is ignored.</summary>
    public const int MaxWords = 6;

    /// <summary>Most products a code prefix finds.</summary>
    public const int MaxCodeMatches = 500;

    /// <summary>True for what a barcode scanner sends, or its beginning: 8 to 14 digits.</summary>
    public static bool IsCode(string text) => text.Length is >= 8 and <= 14 && text.All(char.IsAsciiDigit);

    /// <summary>
    /// The products matching <paramref name="text"/>; <paramref name="products"/> unchanged for empty text.
    /// When the words match at most <see cref="FewMatches"/> products, the result is those products by id (see
    /// <see cref="WithIds"/>), with every filter of <paramref name="products"/> already applied.
    /// For a code, one indexed range read of the barcodes runs first (at most <see cref="MaxCodeMatches"/> product ids,
    /// which then join the query as a constant).
    /// </summary>
    public static async Task<IQueryable<Product>> MatchingAsync(this IQueryable<Product> products, AppDbContext db, string? text, CancellationToken ct)
    {
        var t = (text ?? "").Trim();
        if (t.Length == 0) return products;
        if (IsCode(t)) return await ByCodeAsync(products, db, t, ct);
        var matching = ByWords(products, Words(t));
        // Lists take the first rows by name. When the words match few products, their ids (read through the trigram
        // index) make the planner sort those few; when they match many, it walks the name index and stops early.
        // Without this, a rare combination of common words ("rose oud") is estimated as common and walks every name.
        if (Indexable(t) && await IdsAsync(db, matching, FewMatches, ct) is { Count: <= FewMatches } few)
            return WithIds(db, few);
        return matching;
    }

    /// <summary>Most candidates <see cref="SuggestAsync"/> looks at.</summary>
    public const int SuggestionCandidates = 300;

    /// <summary>
    /// For search boxes that show a few suggestions (the till, document pickers): the products matching
    /// <paramref name="text"/> when at most <see cref="SuggestionCandidates"/> match, else the first
    /// <see cref="SuggestionCandidates"/> the trigram index yields (<c>Truncated</c>: the caller shows its top rows and
    /// asks for a more precise query). Never walks the name index looking for matches, whose place in name order is
    /// unknown ("Dior Rose" lies after every Armani, Chanel and Creed).
    /// </summary>
    public static async Task<(IQueryable<Product> Products, bool Truncated)> SuggestAsync(this IQueryable<Product> products, AppDbContext db,
        string? text, CancellationToken ct)
    {
        var t = (text ?? "").Trim();
        if (t.Length == 0 || IsCode(t) || !Indexable(t)) return (await products.MatchingAsync(db, t, ct), false);
        var matching = ByWords(products, Words(t));
        var ids = await IdsAsync(db, matching, SuggestionCandidates, ct);
        return ids is null ? (matching, false) : (WithIds(db, ids.Take(SuggestionCandidates).ToList()), ids.Count > SuggestionCandidates);
    }

    /// <summary>True when every word has a trigram (3+ characters), so the GIN index can find the candidates.</summary>
    private static bool Indexable(string text) => Words(text).All(w => w.Length >= 3);

    private static IQueryable<Product> ByWords(IQueryable<Product> products, IEnumerable<string> words)
    {
        foreach (var word in words)
        {
            var pattern = SqlLike.Contains(word);
            products = products.Where(p => EF.Functions.ILike(p.SearchText, pattern, SqlLike.Escape));
        }
        return products;
    }

    private static async Task<IQueryable<Product>> ByCodeAsync(IQueryable<Product> products, AppDbContext db, string code, CancellationToken ct)
    {
        // A prefix as a range, so the index serves it under any collation (LIKE 'x%' needs C or text_pattern_ops).
        var q = db.Set<Barcode>().Where(b => string.Compare(b.Code, code) >= 0);
        if (NextPrefix(code) is { } upper) q = q.Where(b => string.Compare(b.Code, upper) < 0);
        var ids = await q.OrderBy(b => b.Code).Select(b => b.ProductId).Take(MaxCodeMatches).ToListAsync(ct);
        return products.Where(p => ids.Contains(p.Id) || p.Sku == code);
    }

    /// <summary>
    /// The products with these ids, planned on their own: OFFSET 0 keeps PostgreSQL from merging the subquery into
    /// the outer query, so it reads the rows by primary key and sorts them, instead of walking the whole name index
    /// looking for them (which it prefers under a LIMIT when it cannot tell where in the name order they lie).
    /// </summary>
    public static IQueryable<Product> WithIds(AppDbContext db, IReadOnlyCollection<int> ids) =>
        db.Products.FromSql($"SELECT * FROM products WHERE id = ANY({ids.ToArray()}) OFFSET 0").AsNoTracking();

    /// <summary>A search that matches at most this many products is answered from their ids.</summary>
    public const int FewMatches = 2_000;

    /// <summary>Up to <paramref name="cap"/> + 1 ids of the matching products (more than the cap = "many"); null inside a caller's transaction.</summary>
    private static async Task<List<int>?> IdsAsync(AppDbContext db, IQueryable<Product> matching, int cap, CancellationToken ct)
    {
        // The planner settings below are transaction-local: never inside a caller's transaction.
        if (db.Database.CurrentTransaction is not null) return null;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Bitmap scans only: the trigram index gives every candidate at once, so counting up to the cap costs a few
        // milliseconds whatever the planner estimates for the words together.
        await db.Database.ExecuteSqlRawAsync("SET LOCAL enable_seqscan = off; SET LOCAL enable_indexscan = off", ct);
        var ids = await matching.Select(p => p.Id).Take(cap + 1).ToListAsync(ct);
        await tx.CommitAsync(ct);
        return ids;
    }

    /// <summary>The smallest digit string above every string starting with <paramref name="digits"/> ("4619" → "462"); null for all nines.</summary>
    public static string? NextPrefix(string digits)
    {
        var s = digits.TrimEnd('9');
        return s.Length == 0 ? null : s[..^1] + (char)(s[^1] + 1);
    }

    /// <summary>The words of <paramref name="text"/> (split on white space), at most <see cref="MaxWords"/>.</summary>
    public static IReadOnlyList<string> Words(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(MaxWords).ToList();

    /// <summary>SQL of the stored <c>products.search_text</c> column: name, brand and SKU separated by spaces.</summary>
    public const string SearchTextSql = "name || ' ' || coalesce(brand, '') || ' ' || sku";
}
