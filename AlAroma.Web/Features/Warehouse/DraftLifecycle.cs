using AlAroma.Web.Infrastructure;

namespace AlAroma.Web.Features.Warehouse;

/// <summary>
/// The state machine that transfers, transfer requests and write-offs share (DOMAIN.md): lines change only in
/// Draft; a draft leaves for the awaiting status only with at least one line; only an awaiting document is decided
/// (received, fulfilled, approved, rejected). Each document gives its own statuses and Russian refusals, so the
/// rule is written once and the words stay the document's.
/// </summary>
/// <typeparam name="TStatus">The document's status enum.</typeparam>
public sealed class DraftLifecycle<TStatus> where TStatus : struct, Enum
{
    /// <summary>The status in which lines may change.</summary>
    public required TStatus Draft { get; init; }

    /// <summary>The status a draft leaves for (Shipped, Open, Submitted), awaiting a decision.</summary>
    public required TStatus Awaiting { get; init; }

    /// <summary>Refusal of a change to a document that is no longer a draft.</summary>
    public required string Locked { get; init; }

    /// <summary>Refusal to send on a draft without lines.</summary>
    public required string Empty { get; init; }

    /// <summary>Refusal of a decision, by the status the document is in (never called with <see cref="Awaiting"/>).</summary>
    public required Func<TStatus, string> NotAwaiting { get; init; }

    /// <summary>True while <paramref name="status"/> is the draft status.</summary>
    public bool IsDraft(TStatus status) => EqualityComparer<TStatus>.Default.Equals(status, Draft);

    /// <exception cref="BusinessRuleException">Not a draft: <see cref="Locked"/>.</exception>
    public void EnsureDraft(TStatus status)
    {
        if (!IsDraft(status)) throw new BusinessRuleException(Locked);
    }

    /// <exception cref="BusinessRuleException">Not awaiting a decision: <see cref="NotAwaiting"/> of the status.</exception>
    public void EnsureAwaiting(TStatus status)
    {
        if (!EqualityComparer<TStatus>.Default.Equals(status, Awaiting)) throw new BusinessRuleException(NotAwaiting(status));
    }

    /// <summary>Draft → <see cref="Awaiting"/>: the status the caller sets.</summary>
    /// <exception cref="BusinessRuleException">Not a draft (<see cref="Locked"/>) or no lines (<see cref="Empty"/>).</exception>
    public TStatus Leave<TLine>(TStatus status, IReadOnlyCollection<TLine> lines)
    {
        EnsureDraft(status);
        if (lines.Count == 0) throw new BusinessRuleException(Empty);
        return Awaiting;
    }

    /// <summary>Adds units of a product to a draft, merging with its existing line.</summary>
    /// <exception cref="BusinessRuleException">Not a draft or quantity ≤ 0.</exception>
    public void AddLine<TLine>(TStatus status, List<TLine> lines, int productId, int quantity) where TLine : IQuantityLine, new()
    {
        EnsureDraft(status);
        QuantityLines.Add(lines, productId, quantity);
    }

    /// <summary>Sets the quantity of a line of a draft.</summary>
    /// <exception cref="BusinessRuleException">Not a draft, no such line or quantity ≤ 0.</exception>
    public void ChangeLine<TLine>(TStatus status, List<TLine> lines, long lineId, int quantity) where TLine : IQuantityLine
    {
        EnsureDraft(status);
        QuantityLines.Change(lines, lineId, quantity);
    }

    /// <summary>Removes a line from a draft.</summary>
    /// <exception cref="BusinessRuleException">Not a draft or no such line.</exception>
    public void RemoveLine<TLine>(TStatus status, List<TLine> lines, long lineId) where TLine : IQuantityLine
    {
        EnsureDraft(status);
        QuantityLines.Remove(lines, lineId);
    }
}
