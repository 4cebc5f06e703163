using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;

namespace AlAroma.Web.Features.Warehouse.Stocks;

/// <summary>Query strings of "Движение товаров" links: the current filters with the keyset cursor replaced or dropped.</summary>
public static class MovementsQuery
{
    /// <summary>"?..." with <paramref name="key"/> set to <paramref name="value"/> and every other parameter kept.</summary>
    public static string With(IQueryCollection query, string key, string value)
    {
        var b = new QueryBuilder(query.Where(p => !p.Key.Equals(key, StringComparison.OrdinalIgnoreCase))
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string>(p.Key, v ?? ""))));
        b.Add(key, value);
        return b.ToQueryString().Value ?? "";
    }

    /// <summary>"?..." without <paramref name="key"/> (empty when nothing is left).</summary>
    public static string Without(IQueryCollection query, string key) =>
        new QueryBuilder(query.Where(p => !p.Key.Equals(key, StringComparison.OrdinalIgnoreCase))
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string>(p.Key, v ?? "")))).ToQueryString().Value ?? "";
}
