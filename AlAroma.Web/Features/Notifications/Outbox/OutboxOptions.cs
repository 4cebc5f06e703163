namespace AlAroma.Web.Features.Notifications.Outbox;

/// <summary>Settings of the outbox (section "Notifications:Outbox").</summary>
public sealed class OutboxOptions
{
    /// <summary>False: this instance sends nothing (tests that look at queued rows; a web node kept quiet).</summary>
    public bool DispatcherEnabled { get; set; } = true;

    /// <summary>Seconds between polls when nothing was due.</summary>
    public double PollSeconds { get; set; } = 2;

    /// <summary>Rows claimed at once by one instance.</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>Rows of one batch sent at the same time.</summary>
    public int Parallelism { get; set; } = 4;

    /// <summary>Seconds a claimed row belongs to its instance; past it (the process died) another instance claims it again.</summary>
    public int LeaseSeconds { get; set; } = 120;

    /// <summary>Attempts before a row is "failed".</summary>
    public int MaxAttempts { get; set; } = 6;

    /// <summary>Median first backoff in seconds; later ones grow exponentially with jitter.</summary>
    public double FirstRetrySeconds { get; set; } = 10;

    /// <summary>Messages per second over all instances; 0 = no limit. Telegram's documented limit is about 30/s per bot.</summary>
    public int EmailPerSecond { get; set; }
    public int SmsPerSecond { get; set; } = 20;
    public int TelegramPerSecond { get; set; } = 30;

    /// <summary>Messages per second to one Telegram chat (Bot API FAQ: about one per second).</summary>
    public int TelegramPerChatPerSecond { get; set; } = 1;

    /// <summary>The overall per-second limit of <paramref name="channel"/>; 0 = none.</summary>
    public int PerSecond(Channel channel) => channel switch
    {
        Channel.Email => EmailPerSecond,
        Channel.Sms => SmsPerSecond,
        Channel.Telegram => TelegramPerSecond,
        _ => 0,
    };
}
