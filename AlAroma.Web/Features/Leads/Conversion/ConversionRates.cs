namespace AlAroma.Web.Features.Leads.Conversion;

/// <summary>
/// One line of the conversion report and its rates, by Vicidial's definitions (INTEGRATIONS.md "Call-centre
/// conventions"): contact rate = contacts / numbers, conversion rate = successes / numbers; the cost of a success is what
/// the numbers cost (the supplier's price per number, kopecks) over the successes. Pure.
/// </summary>
public sealed record ConversionLine(string Key, string Label, long Numbers, long Attempted, long Contacted, long Success, long Refused, long DoNotCall, long CostKopecks)
{
    /// <summary>Contacts per number, 0–1; 0 without numbers.</summary>
    public double ContactRate => Numbers == 0 ? 0 : (double)Contacted / Numbers;

    /// <summary>Successes per number, 0–1; 0 without numbers.</summary>
    public double ConversionRate => Numbers == 0 ? 0 : (double)Success / Numbers;

    /// <summary>Cost of one success, ₽; null without a success.</summary>
    public decimal? CostPerSuccess => Success == 0 ? null : Math.Round(CostKopecks / 100m / Success, 2);

    /// <summary>The sum of lines under another key.</summary>
    public static ConversionLine Sum(string key, string label, IEnumerable<ConversionLine> lines)
    {
        long n = 0, a = 0, c = 0, s = 0, r = 0, d = 0, cost = 0;
        foreach (var l in lines) { n += l.Numbers; a += l.Attempted; c += l.Contacted; s += l.Success; r += l.Refused; d += l.DoNotCall; cost += l.CostKopecks; }
        return new ConversionLine(key, label, n, a, c, s, r, d, cost);
    }
}
