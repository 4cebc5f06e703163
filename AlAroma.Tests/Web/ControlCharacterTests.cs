using System.Net;
using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlAroma.Tests.WebRequests;

/// <summary>A NUL or another control character typed or pasted into any text field never reaches PostgreSQL.</summary>
public sealed class ControlCharacterTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public void Stripping_keeps_text_tabs_and_line_breaks()
    {
        Assert.Equal("Шанель №5\tEDP\r\nвторая строка", ControlCharacters.Strip("Ша\0нель №5\tEDP\u001b\r\nвторая\u0007 строка"));
        Assert.Equal("", ControlCharacters.Strip("\0\u0001\u001f"));
        const string clean = "без управляющих символов";
        Assert.Same(clean, ControlCharacters.Strip(clean));
    }

    [Fact]
    public async Task Every_page_without_route_parameters_answers_NUL_in_each_of_its_text_filters()
    {
        var client = await app.ClientAsync("admin@alaroma.local");
        var failures = new List<string>();
        var pages = ListPages().ToList();
        Assert.True(pages.Count > 20, $"only {pages.Count} pages found");
        foreach (var (path, fields) in pages)
        {
            var url = path + "?" + string.Join("&", fields.Prepend("q").Distinct(StringComparer.OrdinalIgnoreCase).Select(f => $"{f}=%00x%01"));
            // Headers only: the bell's event stream (/notifications/stream) never ends, its status is all that matters here.
            using var resp = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
            if ((int)resp.StatusCode >= 500) failures.Add($"{url}: {(int)resp.StatusCode}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        using var search = await client.GetAsync("/catalog?q=%00");
        Assert.Equal(HttpStatusCode.OK, search.StatusCode);
    }

    [Fact]
    public async Task A_form_saves_text_without_control_characters_and_refuses_a_NUL_with_a_Russian_400()
    {
        var client = await app.ClientAsync("manager@alaroma.local");
        var token = await AppFixture.FormTokenAsync(client, "/warehouse/suppliers/new");
        using var saved = await client.PostAsync("/warehouse/suppliers/new", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Name"] = "Ароматы\u0001 Юга", ["Comment"] = "строка 1\r\nстрока\u001b 2", ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using (var db = app.Db())
        {
            var supplier = await db.Suppliers.SingleAsync(s => s.Name == "Ароматы Юга");
            Assert.Equal("строка 1\r\nстрока 2", supplier.Comment);
        }

        // ASP.NET Core's form reader refuses an encoded NUL itself ("%00"): the request never reaches model binding.
        using var refused = await client.PostAsync("/warehouse/suppliers/new", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Name"] = "Ароматы\0 Севера", ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("недопустимые символы", await refused.Content.ReadAsStringAsync());
    }

    /// <summary>Every GET page whose route has no parameters, with the names of the text fields its action binds.</summary>
    private IEnumerable<(string Path, string[] Fields)> ListPages()
    {
        foreach (var e in app.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (e.RoutePattern.Parameters.Count > 0 || e.Metadata.GetMetadata<ControllerActionDescriptor>() is not { } action) continue;
            if (!(e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Contains("GET")) continue;
            var fields = action.Parameters.SelectMany(p =>
                p.ParameterType == typeof(string) ? [p.Name]
                : p.ParameterType.IsClass && p.ParameterType.Namespace?.StartsWith("AlAroma") == true
                    ? p.ParameterType.GetProperties().Where(x => x.PropertyType == typeof(string)).Select(x => x.Name)
                    : []).ToArray();
            yield return ("/" + e.RoutePattern.RawText!.TrimStart('/'), fields);
        }
    }
}
