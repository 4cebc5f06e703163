using System.Net;
using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Features.Leads.Numbering;
using AlAroma.Web.Features.Leads.Numbers;
using AlAroma.Web.Features.Leads.Projects;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static AlAroma.Tests.Leads.LeadsTestKit;

namespace AlAroma.Tests.Leads;

/// <summary>«Проекты обзвона»: the form (regions, suppliers, days, hours, attempts, staff), its refusals, the summary, delete and restore.</summary>
public sealed class LeadProjectTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task A_project_is_created_with_regions_days_hours_and_staff_then_edited()
    {
        var managerId = await app.UserIdAsync(ManagerEmail);
        var adminId = await app.UserIdAsync(AdminEmail);
        var operatorId = await app.UserIdAsync(OperatorEmail);
        int supplierId;
        await using (var db = app.Db())
        {
            var s = new LeadSupplier { Name = "Проекты: поставщик", PricePerNumberKopecks = 100 };
            db.LeadSuppliers.Add(s);
            await db.SaveChangesAsync();
            supplierId = s.Id;
        }
        var regions = RegionNames.All().Take(2).Select(r => r.Slug).ToArray();
        var client = await app.ClientAsync(ManagerEmail);
        var form = await client.PageAsync("/leads/projects/new");
        Assert.Contains(RegionNames.All()[0].Name, form);
        Assert.Contains("Операторов Олег", form);
        Assert.Contains("Проекты: поставщик", form);

        var created = await client.PostFormAsync("/leads/projects/new", "/leads/projects/new",
            ("Name", " Весенний обзвон "), ("Status", "Active"), ("Regions", regions[0]), ("Regions", regions[1]), ("SupplierIds", supplierId.ToString()),
            ("Days", "0"), ("Days", "2"), ("Days", "4"), ("CallFrom", "10:00"), ("CallTo", "19:30"), ("MaxAttempts", "7"),
            ("Managers", managerId), ("Managers", adminId), ("Operators", operatorId));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        int id;
        await using (var db = app.Db())
        {
            var p = await db.LeadProjects.Include(x => x.Members).SingleAsync(x => x.Name == "Весенний обзвон");
            id = p.Id;
            Assert.Equal($"/leads/projects/{id}", created.Headers.Location?.ToString());
            Assert.Equal(LeadProjectStatus.Active, p.Status);
            Assert.Equal(regions.Order(StringComparer.Ordinal), p.Regions);
            Assert.Equal([supplierId], p.SupplierIds);
            Assert.Equal(0b0010101, p.CallingDays);
            Assert.Equal(new TimeOnly(10, 0), p.CallFrom);
            Assert.Equal(new TimeOnly(19, 30), p.CallTo);
            Assert.Equal(7, p.MaxAttempts);
            Assert.Null(p.DeletedAtUtc);
            Assert.Equal(
                new[] { (adminId, LeadProjectRole.Manager), (managerId, LeadProjectRole.Manager), (operatorId, LeadProjectRole.Operator) }.OrderBy(x => x.Item1),
                p.Members.Select(m => (m.UserId, m.Role)).OrderBy(x => x.Item1));
        }
        var list = await client.PageAsync("/leads/projects");
        Assert.Contains("Весенний обзвон", list);
        Assert.Contains("пн, ср, пт 10:00–19:30", list);
        Assert.Contains("Активен", list);

        var edit = await client.PageAsync($"/leads/projects/{id}");
        Assert.Contains($"/leads/imports?project={id}", edit);
        Assert.Contains($"/leads/numbers?project={id}", edit);
        Assert.Contains("value=\"19:30\"", edit);

        // Editing replaces the staff set: the operator and the admin leave, the manager stays; the project pauses.
        var edited = await client.PostFormAsync($"/leads/projects/{id}", $"/leads/projects/{id}",
            ("Name", "Весенний обзвон"), ("Status", "Paused"), ("Days", "5"), ("Days", "6"), ("CallFrom", "09:00"), ("CallTo", "21:00"),
            ("MaxAttempts", "3"), ("Managers", managerId));
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        await using (var db = app.Db())
        {
            var p = await db.LeadProjects.Include(x => x.Members).SingleAsync(x => x.Id == id);
            Assert.Equal(LeadProjectStatus.Paused, p.Status);
            Assert.Empty(p.Regions);
            Assert.Empty(p.SupplierIds);
            Assert.Equal(0b1100000, p.CallingDays);
            Assert.Equal(3, p.MaxAttempts);
            Assert.Equal([(managerId, LeadProjectRole.Manager)], p.Members.Select(m => (m.UserId, m.Role)));
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Entity == nameof(LeadProject) && a.Key == id.ToString() && a.Action == "Update"));
        }
        Assert.Contains("На паузе", await client.PageAsync("/leads/projects"));
    }

    [Fact]
    public async Task The_form_refuses_a_missing_name_hours_out_of_order_a_duplicate_and_staff_of_the_wrong_role()
    {
        await app.NewProjectAsync("Занятое имя");
        var operatorId = await app.UserIdAsync(OperatorEmail);
        var managerId = await app.UserIdAsync(ManagerEmail);
        var client = await app.ClientAsync(AdminEmail);
        async Task<string> Post(params (string, string)[] fields)
        {
            var resp = await client.PostFormAsync("/leads/projects/new", "/leads/projects/new", fields);
            Assert.Equal(HttpStatusCode.OK, resp.StatusCode);
            return await resp.HtmlAsync();
        }
        (string, string)[] Valid(string name) => [("Name", name), ("Status", "Active"), ("Days", "0"), ("CallFrom", "09:00"), ("CallTo", "21:00"), ("MaxAttempts", "5")];

        Assert.Contains("Укажите название проекта.", await Post([.. Valid("").Skip(1)]));
        Assert.Contains("Время окончания должно быть позже времени начала",
            await Post(("Name", "Ночной"), ("Days", "0"), ("CallFrom", "21:00"), ("CallTo", "21:00"), ("MaxAttempts", "5")));
        Assert.Contains("Время окончания должно быть позже времени начала",
            await Post(("Name", "Ночной"), ("Days", "0"), ("CallFrom", "22:00"), ("CallTo", "08:00"), ("MaxAttempts", "5")));
        Assert.Contains("Проект «занятое ИМЯ» уже есть", await Post([("Name", "занятое ИМЯ"), .. Valid("x").Skip(1)]));
        Assert.Contains("Максимум попыток — от 1 до 50.", await Post([.. Valid("Много попыток").SkipLast(1), ("MaxAttempts", "51")]));
        Assert.Contains("Отметьте хотя бы один день обзвона.", await Post(("Name", "Без дней"), ("CallFrom", "09:00"), ("CallTo", "21:00"), ("MaxAttempts", "5")));
        Assert.Contains("Один из регионов не найден", await Post([.. Valid("Регион"), ("Regions", "atlantis")]));
        Assert.Contains("Менеджером проекта может быть только", await Post([.. Valid("Роли"), ("Managers", operatorId)]));
        Assert.Contains("Оператором проекта может быть только", await Post([.. Valid("Роли"), ("Operators", managerId)]));

        await using var db = app.Db();
        Assert.Equal(["Занятое имя"], await db.LeadProjects.Select(p => p.Name).ToListAsync());
    }

    [Fact]
    public async Task The_edit_page_sums_the_numbers_by_status()
    {
        var id = await app.NewProjectAsync("Сводка");
        var other = await app.NewProjectAsync("Сводка: другой");
        await app.InsertLeadsAsync(id, 79_170_000_000, 4);
        await app.InsertLeadsAsync(id, 79_170_000_100, 2, status: (short)LeadStatus.Success);
        await app.InsertLeadsAsync(other, 79_170_000_000, 5, status: (short)LeadStatus.Refused);

        using var scope = app.Scope();
        var form = await scope.ServiceProvider.GetRequiredService<SaveLeadProject>().FormAsync(id, default);
        Assert.Equal([(LeadStatus.New, 4L), (LeadStatus.Success, 2L)], form!.Numbers!.ByStatus);
        Assert.Equal(6, form.Numbers.Total);

        var html = await (await app.ClientAsync(ManagerEmail)).PageAsync($"/leads/projects/{id}");
        Assert.Contains("Номера проекта: 6", html);
        Assert.Contains("Успех", html);
        Assert.DoesNotContain("Отказ", html);
    }

    [Fact]
    public async Task A_deleted_project_leaves_the_lists_and_comes_back_unless_its_name_was_taken()
    {
        var id = await app.NewProjectAsync("Летний обзвон");
        await app.InsertLeadsAsync(id, 79_180_000_000, 3);
        var client = await app.ClientAsync(ManagerEmail);
        var deleted = await client.PostFormAsync($"/leads/projects/{id}", $"/leads/projects/{id}/delete");
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        await using (var db = app.Db())
        {
            var p = await db.LeadProjects.SingleAsync(x => x.Id == id);
            Assert.NotNull(p.DeletedAtUtc);
            Assert.Equal(3, await db.Leads.CountAsync(l => l.ProjectId == id));
        }
        Assert.DoesNotContain("Летний обзвон", await client.PageAsync("/leads/projects"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/leads/projects/{id}")).StatusCode);
        var trash = await client.PageAsync("/leads/projects/deleted");
        Assert.Contains("Летний обзвон", trash);
        Assert.Contains($"action=\"/leads/projects/{id}/restore\"", trash);

        // Its name is free for a new live project; then the old one cannot come back under it.
        var twin = await app.NewProjectAsync("Летний обзвон");
        var refused = await client.PostFormAsync("/leads/projects/deleted", $"/leads/projects/{id}/restore");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        await using (var db = app.Db()) Assert.NotNull((await db.LeadProjects.SingleAsync(x => x.Id == id)).DeletedAtUtc);
        using (var scope = app.Scope())
        {
            var e = await Assert.ThrowsAsync<BusinessRuleException>(() => scope.ServiceProvider.GetRequiredService<RestoreLeadProject>().HandleAsync(id, default));
            Assert.Contains("Есть действующий проект с названием «Летний обзвон»", e.Message);
        }

        await using (var db = app.Db())
        {
            var t = await db.LeadProjects.SingleAsync(x => x.Id == twin);
            t.Name = "Летний обзвон 2";
            await db.SaveChangesAsync();
        }
        var restored = await client.PostFormAsync("/leads/projects/deleted", $"/leads/projects/{id}/restore");
        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        await using (var db = app.Db())
        {
            Assert.Null((await db.LeadProjects.SingleAsync(x => x.Id == id)).DeletedAtUtc);
            Assert.Equal(3, await db.Leads.CountAsync(l => l.ProjectId == id));
        }
        Assert.Contains("Летний обзвон", await client.PageAsync("/leads/projects"));
        Assert.DoesNotContain($"/leads/projects/{id}/restore", await client.PageAsync("/leads/projects/deleted"));
    }
}
