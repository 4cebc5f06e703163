using AlAroma.Web.Features.Account;
using AlAroma.Web.Features.Pos.Parking;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AlAroma.Web.Features.Pos;

/// <summary>The cart fragment after parking or recalling, with the parked list to swap out of band.</summary>
public sealed record ParkUpdate(CartUpdate Cart, ListParkedCarts.Model Parked);

/// <summary>
/// "Отложить чек" (F9) and recalling a parked receipt. In the Pos feature (not Pos.Parking) so that the cart partials
/// it renders by name are found in Features/Pos.
/// </summary>
[Authorize(Roles = Roles.Till)]
public sealed class ParkingController(TillAccess till, GetTill getTill, ListParkedCarts list) : Controller
{
    [HttpPost("/pos/{registerId:int}/park")]
    public async Task<IActionResult> Park(int registerId, [FromServices] ParkCart park, CancellationToken ct)
    {
        await park.HandleAsync(registerId, ct);
        return await UpdateAsync(registerId, ct);
    }

    [HttpPost("/pos/{registerId:int}/parked/{parkedId:long}/recall")]
    public async Task<IActionResult> Recall(int registerId, long parkedId, [FromServices] RecallCart recall, CancellationToken ct)
    {
        await recall.HandleAsync(registerId, parkedId, ct);
        return await UpdateAsync(registerId, ct);
    }

    private async Task<IActionResult> UpdateAsync(int registerId, CancellationToken ct)
    {
        var (_, location) = await till.RequireRegisterAsync(registerId, ct);
        var cart = await getTill.CartAsync(registerId, location, ct);
        return PartialView("~/Features/Pos/Parking/_ParkUpdate.cshtml", new ParkUpdate(new CartUpdate(cart), await list.HandleAsync(registerId, location.TimeZoneId, ct)));
    }
}
