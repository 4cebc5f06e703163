using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Infrastructure.Lists;

/// <summary>
/// The columns a list may be sorted by (a whitelist: a query string never names a property directly) and how each
/// orders the query. <see cref="Apply"/> leaves the tie-breaker to the caller (<c>ThenBy(x =&gt; x.Id)</c>);
/// <see cref="Order"/> and <see cref="PageAsync"/> add the id themselves, in the column's direction, so a page and
/// the export of the same list keep one order and keyset paging has a unique key (sort value, id).
/// </summary>
/// <typeparam name="T">The entity or projection the list queries.</typeparam>
public sealed class SortColumns<T>(string defaultColumn, bool defaultDescending = false)
{
    private readonly Dictionary<string, KeysetOrder<T>> columns = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The sort when the query string names none or an unknown column.</summary>
    public ListSort Default { get; } = new(defaultColumn, defaultDescending);

    /// <summary>
    /// Allows sorting by <paramref name="key"/> on <paramref name="by"/> (translated by EF Core to ORDER BY). For keyset
    /// paging the value must not be null in any row (PostgreSQL places NULLs apart, a cursor could not pass them).
    /// </summary>
    public SortColumns<T> Add<TKey>(string key, Expression<Func<T, TKey>> by)
    {
        columns[key] = new KeysetOrder<T>([new(by, false)]);
        return this;
    }

    /// <summary>
    /// Allows sorting by <paramref name="key"/> on <paramref name="first"/>, then <paramref name="then"/> — in the
    /// opposite direction when <paramref name="thenReversed"/> (e.g. open requests first, newest first among them).
    /// </summary>
    public SortColumns<T> Add<TKey1, TKey2>(string key, Expression<Func<T, TKey1>> first, Expression<Func<T, TKey2>> then, bool thenReversed = false)
    {
        columns[key] = new KeysetOrder<T>([new(first, false), new(then, thenReversed)]);
        return this;
    }

    /// <summary>The sort <paramref name="value"/> names ("name", "-price"), or <see cref="Default"/> when it names no whitelisted column.</summary>
    public ListSort Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return Default;
        var desc = value.StartsWith('-');
        var key = value.TrimStart('-').Trim();
        return columns.ContainsKey(key) ? new ListSort(key.ToLowerInvariant(), desc) : Default;
    }

    /// <summary><paramref name="query"/> ordered by <paramref name="sort"/> (parsed by <see cref="Parse"/>).</summary>
    public IOrderedQueryable<T> Apply(IQueryable<T> query, ListSort sort) => Column(sort).Order(query, sort.Descending, null);

    /// <summary><paramref name="query"/> ordered by <paramref name="sort"/>, then by <paramref name="id"/> in the same direction: the order of <see cref="PageAsync"/>.</summary>
    public IOrderedQueryable<T> Order(IQueryable<T> query, ListSort sort, Expression<Func<T, long>> id) => Column(sort).Order(query, sort.Descending, id);

    /// <summary>
    /// Ids of one page of <paramref name="query"/> in <paramref name="sort"/> order, by keyset: the <paramref name="size"/>
    /// rows after the <paramref name="after"/> cursor, or before the <paramref name="before"/> one, or the first rows when
    /// neither is given (or the cursor is not one of this sort). Rows with equal sort values are told apart by
    /// <paramref name="id"/>, so paging never repeats nor skips a row, however many rows share a value or were added meanwhile.
    /// </summary>
    public async Task<KeysetPage> PageAsync(IQueryable<T> query, ListSort sort, Expression<Func<T, long>> id,
        string? after, string? before, int size, CancellationToken ct)
    {
        var column = Column(sort);
        var back = ListCursor.Decode(before, sort, column.Types);
        var from = back is null ? ListCursor.Decode(after, sort, column.Types) : null;
        var cursor = back ?? from;
        // Backwards: the rows before the cursor are the first ones after it in the reversed order.
        var desc = sort.Descending ^ (back is not null);
        var q = cursor is null ? query : column.After(query, desc, id, cursor);
        var keys = await column.Keys(column.Order(q, desc, id), id).Take(size + 1).ToListAsync(ct);
        var more = keys.Count > size;
        if (more) keys.RemoveAt(size);
        if (back is not null) keys.Reverse();

        string? Code(KeysetKey k) => ListCursor.Encode(sort, k.Values(column.Types.Count), k.Id);
        var hasPrevious = back is not null ? more : from is not null;
        var hasNext = back is not null || more;
        return new KeysetPage(keys.Select(k => k.Id).ToList(),
            hasNext && keys.Count > 0 ? Code(keys[^1]) : null,
            hasPrevious && keys.Count > 0 ? Code(keys[0]) : null,
            cursor is not null);
    }

    private KeysetOrder<T> Column(ListSort sort) => columns.TryGetValue(sort.Column, out var c) ? c : columns[Default.Column];
}
