namespace AlAroma.Web.Infrastructure.Lists;

/// <summary>
/// The sort of a list as the query string carries it: <c>sort=name</c> ascending, <c>sort=-name</c> descending.
/// Only a column of the list's <see cref="SortColumns{T}"/> whitelist is ever parsed into one.
/// </summary>
/// <param name="Column">Key of the column (lower-case Latin, as in the URL).</param>
/// <param name="Descending">Largest / newest / last letter first.</param>
public sealed record ListSort(string Column, bool Descending)
{
    /// <summary>Name of the query string parameter.</summary>
    public const string Parameter = "sort";

    /// <summary>The query string value: the column, with "-" in front when descending.</summary>
    public override string ToString() => Descending ? "-" + Column : Column;

    /// <summary>The value a header link sets for <paramref name="column"/>: ascending first, the opposite when it is already sorted by it.</summary>
    public string Toggle(string column, bool firstDescending = false) =>
        string.Equals(column, Column, StringComparison.OrdinalIgnoreCase)
            ? new ListSort(Column, !Descending).ToString()
            : new ListSort(column, firstDescending).ToString();
}
