using System.Text.RegularExpressions;
using AlAroma.Web.Infrastructure;

namespace AlAroma.Tests.WebRequests;

/// <summary>
/// Every plain POST form of the views sends the antiforgery token. ASP.NET Core's form tag helper adds it by itself
/// only without an explicit <c>action</c> (or with <c>asp-*</c> routing); a form with <c>action="/…"</c> needs
/// <c>asp-antiforgery="true"</c> or <c>@Html.AntiForgeryToken()</c>, else the browser gets «Страница устарела» (400).
/// htmx forms send the token as a header (site.js) and are left out.
/// </summary>
public sealed class PostFormsCarryAntiforgeryTests
{
    [Fact]
    public void No_post_form_with_an_explicit_action_lacks_the_token()
    {
        var features = Path.Combine(WebRoot.RepoRoot() ?? throw new InvalidOperationException("Run the tests from the checkout."), "AlAroma.Web", "Features");
        var missing = new List<string>();
        foreach (var file in Directory.EnumerateFiles(features, "*.cshtml", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            foreach (Match form in Regex.Matches(text, @"<form\b[^>]*>", RegexOptions.Singleline))
            {
                var tag = form.Value;
                if (!Regex.IsMatch(tag, "method=\"post\"", RegexOptions.IgnoreCase) || !Regex.IsMatch(tag, @"\saction=")) continue;
                if (tag.Contains("asp-antiforgery=\"true\"") || tag.Contains("hx-")) continue;
                var end = text.IndexOf("</form>", form.Index, StringComparison.Ordinal);
                var body = end < 0 ? text[form.Index..] : text[form.Index..end];
                if (body.Contains("AntiForgeryToken") || body.Contains("__RequestVerificationToken")) continue;
                missing.Add($"{Path.GetRelativePath(features, file)}:{text[..form.Index].Count(c => c == '\n') + 1}");
            }
        }
        Assert.Empty(missing);
    }
}
