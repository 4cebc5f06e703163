using System.Globalization;
using System.Text;
using System.Text.Json;
using AlAroma.Web.Features.Leads.Numbers;
using AlAroma.Web.Infrastructure;
using AlAroma.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace AlAroma.Web.Features.Leads.Telephony;

/// <summary>
/// The PBXs' call webhooks (INTEGRATIONS.md "Telephony"): Zadarma, Mango Office and a generic JSON event. No sign-in and no
/// antiforgery — the provider's signature is the authentication (a bad one gets 401 and changes nothing); a provider whose
/// secret is not configured (<c>Telephony:Zadarma:Secret</c>, <c>Telephony:Mango:ApiKey</c> + <c>:Salt</c>,
/// <c>Telephony:Generic:Secret</c>) answers 404. A repeated event answers 200 and changes nothing.
/// </summary>
[AllowAnonymous, IgnoreAntiforgeryToken, EnableRateLimiting(RateLimits.Webhook), Route("telephony")]
public sealed class TelephonyController(IConfiguration config, ApplyCallEvent apply, TimeProvider clock) : Controller
{
    /// <summary>How old (or how far ahead) a generic event's timestamp may be, seconds.</summary>
    public const int ReplayWindowSeconds = 300;

    /// <summary>Zadarma's URL check: the <c>zd_echo</c> parameter echoed back as plain text.</summary>
    [HttpGet("zadarma")]
    public IActionResult ZadarmaEcho([FromQuery(Name = "zd_echo")] string? echo) =>
        config["Telephony:Zadarma:Secret"] is not { Length: > 0 } ? NotFound() : Content(echo ?? "", "text/plain");

    [HttpPost("zadarma")]
    public async Task<IActionResult> Zadarma(CancellationToken ct)
    {
        if (config["Telephony:Zadarma:Secret"] is not { Length: > 0 } secret) return NotFound();
        var f = await Request.ReadFormAsync(ct);
        string V(string k) => f[k].ToString();
        var ev = V("event");
        var signed = ev switch
        {
            "NOTIFY_START" or "NOTIFY_END" => V("caller_id") + V("called_did") + V("call_start"),
            "NOTIFY_OUT_START" or "NOTIFY_OUT_END" => V("internal") + V("destination") + V("call_start"),
            "NOTIFY_RECORD" => V("pbx_call_id") + V("call_id_with_rec"),
            _ => null,
        };
        if (signed is null) return Ok(); // an event we do not use (NOTIFY_INTERNAL, NOTIFY_ANSWER…): acknowledged
        if (!TelephonySignatures.Same(TelephonySignatures.Zadarma(secret, signed), Request.Headers["Signature"].ToString())) return Refuse("bad signature");
        var inbound = ev is "NOTIFY_START" or "NOTIFY_END";
        var e = new CallEvent("zadarma", V("pbx_call_id"), ev,
            ev switch { "NOTIFY_RECORD" => CallEventKind.Recording, "NOTIFY_END" or "NOTIFY_OUT_END" => CallEventKind.Ended, _ => CallEventKind.Started },
            ev == "NOTIFY_RECORD" ? null : inbound ? V("caller_id") : V("destination"),
            int.TryParse(V("duration"), out var d) ? d : null, ZadarmaResult(V("disposition")),
            ev == "NOTIFY_RECORD" ? V("call_id_with_rec") : null);
        return Answer(await apply.HandleAsync(e, ct));
    }

    /// <summary>Zadarma's disposition as a status: answered → none (the operator decides), busy, an unallocated number is a wrong one, the rest no answer.</summary>
    public static LeadStatus? ZadarmaResult(string disposition) => disposition switch
    {
        "" or "answered" => null,
        "busy" => LeadStatus.Busy,
        "unallocated number" => LeadStatus.WrongNumber,
        _ => LeadStatus.NoAnswer,
    };

    /// <summary>Mango Office's call state events (Appeared, Connected, OnHold, Disconnected).</summary>
    [HttpPost("mango/events/call")]
    public Task<IActionResult> MangoCall(CancellationToken ct) => Mango("call", ct);

    /// <summary>Mango Office's summary of a finished call.</summary>
    [HttpPost("mango/events/summary")]
    public Task<IActionResult> MangoSummary(CancellationToken ct) => Mango("summary", ct);

