using AlAroma.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using NetEscapades.AspNetCore.SecurityHeaders;

namespace AlAroma.Web.Features.ExternalPos;

/// <summary>
/// The external POS API, v1 (JSON; the description is at <c>/api/v1/openapi.json</c>). Every request is signed
/// (<see cref="ExternalPosSignatureAttribute"/>: 401 when not) and counted per key (<see cref="RateLimits.PosApi"/>: 429
/// with Retry-After). A refusal by the programme's rules is a 422 with <c>{"error": "rule", "message"}</c>; an event id
/// used for another event is a 409; a repeated event answers 200 with the first answer and <c>Idempotent-Replayed: true</c>.
/// No cookies, no antiforgery: the signature is the authentication.
/// </summary>
[ApiController, Route("api/v1"), AllowAnonymous, IgnoreAntiforgeryToken, ExternalPosSignature,
 EnableRateLimiting(RateLimits.PosApi), SecurityHeadersPolicy(SecurityHeadersSetup.ApiPolicy),
 Produces("application/json"), ApiExplorerSettings(GroupName = ExternalPosSetup.DocumentName)]
public sealed class ExternalPosController : ControllerBase
{
    private ExternalPosCaller Caller => (ExternalPosCaller)HttpContext.Items[typeof(ExternalPosCaller)]!;

    /// <summary>Finds a customer by phone or by the six-digit code from the bot.</summary>
    [HttpPost("customers/lookup")]
    [ProducesResponseType<LookupExternalCustomer.Response>(200), ProducesResponseType(404), ProducesResponseType(422)]
    public Task<IActionResult> Lookup(LookupExternalCustomer.Request request, [FromServices] LookupExternalCustomer lookup, CancellationToken ct) =>
        Run(async () => await lookup.HandleAsync(Caller, request, ct) is { } found ? Ok(found) : NotFoundError("Клиент с таким номером не найден."));

    /// <summary>How many points a receipt may take and would earn.</summary>
    [HttpPost("points/quote")]
    [ProducesResponseType<QuoteExternalPoints.Response>(200), ProducesResponseType(404), ProducesResponseType(422)]
    public Task<IActionResult> Quote(QuoteExternalPoints.Request request, [FromServices] QuoteExternalPoints quote, CancellationToken ct) =>
        Run(async () => await quote.HandleAsync(request, ct) is { } q ? Ok(q) : NotFoundError("Клиент не найден: найдите его заново (customers/lookup)."));

    /// <summary>A sale with a customer: points spent and earned, once per eventId.</summary>
    [HttpPost("events/sale")]
    [ProducesResponseType<RecordExternalSale.Response>(200), ProducesResponseType(409), ProducesResponseType(422)]
    public Task<IActionResult> Sale(RecordExternalSale.Request request, [FromServices] RecordExternalSale record, CancellationToken ct) =>
        Run(async () => Answer(await record.HandleAsync(Caller, request, ct)));

    /// <summary>A return of (part of) a sale: points given back and taken back, once per eventId.</summary>
    [HttpPost("events/return")]
    [ProducesResponseType<RecordExternalReturn.Response>(200), ProducesResponseType(409), ProducesResponseType(422)]
    public Task<IActionResult> Return(RecordExternalReturn.Request request, [FromServices] RecordExternalReturn record, CancellationToken ct) =>
        Run(async () => Answer(await record.HandleAsync(Caller, request, ct)));

    private IActionResult Answer(ExternalPosEvents.Outcome outcome)
    {
        if (outcome.Repeated) Response.Headers["Idempotent-Replayed"] = "true";
        return Content(outcome.ResponseJson, "application/json");
    }

    private static IActionResult NotFoundError(string message) => ExternalPosErrors.Json(StatusCodes.Status404NotFound, "not_found", message);

    private static async Task<IActionResult> Run(Func<Task<IActionResult>> action)
    {
        try { return await action(); }
        catch (BusinessRuleException e) { return ExternalPosErrors.Json(StatusCodes.Status422UnprocessableEntity, "rule", e.Message); }
        catch (ExternalPosConflictException e) { return ExternalPosErrors.Json(StatusCodes.Status409Conflict, "event_conflict", e.Message); }
    }
}
