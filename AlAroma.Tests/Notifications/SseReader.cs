namespace AlAroma.Tests.Notifications;

/// <summary>Reads a text/event-stream response event by event (the W3C SSE framing: "event:"/"data:" lines, blank line ends one).</summary>
internal sealed class SseReader(Stream body) : IDisposable
{
    private readonly StreamReader reader = new(body);

    /// <summary>One received event.</summary>
    public sealed record Event(string Type, string Data);

    /// <summary>Next event, or throws TimeoutException after <paramref name="timeout"/>.</summary>
    public async Task<Event> NextAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        string type = "message";
        var data = new List<string>();
        while (true)
        {
            string? line;
            try { line = await reader.ReadLineAsync(cts.Token); }
            catch (OperationCanceledException) { throw new TimeoutException($"No SSE event within {timeout}."); }
            if (line is null) throw new EndOfStreamException("The event stream ended.");
            if (line.Length == 0)
            {
                if (data.Count > 0 || type != "message") return new Event(type, string.Join("\n", data));
                continue;
            }
            if (line.StartsWith(':')) continue;
            if (line.StartsWith("event:")) type = line[6..].Trim();
            else if (line.StartsWith("data:")) data.Add(line[5..].TrimStart());
        }
    }

    /// <summary>Skips events until one of <paramref name="type"/> whose data satisfies <paramref name="match"/>.</summary>
    public async Task<Event> WaitForAsync(string type, Func<string, bool> match, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            var left = until - DateTime.UtcNow;
            if (left <= TimeSpan.Zero) throw new TimeoutException($"No '{type}' event matching within {timeout}.");
            var e = await NextAsync(left);
            if (e.Type == type && match(e.Data)) return e;
        }
    }

    public void Dispose() => reader.Dispose();
}
