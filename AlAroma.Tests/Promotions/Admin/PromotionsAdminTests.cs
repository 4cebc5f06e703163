using AlAroma.Web.Infrastructure.Time;
using AlAroma.Web.Infrastructure.Auditing;
using System.Security.Claims;
using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Features.Promotions;
using AlAroma.Web.Features.Promotions.Engine;
using AlAroma.Web.Features.Reports;
using AlAroma.Web.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlAroma.Tests.Promotions.Admin;

/// <summary>
/// Handlers on a real database: create → list → pause/resume, and what the till gets from
/// <see cref="GetActivePromotions"/> (paused, out-of-date and other-shop promotions left out).
/// </summary>
public sealed class PromotionsAdminTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly DateOnly Today = LocalTime.Today(TimeProvider.System.GetUtcNow(), null);

    /// <summary>A DI scope acting as the demo manager (no location bindings: sees every location).</summary>
    private IServiceScope AsManager() => As("manager@alaroma.local");

    /// <summary>A DI scope acting as a manager named <paramref name="name"/> with <paramref name="extra"/> claims (e.g. location bindings).</summary>
    private IServiceScope As(string name, params Claim[] extra)
    {
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, Roles.Manager), .. extra], "test");
        return app.Scope().As(new ClaimsPrincipal(identity));
    }

    private async Task<int> CreateAsync(IServiceScope scope, PromotionForm form)
    {
        var (id, errors) = await scope.ServiceProvider.GetRequiredService<SavePromotion>().HandleAsync(form, CancellationToken.None);
        Assert.True(errors.Count == 0, string.Join("; ", errors.Select(e => $"{e.Key}: {e.Value}")));
        return id!.Value;
    }

    private static PromotionForm Percent(string name, DateOnly from, DateOnly? to, params int[] locations) => new()
    {
        Name = name, Type = PromotionType.Percent, Value = "10", ValidFrom = from, ValidTo = to, LocationIds = [.. locations],
        Group = new GroupInput { Brands = ["Dior"], Skus = "aa-0001" },
    };

    private async Task<(int S1, int S2)> ShopsAsync()
    {
        await using var db = app.Db();
        var shops = await db.Locations.Where(l => l.Code == "S1" || l.Code == "S2").ToDictionaryAsync(l => l.Code, l => l.Id);
        return (shops["S1"], shops["S2"]);
    }

    [Fact]
    public async Task Create_list_pause_and_the_till_gets_only_what_runs_there_that_day()
    {
        var (s1, s2) = await ShopsAsync();
        using var scope = AsManager();
        var running = await CreateAsync(scope, Percent("T1 running S1", Today.AddDays(-1), Today.AddDays(1), s1));
        var otherShop = await CreateAsync(scope, Percent("T1 running S2", Today, null, s2));
        var future = await CreateAsync(scope, Percent("T1 future", Today.AddDays(5), Today.AddDays(9)));
        var past = await CreateAsync(scope, Percent("T1 past", Today.AddDays(-9), Today.AddDays(-1)));
        var paused = await CreateAsync(scope, Percent("T1 paused", Today, Today));

        var pauser = scope.ServiceProvider.GetRequiredService<SetPromotionPaused>();
        Assert.Equal("T1 paused", await pauser.HandleAsync(paused, paused: true, CancellationToken.None));

        var list = scope.ServiceProvider.GetRequiredService<ListPromotions>();
        async Task<Dictionary<string, PromotionState>> ListAsync(PromotionListQuery q) =>
            (await list.HandleAsync(q, CancellationToken.None)).Rows.Where(r => r.Name.StartsWith("T1 ")).ToDictionary(r => r.Name, r => r.State);
        var all = await ListAsync(new PromotionListQuery());
        Assert.Equal(PromotionState.Running, all["T1 running S1"]);
        Assert.Equal(PromotionState.Running, all["T1 running S2"]);
        Assert.Equal(PromotionState.Scheduled, all["T1 future"]);
        Assert.Equal(PromotionState.Finished, all["T1 past"]);
        Assert.Equal(PromotionState.Paused, all["T1 paused"]);
        Assert.Equal(["T1 paused"], (await ListAsync(new PromotionListQuery(State: PromotionState.Paused))).Keys);
        Assert.Equal(["T1 future"], (await ListAsync(new PromotionListQuery(State: PromotionState.Scheduled))).Keys);
        Assert.Equal(["T1 past"], (await ListAsync(new PromotionListQuery(State: PromotionState.Finished))).Keys);
        Assert.Equal(["T1 running S1", "T1 running S2"], (await ListAsync(new PromotionListQuery(State: PromotionState.Running))).Keys.Order());
        Assert.Equal(["T1 future", "T1 running S2"], (await ListAsync(new PromotionListQuery(On: Today.AddDays(7)))).Keys.Order());
        Assert.Empty(await ListAsync(new PromotionListQuery(Type: PromotionType.Combo)));

        var active = scope.ServiceProvider.GetRequiredService<GetActivePromotions>();
        async Task<int[]> ActiveAsync(DateOnly day, int location) =>
            (await active.HandleAsync(day, location, CancellationToken.None)).Select(p => p.Id).Where(new[] { running, otherShop, future, past, paused }.Contains).Order().ToArray();
        Assert.Equal([running], await ActiveAsync(Today, s1));
        Assert.Equal([otherShop], await ActiveAsync(Today, s2));
        Assert.Equal([otherShop, future], await ActiveAsync(Today.AddDays(5), s2));
        Assert.Equal([running, past], await ActiveAsync(Today.AddDays(-1), s1));

        await pauser.HandleAsync(paused, paused: false, CancellationToken.None);
        Assert.Equal([running, paused], await ActiveAsync(Today, s1));

        var mapped = Assert.IsType<UnitDiscountPromotion>((await active.HandleAsync(Today, s1, CancellationToken.None)).Single(p => p.Id == running));
        Assert.Equal(["Dior"], mapped.Group.Brands!);
        Assert.Single(mapped.Group.ProductIds!);
    }

    [Fact]
    public async Task Saving_stores_who_and_when_and_the_change_is_audited()
    {
        using var scope = AsManager();
        var id = await CreateAsync(scope, Percent("T2 audited", Today, null));
        var form = Percent("T2 audited, renamed", Today, Today.AddDays(3));
        form.Id = id;
        await CreateAsync(scope, form);

        await using var db = app.Db();
        var r = await db.Promotions.SingleAsync(p => p.Id == id);
        Assert.Equal(("T2 audited, renamed", "manager@alaroma.local", PromotionStatus.Active), (r.Name, r.CreatedBy, r.Status));
        Assert.Equal(Today.AddDays(3), r.ValidTo);
        var audit = await db.Set<AuditEntry>().Where(a => a.Entity == nameof(PromotionRecord) && a.Key == id.ToString()).Select(a => a.Action).ToListAsync();
        Assert.Contains("Create", audit);
        Assert.Contains("Update", audit);
    }

    [Fact]
    public async Task Unknown_skus_are_reported_next_to_the_field_and_nothing_is_saved()
    {
        using var scope = AsManager();
        var form = Percent("T3 bad sku", Today, null);
        form.Group = new GroupInput { Skus = "AA-0001, NO-SUCH" };
        var (id, errors) = await scope.ServiceProvider.GetRequiredService<SavePromotion>().HandleAsync(form, CancellationToken.None);
        Assert.Null(id);
        Assert.Equal("Нет в каталоге: NO-SUCH. Проверьте артикулы.", errors["Group.Skus"]);
        await using var db = app.Db();
        Assert.False(await db.Promotions.AnyAsync(p => p.Name == "T3 bad sku"));
    }

    [Fact]
    public async Task A_manager_bound_to_one_shop_cannot_pause_a_chain_wide_promotion()
    {
        using var scope = AsManager();
        var id = await CreateAsync(scope, Percent("T4 chain", Today, null));
        var (s1, _) = await ShopsAsync();
        using var bound = As("m2", new Claim(StaffClaimsFactory.LocationClaim, s1.ToString()));
        await Assert.ThrowsAsync<BusinessRuleException>(() =>
            bound.ServiceProvider.GetRequiredService<SetPromotionPaused>().HandleAsync(id, paused: true, CancellationToken.None));
        await using var db = app.Db();
        Assert.Equal(PromotionStatus.Active, (await db.Promotions.SingleAsync(p => p.Id == id)).Status);
    }
}
