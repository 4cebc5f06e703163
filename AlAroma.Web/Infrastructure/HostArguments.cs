namespace AlAroma.Web.Infrastructure;

/// <summary>
/// The command-line arguments the web host takes as settings, read the way Microsoft.Extensions.Configuration.CommandLine
/// reads them (https://learn.microsoft.com/aspnet/core/fundamentals/configuration/#command-line-arguments):
/// <c>--key value</c>, <c>/key value</c>, <c>--key=value</c>, <c>/key=value</c> and <c>key=value</c>
/// (<c>--urls</c>, <c>--environment</c>, <c>--contentRoot</c> and any setting such as <c>--Demo:Seed true</c>).
/// </summary>
public static class HostArguments
{
    /// <summary>
    /// The first argument that is not part of such a setting, or null when there is none: a bare word (a mistyped or
    /// unknown command), a single-dash switch, or a <c>--key</c> with no value after it. The configuration provider
    /// silently drops these, so the server would start as if they were not there.
    /// </summary>
    public static string? FirstStray(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            var isKey = arg.StartsWith("--") || arg.StartsWith('/');
            if (!isKey) { if (arg.StartsWith('-') || !arg.Contains('=')) return arg; continue; }
            if (arg.Contains('=')) continue;
            if (i + 1 == args.Count) return arg;
            i++; // its value
        }
        return null;
    }
}
