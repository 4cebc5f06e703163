namespace AlAroma.Web.Infrastructure;

/// <summary>
/// Absolute links for messages that leave the app (e-mails): the base is the setting <c>App:PublicUrl</c>
/// (e.g. <c>https://office.alaroma.ru</c>); when it is empty, the scheme, host and path base of the current request;
/// with neither (the CLI, a job, a handler called without a request) <see cref="Fallback"/>. Set it in production:
/// without it a link in an e-mail takes the host the request named.
/// </summary>
public sealed class PublicUrl(IConfiguration config, IHttpContextAccessor http)
{
    /// <summary>The base when there is neither the setting nor a request.</summary>
    public const string Fallback = "http://localhost";

    /// <summary>The absolute URL of the app-relative <paramref name="path"/> ("/account/login" → "https://…/account/login").</summary>
    public string For(string path)
    {
        var configured = config["App:PublicUrl"];
        var root = !string.IsNullOrWhiteSpace(configured) ? configured.Trim().TrimEnd('/')
            : http.HttpContext?.Request is { Host.HasValue: true } r ? $"{r.Scheme}://{r.Host}{r.PathBase}"
            : Fallback;
        return root + (path.StartsWith('/') ? path : "/" + path);
    }
}
