using System.Net;
using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Features.Notifications.Bell;
using AlAroma.Web.Features.Warehouse.Stocks;
using AlAroma.Web.Features.Warehouse.Transfers;
using AlAroma.Web.Features.Warehouse.WriteOffs;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static AlAroma.Tests.Warehouse.WarehouseTestKit;
using static AlAroma.Tests.Warehouse.WriteOffTestKit;

namespace AlAroma.Tests.Notifications;

/// <summary>The real-time bell on a real PostgreSQL: who gets which notification, the SSE stream, LISTEN/NOTIFY on commit only, reconnect.</summary>
public class BellTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private const string SellerUser = "seller@alaroma.local";
    private const string ManagerUser = "manager@alaroma.local";

    private async Task<string> UserIdAsync(string email)
    {
        await using var db = app.Db();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    private async Task<(HttpClient Client, SseReader Events)> OpenStreamAsync(string email)
    {
        var client = await app.ClientAsync(email);
        var resp = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/notifications/stream"), HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, resp.StatusCode);
        Assert.Equal("text/event-stream", resp.Content.Headers.ContentType?.MediaType);
        Assert.Contains("no-cache", resp.Headers.CacheControl?.ToString());
        var events = new SseReader(await resp.Content.ReadAsStreamAsync());
        var first = await events.NextAsync(Patience);
        Assert.Equal("bell", first.Type);   // the current count comes at once
        return (client, events);
    }

    /// <summary>The title of a "toast" event (JSON {id, title, text, link}).</summary>
    private static string Title(string data) => System.Text.Json.JsonDocument.Parse(data).RootElement.GetProperty("title").GetString()!;

    private async Task<(long Id, string Number)> ShipToS1Async(int qty = 1)
    {
        var p = await ProductAsync(app, 4);
        var id = await NewTransferAsync(app, "WH", "S1", (p.Id, qty));
        var number = await app.AsAsync(StorekeeperUser, sp => sp.GetRequiredService<ShipTransfer>().HandleAsync(id, Ct));
        return (id, number);
    }

    [Fact]
    public async Task A_transfer_shipped_to_S1_reaches_the_S1_sellers_stream_and_not_the_storekeeper_who_shipped_it()
    {
        var (client, events) = await OpenStreamAsync(SellerUser);
        using var _ = client;
        using var __ = events;
        var (id, number) = await ShipToS1Async();

        var toast = await events.WaitForAsync("toast", d => Title(d).Contains(number), Patience);
        // A seller may not open warehouse pages: the toast comes without the transfer's link (see the test below).
        Assert.Equal(System.Text.Json.JsonValueKind.Null, System.Text.Json.JsonDocument.Parse(toast.Data).RootElement.GetProperty("link").ValueKind);
        var bell = await events.WaitForAsync("bell", _ => true, Patience);
        Assert.Contains("id=\"bell-count\"", bell.Data);

        await using var db = app.Db();
        var rows = await db.Set<UserNotification>().Where(n => n.Title.Contains(number)).ToListAsync();
        var s1 = await LocationIdAsync(app, "S1");
        var s1Staff = await db.UserLocations.Where(ul => ul.LocationId == s1).Select(ul => ul.UserId).ToListAsync();
        var storekeeper = await UserIdAsync(StorekeeperUser);
        Assert.Equal(s1Staff.Where(u => u != storekeeper).Order(), rows.Select(r => r.UserId).Order());
        Assert.All(rows, r => Assert.Equal(NotificationKinds.TransferShipped, r.Kind));
        Assert.All(rows, r => Assert.Equal(s1, r.LocationId));

        // Received at S1: the staff of both ends hear of it (the storekeeper who receives it does not).
        await app.AsAsync(StorekeeperUser, sp => sp.GetRequiredService<ReceiveTransfer>().HandleAsync(id, new Dictionary<long, int>(), Ct));
        await events.WaitForAsync("toast", d => Title(d) == $"Перемещение {number} принято", Patience);
    }

    private const string SellerS2User = "seller.s2@alaroma.local";

    /// <summary>A seller of S2 only (created once per fixture database): the staff of another location.</summary>
    private Task EnsureSellerS2Async() => app.EnsureUserAsync(SellerS2User, "Продавцова-Авиапарк", Roles.Seller, "S2");

    /// <summary>Who got a notification whose title contains <paramref name="titlePart"/>: e-mail → its link.</summary>
    private async Task<Dictionary<string, string?>> RecipientsAsync(string titlePart)
    {
        await using var db = app.Db();
        return await (from n in db.Set<UserNotification>()
                      join u in db.Users on n.UserId equals u.Id
                      where n.Title.Contains(titlePart)
                      select new { u.Email, n.Link }).ToDictionaryAsync(x => x.Email!, x => (string?)x.Link);
    }

    private async Task<long> NotificationIdAsync(string email, string titlePart)
    {
        var userId = await UserIdAsync(email);
        await using var db = app.Db();
        return await db.Set<UserNotification>().Where(n => n.UserId == userId && n.Title.Contains(titlePart)).Select(n => n.Id).SingleAsync();
    }

    [Fact]
    public async Task A_transfer_rings_the_staff_of_its_ends_only_and_links_its_page_for_those_whose_role_may_open_it()
    {
        await app.EnsureStorekeeperS1Async();
        await EnsureSellerS2Async();
        var (id, number) = await ShipToS1Async();   // WH → S1, shipped by the storekeeper of all locations

        var shipped = await RecipientsAsync($"Перемещение {number} в пути");
        Assert.Equal($"/warehouse/transfers/{id}", shipped[StorekeeperS1User]);
        Assert.Null(shipped[SellerUser]);
        Assert.Null(shipped[CashierUser]);
        Assert.False(shipped.ContainsKey(SellerS2User), "a seller of another shop hears nothing of it");
        Assert.False(shipped.ContainsKey(StorekeeperUser), "nor the one who shipped it");

        // The link opens the transfer for the storekeeper; the seller's notice opens the list, not a refusal.
        using (var storekeeper = await app.ClientAsync(StorekeeperS1User))
        {
            var open = await FormPostAsync(storekeeper, "/notifications", $"/notifications/{await NotificationIdAsync(StorekeeperS1User, number)}/open");
            Assert.Equal($"/warehouse/transfers/{id}", open.Headers.Location?.OriginalString);
            var page = await storekeeper.GetAsync($"/warehouse/transfers/{id}");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains(number, await page.Content.ReadAsStringAsync());
        }
        using (var seller = await app.ClientAsync(SellerUser))
        {
            var open = await FormPostAsync(seller, "/notifications", $"/notifications/{await NotificationIdAsync(SellerUser, number)}/open");
            Assert.Equal("/notifications", open.Headers.Location?.OriginalString);
        }

        await app.AsAsync(StorekeeperS1User, sp => sp.GetRequiredService<ReceiveTransfer>().HandleAsync(id, new Dictionary<long, int>(), Ct));
        var received = await RecipientsAsync($"Перемещение {number} принято");
        Assert.Equal($"/warehouse/transfers/{id}", received[StorekeeperUser]);   // works at WH, where it came from
        Assert.Null(received[SellerUser]);
        Assert.False(received.ContainsKey(StorekeeperS1User), "the one who received it");
        Assert.False(received.ContainsKey(SellerS2User), "a seller of another shop");
    }

    [Fact]
    public async Task A_rolled_back_change_notifies_nobody()
    {
        var seller = await UserIdAsync(SellerUser);
        var cashier = await UserIdAsync(CashierUser);
        await using var listen = new NpgsqlConnection(app.ConnectionString);
        await listen.OpenAsync();
        var payloads = new List<string>();
        listen.Notification += (_, e) => { lock (payloads) payloads.Add(e.Payload); };
        await using (var cmd = new NpgsqlCommand($"LISTEN {BellListener.Channel}", listen)) await cmd.ExecuteNonQueryAsync();

        await using (var db = app.Db())
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            db.Add(new UserNotification { UserId = seller, Kind = "test", Title = "Откат", Text = "не должно прийти", CreatedUtc = DateTime.UtcNow });
            await db.SaveChangesAsync();
            await tx.RollbackAsync();
        }
        await using (var db = app.Db())
        {
            db.Add(new UserNotification { UserId = cashier, Kind = "test", Title = "Фиксация", Text = "приходит", CreatedUtc = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }
        // NOTIFYs arrive in commit order: once the committed one is here, the rolled-back one would have been before it.
        using var cts = new CancellationTokenSource(Patience);
        while (true)
        {
            lock (payloads) if (payloads.Contains(cashier)) break;
            await listen.WaitAsync(cts.Token);
        }
        Assert.DoesNotContain(seller, payloads);
        await using var check = app.Db();
        Assert.False(await check.Set<UserNotification>().AnyAsync(n => n.Title == "Откат"));
    }

    [Fact]
    public async Task After_the_listener_is_killed_a_later_notification_still_arrives()
    {
        var (client, events) = await OpenStreamAsync(SellerUser);
        using var _ = client;
        using var __ = events;
        var listener = app.Factory.Services.GetRequiredService<BellListener>();
        var before = listener.Connects;
        Assert.True(before >= 1);

        await using (var admin = new NpgsqlConnection(app.ConnectionString))
        {
            await admin.OpenAsync();
            await using var kill = new NpgsqlCommand(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = @app AND datname = current_database()", admin);
            kill.Parameters.AddWithValue("app", BellListener.ApplicationName);
            Assert.Equal(1L, await kill.ExecuteScalarAsync());
        }
        var (_, number) = await ShipToS1Async();

        await events.WaitForAsync("toast", d => Title(d).Contains(number), Patience);
        var until = DateTime.UtcNow + Patience;
        while (listener.Connects <= before && DateTime.UtcNow < until) await Task.Delay(100);
        Assert.True(listener.Connects > before, "the listener reconnected");
    }

    [Fact]
    public async Task A_submitted_write_off_tells_every_manager()
    {
        var p = await ProductAsync(app, 5);
        var id = await NewWriteOffAsync(app, "S2", WriteOffReason.Damage, submit: true, StorekeeperUser, (p.Id, 1));
        await using var db = app.Db();
        var managers = (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where r.Name == Roles.Manager select ur.UserId);
        var rows = await db.Set<UserNotification>().Where(n => n.Link == $"/warehouse/writeoffs/{id}").ToListAsync();
        Assert.NotEmpty(rows);
        Assert.Equal((await managers.ToListAsync()).Order(), rows.Select(r => r.UserId).Order());   // no seller or storekeeper
        Assert.All(rows, r => Assert.Contains("ждёт утверждения", r.Title));
        using var manager = await app.ClientAsync(ManagerUser);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"/warehouse/writeoffs/{id}")).StatusCode);   // the link opens for them
    }

    [Fact]
    public async Task Low_stock_rings_once_per_product_and_day_however_often_the_balance_dips()
    {
        var s2 = await LocationIdAsync(app, "S2");
        var p = await ProductAsync(app, 6);
        var onHand = await BalanceAsync(app, s2, p.Id);
        Assert.True(onHand >= 2);
        await using (var db = app.Db())
            await db.StockBalances.Where(b => b.LocationId == s2 && b.ProductId == p.Id).ExecuteUpdateAsync(s => s.SetProperty(b => b.MinQuantity, onHand));

        async Task MoveAsync(int qty)
        {
            using var scope = app.Scope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await using var tx = await db.Database.BeginTransactionAsync();
            await StockLedger.ApplyAsync(db, [new StockChange(s2, p.Id, qty)], MovementKind.StocktakeAdjustment, "ТЕСТ", 0, DateTime.UtcNow, "test", Ct);
            await tx.CommitAsync();
        }
        await MoveAsync(-1);   // crosses below the minimum
        await MoveAsync(+1);   // back
        await MoveAsync(-1);   // crosses again the same day

        await using var check = app.Db();
        Assert.Equal(2, await check.LowStockAlerts.CountAsync(a => a.LocationId == s2 && a.ProductId == p.Id));
        var rows = await check.Set<UserNotification>().Where(n => n.Kind == NotificationKinds.LowStock && n.LocationId == s2 && n.Title.Contains(p.Name)).ToListAsync();
        var s2Staff = await check.UserLocations.Where(ul => ul.LocationId == s2).Select(ul => ul.UserId).ToListAsync();
        Assert.NotEmpty(s2Staff);
        Assert.Equal(s2Staff.Order(), rows.Select(r => r.UserId).Order());   // one each, not two
        Assert.DoesNotContain(await UserIdAsync(SellerUser), rows.Select(r => r.UserId));   // S1's seller hears nothing of S2

        // The storekeeper's notice opens the alerts; a seller of S2 gets it without a link (warehouse pages are not theirs).
        await EnsureSellerS2Async();
        await using (var db = app.Db())
            await db.StockBalances.Where(b => b.LocationId == s2 && b.ProductId == p.Id).ExecuteUpdateAsync(s => s.SetProperty(b => b.MinQuantity, onHand - 1));   // the balance is onHand − 1: one more down crosses it
        await check.Set<UserNotification>().Where(n => n.Kind == NotificationKinds.LowStock && n.LocationId == s2 && n.Title.Contains(p.Name)).ExecuteDeleteAsync();
        await check.Set<UserNotification>().Where(n => n.OnceKey != null && n.OnceKey.StartsWith($"low-stock:{s2}:{p.Id}:")).ExecuteDeleteAsync();
        await MoveAsync(-1);
        var links = await RecipientsAsync($"Мало товара: {p.Name}");
        Assert.Equal("/warehouse/alerts", links[StorekeeperUser]);
        Assert.Null(links[SellerS2User]);
        Assert.False(links.ContainsKey(SellerUser));
    }

    [Fact]
    public async Task The_list_opens_a_notification_marks_it_read_and_reads_all()
    {
        var seller = await UserIdAsync(SellerUser);
        long first, second;
        await using (var db = app.Db())
        {
            var a = new UserNotification { UserId = seller, Kind = "test", Title = "Проверка списка А", Text = "текст А", Link = "/warehouse/transfers", CreatedUtc = DateTime.UtcNow };
            var b = new UserNotification { UserId = seller, Kind = "test", Title = "Проверка списка Б", Text = "текст Б", CreatedUtc = DateTime.UtcNow };
            db.AddRange(a, b);
            await db.SaveChangesAsync();
            (first, second) = (a.Id, b.Id);
        }
        using var client = await app.ClientAsync(SellerUser);
        var html = await client.GetStringAsync("/notifications");
        Assert.Contains("Проверка списка А", html);
        Assert.Contains("Прочитать все", html);

        var open = await FormPostAsync(client, "/notifications", $"/notifications/{first}/open");
        Assert.Equal(HttpStatusCode.Redirect, open.StatusCode);
        Assert.Equal("/warehouse/transfers", open.Headers.Location?.OriginalString);

        // Another user cannot touch it.
        using var cashier = await app.ClientAsync(CashierUser);
        var token = await AppFixture.FormTokenAsync(cashier, "/notifications");
        await cashier.PostAsync($"/notifications/{second}/read", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        await using (var db = app.Db())
        {
            Assert.NotNull((await db.Set<UserNotification>().SingleAsync(n => n.Id == first)).ReadUtc);
            Assert.Null((await db.Set<UserNotification>().SingleAsync(n => n.Id == second)).ReadUtc);
        }

        var unread = await client.GetStringAsync("/notifications?Unread=true");
        Assert.DoesNotContain("Проверка списка А", unread);
        Assert.Contains("Проверка списка Б", unread);

        await FormPostAsync(client, "/notifications", "/notifications/read-all");
        await using var check = app.Db();
        Assert.Equal(0, await check.Set<UserNotification>().CountAsync(n => n.UserId == seller && n.ReadUtc == null));
    }

    [Fact]
    public async Task Clean_up_deletes_read_notifications_older_than_30_days_only_and_is_idempotent()
    {
        var cashier = await UserIdAsync(CashierUser);
        var now = DateTime.UtcNow;
        await using (var db = app.Db())
        {
            db.AddRange(
                new UserNotification { UserId = cashier, Kind = "test", Title = "старое прочитанное", Text = "", CreatedUtc = now.AddDays(-40), ReadUtc = now.AddDays(-35) },
                new UserNotification { UserId = cashier, Kind = "test", Title = "старое непрочитанное", Text = "", CreatedUtc = now.AddDays(-40) },
                new UserNotification { UserId = cashier, Kind = "test", Title = "свежее прочитанное", Text = "", CreatedUtc = now.AddDays(-10), ReadUtc = now.AddDays(-5) });
            await db.SaveChangesAsync();
        }
        using var scope = app.Scope();
        var job = scope.ServiceProvider.GetRequiredService<CleanUpReadNotifications>();
        var first = await job.RunAsync(Ct);
        Assert.True(first.Rows >= 1);
        Assert.Contains("Удалено", first.Summary);
        var second = await job.RunAsync(Ct);
        Assert.Equal(0, second.Rows);

        await using var check = app.Db();
        var titles = await check.Set<UserNotification>().Where(n => n.UserId == cashier && n.Kind == "test").Select(n => n.Title).ToListAsync();
        Assert.DoesNotContain("старое прочитанное", titles);
        Assert.Contains("старое непрочитанное", titles);
        Assert.Contains("свежее прочитанное", titles);
    }
}
