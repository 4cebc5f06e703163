using AlAroma.Web.Features.Account;
using AlAroma.Web.Features.Promotions.Engine;
using AlAroma.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AlAroma.Web.Features.Pos;

/// <summary>What the cart fragment shows after an edit: the cart, a message (e.g. unknown barcode) and search results.</summary>
/// <param name="NewCustomerPhone">An unknown phone typed in "Телефон или код": the panel offers "Новый клиент".</param>
/// <param name="CustomerError">Why the customer lookup (or a gift of theirs) failed (shown in the customer panel).</param>
/// <param name="CustomerNotice">What was done for the customer, e.g. a gift handed over (shown in the customer panel).</param>
public sealed record CartUpdate(GetTill.CartView Cart, string? Notice = null, string? Query = null, IReadOnlyList<SearchProducts.Row>? Found = null,
    string? NewCustomerPhone = null, string? CustomerError = null, string? CustomerNotice = null);

/// <summary>The till: choose a register, open a shift, edit the cart, take payment.</summary>
[Authorize(Roles = Roles.Till)]
public sealed class PosController(GetTill getTill, EditCart cart, TillAccess till) : Controller
{
    [HttpGet("/pos")]
    public async Task<IActionResult> Index([FromServices] ChooseRegister choose, CancellationToken ct)
    {
        var model = await choose.HandleAsync(ct);
        if (model.GoTo is { } id && !Request.Query.ContainsKey("choose")) return Redirect($"/pos/{id}");
        return View("Choose", model);
    }

    [HttpGet("/pos/{registerId:int}")]
    public async Task<IActionResult> Till(int registerId, CancellationToken ct)
    {
        var model = await getTill.HandleAsync(registerId, ct);
        if (model is null) return NotFound();
        return View(model.Shift is null ? "OpenShift" : "Till", model);
    }

    [HttpPost("/pos/{registerId:int}/open")]
    public async Task<IActionResult> Open(int registerId, string? openingFloat, [FromServices] OpenShift open, CancellationToken ct)
    {
        await open.HandleAsync(registerId, ParseAmount(openingFloat, "Наличные в кассе"), ct);
        TempData["SuccessToast"] = "Смена открыта.";
        return Redirect($"/pos/{registerId}");
    }

    [HttpPost("/pos/{registerId:int}/scan")]
    public async Task<IActionResult> Scan(int registerId, string? code, [FromServices] SearchProducts search, CancellationToken ct)
    {
        var r = await cart.ScanAsync(registerId, code, ct);
        if (!Request.IsHtmx())
        {
            // The scanner form posted plainly (pos.js not running yet): the unit is in the cart; show the till again.
            if (!r.Found && r.Code.Length > 0) TempData[BusinessRuleFilter.ErrorKey] = UnknownCode(r.Code);
            return Redirect($"/pos/{registerId}");
        }
        if (r.Found || r.Code.Length == 0) return await CartAsync(registerId, ct, added: r.ProductId);
        var found = await search.HandleAsync(registerId, r.Code, ct);
        return await CartAsync(registerId, ct, UnknownCode(r.Code), r.Code, found);
    }

    private static string UnknownCode(string code) => $"Товар «{code}» не найден. Проверьте штрихкод или найдите товар по названию в поиске ниже — чек не изменился.";

    [HttpPost("/pos/{registerId:int}/lines/{productId:int}/change")]
    public async Task<IActionResult> Change(int registerId, int productId, int delta, CancellationToken ct)
    {
        await cart.ChangeAsync(registerId, productId, Math.Clamp(delta, -1000, 1000), ct);
        return await CartAsync(registerId, ct, added: delta > 0 ? productId : null);
    }

    [HttpPost("/pos/{registerId:int}/lines/{productId:int}/remove")]
    public async Task<IActionResult> Remove(int registerId, int productId, CancellationToken ct)
    {
        await cart.RemoveAsync(registerId, productId, ct);
        return await CartAsync(registerId, ct);
    }

    [HttpPost("/pos/{registerId:int}/clear")]
    public async Task<IActionResult> Clear(int registerId, CancellationToken ct)
    {
        await cart.ClearAsync(registerId, ct);
        return await CartAsync(registerId, ct);
    }

    [HttpPost("/pos/{registerId:int}/customer")]
    public async Task<IActionResult> FindCustomer(int registerId, string? q, [FromServices] TillCustomer customers, CancellationToken ct)
    {
        TillCustomer.LookupResult r;
        try { r = await customers.FindAsync(registerId, q, ct); }
        catch (BusinessRuleException e) { return await CartAsync(registerId, ct, customerError: e.Message); }
        return await CartAsync(registerId, ct, newCustomerPhone: r.NewPhone);
    }

