using System.Collections.Concurrent;
using System.Threading.Channels;

namespace AlAroma.Web.Features.Notifications.Bell;

/// <summary>
/// In-process fan-out of one app instance: the open bell streams of each signed-in user, and a wake-up signal per
/// stream. Wake-ups coalesce (a stream that has not looked yet gets one signal, not a queue), because a woken stream
/// re-reads the table and so sees everything that arrived meanwhile.
/// </summary>
public sealed class BellHub
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Subscription, byte>> byUser = new();

    /// <summary>Open streams in this instance (for diagnostics and tests).</summary>
    public int StreamCount => byUser.Values.Sum(s => s.Count);

    /// <summary>Registers a stream of <paramref name="userId"/>; dispose the subscription when the stream ends.</summary>
    public Subscription Subscribe(string userId)
    {
        var sub = new Subscription(this, userId);
        byUser.GetOrAdd(userId, _ => new()).TryAdd(sub, 0);
        return sub;
    }

    /// <summary>Wakes every stream of <paramref name="userId"/> (a NOTIFY payload).</summary>
    public void Wake(string userId)
    {
        if (byUser.TryGetValue(userId, out var subs))
            foreach (var s in subs.Keys) s.Signal.Writer.TryWrite(true);
    }

    /// <summary>Wakes every stream: after the listener (re)connected, anything may have been missed.</summary>
    public void WakeAll()
    {
        foreach (var subs in byUser.Values)
            foreach (var s in subs.Keys) s.Signal.Writer.TryWrite(true);
    }

    private void Remove(Subscription sub)
    {
        if (byUser.TryGetValue(sub.UserId, out var subs)) subs.TryRemove(sub, out _);
    }

    /// <summary>One open stream: <see cref="Signal"/> has an item when its user's notifications may have changed.</summary>
    public sealed class Subscription(BellHub hub, string userId) : IDisposable
    {
        internal string UserId { get; } = userId;

        /// <summary>Capacity one, extra wake-ups dropped: they would say the same thing.</summary>
        public Channel<bool> Signal { get; } = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

        public void Dispose() => hub.Remove(this);
    }
}
