using System.Security.Cryptography;
using AlAroma.Web.Data;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.ExternalPos;

/// <summary>
/// «Внешние кассы» (Admin): the registers of the external POS API, each with its own key and secret. A new register or
/// a new secret is shown in clear once, on the page that made it; afterwards only the key is shown. Every change is in
/// the audit log (the secret as «скрыто»).
/// </summary>
public sealed class ManageExternalRegisters(AppDbContext db, ExternalPosSecrets secrets, TimeProvider clock, ICurrentUser user)
{
    /// <summary>A row of the list: the register, its events and the time of the last one (UTC).</summary>
    public sealed record Row(ExternalRegister Register, int Sales, DateTime? LastEventAtUtc);

    /// <summary>The page: the registers and, right after a creation or a new secret, the credentials to hand over.</summary>
    public sealed record Model(IReadOnlyList<Row> Registers, Issued? Issued = null, string? Error = null, string? Name = null);

    /// <summary>Credentials shown once: <c>X-Api-Key</c> and the HMAC secret.</summary>
    public sealed record Issued(string RegisterName, string ApiKey, string Secret);

    /// <summary>The list, newest first.</summary>
    public async Task<Model> ListAsync(CancellationToken ct, Issued? issued = null, string? error = null, string? name = null)
    {
        var registers = await db.ExternalRegisters.AsNoTracking().OrderByDescending(r => r.Id).ToListAsync(ct);
        var stats = await db.ExternalPosEvents.GroupBy(e => e.RegisterId)
            .Select(g => new { g.Key, Sales = g.Count(e => e.Kind == ExternalPosEventKind.Sale), Last = g.Max(e => e.AtUtc) })
            .ToDictionaryAsync(x => x.Key, ct);
        return new Model(registers.Select(r => stats.TryGetValue(r.Id, out var s) ? new Row(r, s.Sales, s.Last) : new Row(r, 0, null)).ToList(), issued, error, name);
    }

    /// <summary>Adds a register named <paramref name="name"/> and returns its credentials.</summary>
    /// <exception cref="BusinessRuleException">A blank or too long name, or one already used.</exception>
    public async Task<Issued> CreateAsync(string? name, CancellationToken ct)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0) throw new BusinessRuleException("Укажите название кассы, например «Франчайзи Казань, касса 1».");
        if (trimmed.Length > 200) throw new BusinessRuleException("Название — не длиннее 200 символов.");
        if (await db.ExternalRegisters.AnyAsync(r => r.Name == trimmed, ct)) throw new BusinessRuleException($"Касса «{trimmed}» уже есть: выберите другое название.");
        var secret = NewSecret();
        var register = new ExternalRegister
        {
            Name = trimmed, ApiKey = "pos_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)), SecretProtected = secrets.Protect(secret)!,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime, CreatedBy = user.UserName,
        };
        db.ExternalRegisters.Add(register);
        await db.SaveChangesAsync(ct);
        return new Issued(register.Name, register.ApiKey, secret);
    }

    /// <summary>Replaces the secret of register <paramref name="id"/> (the old one stops working at once).</summary>
    /// <exception cref="BusinessRuleException">No such register.</exception>
    public async Task<Issued> NewSecretAsync(int id, CancellationToken ct)
    {
        var register = await FindAsync(id, ct);
        var secret = NewSecret();
        register.SecretProtected = secrets.Protect(secret)!;
        await db.SaveChangesAsync(ct);
        return new Issued(register.Name, register.ApiKey, secret);
    }

    /// <summary>Turns register <paramref name="id"/> on or off; returns its name.</summary>
    /// <exception cref="BusinessRuleException">No such register.</exception>
    public async Task<string> SetActiveAsync(int id, bool active, CancellationToken ct)
    {
        var register = await FindAsync(id, ct);
        register.IsActive = active;
        await db.SaveChangesAsync(ct);
        return register.Name;
    }

    private async Task<ExternalRegister> FindAsync(int id, CancellationToken ct) =>
        await db.ExternalRegisters.FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw new BusinessRuleException("Касса не найдена: обновите страницу.");

    /// <summary>256 random bits, base64url (43 characters).</summary>
    private static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
