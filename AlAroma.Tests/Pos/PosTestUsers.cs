using System.Security.Claims;
using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Features.Account;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlAroma.Tests.Pos;

/// <summary>Acting as a demo user when calling POS handlers directly (they read the user from the HTTP context).</summary>
internal static class PosTestUsers
{
    /// <summary>Id of the register named <paramref name="name"/> at the shop with <paramref name="shopCode"/>.</summary>
    public static async Task<int> RegisterIdAsync(AppFixture app, string shopCode, string name)
    {
        await using var db = app.Db();
        return await db.Registers.Where(r => r.Name == name && db.Locations.Any(l => l.Id == r.LocationId && l.Code == shopCode)).Select(r => r.Id).SingleAsync();
    }
}
