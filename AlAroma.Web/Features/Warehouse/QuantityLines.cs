using AlAroma.Web.Infrastructure;

namespace AlAroma.Web.Features.Warehouse;

/// <summary>A document line counted in whole units of one product (transfers, write-offs, transfer requests).</summary>
public interface IQuantityLine
{
    long Id { get; }
    int ProductId { get; set; }

    /// <summary>Units, &gt; 0.</summary>
    int Quantity { get; set; }
}

/// <summary>
/// The line rules shared by the unit-only documents: one line per product (adding merges), quantity &gt; 0, lines
/// addressed by id; and the reason a manager gives when refusing a document. The caller checks the document's status first.
/// </summary>
public static class QuantityLines
{
    /// <summary>Adds units of a product, merging with its existing line.</summary>
    /// <exception cref="BusinessRuleException">Quantity ≤ 0.</exception>
    public static void Add<T>(List<T> lines, int productId, int quantity) where T : IQuantityLine, new()
    {
        if (quantity <= 0) throw new BusinessRuleException("Количество должно быть больше нуля.");
        var line = lines.FirstOrDefault(l => l.ProductId == productId);
        if (line is null) lines.Add(new T { ProductId = productId, Quantity = quantity });
        else line.Quantity += quantity;
    }

    /// <summary>Sets the quantity of a line.</summary>
    /// <exception cref="BusinessRuleException">No such line or quantity ≤ 0.</exception>
    public static void Change<T>(List<T> lines, long lineId, int quantity) where T : IQuantityLine
    {
        var line = Find(lines, lineId);
        if (quantity <= 0) throw new BusinessRuleException("Количество должно быть больше нуля. Чтобы убрать товар, удалите строку.");
        line.Quantity = quantity;
    }

    /// <summary>Removes a line.</summary>
    /// <exception cref="BusinessRuleException">No such line.</exception>
    public static void Remove<T>(List<T> lines, long lineId) where T : IQuantityLine => lines.Remove(Find(lines, lineId));

    /// <summary>The trimmed reason of a refusal (at most 500 characters).</summary>
    /// <param name="reason">What the manager typed.</param>
    /// <param name="seenBy">Who reads it, Russian nominative, e.g. "кладовщик".</param>
    /// <exception cref="BusinessRuleException">Empty or too long.</exception>
    public static string RefusalReason(string? reason, string seenBy)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new BusinessRuleException($"Укажите причину отказа — {seenBy} увидит её в документе.");
        if (reason.Trim().Length > 500) throw new BusinessRuleException("Причина отказа — не длиннее 500 символов.");
        return reason.Trim();
    }

    private static T Find<T>(List<T> lines, long lineId) where T : IQuantityLine =>
        lines.FirstOrDefault(l => l.Id == lineId) ?? throw new BusinessRuleException("Строка не найдена — обновите страницу.");
}
