using System.Security.Claims;

namespace AlAroma.Web.Infrastructure;

/// <summary>Who is acting: the signed-in user of the request, or "system" for jobs and the CLI.</summary>
public interface ICurrentUser
{
    string? UserId { get; }
    string UserName { get; }
    string? Ip { get; }
    string? UserAgent { get; }
}

/// <summary><see cref="ICurrentUser"/> read from the current HTTP request.</summary>
public sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private HttpContext? Http => accessor.HttpContext;
    public string? UserId => Http?.User.FindFirstValue(ClaimTypes.NameIdentifier);
    public string UserName => Http?.User.Identity?.IsAuthenticated == true ? Http.User.Identity!.Name ?? "?" : "system";
    public string? Ip => Http?.Connection.RemoteIpAddress?.ToString();
    public string? UserAgent => Http?.Request.Headers.UserAgent.ToString();
}

/// <summary>A named staff member acting outside a request (a background run on behalf of whoever started it, the CLI).</summary>
public sealed record NamedUser(string? UserId, string UserName) : ICurrentUser
{
    public string? Ip => null;
    public string? UserAgent => null;
}
