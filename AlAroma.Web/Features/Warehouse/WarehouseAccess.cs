using AlAroma.Web.Features.Locations;
using AlAroma.Web.Features.Warehouse.GoodsReceipts;
using AlAroma.Web.Features.Warehouse.TransferRequests;
using AlAroma.Web.Features.Warehouse.Transfers;
using AlAroma.Web.Features.Warehouse.WriteOffs;
using System.Security.Claims;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Warehouse;

/// <summary>
/// Location checks for warehouse POSTs (BRIEF: storekeepers act only at their locations). Every handler that
/// changes a document calls <see cref="EnsureAsync"/> with the location the action happens at.
/// </summary>
public static class WarehouseAccess
{
    /// <summary>Refuses when the signed-in user may not act at <paramref name="locationId"/>.</summary>
    /// <param name="action">What is refused, in Russian infinitive form, e.g. "проводить приходы".</param>
    /// <exception cref="BusinessRuleException">The user is not bound to that location; the message names it.</exception>
    public static async Task EnsureAsync(AppDbContext db, LocationScope scope, int locationId, string action, CancellationToken ct)
    {
        if (await scope.MayAccessAsync(locationId, ct)) return;
        var name = await db.Locations.Where(l => l.Id == locationId).Select(l => l.Name).FirstOrDefaultAsync(ct) ?? $"#{locationId}";
        throw new BusinessRuleException($"У вас нет доступа к точке «{name}»: {action} там нельзя. Обратитесь к менеджеру или выберите свою точку.");
    }

    /// <summary>True for the roles that approve warehouse decisions (write-offs, discrepancies, suppliers): Admin and Manager.</summary>
    public static bool IsApprover(ClaimsPrincipal? user) =>
        user is not null && (user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Manager));

    /// <summary>Refuses unless the user is a manager or an administrator.</summary>
    /// <param name="action">What is refused, Russian infinitive, e.g. "утверждать списания".</param>
    /// <exception cref="BusinessRuleException">The user is neither.</exception>
    public static void EnsureApprover(ClaimsPrincipal? user, string action)
    {
        if (!IsApprover(user)) throw new BusinessRuleException($"{char.ToUpper(action[0])}{action[1..]} может только менеджер или администратор.");
    }
}

/// <summary>Loads a warehouse document for a change, holding its row lock until the caller's transaction ends.</summary>
public static class DocumentLocks
{
    /// <summary>
    /// The goods receipt with lines and products, locked FOR UPDATE so that posting, cancelling and line edits of
    /// one document run one after another. Call inside a transaction.
    /// </summary>
    /// <exception cref="BusinessRuleException">No such document.</exception>
    public static async Task<GoodsReceipt> GoodsReceiptAsync(AppDbContext db, long id, CancellationToken ct)
    {
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM goods_receipts WHERE id = {id} FOR UPDATE", ct);
        return await db.GoodsReceipts.Include(r => r.Lines).ThenInclude(l => l.Product)
                   .FirstOrDefaultAsync(r => r.Id == id, ct)
               ?? throw new BusinessRuleException("Приход не найден — обновите список документов.");
    }

    /// <summary>The transfer with lines and products, locked FOR UPDATE. Call inside a transaction.</summary>
    /// <exception cref="BusinessRuleException">No such document.</exception>
    public static async Task<Transfer> TransferAsync(AppDbContext db, long id, CancellationToken ct)
    {
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM transfers WHERE id = {id} FOR UPDATE", ct);
        return await db.Transfers.Include(t => t.Lines).ThenInclude(l => l.Product)
                   .FirstOrDefaultAsync(t => t.Id == id, ct)
               ?? throw new BusinessRuleException("Перемещение не найдено — обновите список документов.");
    }

    /// <summary>The write-off with lines and products, locked FOR UPDATE. Call inside a transaction.</summary>
    /// <exception cref="BusinessRuleException">No such document.</exception>
    public static async Task<WriteOff> WriteOffAsync(AppDbContext db, long id, CancellationToken ct)
    {
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM write_offs WHERE id = {id} FOR UPDATE", ct);
        return await db.WriteOffs.Include(t => t.Lines).ThenInclude(l => l.Product)
                   .FirstOrDefaultAsync(t => t.Id == id, ct)
               ?? throw new BusinessRuleException("Списание не найдено — обновите список документов.");
    }

    /// <summary>The transfer request with lines and products, locked FOR UPDATE. Call inside a transaction.</summary>
    /// <exception cref="BusinessRuleException">No such document.</exception>
    public static async Task<TransferRequest> TransferRequestAsync(AppDbContext db, long id, CancellationToken ct)
    {
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM transfer_requests WHERE id = {id} FOR UPDATE", ct);
        return await db.TransferRequests.Include(t => t.Lines).ThenInclude(l => l.Product)
                   .FirstOrDefaultAsync(t => t.Id == id, ct)
               ?? throw new BusinessRuleException("Заявка не найдена — обновите список.");
    }
}
