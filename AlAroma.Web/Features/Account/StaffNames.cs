using AlAroma.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Account;

/// <summary>
/// People's names for the "who" of documents and lists. Documents store who acted by login (e-mail: unique and what
/// the audit log keys on); screens and printed forms show the person's full name. One read of the staff list per
/// request (a chain has tens of staff, not thousands).
/// </summary>
public sealed class StaffNames(AppDbContext db)
{
    private Dictionary<string, string>? names;

    /// <summary>The full name of the user with login <paramref name="login"/>; the login itself when unknown ("system", "demo", a deleted user) or empty.</summary>
    public async Task<string> NameAsync(string? login)
    {
        if (string.IsNullOrWhiteSpace(login)) return "";
        names ??= (await db.Users.AsNoTracking().Where(u => u.Email != null && u.FullName != "")
                .Select(u => new { u.Email, u.FullName }).ToListAsync())
            .ToDictionary(u => u.Email!, u => u.FullName, StringComparer.OrdinalIgnoreCase);
        return names.GetValueOrDefault(login, login);
    }
}
