using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Features.Leads.Projects;
using AlAroma.Web.Features.Leads.Work;
using AlAroma.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlAroma.Tests.Leads;

/// <summary>«Позвонить через АТС»: Zadarma's click-to-call, signed as Zadarma checks it, from the operator's extension to the held number.</summary>
public class PbxCallTests(AppFixture app, FakeZadarmaApi pbx) : IClassFixture<AppFixture>, IClassFixture<FakeZadarmaApi>
{
    private WebApplicationFactory<Program> Host() => app.Factory.WithWebHostBuilder(b =>
    {
        b.UseSetting("Telephony:Zadarma:Key", FakeZadarmaApi.Key);
        b.UseSetting("Telephony:Zadarma:Secret", FakeZadarmaApi.Secret);
        b.UseSetting("Telephony:Zadarma:ApiUrl", pbx.Url);
    });

    private async Task<(string UserId, long LeadId)> OperatorHoldingAsync(WebApplicationFactory<Program> host, string project, long phone, string? extension)
    {
        var userId = await app.UserIdAsync(LeadsTestKit.OperatorEmail);
        var id = await app.NewProjectAsync(project);
        await using (var db = app.Db())
        {
            await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(u => u.SetProperty(x => x.PbxExtension, extension));
            await db.Leads.Where(l => l.TakenBy == userId).ExecuteUpdateAsync(u => u.SetProperty(l => l.TakenBy, (string?)null).SetProperty(l => l.TakenUntilUtc, (DateTime?)null));
            await db.LeadProjects.Where(p => p.Id != id).ExecuteUpdateAsync(u => u.SetProperty(p => p.Status, LeadProjectStatus.Paused));
            await db.LeadProjects.Where(p => p.Id == id).ExecuteUpdateAsync(u => u.SetProperty(p => p.CallingDays, 0b1111111)
                .SetProperty(p => p.CallFrom, TimeOnly.MinValue).SetProperty(p => p.CallTo, TimeOnly.MaxValue));
            db.LeadProjectMembers.Add(new LeadProjectMember { ProjectId = id, UserId = userId, Role = LeadProjectRole.Operator });
            await db.SaveChangesAsync();
        }
        await app.InsertLeadsAsync(id, phone, 1);
        using var scope = host.Services.CreateScope();
        var lead = await scope.ServiceProvider.GetRequiredService<NextLead>().TakeAsync(userId, backOffice: false, default);
        Assert.Equal(phone, lead!.Phone);
        return (userId, lead.Id);
    }

    [Fact]
    public async Task The_operator_starts_the_call_from_the_card_and_the_pbx_gets_a_signed_request_from_the_extension_to_the_number()
    {
        var host = Host();
        var (_, leadId) = await OperatorHoldingAsync(host, "АТС: звонок", 79167770001, "100");
        var http = await AppFixture.ClientAsync(host, LeadsTestKit.OperatorEmail);
        var page = await http.PageAsync("/leads/work");
        Assert.Contains("Позвонить через АТС", page);
        Assert.Contains("внутренний 100", page);

        var resp = await http.PostFormAsync("/leads/work", $"/leads/work/{leadId}/pbx-call");
        Assert.Equal("/leads/work", resp.Headers.Location?.OriginalString);
        var call = Assert.Single(pbx.Calls, c => c.Query.GetValueOrDefault("to") == "79167770001");
        Assert.True(call.Signed);
        Assert.Equal(("100", "json"), (call.Query["from"], call.Query["format"]));
        // The confirmation is the toast of the page the redirect leads to.
        Assert.Contains("АТС звонит на ваш внутренний 100", System.Net.WebUtility.HtmlDecode(await http.GetStringAsync("/leads/work")));
    }

    [Fact]
    public async Task Without_an_extension_or_the_pbx_settings_there_is_no_button_and_a_refusal_says_why()
    {
        var host = Host();
        var (userId, leadId) = await OperatorHoldingAsync(host, "АТС: без номера", 79167770002, null);
        var http = await AppFixture.ClientAsync(host, LeadsTestKit.OperatorEmail);
        Assert.DoesNotContain("Позвонить через АТС", await http.PageAsync("/leads/work"));
        using (var scope = host.Services.CreateScope())
        {
            var call = scope.ServiceProvider.GetRequiredService<CallThroughPbx>();
            Assert.Contains("не указан внутренний номер", (await Assert.ThrowsAsync<BusinessRuleException>(() => call.HandleAsync(leadId, userId, default))).Message);
            await using (var db = app.Db()) await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(u => u.SetProperty(x => x.PbxExtension, FakeZadarmaApi.UnknownExtension));
            Assert.Contains("Wrong from number", (await Assert.ThrowsAsync<BusinessRuleException>(() => call.HandleAsync(leadId, userId, default))).Message);
            // A number the operator does not hold is not called.
            Assert.Contains("не ваш", (await Assert.ThrowsAsync<BusinessRuleException>(() => call.HandleAsync(leadId + 1_000_000, userId, default))).Message);
        }
        // The app without the PBX settings offers only the tel: link.
        var plain = await AppFixture.ClientAsync(app.Factory, LeadsTestKit.OperatorEmail);
        Assert.DoesNotContain("Позвонить через АТС", await plain.PageAsync("/leads/work"));
    }
}
