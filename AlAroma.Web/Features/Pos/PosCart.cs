using AlAroma.Web.Features.Admin.Audit;

namespace AlAroma.Web.Features.Pos;

/// <summary>
/// The open receipt of a register, kept on the server so that a reload or a crashed browser loses nothing.
/// One cart per register (unique); it is emptied when the sale is written. Not audited: the sale is.
/// </summary>
[NotAudited]
public class PosCart
{
    public long Id { get; set; }
    public int RegisterId { get; set; }

    /// <summary>Bumped by every change; the till keeps one idempotency key per version of the cart.</summary>
    public int Version { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public List<PosCartLine> Lines { get; set; } = [];
}

/// <summary>A product and how many units of it are in a cart (one line per product).</summary>
[NotAudited]
public class PosCartLine
{
    public long Id { get; set; }
    public long CartId { get; set; }
    public int ProductId { get; set; }

    /// <summary>Units, ≥ 1.</summary>
    public int Quantity { get; set; }
}
