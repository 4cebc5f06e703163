using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.Primitives;

namespace AlAroma.Web.Infrastructure.Lists;

/// <summary>Links that keep a list's filters: the same path and query with one parameter set and paging dropped.</summary>
public static class ListUrl
{
    /// <summary>Query parameters that point into one page of a list: a new sort or an export starts over.</summary>
    private static readonly string[] Paging = ["page", "after", "before", "cursor"];

    /// <summary>
    /// The page's path (or <paramref name="path"/>) with the current query, <paramref name="name"/> set to
    /// <paramref name="value"/> (removed when null) and paging parameters removed.
    /// </summary>
    public static string With(HttpRequest request, string name, string? value, string? path = null)
    {
        var query = request.Query
            .Where(p => !Paging.Contains(p.Key, StringComparer.OrdinalIgnoreCase) && !string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase))
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)))
            .ToList();
        if (value is not null) query.Add(new(name, value));
        return (path ?? request.Path.Value ?? "/") + QueryString.Create(query);
    }
}
