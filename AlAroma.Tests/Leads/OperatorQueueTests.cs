using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Features.Leads.Numbers;
using AlAroma.Web.Features.Leads.Projects;
using AlAroma.Web.Features.Leads.Work;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlAroma.Tests.Leads;

/// <summary>«Следующий номер»: due numbers only, in the number's own calling hours, under the attempt limit, never on do-not-call, never to two operators.</summary>
public class OperatorQueueTests(AppFixture app) : IClassFixture<AppFixture>
{
    private async Task<string> OperatorAsync(string email)
    {
        using var s = app.Scope();
        var users = s.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
        if (await users.FindByEmailAsync(email) is { } existing) return existing.Id;
        var u = new AppUser { UserName = email, Email = email, FullName = email, EmailConfirmed = true };
        Assert.True((await users.CreateAsync(u, Seeder.DemoPassword)).Succeeded);
        await users.AddToRoleAsync(u, Roles.Operator);
        return u.Id;
    }

    private async Task<int> ProjectWithAsync(string name, string[] operators, long[] phones, string zone = "Europe/Moscow", Action<LeadProject>? change = null)
    {
        var id = await LeadSteps.ProjectAsync(app, name, change);
        await using var db = app.Db();
        foreach (var o in operators) db.LeadProjectMembers.Add(new LeadProjectMember { ProjectId = id, UserId = o, Role = LeadProjectRole.Operator });
        var t = DateTime.UtcNow.AddMinutes(-10);
        foreach (var (p, i) in phones.Select((p, i) => (p, i)))
            db.Leads.Add(new Lead { ProjectId = id, Phone = p, TimeZoneId = zone, QueueAtUtc = t.AddSeconds(i), LoadedAtUtc = t });
        await db.SaveChangesAsync();
        return id;
    }

    private async Task<Lead?> TakeAsync(string userId)
    {
        using var s = app.Scope();
        return await s.ServiceProvider.GetRequiredService<NextLead>().TakeAsync(userId, backOffice: false, default);
    }

    private async Task ResultAsync(long lead, string userId, LeadStatus result, DateTime? callBackLocal = null, string? comment = null)
    {
        using var s = app.Scope();
        await s.ServiceProvider.GetRequiredService<RecordLeadResult>().HandleAsync(lead, userId,
            new RecordLeadResult.Input { Result = result, CallBackAt = callBackLocal, Comment = comment }, default);
    }

    [Fact]
    public async Task Fifty_operators_asking_at_once_never_get_the_same_number()
    {
        var ops = new List<string>();
        for (var i = 0; i < 50; i++) ops.Add(await OperatorAsync($"op{i}@race.local"));
        await ProjectWithAsync("Гонка", [.. ops], Enumerable.Range(0, 40).Select(i => 79300000000L + i).ToArray());
        var taken = await Task.WhenAll(ops.Select(o => Task.Run(() => TakeAsync(o))));
        var given = taken.Where(l => l is not null).Select(l => l!.Id).ToList();
        Assert.Equal(40, given.Count); // 40 numbers for 50 operators: each number once, ten operators get none
        Assert.Equal(given.Count, given.Distinct().Count());
        // Asking again gives each operator the number they already hold.
        var first = taken.First(l => l is not null)!;
        Assert.Equal(first.Id, (await TakeAsync(first.TakenBy!))!.Id);
    }

    [Fact]
    public async Task Only_numbers_due_within_their_own_calling_hours_under_the_attempt_limit_and_not_on_do_not_call_are_given()
    {
        var op = await OperatorAsync("queue@ops.local");
        // Calling hours open right now in one zone and closed in the other, 7 hours away (Moscow / Vladivostok); the hour
        // is taken from whichever zone is not near midnight, so the window never wraps.
        var utc = DateTime.UtcNow;
        string open = "Europe/Moscow", closed = "Asia/Vladivostok";
        var local = TimeZoneInfo.ConvertTimeFromUtc(utc, TimeZoneInfo.FindSystemTimeZoneById(open));
        if (local.TimeOfDay < TimeSpan.FromHours(1) || local.TimeOfDay > TimeSpan.FromHours(23))
        {
            (open, closed) = (closed, open);
            local = TimeZoneInfo.ConvertTimeFromUtc(utc, TimeZoneInfo.FindSystemTimeZoneById(open));
        }
        var from = TimeOnly.FromDateTime(local.AddMinutes(-30));
        var to = TimeOnly.FromDateTime(local.AddMinutes(30));
        var project = await ProjectWithAsync("Часы", [op], [79400000001], closed, p => { p.CallFrom = from; p.CallTo = to; p.MaxAttempts = 2; });
        Assert.Null(await TakeAsync(op)); // outside the hours where the number is

        await using var db = app.Db();
        await db.Leads.Where(l => l.ProjectId == project).ExecuteUpdateAsync(u => u.SetProperty(l => l.TimeZoneId, open));
        var lead = await TakeAsync(op);
        Assert.NotNull(lead);

        // No answer: counted, back in the queue only after the retry pause.
        await ResultAsync(lead!.Id, op, LeadStatus.NoAnswer);
        Assert.Null(await TakeAsync(op));
        var row = await db.Leads.AsNoTracking().SingleAsync(l => l.Id == lead.Id);
        Assert.Equal((LeadStatus.NoAnswer, 1, (string?)null), (row.Status, row.Attempts, row.TakenBy));
        Assert.InRange(row.QueueAtUtc, DateTime.UtcNow.AddMinutes(119), DateTime.UtcNow.AddMinutes(121));

        // Due again after the pause; the second no answer reaches the limit of 2 attempts.
        await db.Leads.Where(l => l.Id == lead.Id).ExecuteUpdateAsync(u => u.SetProperty(l => l.QueueAtUtc, DateTime.UtcNow.AddMinutes(-1)));
        Assert.Equal(lead.Id, (await TakeAsync(op))!.Id);
        await ResultAsync(lead.Id, op, LeadStatus.Busy);
        await db.Leads.Where(l => l.Id == lead.Id).ExecuteUpdateAsync(u => u.SetProperty(l => l.QueueAtUtc, DateTime.UtcNow.AddMinutes(-1)));
        Assert.Null(await TakeAsync(op));

        // A number on the do-not-call list is never given, whatever its status.
        await db.Leads.Where(l => l.Id == lead.Id).ExecuteUpdateAsync(u => u.SetProperty(l => l.Attempts, 0));
        db.DoNotCall.Add(new DoNotCallEntry { Phone = 79400000001, Reason = "жалоба", AddedAtUtc = DateTime.UtcNow });
        await db.SaveChangesAsync();
        Assert.Null(await TakeAsync(op));
    }

