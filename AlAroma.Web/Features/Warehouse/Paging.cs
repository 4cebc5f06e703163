namespace AlAroma.Web.Features.Warehouse;

/// <summary>Page navigation of a warehouse list (1-based page numbers).</summary>
/// <param name="Number">Current page, 1-based, clamped to the existing pages.</param>
/// <param name="Size">Rows per page.</param>
/// <param name="TotalCount">Rows matching the filter.</param>
public sealed record Paging(int Number, int Size, int TotalCount)
{
    /// <summary>Rows per page of every warehouse list.</summary>
    public const int DefaultSize = 50;

    /// <summary>Number of pages, at least 1.</summary>
    public int PageCount => Math.Max(1, (TotalCount + Size - 1) / Size);

    /// <summary>Rows to skip for the current page.</summary>
    public int Skip => (Number - 1) * Size;

    /// <summary>A paging for <paramref name="requested"/> page, clamped to 1..PageCount.</summary>
    public static Paging For(int requested, int totalCount, int size = DefaultSize)
    {
        var pages = Math.Max(1, (totalCount + size - 1) / size);
        return new Paging(Math.Clamp(requested, 1, pages), size, totalCount);
    }
}
