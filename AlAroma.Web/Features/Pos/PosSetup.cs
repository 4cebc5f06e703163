using AlAroma.Web.Features.Customers;
using AlAroma.Web.Features.Loyalty;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AlAroma.Web.Features.Pos;

public static class PosSetup
{
    /// <summary>Registers the Pos feature's handlers and services.</summary>
    public static void AddPos(this WebApplicationBuilder builder)
    {
        var s = builder.Services;
        s.Configure<PosOptions>(builder.Configuration.GetSection("Pos"));
        s.AddScoped<CustomerCodeAttempts>();
        s.AddScoped<TillAccess>();
        s.AddScoped<ChooseRegister>();
        s.AddScoped<GetTill>();
        s.AddScoped<EditCart>();
        s.AddScoped<PriceCart>();
        s.AddScoped<TillCustomer>();
        s.AddScoped<TillGifts>();
        s.AddScoped<GiveManualDiscount>();
        s.AddScoped<CheckCertificate>();
        s.AddScoped<SearchProducts>();
        s.AddScoped<Checkout>();
        s.AddScoped<EmailReceipt>();
        s.AddScoped<OpenShift>();
        s.AddScoped<CloseShift>();
        s.AddScoped<ManagerApproval>();
        s.AddScoped<ReturnSale>();
        s.AddScoped<FindSaleForReturn>();
        s.AddScoped<MoveCash>();
        s.AddScoped<GetShiftReport>();
        s.AddScoped<ListShifts>();
        s.AddScoped<ListSales>();
        s.AddScoped<ExportSales>();
        s.AddScoped<ExportShifts>();
        s.AddScoped<GetReceipt>();
        s.AddScoped<Parking.ParkCart>();
        s.AddScoped<Parking.RecallCart>();
        s.AddScoped<Parking.ListParkedCarts>();
        // The customers' screens register themselves here (Program.cs is fixed).
        s.AddCustomers();
    }
}
