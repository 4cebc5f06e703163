namespace AlAroma.Web.Features.Leads.Import;

/// <summary>
/// Where uploaded bases and their rejected-rows files are kept: <c>Leads:Folder</c>, by default <c>.data/leads</c> under
/// the app's content root. Instances behind one proxy must share it (a mounted volume), as they share the database.
/// </summary>
public sealed class LeadFiles(IConfiguration config, IHostEnvironment env)
{
    /// <summary>The folder, created on first use.</summary>
    public string Folder
    {
        get
        {
            var path = config["Leads:Folder"] is { Length: > 0 } f ? f : Path.Combine(env.ContentRootPath, ".data", "leads");
            Directory.CreateDirectory(path);
            return path;
        }
    }

    /// <summary>The stored path of an import's upload.</summary>
    public string UploadPath(Guid importId, string format) => Path.Combine(Folder, $"{importId:N}.{format}");
}
