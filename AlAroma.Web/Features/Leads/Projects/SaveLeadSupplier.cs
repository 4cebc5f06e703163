using System.Globalization;
using AlAroma.Web.Data;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Leads.Projects;

/// <summary>Creates or edits a seller of phone bases (<see cref="LeadSupplier"/>): name unique, contacts, price per number.</summary>
public sealed class SaveLeadSupplier(AppDbContext db)
{
    /// <summary>Highest price per number, ₽ (a base number costs kopecks to a few rubles; this only catches a typo).</summary>
    public const decimal MaxPrice = 10_000m;

    /// <summary>The supplier form; <see cref="Id"/> is null for a new one.</summary>
    public sealed class Input
    {
        public int? Id { get; set; }
        public string? Name { get; set; }
        public string? Contacts { get; set; }

        /// <summary>Price per number as typed, ₽ with kopecks ("1,50", "1.5", "2"); empty = 0.</summary>
        public string? Price { get; set; }
        public bool IsActive { get; set; } = true;

        /// <summary>The typed price in kopecks (0 when empty); null when it is not a number.</summary>
        public long? PriceKopecks => string.IsNullOrWhiteSpace(Price) ? 0 : Money.Parse(Price) is { } rub ? (long)(rub * 100) : null;

        /// <summary>Field errors (field name → Russian message) that need no database; empty when the form is fine.</summary>
        public IEnumerable<(string Field, string Message)> Validate()
        {
            if (string.IsNullOrWhiteSpace(Name)) yield return (nameof(Name), "Укажите название поставщика базы.");
            else if (Name.Trim().Length > 200) yield return (nameof(Name), "Название — не длиннее 200 символов.");
            if (Contacts?.Trim().Length > 1000) yield return (nameof(Contacts), "Контакты — не длиннее 1000 символов.");
            if (PriceKopecks is not { } k) yield return (nameof(Price), "Цена за номер — число в рублях, например 1,50.");
            else if (k < 0) yield return (nameof(Price), "Цена за номер не может быть отрицательной.");
            else if (k > MaxPrice * 100) yield return (nameof(Price), $"Цена за номер — не больше {MaxPrice:0} ₽. Проверьте, не лишние ли цифры.");
        }
    }

    /// <summary>The form of supplier <paramref name="id"/> (null: a new one); null when there is no such supplier.</summary>
    public async Task<Input?> FormAsync(int? id, CancellationToken ct)
    {
        if (id is null) return new Input { Price = "0,00" };
        var s = await db.LeadSuppliers.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        return s is null ? null : new Input
        {
            Id = s.Id, Name = s.Name, Contacts = s.Contacts, IsActive = s.IsActive,
            Price = (s.PricePerNumberKopecks / 100m).ToString("0.00", Money.Ru),
        };
    }

    /// <summary>Errors that need the database: the name taken by another supplier (compared without case).</summary>
    public async Task<IReadOnlyList<(string Field, string Message)>> CheckAsync(Input input, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(input.Name)) return [];
        var name = input.Name.Trim().ToLower(CultureInfo.GetCultureInfo("ru-RU"));
        return await db.LeadSuppliers.AnyAsync(s => s.Name.ToLower() == name && s.Id != input.Id, ct)
            ? [(nameof(Input.Name), Duplicate(input.Name.Trim()))]
            : [];
    }

    /// <summary>Saves and returns the supplier id.</summary>
    /// <exception cref="BusinessRuleException">An invalid form, an unknown id, or the name of another supplier.</exception>
    public async Task<int> HandleAsync(Input input, CancellationToken ct)
    {
        if (input.Validate().Concat(await CheckAsync(input, ct)).FirstOrDefault() is { Message: { } error }) throw new BusinessRuleException(error);
        LeadSupplier supplier;
        if (input.Id is { } id)
            supplier = await db.LeadSuppliers.FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw new BusinessRuleException("Поставщик базы не найден — обновите список.");
        else db.LeadSuppliers.Add(supplier = new LeadSupplier());
        supplier.Name = input.Name!.Trim();
        supplier.Contacts = string.IsNullOrWhiteSpace(input.Contacts) ? null : input.Contacts.Trim();
        supplier.PricePerNumberKopecks = input.PriceKopecks!.Value;
        supplier.IsActive = input.IsActive;
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException e) when (DbExceptions.IsUniqueViolation(e))
        {
            throw new BusinessRuleException(Duplicate(supplier.Name));
        }
        return supplier.Id;
    }

    private static string Duplicate(string name) => $"Поставщик базы «{name}» уже есть — откройте его в списке или дайте другое название.";
}
