using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.Razor;

namespace AlAroma.Web.Infrastructure;

/// <summary>
/// Finds a controller's views in its feature folder: a controller in namespace
/// <c>AlAroma.Web.Features.Warehouse</c> renders <c>/Features/Warehouse/{view}.cshtml</c> (and one in
/// <c>AlAroma.Web.Features.Admin.Users</c> renders <c>/Features/Admin/Users/{view}.cshtml</c>),
/// then the folders above it up to <c>/Features</c> (so a sub-room such as <c>Warehouse/Transfers</c> finds the
/// partials its parent room shares), then <c>/Features/Shared/{view}.cshtml</c>.
/// </summary>
public sealed class FeatureConvention : IControllerModelConvention
{
    public void Apply(ControllerModel controller)
    {
        var ns = controller.ControllerType.Namespace ?? "";
        const string marker = ".Features.";
        var i = ns.IndexOf(marker, StringComparison.Ordinal);
        controller.Properties["feature"] = i < 0 ? "Shared" : ns[(i + marker.Length)..].Replace('.', '/');
    }
}

/// <summary>Expands the <c>{feature}</c> token in view locations (see <see cref="FeatureConvention"/>).</summary>
public sealed class FeatureViewLocationExpander : IViewLocationExpander
{
    public void PopulateValues(ViewLocationExpanderContext context)
    {
        if (context.ActionContext.ActionDescriptor.Properties.TryGetValue("feature", out var f))
            context.Values["feature"] = f as string;
    }

    public IEnumerable<string> ExpandViewLocations(ViewLocationExpanderContext context, IEnumerable<string> viewLocations)
    {
        var feature = context.Values.TryGetValue("feature", out var f) ? f ?? "Shared" : "Shared";
        for (var folder = feature; folder.Length > 0; folder = folder.Contains('/') ? folder[..folder.LastIndexOf('/')] : "")
            yield return $"/Features/{folder}/{{0}}.cshtml";
        yield return "/Features/Shared/{0}.cshtml";
    }
}
