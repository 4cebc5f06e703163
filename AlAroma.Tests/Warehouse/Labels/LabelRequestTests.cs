using AlAroma.Web.Features.Warehouse.Labels;

namespace AlAroma.Tests.Warehouse.Labels;

/// <summary>Reading the labels form (format, p, q, s) into a request and back.</summary>
public sealed class LabelRequestTests
{
    [Fact]
    public void Reads_products_quantities_by_stock_and_format()
    {
        var r = LabelRequest.Parse("58x40", [5, 7], ["3", ""], [7]);
        Assert.Same(LabelLayout.Thermal, r.Layout);
        Assert.Equal([new LabelLine(5, 3, "3", false), new LabelLine(7, 1, "1", true)], r.Lines);
    }

    [Fact]
    public void Unknown_format_is_a4_and_the_same_product_twice_is_merged()
    {
        var r = LabelRequest.Parse("letter", [5, 5, 6], ["2", "3"], null);
        Assert.Same(LabelLayout.A4, r.Layout);
        Assert.Equal([new LabelLine(5, 5, "5", false), new LabelLine(6, 1, "1", false)], r.Lines);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("1,5")]
    [InlineData("abc")]
    [InlineData("1001")]
    public void Bad_quantities_are_kept_for_the_message(string typed)
    {
        var line = Assert.Single(LabelRequest.Parse(null, [5], [typed], null).Lines);
        Assert.Null(line.Quantity);
        Assert.Equal(typed, line.QuantityText);
    }

    [Fact]
    public void Query_string_round_trips()
    {
        var r = LabelRequest.Parse("58x40", [5, 7, 9], ["3", "1", "0"], [7]);
        var q = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(r.ToQueryString());
        var back = LabelRequest.Parse(q["format"], q["p"].Select(v => int.Parse(v!)).ToList(), q["q"].ToList(), q["s"].Select(v => int.Parse(v!)).ToList());
        Assert.Equal(r.Lines, back.Lines);
        Assert.Same(r.Layout, back.Layout);
    }
}
