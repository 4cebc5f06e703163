using System.Net.Mail;
using AlAroma.Web.Data;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Warehouse.Suppliers;

/// <summary>Creates or edits a supplier (managers and administrators). INN is checked by its FNS check digits.</summary>
public sealed class SaveSupplier(AppDbContext db, IHttpContextAccessor http)
{
    /// <summary>The supplier form; <see cref="Id"/> is null for a new one.</summary>
    public sealed class Input
    {
        public int? Id { get; set; }
        public string? Name { get; set; }
        public string? Inn { get; set; }
        public string? ContactPerson { get; set; }
        public string? Phone { get; set; }
        public string? Email { get; set; }
        public string? Comment { get; set; }
        public bool IsActive { get; set; } = true;

        /// <summary>Field errors (field name → Russian message); empty when the form is fine.</summary>
        public IEnumerable<(string Field, string Message)> Validate()
        {
            if (string.IsNullOrWhiteSpace(Name)) yield return (nameof(Name), "Укажите название поставщика.");
            else if (Name.Trim().Length > 200) yield return (nameof(Name), "Название — не длиннее 200 символов.");
            if (!string.IsNullOrWhiteSpace(Inn) && Infrastructure.Requisites.Inn.Error(Inn) is { } innError) yield return (nameof(Inn), innError);
            if (ContactPerson?.Trim().Length > 200) yield return (nameof(ContactPerson), "Контактное лицо — не длиннее 200 символов.");
            if (Phone?.Trim().Length > 40) yield return (nameof(Phone), "Телефон — не длиннее 40 символов.");
            if (!string.IsNullOrWhiteSpace(Email) && (Email.Trim().Length > 200 || !MailAddress.TryCreate(Email.Trim(), out _)))
                yield return (nameof(Email), "Проверьте e-mail: например, zakaz@parfum.ru.");
            if (Comment?.Length > 1000) yield return (nameof(Comment), "Комментарий — не длиннее 1000 символов.");
        }
    }

    /// <summary>The form and whether the user may save it.</summary>
    public sealed record FormModel(Input Input, bool MayEdit);

    /// <summary>The form of supplier <paramref name="id"/> (null: a new one); null when there is no such supplier.</summary>
    public async Task<FormModel?> FormAsync(int? id, CancellationToken ct)
    {
        var mayEdit = WarehouseAccess.IsApprover(http.HttpContext?.User);
        if (id is null) return new FormModel(new Input(), mayEdit);
        var s = await db.Suppliers.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        return s is null ? null : new FormModel(new Input
        {
            Id = s.Id, Name = s.Name, Inn = s.Inn, ContactPerson = s.ContactPerson, Phone = s.Phone, Email = s.Email, Comment = s.Comment, IsActive = s.IsActive,
        }, mayEdit);
    }

    /// <summary>The form of <paramref name="input"/> as typed (to show its errors).</summary>
    public FormModel Form(Input input) => new(input, WarehouseAccess.IsApprover(http.HttpContext?.User));

    /// <summary>Saves and returns the supplier id.</summary>
    /// <exception cref="BusinessRuleException">Not a manager/admin, invalid form, unknown id, or the INN belongs to another supplier.</exception>
    public async Task<int> HandleAsync(Input input, CancellationToken ct)
    {
        WarehouseAccess.EnsureApprover(http.HttpContext?.User, "заводить и изменять поставщиков");
        if (input.Validate().FirstOrDefault() is { Message: { } error }) throw new BusinessRuleException(error);
        var inn = string.IsNullOrWhiteSpace(input.Inn) ? null : input.Inn.Trim();
        if (inn is not null && await db.Suppliers.AnyAsync(s => s.Inn == inn && s.Id != input.Id, ct))
            throw new BusinessRuleException($"Поставщик с ИНН {inn} уже есть в справочнике — найдите его в списке.");

        Supplier supplier;
        if (input.Id is { } id)
            supplier = await db.Suppliers.FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw new BusinessRuleException("Поставщик не найден — обновите список.");
        else db.Suppliers.Add(supplier = new Supplier());
        supplier.Name = input.Name!.Trim();
        supplier.Inn = inn;
        supplier.ContactPerson = Clean(input.ContactPerson);
        supplier.Phone = Clean(input.Phone);
        supplier.Email = Clean(input.Email);
        supplier.Comment = Clean(input.Comment);
        supplier.IsActive = input.IsActive;
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException e) when (DbExceptions.IsUniqueViolation(e))
        {
            throw new BusinessRuleException($"Поставщик с ИНН {inn} уже есть в справочнике — найдите его в списке.");
        }
        return supplier.Id;
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
