using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace AlAroma.Web.Infrastructure.Lists;

/// <summary>
/// A sortable column header: <c>&lt;th sort-by="price" sort="@Model.Sort"&gt;Цена&lt;/th&gt;</c> becomes a header with
/// <c>aria-sort</c> and a link to the same list (same filters, first page) sorted by that column — ascending, or
/// reversed when it is already the sort. The arrow is drawn by site.css from <c>aria-sort</c>.
/// </summary>
[HtmlTargetElement("th", Attributes = "sort-by")]
public sealed class SortHeaderTagHelper : TagHelper
{
    /// <summary>Key of the column in the list's <see cref="SortColumns{T}"/>.</summary>
    [HtmlAttributeName("sort-by")] public string Column { get; set; } = "";

    /// <summary>The list's current sort.</summary>
    [HtmlAttributeName("sort")] public ListSort? Current { get; set; }

    /// <summary>Dates and amounts are usually wanted newest / largest first.</summary>
    [HtmlAttributeName("sort-desc-first")] public bool DescendingFirst { get; set; }

    /// <summary>Set by Razor.</summary>
    [ViewContext, HtmlAttributeNotBound] public ViewContext ViewContext { get; set; } = null!;

    /// <inheritdoc />
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var current = Current ?? new ListSort("", false);
        var active = string.Equals(current.Column, Column, StringComparison.OrdinalIgnoreCase);
        output.Attributes.SetAttribute("aria-sort", active ? (current.Descending ? "descending" : "ascending") : "none");
        var request = ViewContext.HttpContext.Request;
        var href = ListUrl.With(request, ListSort.Parameter, current.Toggle(Column, DescendingFirst));
        var label = (await output.GetChildContentAsync()).GetContent();
        output.Content.SetHtmlContent($"<a class=\"sort-link\" href=\"{System.Net.WebUtility.HtmlEncode(href)}\">{label}</a>");
    }
}
