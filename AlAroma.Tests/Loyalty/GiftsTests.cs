using AlAroma.Tests.Customers;
using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Features.Bots.Staff;
using AlAroma.Web.Features.Loyalty;
using AlAroma.Web.Features.Loyalty.Gifts;
using AlAroma.Web.Features.Notifications.Outbox;
using AlAroma.Web.Features.Warehouse.Stocks;
using AlAroma.Web.Features.Warehouse.WriteOffs;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlAroma.Tests.Loyalty;

/// <summary>
/// The gifts catalogue on a real PostgreSQL: a points gift is credited at once, a product gift stays open until it is
/// handed over at a shop and then leaves that shop's stock as a write-off «Подарок», once; staff give and hand over
/// gifts in the staff bot within their role's daily number.
/// </summary>
public sealed class GiftsTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static int names;

    private async Task<GiftType> TypeAsync(GiftKind kind, bool staff = true, int validDays = 30)
    {
        var t = new GiftType { Name = $"Подарок {Interlocked.Increment(ref names)}", Kind = kind, ValidDays = validDays, StaffMayGive = staff };
        await using (var db = app.Db())
        {
            // A product with stock at S1, so a hand-over can take a unit.
            var s1 = await db.Locations.Where(l => l.Code == "S1").Select(l => l.Id).SingleAsync();
            t.ProductId = kind == GiftKind.Product ? await db.StockBalances.Where(b => b.LocationId == s1 && b.Quantity > 3).OrderBy(b => b.ProductId).Select(b => b.ProductId).FirstAsync() : null;
        }
        t.Points = kind == GiftKind.Points ? 250 : null;
        t.DiscountPercent = kind == GiftKind.Discount ? 10 : null;
        var mistakes = await app.AsAsync("manager@alaroma.local", sp => sp.GetRequiredService<SaveGiftType>().HandleAsync(t, default));
        Assert.Empty(mistakes);
        return t;
    }

    [Fact]
    public async Task A_product_type_without_a_product_is_refused_with_the_field_named()
    {
        var mistakes = await app.AsAsync("manager@alaroma.local", sp => sp.GetRequiredService<SaveGiftType>()
            .HandleAsync(new GiftType { Name = "Миниатюра", Kind = GiftKind.Product, ValidDays = 30 }, default));
        Assert.Equal([("ProductId", "Выберите товар, который дарится (пробник, миниатюра).")], mistakes);
    }

    [Fact]
    public async Task A_points_gift_is_credited_at_once_for_its_days_and_the_customer_is_told_in_the_bot()
    {
        var type = await TypeAsync(GiftKind.Points, validDays: 14);
        var c = await app.CustomerAsync(x => x.TelegramChatId = 880_001);
        var gift = await app.AsAsync("manager@alaroma.local", sp => sp.GetRequiredService<IssueGift>().HandleAsync(c.Id, type.Id, GiftSource.Campaign, "system", default));

        Assert.NotNull(gift.RedeemedAtUtc); // nothing to hand over
        await using var db = app.Db();
        var entry = await db.PointsEntries.SingleAsync(e => e.CustomerId == c.Id);
        Assert.Equal((PointsEntryKind.Gift, 250, type.Name), (entry.Kind, entry.Points, entry.Comment));
        var stored = await db.CustomerGifts.SingleAsync(g => g.Id == gift.Id);
        Assert.Equal(TimeSpan.FromDays(14), stored.ExpiresAtUtc - stored.IssuedAtUtc);
        Assert.Equal(stored.ExpiresAtUtc, entry.ExpiresAtUtc);
        Assert.Equal(250, (await db.Customers.SingleAsync(x => x.Id == c.Id)).PointsBalance);
        var message = await db.Notifications.SingleAsync(n => n.Channel == Channel.Telegram && n.Recipient == "880001");
        Assert.Contains("250 баллов", message.Data);
    }

    [Fact]
    public async Task A_product_gift_handed_over_at_a_shop_leaves_its_stock_as_a_gift_write_off_once()
    {
        var type = await TypeAsync(GiftKind.Product);
        var c = await app.CustomerAsync();
        async Task<(int Issued, int HandedOver)> ThisMonthAsync()
        {
            var m = (await app.AsAsync("manager@alaroma.local", sp => sp.GetRequiredService<AlAroma.Web.Features.Loyalty.Dashboard.GetLoyaltyDashboard>().HandleAsync(default))).Monthly[^1];
            return (m.GiftsIssued, m.GiftsHandedOver);
        }
        var figuresBefore = await ThisMonthAsync();
        var gift = await app.AsAsync("manager@alaroma.local", sp => sp.GetRequiredService<IssueGift>().HandleAsync(c.Id, type.Id, GiftSource.Birthday, "system", default));
        Assert.True(gift.IsOpen(DateTime.UtcNow));
        int s1, before;
        await using (var db = app.Db())
        {
            s1 = await db.Locations.Where(l => l.Code == "S1").Select(l => l.Id).SingleAsync();
            before = await db.StockBalances.Where(b => b.LocationId == s1 && b.ProductId == type.ProductId).Select(b => b.Quantity).SingleAsync();
        }

        var done = await app.AsAsync("cashier@alaroma.local", sp => sp.GetRequiredService<RedeemGift>().HandleAsync(gift.Id, s1, "Кассирова Ксения", default));
        var again = await Assert.ThrowsAsync<BusinessRuleException>(() =>
            app.AsAsync("cashier@alaroma.local", sp => sp.GetRequiredService<RedeemGift>().HandleAsync(gift.Id, s1, "Кассирова Ксения", default)));
        Assert.StartsWith($"Подарок «{type.Name}» уже выдан", again.Message);

        await using var check = app.Db();
        var writeOff = await check.WriteOffs.Include(w => w.Lines).SingleAsync(w => w.Number == done.WriteOffNumber);
        Assert.Equal((WriteOffReason.Gift, WriteOffStatus.Posted, s1), (writeOff.Reason, writeOff.Status, writeOff.LocationId));
        Assert.Equal([(type.ProductId!.Value, 1)], writeOff.Lines.Select(l => (l.ProductId, l.Quantity)));
        Assert.Equal("Подарок", WriteOff.ReasonLabel(writeOff.Reason));
        Assert.Equal(before - 1, await check.StockBalances.Where(b => b.LocationId == s1 && b.ProductId == type.ProductId).Select(b => b.Quantity).SingleAsync());
        Assert.Equal(1, await check.StockMovements.CountAsync(m => m.Kind == MovementKind.WriteOff && m.DocumentId == writeOff.Id));
        Assert.Equal(writeOff.Id, (await check.CustomerGifts.SingleAsync(g => g.Id == gift.Id)).WriteOffId);
        Assert.Equal((figuresBefore.Issued + 1, figuresBefore.HandedOver + 1), await ThisMonthAsync()); // «Программа лояльности»
    }

    [Fact]
    public async Task In_the_staff_bot_a_cashier_gives_and_hands_over_a_sample_and_the_fourth_gift_of_the_day_is_refused()
    {
        var sample = await TypeAsync(GiftKind.Product);
        var programmeOnly = await TypeAsync(GiftKind.Discount, staff: false);
        var tg = 9_100_000L + Random.Shared.Next(100_000);
        var code = await app.AsAsync("cashier@alaroma.local", sp => sp.GetRequiredService<StaffLinks>().IssueAsync(sp.GetRequiredService<ICurrentUser>().UserId!, default));
        async Task<string> Say(string text)
        {
            using var scope = app.Scope();
            return Assert.Single(await scope.ServiceProvider.GetRequiredService<StaffBot>().HandleAsync(new StaffBotMessage(tg, tg, text), default)).Html;
        }
        await Say(code.Code);
        var c = await app.CustomerAsync(x => x.Name = "Ирина Пробникова");
        await Say(c.Phone);

        var list = await Say(StaffBot.Gifts);
        Assert.Contains("Открытых подарков нет.", list);
        Assert.Contains($"«Подарить {sample.Id}»", list);
        Assert.DoesNotContain($"«Подарить {programmeOnly.Id}»", list);
        Assert.StartsWith($"Подарок «{programmeOnly.Name}» сотрудники не дарят", await Say($"Подарить {programmeOnly.Id}"));

        Assert.StartsWith($"Подарено: «{sample.Name}»", await Say($"Подарить {sample.Id}"));
        long giftId;
        await using (var db = app.Db()) giftId = await db.CustomerGifts.Where(g => g.CustomerId == c.Id).Select(g => g.Id).SingleAsync();
        Assert.Contains($"«Выдать {giftId}»", await Say(StaffBot.Gifts));
        Assert.Matches("^Выдано: .+ Списание СП-\\d{4}-\\d{6} \\(«Подарок»\\)\\.$", await Say($"Выдать {giftId}"));

        await Say($"Подарить {sample.Id}");
        await Say($"Подарить {sample.Id}"); // three today: the cashier's limit (appsettings: Cashier 3)
        Assert.Equal("Лимит подарков для роли «Кассир» — 3 в день; сегодня вы их уже подарили.", await Say($"Подарить {sample.Id}"));
        await using var check = app.Db();
        Assert.Equal(3, await check.CustomerGifts.CountAsync(g => g.CustomerId == c.Id));
    }
}
