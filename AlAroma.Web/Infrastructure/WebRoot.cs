namespace AlAroma.Web.Infrastructure;

/// <summary>Locates the static files: <c>wwwroot</c> beside the binary when published, else the repository's top-level <c>wwwroot/</c>.</summary>
public static class WebRoot
{
    public static string Find()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "AlAroma.sln"))) return Path.Combine(dir.FullName, "wwwroot");
            }
        }
        return Path.Combine(AppContext.BaseDirectory, "wwwroot");
    }

    /// <summary>The repository root when running from a checkout, else null (a published install).</summary>
    public static string? RepoRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "AlAroma.sln"))) return dir.FullName;
        }
        return null;
    }
}
