namespace AlAroma.Web.Features.Pos;

public static class PosSetup
{
    /// <summary>Registers the Pos feature's handlers and services.</summary>
    public static void AddPos(this WebApplicationBuilder builder)
    {
    }
}
