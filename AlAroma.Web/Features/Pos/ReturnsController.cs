using AlAroma.Web.Features.Account;
using AlAroma.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AlAroma.Web.Features.Pos;

/// <summary>Returns by receipt (Возврат, F8 on the till) and cash in/out of a shift (Внесение / Изъятие).</summary>
[Authorize(Roles = Roles.Till)]
public sealed class ReturnsController : Controller
{
    [HttpGet("/pos/{registerId:int}/return")]
    public async Task<IActionResult> Find(int registerId, string? number, [FromServices] FindSaleForReturn find, CancellationToken ct) =>
        await find.HandleAsync(registerId, number, ct) is { } model ? View("Return", model) : NotFound();

    [HttpPost("/pos/{registerId:int}/return")]
    public async Task<IActionResult> Return(int registerId, long saleId, Guid key, [FromForm] Dictionary<long, int>? qty, [FromServices] ReturnSale returns, CancellationToken ct)
    {
        var lines = (qty ?? []).Select(q => new ReturnLineInput(q.Key, q.Value)).ToList();
        var r = await returns.HandleAsync(new ReturnSaleCommand(registerId, key, saleId, lines), ct);
        TempData["SuccessToast"] = $"Возврат {r.Number} оформлен на {Money.Format(r.Total)}" + (r.Cash > 0 ? $": выдайте наличными {Money.Format(r.Cash)}." : ".");
        return this.Navigate($"/pos/sales/{r.SaleId}");
    }

    [HttpPost("/pos/shifts/{id:long}/cash")]
    public async Task<IActionResult> Cash(long id, CashMovementKind kind, string? amount, string? reason, [FromServices] MoveCash move, CancellationToken ct)
    {
        await move.HandleAsync(id, kind, PosController.ParseAmount(amount, "Сумма"), reason, ct);
        TempData["SuccessToast"] = $"{CashMovement.Label(kind)} записано.";
        return Redirect($"/pos/shifts/{id}");
    }
}
