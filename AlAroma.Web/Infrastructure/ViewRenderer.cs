using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewEngines;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace AlAroma.Web.Infrastructure;

/// <summary>Renders a view or partial of the current controller's feature folder to a string (e-mail bodies).</summary>
public static class ViewRenderer
{
    /// <exception cref="InvalidOperationException">The view does not exist.</exception>
    public static async Task<string> RenderPartialToStringAsync(this Controller controller, string viewName, object model)
    {
        var engine = controller.HttpContext.RequestServices.GetRequiredService<ICompositeViewEngine>();
        var found = engine.FindView(controller.ControllerContext, viewName, isMainPage: false);
        if (!found.Success) throw new InvalidOperationException($"View {viewName} not found: {string.Join(", ", found.SearchedLocations)}");
        await using var writer = new StringWriter();
        var data = new ViewDataDictionary(controller.ViewData) { Model = model };
        var context = new ViewContext(controller.ControllerContext, found.View, data, controller.TempData, writer, new HtmlHelperOptions());
        await found.View.RenderAsync(context);
        return writer.ToString();
    }
}
