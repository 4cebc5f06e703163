using System.Linq.Expressions;

namespace AlAroma.Web.Infrastructure.Lists;

/// <summary>
/// The columns a list may be sorted by (a whitelist: a query string never names a property directly) and how each
/// orders the query. Callers add a unique tie-breaker (<c>ThenBy(x =&gt; x.Id)</c>) so pages and exports keep one order.
/// </summary>
/// <typeparam name="T">The entity or projection the list queries.</typeparam>
public sealed class SortColumns<T>(string defaultColumn, bool defaultDescending = false)
{
    private readonly Dictionary<string, Func<IQueryable<T>, bool, IOrderedQueryable<T>>> columns = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The sort when the query string names none or an unknown column.</summary>
    public ListSort Default { get; } = new(defaultColumn, defaultDescending);

    /// <summary>Allows sorting by <paramref name="key"/> on <paramref name="by"/> (translated by EF Core to ORDER BY).</summary>
    public SortColumns<T> Add<TKey>(string key, Expression<Func<T, TKey>> by)
    {
        columns[key] = (q, desc) => desc ? q.OrderByDescending(by) : q.OrderBy(by);
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
    public IOrderedQueryable<T> Apply(IQueryable<T> query, ListSort sort) =>
        (columns.TryGetValue(sort.Column, out var order) ? order : columns[Default.Column])(query, sort.Descending);
}