    [HttpPost("/pos/{registerId:int}/customer/new")]
    public async Task<IActionResult> NewCustomer(int registerId, string? phone, string? name, [FromServices] TillCustomer customers, CancellationToken ct)
    {
        try { await customers.CreateAsync(registerId, phone, name, ct); }
        catch (BusinessRuleException e) { return await CartAsync(registerId, ct, newCustomerPhone: phone ?? "", customerError: e.Message); }
        return await CartAsync(registerId, ct);
    }

    [HttpPost("/pos/{registerId:int}/customer/remove")]
    public async Task<IActionResult> RemoveCustomer(int registerId, [FromServices] TillCustomer customers, CancellationToken ct)
    {
        await customers.DetachAsync(registerId, ct);
        return await CartAsync(registerId, ct);
    }

    [HttpPost("/pos/{registerId:int}/gifts/{giftId:long}/hand-over")]
    public async Task<IActionResult> HandOverGift(int registerId, long giftId, [FromServices] TillGifts gifts, CancellationToken ct)
    {
        string said;
        try { said = await gifts.HandOverAsync(registerId, giftId, ct); }
        catch (BusinessRuleException e) { return await CartAsync(registerId, ct, customerError: e.Message); }
        return await CartAsync(registerId, ct, customerNotice: said);
    }

    [HttpPost("/pos/{registerId:int}/gifts/{giftId:long}/apply")]
    public async Task<IActionResult> ApplyGift(int registerId, long giftId, [FromServices] TillGifts gifts, CancellationToken ct)
    {
        try { await gifts.ApplyAsync(registerId, giftId, ct); }
        catch (BusinessRuleException e) { return await CartAsync(registerId, ct, customerError: e.Message); }
        return await CartAsync(registerId, ct);
    }

    [HttpPost("/pos/{registerId:int}/gifts/remove")]
    public async Task<IActionResult> RemoveGift(int registerId, [FromServices] TillGifts gifts, CancellationToken ct)
    {
        await gifts.RemoveAsync(registerId, ct);
        return await CartAsync(registerId, ct);
    }

    [HttpPost("/pos/{registerId:int}/certificates")]
    public async Task<IActionResult> Certificate(int registerId, decimal nominal, int delta, CancellationToken ct)
    {
        await cart.ChangeCertificateAsync(registerId, nominal, Math.Clamp(delta, -100, 100), ct);
        return await CartAsync(registerId, ct);
    }

    [HttpGet("/pos/{registerId:int}/certificate-balance")]
    public async Task<IActionResult> CertificateBalance(int registerId, string? code, [FromServices] CheckCertificate check, CancellationToken ct)
    {
        await till.RequireRegisterAsync(registerId, ct);
        var r = await check.HandleAsync(code, ct);
        return PartialView("_CertificateBalance", r);
    }

    [HttpPost("/pos/{registerId:int}/discount")]
    public async Task<IActionResult> Discount(int registerId, ManualDiscountKind kind, string? value, [FromServices] GiveManualDiscount give, CancellationToken ct)
    {
        await give.HandleAsync(registerId, kind, ParseAmount(value, kind == ManualDiscountKind.Percent ? "Скидка, %" : "Скидка, ₽"), ct);
        return await CartAsync(registerId, ct);
    }

    [HttpGet("/pos/{registerId:int}/search")]
    public async Task<IActionResult> Search(int registerId, string? q, [FromServices] SearchProducts search, CancellationToken ct) =>
        PartialView("_SearchResults", new CartUpdate(new GetTill.CartView(registerId, [], 0, 0, 0, ""), Query: q, Found: await search.HandleAsync(registerId, q, ct)));

    [HttpPost("/pos/{registerId:int}/checkout")]
    public async Task<IActionResult> Pay(int registerId, CheckoutForm form, [FromServices] Checkout checkout, CancellationToken ct)
    {
        var result = await checkout.HandleAsync(form.ToCommand(registerId), ct);
        return this.Navigate($"/pos/sales/{result.SaleId}?print=1");
    }

    private async Task<IActionResult> CartAsync(int registerId, CancellationToken ct, string? notice = null, string? query = null, IReadOnlyList<SearchProducts.Row>? found = null,
        string? newCustomerPhone = null, string? customerError = null, int? added = null, string? customerNotice = null)
    {
        var (_, location) = await till.RequireRegisterAsync(registerId, ct);
        var view = await getTill.CartAsync(registerId, location, ct);
        // A unit just added that the shop does not have is said at once, not first at "Пробить чек".
        notice ??= view.Lines.FirstOrDefault(l => l.ProductId == added)?.Shortage;
        return PartialView("_CartUpdate", new CartUpdate(view, notice, query, found, newCustomerPhone, customerError, customerNotice));
    }

    /// <summary>An amount as typed ("1 990,50"), null when empty (kept for the other till controllers: <see cref="AmountInput.Parse"/>).</summary>
    /// <exception cref="BusinessRuleException">Not a number; the message names the field.</exception>
    internal static decimal? ParseAmount(string? text, string field) => AmountInput.Parse(text, field);
}
