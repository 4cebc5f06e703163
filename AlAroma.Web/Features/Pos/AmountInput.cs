using AlAroma.Web.Infrastructure;

namespace AlAroma.Web.Features.Pos;

/// <summary>An amount of money as a cashier types it into a till form.</summary>
public static class AmountInput
{
    /// <summary>"1 990,50" → 1990.50 ₽; null when empty.</summary>
    /// <param name="field">The field's label, named in the error.</param>
    /// <exception cref="BusinessRuleException">Not a number; the message names the field.</exception>
    public static decimal? Parse(string? text, string field) =>
        string.IsNullOrWhiteSpace(text) ? null
            : Money.Parse(text) ?? throw new BusinessRuleException($"«{field}»: «{text}» — не сумма. Введите число, например 1990 или 1990,50.");
}
