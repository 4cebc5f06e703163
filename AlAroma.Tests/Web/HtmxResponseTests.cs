using System.Text.Json;
using AlAroma.Web.Infrastructure;
using Htmx;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace AlAroma.Tests.WebRequests;

/// <summary>The one htmx helper: events merge into one HX-Trigger, and navigation fits the kind of request.</summary>
public class HtmxResponseTests
{
    private sealed class AnyController : Controller;

    private static AnyController ControllerFor(params (string Name, string Value)[] headers)
    {
        var http = new DefaultHttpContext();
        foreach (var (name, value) in headers) http.Request.Headers[name] = value;
        return new AnyController { ControllerContext = new ControllerContext { HttpContext = http } };
    }

    private static JsonElement Trigger(HttpResponse response) => JsonDocument.Parse(response.Headers["HX-Trigger"].ToString()).RootElement;

    [Fact]
    public void A_toast_and_another_event_both_reach_the_page()
    {
        var response = new DefaultHttpContext().Response;
        response.Htmx(h => h.WithTrigger("cart-changed", new { lines = 3 }));
        response.Toast("Товар добавлен.");

        var trigger = Trigger(response);
        Assert.Equal(3, trigger.GetProperty("cart-changed").GetProperty("lines").GetInt32());
        Assert.Equal("Товар добавлен.", trigger.GetProperty("toast").GetProperty("message").GetString());
        Assert.Equal("success", trigger.GetProperty("toast").GetProperty("kind").GetString());
    }

    [Fact]
    public void An_event_added_after_a_toast_keeps_the_toast_and_the_header_stays_ascii()
    {
        var response = new DefaultHttpContext().Response;
        response.Toast("Не хватает остатка.", "error");
        response.Htmx(h => h.WithTrigger("stock-refresh"));

        var raw = response.Headers["HX-Trigger"].ToString();
        Assert.All(raw, ch => Assert.True(ch < 128, "an HTTP header carries ASCII only: Cyrillic must be \\u-escaped"));
        var trigger = JsonDocument.Parse(raw).RootElement;
        Assert.Equal("Не хватает остатка.", trigger.GetProperty("toast").GetProperty("message").GetString());
        Assert.True(trigger.TryGetProperty("stock-refresh", out _));
    }

    [Fact]
    public void A_plain_form_post_gets_a_302_and_htmx_gets_HX_Redirect_with_an_empty_200()
    {
        var plain = ControllerFor();
        var redirect = Assert.IsType<RedirectResult>(plain.Navigate("/catalog/7"));
        Assert.Equal("/catalog/7", redirect.Url);
        Assert.False(plain.Response.Headers.ContainsKey("HX-Redirect"));

        var htmx = ControllerFor(("HX-Request", "true"));
        Assert.IsType<OkResult>(htmx.Navigate("/catalog/7"));
        Assert.Equal("/catalog/7", htmx.Response.Headers["HX-Redirect"].ToString());
    }

    [Fact]
    public void A_history_restore_request_wants_the_whole_page()
    {
        var restore = ControllerFor(("HX-Request", "true"), ("HX-History-Restore-Request", "true"));
        Assert.False(AlAroma.Web.Infrastructure.Htmx.IsHtmx(restore.Request));
        Assert.IsType<RedirectResult>(restore.Navigate("/promotions"));
    }
}
