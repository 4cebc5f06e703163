using System.Collections.Concurrent;

namespace AlAroma.Web.Features.Catalog;

/// <summary>
/// How far a running catalog import has got, for the progress bar of the preview page (the run itself is one request
/// and one transaction, so its progress can only be told from memory). Kept per import id in this process.
/// </summary>
public sealed class ImportProgress
{
    /// <summary>Rows written so far of those to write (created plus updated); <see cref="Total"/> 0 while rows are still being checked.</summary>
    public sealed record State(int Written, int Total, bool Finished);

    private readonly ConcurrentDictionary<Guid, State> states = new();

    /// <summary>Records that <paramref name="written"/> of <paramref name="total"/> rows are written.</summary>
    public void Report(Guid importId, int written, int total, bool finished = false) => states[importId] = new State(written, total, finished);

    /// <summary>The last state reported for the import, or null when it has not started in this process.</summary>
    public State? Of(Guid importId) => states.GetValueOrDefault(importId);

    /// <summary>Forgets the import (a run that failed starts from nothing again).</summary>
    public void Forget(Guid importId) => states.TryRemove(importId, out _);
}
