using AlAroma.Web.Features.Warehouse.Transfers;
using AlAroma.Web.Features.Warehouse.GoodsReceipts;
using AlAroma.Web.Features.Warehouse;
using AlAroma.Web.Infrastructure;

namespace AlAroma.Tests.Warehouse;

/// <summary>Status rules of receipts and transfers, on the entities alone (no database).</summary>
public class DocumentRulesTests
{
    private static Transfer Shipped()
    {
        var t = new Transfer { Status = TransferStatus.Draft };
        t.AddLine(1, 5);
        t.AddLine(2, 3);
        t.Lines[0].Id = 10;
        t.Lines[1].Id = 11;
        t.Ship(DateTime.UtcNow, "u");
        return t;
    }

    [Fact]
    public void Receiving_records_the_discrepancy_and_defaults_missing_lines_to_the_shipped_quantity()
    {
        var t = Shipped();
        t.Receive(new Dictionary<long, int> { [11] = 1 }, DateTime.UtcNow, "u");
        Assert.Equal(TransferStatus.Received, t.Status);
        Assert.Equal(5, t.Lines[0].ReceivedQuantity);
        Assert.Equal(0, t.Lines[0].Discrepancy);
        Assert.Equal(2, t.Lines[1].Discrepancy);
        Assert.True(t.HasDiscrepancy);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(6)]
    public void Receiving_refuses_a_negative_or_more_than_shipped_quantity(int qty)
    {
        var t = Shipped();
        Assert.Throws<BusinessRuleException>(() => t.Receive(new Dictionary<long, int> { [10] = qty }, DateTime.UtcNow, "u"));
        Assert.Equal(TransferStatus.Shipped, t.Status);
    }

    [Fact]
    public void Only_a_draft_transfer_is_edited_shipped_or_cancelled()
    {
        var t = Shipped();
        Assert.Throws<BusinessRuleException>(() => t.AddLine(3, 1));
        Assert.Throws<BusinessRuleException>(() => t.Ship(DateTime.UtcNow, "u"));
        Assert.Throws<BusinessRuleException>(t.Cancel);
        Assert.Throws<BusinessRuleException>(() => new Transfer { Status = TransferStatus.Draft }.Ship(DateTime.UtcNow, "u")); // no lines
        Assert.Throws<BusinessRuleException>(() => Transfer.EnsureRoute(1, 1));
    }

    [Fact]
    public void A_scan_increments_the_products_line_and_only_a_draft_receipt_changes()
    {
        var r = new GoodsReceipt { Status = DocumentStatus.Draft };
        r.AddScanned(7, 100m);
        r.AddScanned(7, 999m);
        var line = Assert.Single(r.Lines);
        Assert.Equal((2, 100m), (line.Quantity, line.PurchasePrice));
        Assert.Equal(200m, r.Total);

        r.Post(DateTime.UtcNow, "u");
        Assert.Throws<BusinessRuleException>(() => r.AddScanned(7, 1m));
        Assert.Throws<BusinessRuleException>(r.Cancel);
        Assert.Throws<BusinessRuleException>(() => new GoodsReceipt { Status = DocumentStatus.Draft }.Post(DateTime.UtcNow, "u"));
    }
}
