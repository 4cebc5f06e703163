namespace AlAroma.Web.Features.Catalog;

/// <summary>
/// Brand or category names as a person reads them: "BYREDO", "Byredo" and "By  redo " differ only in case and spaces,
/// so they are one name. The spelling seen first (the catalog's, then the file's first row) is the one kept.
/// </summary>
public sealed class CatalogNames
{
    private readonly Dictionary<string, string> spellingOf = new(StringComparer.Ordinal);

    /// <param name="known">Spellings already in the catalog, the preferred one of each name first.</param>
    public CatalogNames(IEnumerable<string> known)
    {
        foreach (var s in known) spellingOf.TryAdd(Key(s), s);
    }

    /// <summary>What two spellings of one name share: upper case, inner runs of white space as one space, trimmed.</summary>
    public static string Key(string name) => Tidy(name).ToUpperInvariant();

    /// <summary>The name as typed with inner runs of white space as one space, trimmed ("Byredo  Parfums " → "Byredo Parfums").</summary>
    public static string Tidy(string name) => string.Join(' ', name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>
    /// The kept spelling of <paramref name="name"/>; a name not seen before is kept as given (white space tidied) and
    /// later spellings of it get this one. Null stays null.
    /// </summary>
    public string? Spell(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        var key = Key(name);
        if (spellingOf.TryGetValue(key, out var kept)) return kept;
        var tidy = Tidy(name);
        spellingOf[key] = tidy;
        return tidy;
    }

    /// <summary>One entry per name, in the order given, each in its first spelling (for filter drop-downs).</summary>
    public static List<string> Distinct(IEnumerable<string> spellings) => spellings.DistinctBy(Key).ToList();

    /// <summary>Every spelling in <paramref name="spellings"/> of the name <paramref name="chosen"/> (a filter matches them all).</summary>
    public static List<string> SpellingsOf(IEnumerable<string> spellings, string chosen)
    {
        var key = Key(chosen);
        return spellings.Where(s => Key(s) == key).DefaultIfEmpty(chosen).ToList();
    }
}
