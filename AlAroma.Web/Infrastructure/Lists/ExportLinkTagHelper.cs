using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace AlAroma.Web.Infrastructure.Lists;

/// <summary>
/// "Экспорт в Excel" of the filtered list: <c>&lt;list-export href="/catalog/export" /&gt;</c> renders a download
/// link to that path carrying the page's current filters and sort (paging dropped: the file holds the whole filtered list).
/// </summary>
[HtmlTargetElement("list-export", TagStructure = TagStructure.WithoutEndTag)]
public sealed class ExportLinkTagHelper : TagHelper
{
    /// <summary>Path of the list's export endpoint.</summary>
    public string Href { get; set; } = "";

    /// <summary>The link's text ("Экспорт в CSV" for a list exported as CSV).</summary>
    public string Label { get; set; } = "Экспорт в Excel";

    /// <summary>Set by Razor.</summary>
    [ViewContext, HtmlAttributeNotBound] public ViewContext ViewContext { get; set; } = null!;

    /// <inheritdoc />
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "a";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "btn btn-outline-secondary");
        output.Attributes.SetAttribute("href", ListUrl.With(ViewContext.HttpContext.Request, "page", null, Href));
        output.Attributes.SetAttribute("data-list-export", "");
        output.Attributes.SetAttribute("hx-boost", "false");
        output.Content.SetContent(Label);
    }
}