    [Fact]
    public async Task Results_are_kept_in_the_history_and_do_not_call_lists_the_number()
    {
        var op = await OperatorAsync("results@ops.local");
        var other = await OperatorAsync("other@ops.local");
        var project = await ProjectWithAsync("Результаты", [op, other], [79500000001, 79500000002]);
        var a = (await TakeAsync(op))!;
        // Another operator cannot record a result on a number someone holds.
        var refused = await Assert.ThrowsAsync<BusinessRuleException>(() => ResultAsync(a.Id, other, LeadStatus.Success));
        Assert.Contains("другого оператора", refused.Message);
        // A callback needs a time in the future.
        await Assert.ThrowsAsync<BusinessRuleException>(() => ResultAsync(a.Id, op, LeadStatus.CallBack));
        var moscow = TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow");
        var later = TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow.AddHours(3), moscow);
        await ResultAsync(a.Id, op, LeadStatus.CallBack, later, "перезвонить после обеда");
        var b = (await TakeAsync(op))!;
        Assert.NotEqual(a.Id, b.Id);
        await ResultAsync(b.Id, op, LeadStatus.DoNotCall, comment: "просил больше не звонить");

        await using var db = app.Db();
        var la = await db.Leads.AsNoTracking().SingleAsync(l => l.Id == a.Id);
        Assert.Equal((LeadStatus.CallBack, "перезвонить после обеда"), (la.Status, la.Comment));
        Assert.InRange(la.QueueAtUtc, DateTime.UtcNow.AddHours(2.9), DateTime.UtcNow.AddHours(3.1));
        var calls = await db.LeadCalls.Where(c => c.ProjectId == project).OrderBy(c => c.Id).ToListAsync();
        Assert.Equal([LeadStatus.CallBack, LeadStatus.DoNotCall], calls.Select(c => c.Result!.Value).ToArray());
        Assert.All(calls, c => Assert.Equal(op, c.OperatorId));
        var dnc = await db.DoNotCall.SingleAsync(d => d.Phone == 79500000002);
        Assert.Equal((project, "просил больше не звонить"), (dnc.ProjectId!.Value, dnc.Reason));
        using var s = app.Scope();
        var callbacks = await s.ServiceProvider.GetRequiredService<GetLeadCard>().CallbacksAsync(op, default);
        if (later.Date == TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, moscow).Date) Assert.Equal(a.Id, Assert.Single(callbacks).LeadId);
        var card = await s.ServiceProvider.GetRequiredService<GetLeadCard>().CardAsync(a.Id, default);
        Assert.Equal("перезвонить после обеда", Assert.Single(card!.History).Comment);
    }

    [Fact]
    public async Task A_project_that_names_regions_and_suppliers_gives_only_their_numbers()
    {
        var op = await OperatorAsync("geo@ops.local");
        int mine, others;
        await using (var db = app.Db())
        {
            var a = new LeadSupplier { Name = "Очередь: свой поставщик" };
            var b = new LeadSupplier { Name = "Очередь: чужой поставщик" };
            db.LeadSuppliers.AddRange(a, b);
            await db.SaveChangesAsync();
            (mine, others) = (a.Id, b.Id);
        }
        var project = await ProjectWithAsync("Гео", [op], [], change: p =>
        {
            p.Regions = ["moscow"];
            p.SupplierIds = [mine];
            (p.CallFrom, p.CallTo, p.CallingDays) = (TimeOnly.MinValue, TimeOnly.MaxValue, 0b1111111);
        });
        var t = DateTime.UtcNow.AddMinutes(-10);
        await using (var db = app.Db())
        {
            // The wanted number is queued last: the others would come first if the lists were not applied.
            (long Phone, string? Region, string Zone, int Supplier)[] rows =
            [
                (79610000001, "tula-oblast", "Europe/Moscow", mine),              // another region, same zone
                (79610000002, "moscow", "Europe/Moscow", others),                // another supplier
                (79610000003, null, "Europe/Moscow", mine),                      // region unknown
                (79610000004, "moscow", "Europe/Moscow", mine),
            ];
            foreach (var (r, i) in rows.Select((r, i) => (r, i)))
                db.Leads.Add(new Lead { ProjectId = project, Phone = r.Phone, Region = r.Region, TimeZoneId = r.Zone, SupplierId = r.Supplier, QueueAtUtc = t.AddSeconds(i), LoadedAtUtc = t });
            await db.SaveChangesAsync();
        }

        var given = await TakeAsync(op);
        Assert.Equal(79610000004, given!.Phone);
        await ResultAsync(given.Id, op, LeadStatus.Refused);
        Assert.Null(await TakeAsync(op));
    }
}
