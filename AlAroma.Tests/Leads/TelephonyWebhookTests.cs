using System.Net;
using System.Text;
using System.Text.Json;
using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Features.Leads.Numbers;
using AlAroma.Web.Features.Leads.Telephony;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Tests.Leads;

/// <summary>The PBX webhooks: each provider's signature (valid, tampered, replayed), idempotency per call and event, the number's card updated, an unknown number logged.</summary>
public class TelephonyWebhookTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string ZadarmaSecret = "zd-secret", MangoKey = "mango-key", MangoSalt = "mango-salt", GenericSecret = "generic-secret";

    private WebApplicationFactory<Program> Pbx() => app.Factory.WithWebHostBuilder(b =>
    {
        b.UseSetting("Telephony:Zadarma:Secret", ZadarmaSecret);
        b.UseSetting("Telephony:Mango:ApiKey", MangoKey);
        b.UseSetting("Telephony:Mango:Salt", MangoSalt);
        b.UseSetting("Telephony:Generic:Secret", GenericSecret);
    });

    private async Task<long> LeadAsync(string project, long phone)
    {
        var id = await LeadSteps.ProjectAsync(app, project);
        await using var db = app.Db();
        var lead = new Lead { ProjectId = id, Phone = phone, QueueAtUtc = DateTime.UtcNow, LoadedAtUtc = DateTime.UtcNow };
        db.Leads.Add(lead);
        await db.SaveChangesAsync();
        return lead.Id;
    }

    private static FormUrlEncodedContent Form(params (string, string)[] fields) => new(fields.Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2)));

    [Fact]
    public async Task Zadarma_echo_signature_and_a_no_answer_end_update_the_number_once()
    {
        var lead = await LeadAsync("Zadarma", 79600000001);
        using var factory = Pbx();
        var http = factory.CreateClient();
        Assert.Equal("abc123", await http.GetStringAsync("/telephony/zadarma?zd_echo=abc123"));

        (string, string)[] end = [("event", "NOTIFY_OUT_END"), ("call_start", "2026-12-04 10:00:00"), ("pbx_call_id", "out_1"), ("internal", "100"),
            ("destination", "79600000001"), ("duration", "0"), ("disposition", "no answer"), ("status_code", "19"), ("is_recorded", "0")];
        var sign = TelephonySignatures.Zadarma(ZadarmaSecret, "100" + "79600000001" + "2026-12-04 10:00:00");
        using (var bad = new HttpRequestMessage(HttpMethod.Post, "/telephony/zadarma") { Content = Form(end) })
        {
            bad.Headers.Add("Signature", TelephonySignatures.Zadarma("wrong", "100796000000012026-12-04 10:00:00"));
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(bad)).StatusCode);
        }
        var tampered = end.Select(f => f.Item1 == "destination" ? (f.Item1, "79600000002") : f).ToArray();
        using (var t = new HttpRequestMessage(HttpMethod.Post, "/telephony/zadarma") { Content = Form(tampered) })
        {
            t.Headers.Add("Signature", sign);
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(t)).StatusCode);
        }
        await using var db = app.Db();
        Assert.Equal(0, (await db.Leads.AsNoTracking().SingleAsync(l => l.Id == lead)).Attempts); // refused requests changed nothing
        for (var i = 0; i < 2; i++) // the provider retries: the second time changes nothing
        {
            using var ok = new HttpRequestMessage(HttpMethod.Post, "/telephony/zadarma") { Content = Form(end) };
            ok.Headers.Add("Signature", sign);
            var resp = await http.SendAsync(ok);
            Assert.Equal(HttpStatusCode.OK, resp.StatusCode);
            Assert.Contains(i == 0 ? "applied" : "duplicate", await resp.Content.ReadAsStringAsync());
        }
        var row = await db.Leads.AsNoTracking().SingleAsync(l => l.Id == lead);
        Assert.Equal((LeadStatus.NoAnswer, 1), (row.Status, row.Attempts));
        Assert.NotNull(row.LastCallAtUtc);

        // The recording names no number: the call's earlier event found it.
        using (var rec = new HttpRequestMessage(HttpMethod.Post, "/telephony/zadarma")
               { Content = Form(("event", "NOTIFY_RECORD"), ("pbx_call_id", "out_1"), ("call_id_with_rec", "1733300000.123")) })
        {
            rec.Headers.Add("Signature", TelephonySignatures.Zadarma(ZadarmaSecret, "out_1" + "1733300000.123"));
            Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(rec)).StatusCode);
        }
        Assert.Equal("1733300000.123", (await db.Leads.AsNoTracking().SingleAsync(l => l.Id == lead)).RecordingUrl);
        Assert.Single(await db.LeadCalls.Where(c => c.LeadId == lead).ToListAsync()); // one call in the history
    }

    [Fact]
    public async Task Mango_summary_is_checked_by_its_sign_and_sets_the_talk_time()
    {
        var lead = await LeadAsync("Mango", 79600000011);
        using var factory = Pbx();
        var http = factory.CreateClient();
        var json = JsonSerializer.Serialize(new
        {
            entry_id = "mango-entry-1", call_direction = 2, from = new { extension = "101", number = "74951234567" }, to = new { number = "79600000011" },
            create_time = 1733300000, talk_time = 1733300010, end_time = 1733300075, entry_result = 1,
        });
        var sign = TelephonySignatures.Mango(MangoKey, json, MangoSalt);
        var refused = await http.PostAsync("/telephony/mango/events/summary", Form(("vpbx_api_key", MangoKey), ("sign", sign), ("json", json.Replace("75,", "99,"))));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        var ok = await http.PostAsync("/telephony/mango/events/summary", Form(("vpbx_api_key", MangoKey), ("sign", sign), ("json", json)));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var again = await http.PostAsync("/telephony/mango/events/summary", Form(("vpbx_api_key", MangoKey), ("sign", sign), ("json", json)));
        Assert.Contains("duplicate", await again.Content.ReadAsStringAsync());
        await using var db = app.Db();
        var row = await db.Leads.AsNoTracking().SingleAsync(l => l.Id == lead);
        Assert.Equal((65, 1, LeadStatus.New), (row.LastDurationSeconds!.Value, row.Attempts, row.Status)); // answered: the operator sets the result
    }

    [Fact]
    public async Task Generic_events_are_signed_over_timestamp_and_body_and_replays_outside_the_window_are_refused()
    {
        var lead = await LeadAsync("Generic", 79600000021);
        using var factory = Pbx();
        var http = factory.CreateClient();
        async Task<HttpResponseMessage> Send(string body, long ts, string? signature = null)
        {
            using var req = new HttpRequestMessage(HttpMethod.Post, "/telephony/generic") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            req.Headers.Add("X-Timestamp", ts.ToString());
            req.Headers.Add("X-Signature", signature ?? TelephonySignatures.Generic(GenericSecret, ts.ToString(), body));
            return await http.SendAsync(req);
        }
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var body = """{"call_id":"g-1","event":"ended","direction":"out","from":"100","to":"+7 960 000-00-21","duration":0,"disposition":"busy"}""";
        Assert.Equal(HttpStatusCode.Unauthorized, (await Send(body, now, TelephonySignatures.Generic("other", now.ToString(), body))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Send(body.Replace("busy", "no_answer"), now, TelephonySignatures.Generic(GenericSecret, now.ToString(), body))).StatusCode);
        var stale = now - TelephonyController.ReplayWindowSeconds - 60;
        var replay = await Send(body, stale);
        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
        Assert.Contains("replay", await replay.Content.ReadAsStringAsync());
        await using var db = app.Db();
        Assert.Equal(0, (await db.Leads.AsNoTracking().SingleAsync(l => l.Id == lead)).Attempts);

        Assert.Equal(HttpStatusCode.OK, (await Send(body, now)).StatusCode);
        Assert.Contains("duplicate", await (await Send(body, now)).Content.ReadAsStringAsync());
        var row = await db.Leads.AsNoTracking().SingleAsync(l => l.Id == lead);
        Assert.Equal((LeadStatus.Busy, 1), (row.Status, row.Attempts));
        Assert.True(row.QueueAtUtc > DateTime.UtcNow.AddMinutes(25)); // the busy retry pause

        // A number in no project: logged, answered 200, not an error.
        var unknown = await Send("""{"call_id":"g-2","event":"ended","direction":"in","from":"+79999999999","to":"100","duration":12,"disposition":"answered"}""", now);
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Contains("unknownnumber", await unknown.Content.ReadAsStringAsync());
        Assert.True(await db.LeadCallEvents.AnyAsync(e => e.CallId == "g-2" && e.LeadId == null));
    }

    [Fact]
    public async Task Without_a_configured_secret_the_webhooks_do_not_exist()
    {
        var http = app.Factory.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await http.PostAsync("/telephony/generic", new StringContent("{}"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/telephony/zadarma?zd_echo=1")).StatusCode);
    }
}
