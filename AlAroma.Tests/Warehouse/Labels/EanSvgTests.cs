using System.Globalization;
using System.Xml.Linq;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Warehouse.Labels;

namespace AlAroma.Tests.Warehouse.Labels;

/// <summary>The EAN-13/EAN-8 encoder and SVG renderer against hand-computed patterns (GS1 General Specifications §5.2).</summary>
public sealed class EanSvgTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void Ean13_has_95_modules_between_quiet_zones_of_11_and_7()
    {
        var symbol = new EanSymbol("4601234000017");
        Assert.Equal(95, symbol.Modules.Count);
        Assert.Equal(11, symbol.LeftQuietZone);
        Assert.Equal(7, symbol.RightQuietZone);

        var svg = XDocument.Parse(EanSvg.Render("4601234000017", new EanSvgOptions(ModuleWidth: 0.5, BarHeight: 10)));
        var viewBox = svg.Root!.Attribute("viewBox")!.Value.Split(' ');
        Assert.Equal("113", viewBox[2]);
        Assert.Equal("56.5mm", svg.Root.Attribute("width")!.Value);
        var bars = Bars(svg);
        Assert.Equal(11, bars.Min(b => b.X));
        Assert.Equal(11 + 95, bars.Max(b => b.X + b.Width));
    }

    [Fact]
    public void Encodes_4601234000017_as_computed_by_hand()
    {
        // First digit 4 → digits 2…7 in sets A B A A B B (GS1 table 5.2.2.4.1-1).
        const string expected =
            "101" +          // start guard
            "0101111" +      // 6, set A
            "0100111" +      // 0, set B
            "0011001" +      // 1, set A
            "0010011" +      // 2, set A
            "0100001" +      // 3, set B
            "0011101" +      // 4, set B
            "01010" +        // centre guard
            "1110010" +      // 0, set C
            "1110010" +      // 0
            "1110010" +      // 0
            "1110010" +      // 0
            "1100110" +      // 1
            "1000100" +      // 7 (check digit)
            "101";           // end guard
        Assert.Equal(expected, new EanSymbol("4601234000017").ToString());
        Assert.Equal(expected, ModulesFromSvg(EanSvg.Render("4601234000017")));
    }

    [Fact]
    public void Encodes_ean8_96385074_as_computed_by_hand()
    {
        const string expected =
            "101" + "0001011" + "0101111" + "0111101" + "0110111" +  // 9 6 3 8 in set A
            "01010" + "1001110" + "1110010" + "1000100" + "1011100" + // 5 0 7 4 in set C
            "101";
        var symbol = new EanSymbol("96385074");
        Assert.Equal(67, symbol.Modules.Count);
        Assert.Equal(7, symbol.LeftQuietZone);
        Assert.Equal(expected, symbol.ToString());
        var svg = XDocument.Parse(EanSvg.Render("96385074"));
        Assert.Equal("81", svg.Root!.Attribute("viewBox")!.Value.Split(' ')[2]);
        Assert.Equal(expected, ModulesFromSvg(svg.ToString()));
    }

    [Theory]
    [InlineData("4601234000010")] // check digit should be 7
    [InlineData("4601234000018")]
    [InlineData("96385075")]
    [InlineData("460123400001")]
    [InlineData("46012340000A7")]
    [InlineData("")]
    public void Refuses_invalid_codes(string code)
    {
        Assert.Throws<ArgumentException>(() => new EanSymbol(code));
        Assert.Throws<ArgumentException>(() => EanSvg.Render(code));
    }

    [Fact]
    public void Refuses_non_positive_sizes()
    {
        Assert.Throws<ArgumentException>(() => EanSvg.Render("4601234000017", new EanSvgOptions(ModuleWidth: 0)));
        Assert.Throws<ArgumentException>(() => EanSvg.Render("4601234000017", new EanSvgOptions(BarHeight: -1)));
    }

    [Fact]
    public void Svg_is_rects_and_digits_only_with_crisp_edges_and_long_guards()
    {
        var doc = XDocument.Parse(EanSvg.Render("4601234000017", new EanSvgOptions(ModuleWidth: 0.33, BarHeight: 15)));
        Assert.Equal("crispEdges", doc.Root!.Attribute("shape-rendering")!.Value);
        Assert.All(doc.Root.Descendants(), e => Assert.Contains(e.Name.LocalName, new[] { "rect", "g", "text" }));
        Assert.Equal("4601234000017", string.Concat(doc.Root.Descendants(Svg + "text").Select(t => t.Value)));

        var bars = Bars(doc);
        var guardHeight = bars.Max(b => b.Height);
        var dataHeight = bars.Min(b => b.Height);
        Assert.Equal(5, guardHeight - dataHeight, 3);
        Assert.Equal(15 / 0.33, dataHeight, 0.01);
        // 2 + 3 + 2 = 7 guard bars are long; they are the first two, the middle two and the last two… in module terms
        var longBars = bars.Where(b => b.Height == guardHeight).Select(b => b.X - 11).ToList();
        Assert.Equal(new double[] { 0, 2, 46, 48, 92, 94 }, longBars);
        // The first digit sits in the left quiet zone, left of the start guard.
        var first = doc.Root.Descendants(Svg + "text").First();
        Assert.True(double.Parse(first.Attribute("x")!.Value, CultureInfo.InvariantCulture) < 11);
    }

    [Fact]
    public void Every_demo_barcode_reads_back_through_the_test_scanner()
    {
        foreach (var p in DemoCatalog.Products(DateTime.UtcNow))
        {
            var code = p.MainBarcode!;
            var bits = new EanSymbol(code).ToString();
            // A synthetic scan line: 11 light modules, the symbol, 7 light modules, 3 pixels per module.
            var line = ("00000000000" + bits + "0000000").SelectMany(b => Enumerable.Repeat(b == '1' ? (byte)0 : (byte)255, 3)).ToArray();
            Assert.Equal(code, Ean13Scanner.DecodeRow(line));
        }
    }

    [Fact]
    public void The_test_scanner_rejects_a_wrong_check_digit()
    {
        var bits = new EanSymbol("4601234000017").ToString();
        // Replace the check digit 7 (set C 1000100) with 8 (set C 1001000): the guards and widths are fine, the sum is not.
        var wrong = bits[..^10] + "1001000" + "101";
        var line = ("00000000000" + wrong + "0000000").SelectMany(b => Enumerable.Repeat(b == '1' ? (byte)0 : (byte)255, 3)).ToArray();
        Assert.Null(Ean13Scanner.DecodeRow(line));
    }

    private sealed record Bar(double X, double Width, double Height);

    private static List<Bar> Bars(XDocument doc) => doc.Root!.Elements(Svg + "g").First().Elements(Svg + "rect")
        .Select(r => new Bar(D(r, "x"), D(r, "width"), D(r, "height"))).ToList();

    private static double D(XElement e, string name) => double.Parse(e.Attribute(name)!.Value, CultureInfo.InvariantCulture);

    /// <summary>Modules of the symbol rebuilt from the SVG's bar rects (from the first bar to the last).</summary>
    private static string ModulesFromSvg(string svg)
    {
        var bars = Bars(XDocument.Parse(svg));
        var start = (int)bars.Min(b => b.X);
        var end = (int)bars.Max(b => b.X + b.Width);
        var modules = new char[end - start];
        Array.Fill(modules, '0');
        foreach (var b in bars) for (var x = (int)b.X; x < b.X + b.Width; x++) modules[x - start] = '1';
        return new string(modules);
    }
}
