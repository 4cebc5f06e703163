using AlAroma.Web.Infrastructure.Time;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Features.Locations;
using AlAroma.Web.Features.Warehouse.Suppliers;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Warehouse.GoodsReceipts;

/// <summary>Creates a draft goods receipt at one of the user's locations; the number is given at once ("ПР-2026-000001").</summary>
public sealed class CreateGoodsReceipt(AppDbContext db, LocationScope scope, TimeProvider clock, ICurrentUser user, ListSuppliers suppliers)
{
    /// <summary>Number prefix of goods receipts.</summary>
    public const string Prefix = "ПР";

    /// <summary>The form of a new receipt.</summary>
    public sealed class Input
    {
        public int? LocationId { get; set; }

        /// <summary>A supplier from the directory; when set, its name is copied to the receipt.</summary>
        public int? SupplierId { get; set; }

        /// <summary>Supplier name typed when no directory supplier is chosen: the directory one of that name, else a new directory entry.</summary>
        public string? SupplierName { get; set; }
        public string? SupplierInvoiceNumber { get; set; }
        public DateOnly? SupplierInvoiceDate { get; set; }
        public string? Comment { get; set; }

        /// <summary>Field errors (field name → Russian message); empty when the form is fine.</summary>
        public IEnumerable<(string Field, string Message)> Validate()
        {
            if (LocationId is null) yield return (nameof(LocationId), "Выберите точку, куда пришёл товар.");
            if (SupplierId is null && string.IsNullOrWhiteSpace(SupplierName))
                yield return (nameof(SupplierName), "Укажите поставщика: выберите его из справочника или впишите название.");
            else if (SupplierName?.Trim().Length > 200) yield return (nameof(SupplierName), "Название поставщика — не длиннее 200 символов.");
            if (SupplierInvoiceNumber?.Trim().Length > 60) yield return (nameof(SupplierInvoiceNumber), "Номер накладной — не длиннее 60 символов.");
            if (Comment?.Length > 1000) yield return (nameof(Comment), "Комментарий — не длиннее 1000 символов.");
        }
    }

    /// <summary>The form with the locations the user may choose and the active suppliers.</summary>
    public sealed record FormModel(Input Input, IReadOnlyList<Location> Locations, IReadOnlyList<Supplier> Suppliers);

    /// <summary>An empty form, the current location preselected.</summary>
    public async Task<FormModel> FormAsync(Input? input, CancellationToken ct)
    {
        input ??= new Input { LocationId = (await scope.CurrentAsync(ct))?.Id, SupplierInvoiceDate = LocalTime.Today(clock.GetUtcNow()) };
        return new FormModel(input, await scope.AllowedAsync(ct), await suppliers.ActiveAsync(ct));
    }

    /// <summary>Creates the draft and returns its id; a typed supplier name not in the directory is added to it.</summary>
    /// <exception cref="BusinessRuleException">The form is invalid or the location is not the user's.</exception>
    public async Task<long> HandleAsync(Input input, CancellationToken ct)
    {
        if (input.Validate().FirstOrDefault() is { Message: { } error }) throw new BusinessRuleException(error);
        var locationId = input.LocationId!.Value;
        if (!await db.Locations.AnyAsync(l => l.Id == locationId && l.IsActive, ct))
            throw new BusinessRuleException("Точка не найдена или закрыта. Выберите другую.");
        await WarehouseAccess.EnsureAsync(db, scope, locationId, "оформлять приходы", ct);
        var supplier = input.SupplierId is { } supplierId
            ? await db.Suppliers.FirstOrDefaultAsync(s => s.Id == supplierId && s.IsActive, ct)
              ?? throw new BusinessRuleException("Поставщик не найден или неактивен. Выберите другого из списка.")
            : null;

        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // A name typed instead of picked joins the directory, so the directory lists whoever goods came from.
        supplier ??= await SupplierDirectory.FindOrAddAsync(db, input.SupplierName!, ct);
        if (supplier.Id == 0) await db.SaveChangesAsync(ct);
        var receipt = new GoodsReceipt
        {
            Number = await DocumentNumbers.NextDocumentAsync(db, Prefix, LocalTime.Today(clock.GetUtcNow()).Year, ct),
            LocationId = locationId, SupplierId = supplier.Id, SupplierName = supplier.Name, SupplierInvoiceNumber = input.SupplierInvoiceNumber?.Trim() ?? "",
            SupplierInvoiceDate = input.SupplierInvoiceDate, Comment = string.IsNullOrWhiteSpace(input.Comment) ? null : input.Comment.Trim(),
            Status = DocumentStatus.Draft, CreatedAtUtc = now, CreatedBy = user.UserName,
        };
        db.GoodsReceipts.Add(receipt);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return receipt.Id;
    }
}
