using AlAroma.Tests.Infrastructure;

namespace AlAroma.Tests.Admin;

/// <summary>Posts the "Реквизиты компании" form as the admin's browser does.</summary>
internal static class CompanyFormPost
{
    /// <summary>Posts the form; a null zone is not posted at all (as from a client that does not know the field).</summary>
    public static async Task<HttpResponseMessage> SaveAsync(HttpClient admin, string name, string inn, string kpp, params (int Id, string Address, string? Zone)[] addresses)
    {
        var token = await AppFixture.FormTokenAsync(admin, "/admin/company");
        var form = new Dictionary<string, string> { ["Name"] = name, ["Inn"] = inn, ["Kpp"] = kpp, ["__RequestVerificationToken"] = token };
        for (var i = 0; i < addresses.Length; i++)
        {
            form[$"Addresses[{i}].LocationId"] = addresses[i].Id.ToString();
            form[$"Addresses[{i}].Address"] = addresses[i].Address;
            if (addresses[i].Zone is { } zone) form[$"Addresses[{i}].TimeZoneId"] = zone;
        }
        return await admin.PostAsync("/admin/company", new FormUrlEncodedContent(form));
    }
}
