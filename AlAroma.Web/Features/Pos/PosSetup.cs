namespace AlAroma.Web.Features.Pos;

public static class PosSetup
{
    /// <summary>Registers the Pos feature's handlers and services.</summary>
    public static void AddPos(this WebApplicationBuilder builder)
    {
        var s = builder.Services;
        s.AddScoped<TillAccess>();
        s.AddScoped<ChooseRegister>();
        s.AddScoped<GetTill>();
        s.AddScoped<EditCart>();
        s.AddScoped<SearchProducts>();
        s.AddScoped<Checkout>();
        s.AddScoped<OpenShift>();
        s.AddScoped<CloseShift>();
        s.AddScoped<GetShiftReport>();
        s.AddScoped<ListShifts>();
        s.AddScoped<ListSales>();
        s.AddScoped<GetReceipt>();
    }
}
