using AlAroma.Web.Features.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AlAroma.Web.Features.Customers.Merge;

/// <summary>«Объединить дубли»: two cards of one person become one (managers and admins).</summary>
[Authorize(Roles = Roles.BackOffice)]
public sealed class MergeController : Controller
{
    [HttpGet("/customers/merge")]
    public async Task<IActionResult> Index(string? keep, string? merge, [FromServices] PreviewMerge preview, CancellationToken ct) =>
        View("Merge", await preview.HandleAsync(keep, merge, ct));

    [HttpPost("/customers/merge")]
    public async Task<IActionResult> Merge(long keptId, long mergedId, [FromServices] MergeCustomers merge, [FromServices] PreviewMerge preview, CancellationToken ct)
    {
        try
        {
            var r = await merge.HandleAsync(keptId, mergedId, ct);
            TempData["SuccessToast"] = $"Карты объединены: перенесено покупок — {r.Sales}, движений баллов — {r.PointsEntries}, баллов — {r.Points}, отзывов и обращений — {r.Feedback}.";
            return Redirect($"/customers/{r.KeptId}");
        }
        catch (Infrastructure.BusinessRuleException e)
        {
            var m = await preview.HandleAsync(keptId.ToString(), mergedId.ToString(), ct);
            return View("Merge", m with { Error = e.Message });
        }
    }
}
