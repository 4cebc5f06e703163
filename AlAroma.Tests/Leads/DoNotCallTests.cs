using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Features.Leads.DoNotCall;
using AlAroma.Web.Features.Leads.Numbers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static AlAroma.Tests.Leads.LeadsTestKit;

namespace AlAroma.Tests.Leads;

/// <summary>«Не звонить»: adding a number marks its loaded leads (every project, or the one project), removing, filters, loading a file.</summary>
public sealed class DoNotCallTests(AppFixture app) : IClassFixture<AppFixture>
{
    private async Task<LeadStatus> StatusAsync(int project, long phone)
    {
        await using var db = app.Db();
        return await db.Leads.Where(l => l.ProjectId == project && l.Phone == phone).Select(l => l.Status).SingleAsync();
    }

    [Fact]
    public async Task A_system_wide_entry_marks_the_number_in_every_project_a_project_entry_in_that_project_only()
    {
        var a = await app.NewProjectAsync("Стоп: проект А");
        var b = await app.NewProjectAsync("Стоп: проект Б");
        await app.InsertLeadsAsync(a, 79_165_550_001, 2);                           // …001, …002
        await app.InsertLeadsAsync(b, 79_165_550_001, 2);
        await app.InsertLeadsAsync(b, 79_165_550_010, 1, status: (short)LeadStatus.Success);
        var client = await app.ClientAsync(ManagerEmail);

        var added = await client.PostFormAsync("/leads/do-not-call", "/leads/do-not-call", ("Phone", "8 (916) 555-00-01"), ("ProjectId", ""), ("Reason", "Просил не звонить"));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(LeadStatus.DoNotCall, await StatusAsync(a, 79_165_550_001));
        Assert.Equal(LeadStatus.DoNotCall, await StatusAsync(b, 79_165_550_001));
        Assert.Equal(LeadStatus.New, await StatusAsync(a, 79_165_550_002));
        await using (var db = app.Db())
        {
            var e = await db.DoNotCall.SingleAsync(d => d.Phone == 79_165_550_001);
            Assert.Null(e.ProjectId);
            Assert.Equal("Просил не звонить", e.Reason);
            Assert.Equal(ManagerEmail, e.AddedBy);
            Assert.True(await db.AuditEntries.AnyAsync(x => x.Entity == nameof(DoNotCallEntry) && x.Action == "Create"));
        }

        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/leads/do-not-call", "/leads/do-not-call",
            ("Phone", "+7 916 555-00-02"), ("ProjectId", a.ToString()), ("Reason", "Жалоба"))).StatusCode);
        Assert.Equal(LeadStatus.DoNotCall, await StatusAsync(a, 79_165_550_002));
        Assert.Equal(LeadStatus.New, await StatusAsync(b, 79_165_550_002));

        // A sale stays a sale.
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/leads/do-not-call", "/leads/do-not-call",
            ("Phone", "79165550010"), ("Reason", "Купил, больше не звонить"))).StatusCode);
        Assert.Equal(LeadStatus.Success, await StatusAsync(b, 79_165_550_010));

        var list = await client.PageAsync("/leads/do-not-call");
        Assert.Contains("+7 916 555-00-01", list);
        Assert.Contains("Общий", list);
        Assert.Contains("Просил не звонить", list);
        Assert.Contains("Менеджерова Мария", list);
        var onlyA = await client.PageAsync($"/leads/do-not-call?List={a}");
        Assert.Contains("+7 916 555-00-02", onlyA);
        Assert.DoesNotContain("+7 916 555-00-01", onlyA);
        var system = await client.PageAsync("/leads/do-not-call?List=system");
        Assert.Contains("+7 916 555-00-01", system);
        Assert.DoesNotContain("+7 916 555-00-02", system);
        var byPhone = await client.PageAsync("/leads/do-not-call?Phone=" + Uri.EscapeDataString("8 916 555 00 10"));
        Assert.Contains("+7 916 555-00-10", byPhone);
        Assert.DoesNotContain("+7 916 555-00-01", byPhone);
        var byDigits = await client.PageAsync("/leads/do-not-call?Phone=5550002");
        Assert.Contains("+7 916 555-00-02", byDigits);
        Assert.DoesNotContain("+7 916 555-00-10", byDigits);
    }

    [Fact]
    public async Task The_add_form_refuses_a_bad_phone_no_reason_and_a_number_already_on_the_list()
    {
        var client = await app.ClientAsync(AdminEmail);
        async Task<string> Post(params (string, string)[] fields)
        {
            var resp = await client.PostFormAsync("/leads/do-not-call", "/leads/do-not-call", fields);
            Assert.Equal(HttpStatusCode.OK, resp.StatusCode);
            return await resp.HtmlAsync();
        }
        Assert.Contains("Номер короче 10 цифр. Введите российский номер", await Post(("Phone", "12345"), ("Reason", "x")));
        Assert.Contains("Укажите причину", await Post(("Phone", "89165559999"), ("Reason", " ")));
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/leads/do-not-call", "/leads/do-not-call", ("Phone", "89165559999"), ("Reason", "x"))).StatusCode);
        Assert.Contains("Номер +7 916 555-99-99 уже есть в общем списке.", await Post(("Phone", "+79165559999"), ("Reason", "ещё раз")));
        await using var db = app.Db();
        Assert.Equal(1, await db.DoNotCall.CountAsync(d => d.Phone == 79_165_559_999));
    }

    [Fact]
    public async Task Removing_an_entry_takes_the_number_off_the_list()
    {
        long id;
        await using (var db = app.Db())
        {
            var e = new DoNotCallEntry { Phone = 79_165_558_888, Reason = "ошибка", AddedAtUtc = DateTime.UtcNow, AddedBy = AdminEmail };
            db.DoNotCall.Add(e);
            await db.SaveChangesAsync();
            id = e.Id;
        }
        var client = await app.ClientAsync(ManagerEmail);
        var page = await client.PageAsync("/leads/do-not-call");
        Assert.Contains($"action=\"/leads/do-not-call/{id}/remove\"", page);
        Assert.Contains("data-confirm=\"Убрать номер +7 916 555-88-88", page);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/leads/do-not-call", $"/leads/do-not-call/{id}/remove")).StatusCode);
        await using (var db = app.Db())
        {
            Assert.False(await db.DoNotCall.AnyAsync(d => d.Id == id));
            Assert.True(await db.AuditEntries.AnyAsync(x => x.Entity == nameof(DoNotCallEntry) && x.Key == id.ToString() && x.Action == "Delete"));
        }
        Assert.DoesNotContain("+7 916 555-88-88", await client.PageAsync("/leads/do-not-call"));
    }

    [Fact]
    public async Task A_file_of_numbers_is_loaded_onto_a_project_list_with_its_bad_rows_reported()
    {
        var project = await app.NewProjectAsync("Стоп: загрузка");
        var other = await app.NewProjectAsync("Стоп: загрузка, другой");
        await app.InsertLeadsAsync(project, 79_165_560_101, 1);
        await app.InsertLeadsAsync(other, 79_165_560_101, 1);
        var csv = string.Join("\r\n",
            "ФИО;Телефон;Причина",
            "Иванов;8 916 556-01-01;жалоба",
            "Петров;+7 (916) 556-01-02;",
            "Сидоров;абв;x",
            "Кто-то;123;",
            "Иванов;89165560101;повтор");
        var client = await app.ClientAsync(ManagerEmail);
        async Task<string> UploadAsync()
        {
            var token = await AppFixture.FormTokenAsync(client, "/leads/do-not-call/import");
            using var form = new MultipartFormDataContent();
            var file = new ByteArrayContent(Encoding.GetEncoding(1251).GetBytes(csv));
            file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            form.Add(file, "file", "stop.csv");
            form.Add(new StringContent(project.ToString()), "projectId");
            form.Add(new StringContent("По просьбе клиента"), "defaultReason");
            form.Add(new StringContent(token), "__RequestVerificationToken");
            var resp = await client.PostAsync("/leads/do-not-call/import", form);
            Assert.Equal(HttpStatusCode.OK, resp.StatusCode);
            return await resp.HtmlAsync();
        }

        var html = await UploadAsync();
        Assert.Contains("<strong id=\"count-added\">2</strong>", html);
        Assert.Contains("<strong id=\"count-already\">0</strong>", html);
        Assert.Contains("повторов в файле — 1", html);
        Assert.Contains("<strong id=\"count-rejected\">2</strong>", html);
        await using (var db = app.Db())
        {
            var entries = await db.DoNotCall.Where(d => d.ProjectId == project).OrderBy(d => d.Phone).Select(d => new { d.Phone, d.Reason }).ToListAsync();
            Assert.Equal([new { Phone = 79_165_560_101L, Reason = "жалоба" }, new { Phone = 79_165_560_102L, Reason = "По просьбе клиента" }], entries);
            Assert.True(await db.AuditEntries.AnyAsync(x => x.Entity == nameof(DoNotCallEntry) && x.Key == project.ToString() && x.Action == "System"));
        }
        Assert.Equal(LeadStatus.DoNotCall, await StatusAsync(project, 79_165_560_101));
        Assert.Equal(LeadStatus.New, await StatusAsync(other, 79_165_560_101));

        var link = System.Text.RegularExpressions.Regex.Match(html, "href=\"(/leads/do-not-call/import/[0-9a-f-]+/rejected\\.csv)\"");
        Assert.True(link.Success, "the result should offer the rejected rows");
        var rejected = await client.GetAsync(link.Groups[1].Value);
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        var rejectedCsv = Encoding.UTF8.GetString(await rejected.Content.ReadAsByteArrayAsync());
        Assert.Contains("Строка;ФИО;Телефон;Причина;Причина", rejectedCsv);
        Assert.Contains("4;Сидоров;абв;x;В номере буквы", rejectedCsv);
        Assert.Contains("5;Кто-то;123;;Номер короче 10 цифр", rejectedCsv);
        Assert.DoesNotContain("Иванов", rejectedCsv);

        // The same file again: nothing new, both numbers already on the list.
        var again = await UploadAsync();
        Assert.Contains("<strong id=\"count-added\">0</strong>", again);
        Assert.Contains("<strong id=\"count-already\">2</strong>", again);
    }

    [Fact]
    public async Task A_file_without_phones_or_without_any_reason_is_refused_with_what_to_do()
    {
        using var scope = app.Scope();
        var import = scope.ServiceProvider.GetRequiredService<ImportDoNotCall>();
        var noPhones = await Assert.ThrowsAsync<AlAroma.Web.Infrastructure.BusinessRuleException>(() =>
            import.HandleAsync("x.csv", Encoding.UTF8.GetBytes("Имя;Город\r\nИван;Москва\r\n"), null, "x", default));
        Assert.Contains("не нашёлся столбец с номерами", noPhones.Message);
        var noReason = await Assert.ThrowsAsync<AlAroma.Web.Infrastructure.BusinessRuleException>(() =>
            import.HandleAsync("x.csv", Encoding.UTF8.GetBytes("89165570001\r\n89165570002\r\n"), null, " ", default));
        Assert.Contains("Укажите причину по умолчанию", noReason.Message);

        // No header row: the first line is a number too.
        var r = await import.HandleAsync("x.csv", Encoding.UTF8.GetBytes("89165570001\r\n89165570002\r\n"), null, "без заголовка", default);
        Assert.Equal((2, 0, 0), (r.Added, r.AlreadyListed, r.Rejected));
        Assert.Equal("Общий", r.ListName);
    }
}
