using AlAroma.Web.Data;
using AlAroma.Web.Features.Warehouse.Stocks;

namespace AlAroma.Web.Features.Warehouse;

/// <summary>
/// <c>check-stock</c>: verifies that every (location, product) balance equals the sum of its ledger; prints the
/// mismatches and exits with 1 when there are any, 0 otherwise.
/// </summary>
public static class CheckStockCommand
{
    public const string Name = "check-stock";
    public const string Usage = "check-stock                              verify balance == sum(ledger) for every (location, product)";

    /// <summary>Runs the command with the scope's services, writing to the console.</summary>
    public static async Task<int> RunAsync(IServiceProvider sp, string[] args)
    {
        var mismatches = await StockInvariant.FindMismatchesAsync(sp.GetRequiredService<AppDbContext>(), CancellationToken.None);
        if (mismatches.Count == 0)
        {
            Console.WriteLine("Stock is consistent: every balance equals the sum of its ledger.");
            return 0;
        }
        Console.WriteLine($"{mismatches.Count} mismatch(es):");
        foreach (var m in mismatches) Console.WriteLine($"  location {m.LocationId} product {m.ProductId}: balance {m.Balance}, ledger {m.LedgerSum}");
        return 1;
    }
}
