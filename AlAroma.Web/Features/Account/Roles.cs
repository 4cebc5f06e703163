namespace AlAroma.Web.Features.Account;

/// <summary>
/// The six staff roles of DOMAIN.md ("Who uses it"). Role names are stored in Identity as-is;
/// the combined constants are for <c>[Authorize(Roles = ...)]</c>, which takes a comma list.
/// </summary>
public static class Roles
{
    public const string Admin = "Admin";
    public const string Manager = "Manager";
    public const string Storekeeper = "Storekeeper";
    public const string Seller = "Seller";
    public const string Cashier = "Cashier";
    public const string Operator = "Operator";

    /// <summary>Every role, in the order the admin screens list them.</summary>
    public static readonly IReadOnlyList<string> All = [Admin, Manager, Storekeeper, Seller, Cashier, Operator];

    /// <summary>Catalog, prices, reports: the back office.</summary>
    public const string BackOffice = Admin + "," + Manager;

    /// <summary>Warehouse documents: storekeepers at their locations, and managers who approve.</summary>
    public const string Stock = Admin + "," + Manager + "," + Storekeeper;

    /// <summary>The till: sellers and cashiers, and managers who stand in.</summary>
    public const string Till = Admin + "," + Manager + "," + Seller + "," + Cashier;

    /// <summary>Russian label of a role for the UI.</summary>
    public static string Label(string role) => role switch
    {
        Admin => "Администратор",
        Manager => "Менеджер",
        Storekeeper => "Кладовщик",
        Seller => "Продавец",
        Cashier => "Кассир",
        Operator => "Оператор",
        _ => role,
    };
}
