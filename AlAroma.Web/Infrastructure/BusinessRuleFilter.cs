using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Routing;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace AlAroma.Web.Infrastructure;

/// <summary>
/// Turns a <see cref="BusinessRuleException"/> into what the person expects: for htmx an error toast and no swap
/// (the screen keeps what it had, e.g. the cart), otherwise the message on the page they came from (on this site only).
/// </summary>
public sealed class BusinessRuleFilter(ITempDataDictionaryFactory tempData) : IExceptionFilter
{
    /// <summary>TempData key read by the layout to show an error toast after a redirect.</summary>
    public const string ErrorKey = "ErrorToast";

    public void OnException(ExceptionContext context)
    {
        if (context.Exception is not BusinessRuleException e) return;
        var http = context.HttpContext;
        if (http.Request.IsHtmx())
        {
            http.Response.Toast(e.Message, "error");
            http.Response.HxNoSwap();
            context.Result = new ContentResult { StatusCode = StatusCodes.Status200OK, Content = "" };
        }
        else
        {
            tempData.GetTempData(http)[ErrorKey] = e.Message;
            context.Result = new RedirectResult(BackTo(context));
        }
        context.ExceptionHandled = true;
    }

    /// <summary>
    /// The page the person came from, as a local path: the <c>Referer</c>'s path and query when it names this site,
    /// else "/". The header is the client's to set, so a foreign one must not turn the app into a redirector.
    /// </summary>
    public static string BackTo(ActionContext context)
    {
        var request = context.HttpContext.Request;
        var url = new UrlHelper(context);
        var referer = request.Headers.Referer.ToString();
        if (url.IsLocalUrl(referer)) return referer;
        if (!Uri.TryCreate(referer, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
            || !string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase)) return "/";
        // "https://this-host//other.site/" has the path "//other.site/": protocol-relative, so not local either.
        return url.IsLocalUrl(uri.PathAndQuery) ? uri.PathAndQuery : "/";
    }
}
