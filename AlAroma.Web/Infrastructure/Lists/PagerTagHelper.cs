using System.Net;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace AlAroma.Web.Infrastructure.Lists;

/// <summary>
/// Keyset page navigation of a list: <c>&lt;list-pager page="@Model.Page" total="@Model.Count" /&gt;</c> renders
/// «В начало», «‹ Предыдущая» and «Следующая ›» links to the same list with its filters and sort kept
/// (<see cref="ListUrl"/>), and "Всего: N" when a total is given. Nothing but the total when the list fits one page.
/// </summary>
[HtmlTargetElement("list-pager", TagStructure = TagStructure.WithoutEndTag)]
public sealed class PagerTagHelper : TagHelper
{
    /// <summary>The page shown.</summary>
    public KeysetPage? Page { get; set; }

    /// <summary>Rows matching the filter, when the list counts them.</summary>
    public int? Total { get; set; }

    /// <summary>Set by Razor.</summary>
    [ViewContext, HtmlAttributeNotBound] public ViewContext ViewContext { get; set; } = null!;

    /// <inheritdoc />
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var total = Total is { } n && n > 0 ? $"<span class=\"text-muted small\">Всего: {n}</span>" : "";
        if (Page is not { } page || (page.Next is null && page.Previous is null && !page.Paged))
        {
            output.TagName = "div";
            output.TagMode = TagMode.StartTagAndEndTag;
            output.Attributes.SetAttribute("class", "mt-2");
            output.Content.SetHtmlContent(total);
            return;
        }
        var request = ViewContext.HttpContext.Request;
        string Item(string label, string? href, string rel) => href is null
            ? $"<li class=\"page-item disabled\"><span class=\"page-link\" aria-disabled=\"true\">{label}</span></li>"
            : $"<li class=\"page-item\"><a class=\"page-link\" rel=\"{rel}\" href=\"{WebUtility.HtmlEncode(href)}\">{label}</a></li>";
        output.TagName = "nav";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "list-pager d-flex align-items-center gap-3 mt-2 d-print-none");
        output.Attributes.SetAttribute("aria-label", "Страницы");
        output.Content.SetHtmlContent("<ul class=\"pagination pagination-sm mb-0\">"
            + Item("В начало", page.Paged ? ListUrl.With(request, KeysetPage.AfterParameter, null) : null, "first")
            + Item("‹ Предыдущая", page.Previous is { } p ? ListUrl.With(request, KeysetPage.BeforeParameter, p) : null, "prev")
            + Item("Следующая ›", page.Next is { } x ? ListUrl.With(request, KeysetPage.AfterParameter, x) : null, "next")
            + "</ul>" + total);
    }
}
