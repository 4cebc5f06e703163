namespace AlAroma.Web.Infrastructure.Lists;

/// <summary>One page of a keyset-paged list (<see cref="SortColumns{T}.PageAsync"/>).</summary>
/// <param name="Ids">Ids of the page's rows in display order.</param>
/// <param name="Next">Cursor of «Следующая» (the query parameter <c>after</c>); null on the last page.</param>
/// <param name="Previous">Cursor of «Предыдущая» (the query parameter <c>before</c>); null on the first page.</param>
/// <param name="Paged">The page was asked for by a cursor, so «В начало» leads somewhere.</param>
public sealed record KeysetPage(IReadOnlyList<long> Ids, string? Next, string? Previous, bool Paged)
{
    /// <summary>Query parameter of «Следующая»: rows after this cursor.</summary>
    public const string AfterParameter = "after";

    /// <summary>Query parameter of «Предыдущая»: rows before this cursor.</summary>
    public const string BeforeParameter = "before";

    /// <summary>Rows fetched by id put back in the page's order.</summary>
    public IReadOnlyList<TRow> InOrder<TRow>(IEnumerable<TRow> rows, Func<TRow, long> id) => ByIds(rows, Ids, id);

    /// <summary><paramref name="rows"/> in the order of <paramref name="ids"/> (rows whose id is not listed are dropped).</summary>
    public static IReadOnlyList<TRow> ByIds<TRow>(IEnumerable<TRow> rows, IReadOnlyList<long> ids, Func<TRow, long> id)
    {
        var position = ids.Select((x, i) => (x, i)).ToDictionary(p => p.x, p => p.i);
        return rows.Where(r => position.ContainsKey(id(r))).OrderBy(r => position[id(r)]).ToList();
    }
}
