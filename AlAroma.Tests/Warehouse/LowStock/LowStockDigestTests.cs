using AlAroma.Tests.Infrastructure;
using AlAroma.Tests.Notifications;
using AlAroma.Web.Features.Warehouse.LowStock;
using AlAroma.Web.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlAroma.Tests.Warehouse.LowStock;

/// <summary>The morning low-stock e-mail: one per location to its storekeepers and the managers, once a day, none when nothing is low.</summary>
public sealed class LowStockDigestTests(AppFixture app, SmtpCapture smtp) : IClassFixture<AppFixture>, IClassFixture<SmtpCapture>
{
    private async Task<JobOutcome> RunAsync()
    {
        using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<EmailLowStockDigest>().RunAsync(CancellationToken.None);
    }

    /// <summary>No thresholds anywhere and an empty outbox.</summary>
    private async Task ClearAsync()
    {
        await using var db = app.Db();
        await db.StockBalances.ExecuteUpdateAsync(s => s.SetProperty(b => b.MinQuantity, (int?)null));
        await db.Notifications.ExecuteDeleteAsync();
    }

    /// <summary>Puts the threshold of a stocked product at <paramref name="code"/> above its balance; returns its SKU.</summary>
    private async Task<string> MakeLowAsync(string code, int skip)
    {
        await using var db = app.Db();
        var b = await db.StockBalances.Where(x => x.Quantity >= 0 && db.Locations.Any(l => l.Id == x.LocationId && l.Code == code))
            .OrderBy(x => x.ProductId).Skip(skip).FirstAsync();
        b.MinQuantity = b.Quantity + 3;
        await db.SaveChangesAsync();
        return await db.Products.Where(p => p.Id == b.ProductId).Select(p => p.Sku).SingleAsync();
    }

    [Fact]
    public async Task Each_location_with_low_products_mails_its_storekeepers_and_the_managers_once_a_day()
    {
        await ClearAsync();
        var atShop = await MakeLowAsync("S1", 0);
        var atWarehouse = await MakeLowAsync("WH", 1);

        var first = await RunAsync();
        var second = await RunAsync();

        Assert.Equal(4, first.Rows); // S1 and WH, each to the storekeeper (WH, S1, S2) and the manager (all)
        Assert.Contains("по 2 точкам", first.Summary);
        Assert.Equal(0, second.Rows);
        await CapturedMail.SendQueuedAsync(OutboxKit.Host(app, smtp), app);

        var storekeeper = CapturedMail.To(smtp, "storekeeper@alaroma.local");
        Assert.Equal(2, storekeeper.Count);
        var shopMail = Assert.Single(storekeeper, m => m.Subject!.Contains("Магазин на Тверской"));
        Assert.Contains(atShop, shopMail.TextBody);
        Assert.DoesNotContain(atWarehouse, shopMail.TextBody);
        Assert.Contains(atWarehouse, Assert.Single(storekeeper, m => m.Subject!.Contains("Центральный склад")).TextBody);
        Assert.Equal(2, CapturedMail.To(smtp, "manager@alaroma.local").Count);
        Assert.Empty(CapturedMail.To(smtp, "cashier@alaroma.local"));
        Assert.Empty(CapturedMail.To(smtp, "admin@alaroma.local"));
    }

    [Fact]
    public async Task Nothing_below_the_minimum_sends_nothing()
    {
        await ClearAsync();

        var outcome = await RunAsync();

        Assert.Equal(0, outcome.Rows);
        await using var db = app.Db();
        Assert.False(await db.Notifications.AnyAsync());
    }

    [Fact]
    public async Task A_storekeeper_who_linked_the_staff_bot_also_gets_the_list_there_from_the_staff_bot_once_a_day()
    {
        await ClearAsync();
        var atShop = await MakeLowAsync("S1", 0);
        const long chat = 5_550_001;
        await using (var db = app.Db())
            await db.Users.Where(u => u.Email == "storekeeper@alaroma.local").ExecuteUpdateAsync(s => s.SetProperty(u => u.TelegramChatId, chat).SetProperty(u => u.TelegramUserId, chat));
        try
        {
            var first = await RunAsync();
            var second = await RunAsync();

            Assert.Equal(3, first.Rows); // S1: the storekeeper's e-mail and Telegram, the manager's e-mail
            Assert.Equal(0, second.Rows);
            await using var db = app.Db();
            var telegram = Assert.Single(await db.Notifications.Where(n => n.Channel == AlAroma.Web.Features.Notifications.Outbox.Channel.Telegram).ToListAsync());
            Assert.Equal(chat.ToString(), telegram.Recipient);
            var data = System.Text.Json.JsonSerializer.Deserialize<AlAroma.Web.Features.Notifications.Outbox.TextMessage>(telegram.Data)!;
            Assert.Equal(AlAroma.Web.Features.Notifications.Outbox.TextMessage.StaffBot, data.Bot); // from the staff bot, not the client bot
            Assert.StartsWith("<b>Мало товара: Магазин на Тверской</b>", data.Text);
            Assert.Contains(atShop, data.Text);
        }
        finally
        {
            await using var db = app.Db();
            await db.Users.Where(u => u.Email == "storekeeper@alaroma.local").ExecuteUpdateAsync(s => s.SetProperty(u => u.TelegramChatId, (long?)null).SetProperty(u => u.TelegramUserId, (long?)null));
        }
    }
}
