using AlAroma.Web.Data;
using AlAroma.Web.Features.Customers;

namespace AlAroma.Web.Features.Bots.MiniApp;

/// <summary>«Код для кассы» in the Mini App: a fresh six-digit code of the customer (<see cref="CustomerCodes"/>: 90 s, single use; earlier codes stop working).</summary>
public sealed class IssueMiniAppCode(AppDbContext db, TimeProvider clock)
{
    /// <summary>The code and when it stops working (UTC).</summary>
    public sealed record Model(string Code, DateTime ExpiresAtUtc, int ValiditySeconds);

    public async Task<Model> HandleAsync(long customerId, CancellationToken ct)
    {
        var code = await CustomerCodes.IssueAsync(db, customerId, clock.GetUtcNow().UtcDateTime, ct);
        return new Model(code.Code, code.ExpiresAtUtc, CustomerCodes.ValiditySeconds);
    }
}
