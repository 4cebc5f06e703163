namespace AlAroma.Web.Features.Customers;

/// <summary>Registers the customers' screens: the list, the card, merging duplicates and the import.</summary>
public static class CustomersSetup
{
    /// <summary>Called from the POS setup (Program.cs stays as it is), once.</summary>
    public static IServiceCollection AddCustomers(this IServiceCollection s)
    {
        s.AddScoped<CustomerLookup>();
        s.AddScoped<CustomerCardAudit>();
        s.AddScoped<List.ListCustomers>();
        s.AddScoped<Privacy.ExportCustomerData>();
        s.AddScoped<Privacy.EraseCustomerData>();
        s.AddScoped<List.ExportCustomers>();
        s.AddScoped<Card.GetCustomerCard>();
        s.AddScoped<Card.SaveCustomer>();
        s.AddScoped<Merge.PreviewMerge>();
        s.AddScoped<Merge.MergeCustomers>();
        s.AddScoped<Import.UploadCustomerImport>();
        s.AddScoped<Import.GetCustomerImport>();
        s.AddScoped<Import.RunCustomerImport>();
        return s;
    }
}
