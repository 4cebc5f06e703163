using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Routing;

namespace AlAroma.Web.Features.Notifications.Templates;

/// <summary>An e-mail ready for SMTP: subject, HTML body and its plain-text alternative.</summary>
public sealed record RenderedEmail(string Subject, string Html, string Text);

/// <summary>
/// Renders an <see cref="IEmailTemplate"/> through its Razor view outside any HTTP request (the dispatcher sends in
/// the background): a bare HttpContext on the caller's services, the view found by its path.
/// </summary>
public sealed partial class EmailRenderer(IRazorViewEngine engine, ITempDataProvider tempData, IServiceProvider services)
{
    /// <exception cref="InvalidOperationException">The template's view does not exist.</exception>
    public async Task<RenderedEmail> RenderAsync(IEmailTemplate template, CancellationToken ct)
    {
        var path = EmailTemplates.ViewPath(template.GetType().Name);
        var context = new ActionContext(new DefaultHttpContext { RequestServices = services, RequestAborted = ct }, new RouteData(), new ActionDescriptor());
        var found = engine.GetView(executingFilePath: null, viewPath: path, isMainPage: true);
        if (!found.Success) throw new InvalidOperationException($"E-mail template view {path} not found");
        await using var writer = new StringWriter();
        var data = new ViewDataDictionary(new EmptyModelMetadataProvider(), new ModelStateDictionary()) { Model = template, ["Title"] = template.Subject };
        var view = new ViewContext(context, found.View, data, new TempDataDictionary(context.HttpContext, tempData), writer, new HtmlHelperOptions());
        await found.View.RenderAsync(view);
        var html = writer.ToString();
        return new RenderedEmail(template.Subject, html, PlainText(html));
    }

    /// <summary>The text alternative of an HTML body: blocks become lines, tags go, entities are decoded.</summary>
    public static string PlainText(string html)
    {
        var s = HeadOrStyle().Replace(html, "");
        s = LinkTag().Replace(s, m => $"{m.Groups[2].Value} ({m.Groups[1].Value})");
        s = BlockEnd().Replace(s, "\n");
        s = Cell().Replace(s, "\t");
        s = Tag().Replace(s, "");
        s = WebUtility.HtmlDecode(s);
        var lines = s.Split('\n').Select(l => Spaces().Replace(l, " ").Trim()).ToList();
        return Blank().Replace(string.Join("\n", lines), "\n\n").Trim() + "\n";
    }

    [GeneratedRegex("<(head|style)[^>]*>.*?</\\1>", RegexOptions.Singleline | RegexOptions.IgnoreCase)] private static partial Regex HeadOrStyle();
    [GeneratedRegex("<a [^>]*href=\"([^\"]+)\"[^>]*>(.*?)</a>", RegexOptions.Singleline | RegexOptions.IgnoreCase)] private static partial Regex LinkTag();
    [GeneratedRegex("<br\\s*/?>|</(p|div|tr|h[1-6]|li|table)>", RegexOptions.IgnoreCase)] private static partial Regex BlockEnd();
    [GeneratedRegex("</t[dh]>", RegexOptions.IgnoreCase)] private static partial Regex Cell();
    [GeneratedRegex("<[^>]+>")] private static partial Regex Tag();
    [GeneratedRegex("[ \\t\\r]+")] private static partial Regex Spaces();
    [GeneratedRegex("\\n{3,}")] private static partial Regex Blank();
}
