namespace AlAroma.Web.Features.Notifications.Outbox;

/// <summary>What a channel sender made of one attempt.</summary>
public enum SendOutcome
{
    /// <summary>The provider accepted the message.</summary>
    Sent,

    /// <summary>A passing failure (server down, timeout, 4xx of SMTP, 5xx of HTTP): try again after a backoff.</summary>
    Retry,

    /// <summary>The provider asked to slow down (HTTP 429, Telegram retry_after): try again after its wait, not counted as a failure.</summary>
    Throttled,

    /// <summary>A refusal that will not change (bad address, bot blocked by the user): fail now, no retries.</summary>
    Permanent,
}

/// <summary>The result of one send attempt; <see cref="RetryAfter"/> is the provider's wait when it gave one.</summary>
public sealed record SendResult(SendOutcome Outcome, string? ProviderMessageId = null, string? Error = null, TimeSpan? RetryAfter = null)
{
    public static SendResult Sent(string? providerMessageId) => new(SendOutcome.Sent, providerMessageId);
    public static SendResult Retry(string error, TimeSpan? retryAfter = null) => new(SendOutcome.Retry, Error: error, RetryAfter: retryAfter);
    public static SendResult Throttled(TimeSpan retryAfter, string error) => new(SendOutcome.Throttled, Error: error, RetryAfter: retryAfter);
    public static SendResult Permanent(string error) => new(SendOutcome.Permanent, Error: error);
}

/// <summary>Sends outbox rows of one channel. Never throws for a provider's answer: it returns a <see cref="SendResult"/>.</summary>
public interface IChannelSender
{
    Channel Channel { get; }

    /// <summary>Sends <paramref name="message"/> once (no retries inside: the outbox schedules them).</summary>
    Task<SendResult> SendAsync(OutboxMessage message, CancellationToken ct);
}

/// <summary>
/// Told when a message of its feature failed for good — a permanent refusal (at once) or the last attempt — so the
/// feature can react (mark a customer's Telegram as blocked, show the cashier). Register as scoped
/// <c>INotificationFailureHandler</c> from the feature's <c>AddX</c>; called after the row is saved as failed.
/// </summary>
public interface INotificationFailureHandler
{
    /// <summary>True for the <see cref="OutboxMessage.EntityType"/> values this feature enqueues.</summary>
    bool Handles(string? entityType);

    /// <param name="permanent">True for a refusal that retries would not change; false after the last attempt.</param>
    Task OnFailedAsync(OutboxMessage message, bool permanent, CancellationToken ct);
}
