using AlAroma.Web.Features.Leads.Numbers;

namespace AlAroma.Web.Features.Leads.Telephony;

/// <summary>What a call event is, whatever the provider calls it.</summary>
public enum CallEventKind { Started, Answered, Ended, Recording }

/// <summary>
/// One call event of a PBX, read from its webhook and checked: the provider, its call id and event key (together the
/// idempotency key: a provider retrying a webhook changes nothing the second time), the client's number (the caller of an
/// incoming call, the callee of an outgoing one), and what the event tells.
/// </summary>
/// <param name="Provider">"zadarma", "mango" or "generic".</param>
/// <param name="CallId">The provider's id of the call.</param>
/// <param name="EventKey">The provider's name of this event of the call (NOTIFY_END, "summary", "ended"…).</param>
/// <param name="ClientPhone">The client's number as the provider sent it (normalised by <c>LeadPhone</c> on use).</param>
/// <param name="DurationSeconds">Talk time, seconds (end events).</param>
/// <param name="Result">The status the call gives the number by itself: no answer or busy; null for an answered call (the operator's button decides) or a start.</param>
/// <param name="RecordingUrl">Link or id of the recording, when the event carries one.</param>
public sealed record CallEvent(string Provider, string CallId, string EventKey, CallEventKind Kind, string? ClientPhone,
    int? DurationSeconds = null, LeadStatus? Result = null, string? RecordingUrl = null);

/// <summary>A received call event kept for idempotency and the log ("unknown number" included).</summary>
[Infrastructure.Auditing.NotAudited]
public class LeadCallEvent
{
    public string Provider { get; set; } = "";
    public string CallId { get; set; } = "";
    public string EventKey { get; set; } = "";
    public DateTime ReceivedAtUtc { get; set; }

    /// <summary>The number it was matched to; null when no active project has that number (logged, not an error).</summary>
    public long? LeadId { get; set; }
    public long? Phone { get; set; }
    public string Kind { get; set; } = "";
}
