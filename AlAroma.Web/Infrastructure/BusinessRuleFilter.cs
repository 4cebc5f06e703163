using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace AlAroma.Web.Infrastructure;

/// <summary>
/// Turns a <see cref="BusinessRuleException"/> into what the person expects: for htmx an error toast and no swap
/// (the screen keeps what it had, e.g. the cart), otherwise the message on the page they came from.
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
            http.Response.Headers["HX-Reswap"] = "none";
            context.Result = new ContentResult { StatusCode = StatusCodes.Status200OK, Content = "" };
        }
        else
        {
            tempData.GetTempData(http)[ErrorKey] = e.Message;
            var back = http.Request.Headers.Referer.ToString();
            context.Result = new RedirectResult(string.IsNullOrEmpty(back) ? "/" : back);
        }
        context.ExceptionHandled = true;
    }
}