    private async Task<IActionResult> Mango(string kind, CancellationToken ct)
    {
        if (config["Telephony:Mango:ApiKey"] is not { Length: > 0 } key || config["Telephony:Mango:Salt"] is not { Length: > 0 } salt) return NotFound();
        var f = await Request.ReadFormAsync(ct);
        var json = f["json"].ToString();
        if (f["vpbx_api_key"].ToString() != key || !TelephonySignatures.Same(TelephonySignatures.Mango(key, json, salt), f["sign"].ToString()))
            return Refuse("bad signature");
        JsonElement root;
        try { root = JsonDocument.Parse(json).RootElement; }
        catch (JsonException) { return BadRequest(new { error = "json is not JSON" }); }
        string S(JsonElement e, string name) => e.TryGetProperty(name, out var v) ? v.ValueKind == JsonValueKind.String ? v.GetString() ?? "" : v.ToString() : "";
        JsonElement O(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Object ? v : default;
        string Number(string side) => O(side).ValueKind == JsonValueKind.Object ? S(O(side), "number") : "";
        bool Employee(string side) => O(side).ValueKind == JsonValueKind.Object && S(O(side), "extension") != "";
        CallEvent e;
        if (kind == "summary")
        {
            var outbound = S(root, "call_direction") == "2";
            long.TryParse(S(root, "talk_time"), out var talk);
            long.TryParse(S(root, "end_time"), out var end);
            var answered = S(root, "entry_result") == "1";
            e = new CallEvent("mango", S(root, "entry_id"), "summary", CallEventKind.Ended, outbound ? Number("to") : Number("from"),
                talk > 0 && end >= talk ? (int)(end - talk) : 0, answered ? null : LeadStatus.NoAnswer);
        }
        else
        {
            var state = S(root, "call_state");
            if (state is not ("Appeared" or "Connected")) return Ok(); // OnHold / Disconnected: the summary closes the call
            var client = Employee("from") ? Number("to") : Number("from");
            e = new CallEvent("mango", S(root, "entry_id") is { Length: > 0 } entry ? entry : S(root, "call_id"), $"call:{state}:{S(root, "seq")}",
                state == "Connected" ? CallEventKind.Answered : CallEventKind.Started, client);
        }
        return Answer(await apply.HandleAsync(e, ct));
    }

    /// <summary>
    /// A generic JSON event: <c>X-Timestamp</c> (Unix seconds), <c>X-Signature</c> =
    /// <see cref="TelephonySignatures.Generic"/> over the raw body; <c>{"call_id", "event": "started|answered|ended|recording",
    /// "direction": "in|out", "from", "to", "duration", "disposition": "answered|no_answer|busy|failed|wrong_number", "recording_url"}</c>.
    /// </summary>
    [HttpPost("generic")]
    public async Task<IActionResult> Generic(CancellationToken ct)
    {
        if (config["Telephony:Generic:Secret"] is not { Length: > 0 } secret) return NotFound();
        using var reader = new StreamReader(Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(ct);
        switch (TimestampedHmac.Check(secret, Request.Headers["X-Timestamp"], Request.Headers["X-Signature"], body, clock.GetUtcNow(), ReplayWindowSeconds))
        {
            case TimestampedHmac.Verdict.NoTimestamp: return Refuse("X-Timestamp is missing");
            case TimestampedHmac.Verdict.BadSignature: return Refuse("bad signature");
            case TimestampedHmac.Verdict.Stale: return Refuse("stale timestamp: replay refused");
        }
        JsonElement root;
        try { root = JsonDocument.Parse(body).RootElement; }
        catch (JsonException) { return BadRequest(new { error = "the body is not JSON" }); }
        string S(string name) => root.TryGetProperty(name, out var v) ? v.ValueKind == JsonValueKind.String ? v.GetString() ?? "" : v.ToString() : "";
        var kind = S("event") switch
        {
            "started" => CallEventKind.Started, "answered" => CallEventKind.Answered, "ended" => CallEventKind.Ended, "recording" => CallEventKind.Recording,
            _ => (CallEventKind?)null,
        };
        if (kind is null || S("call_id") is not { Length: > 0 } callId) return BadRequest(new { error = "call_id and event (started, answered, ended, recording) are required" });
        LeadStatus? result = S("disposition") switch { "no_answer" or "failed" => LeadStatus.NoAnswer, "busy" => LeadStatus.Busy, "wrong_number" => LeadStatus.WrongNumber, _ => null };
        var e = new CallEvent("generic", callId, S("event"), kind.Value, S("direction") == "out" ? S("to") : S("from"),
            int.TryParse(S("duration"), out var d) ? d : null, result, S("recording_url") is { Length: > 0 } url ? url : null);
        return Answer(await apply.HandleAsync(e, ct));
    }

    private IActionResult Answer(ApplyCallEvent.Outcome outcome) => Ok(new { status = outcome.ToString().ToLowerInvariant() });

    private IActionResult Refuse(string why) => new JsonResult(new { error = why }) { StatusCode = StatusCodes.Status401Unauthorized };
}
