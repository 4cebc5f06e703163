using AlAroma.Web.Features.Catalog;

namespace AlAroma.Web.Features.Warehouse.Labels;

/// <summary>
/// Bar/space modules of an EAN-13 or EAN-8 symbol (GS1 General Specifications §5.2.2): start guard 101,
/// left half in number sets A (L) and B (G) — for EAN-13 their order encodes the first digit —, centre guard
/// 01010, right half in number set C (R), end guard 101. Quiet zones are not part of <see cref="Modules"/>.
/// </summary>
public sealed class EanSymbol
{
    /// <summary>Number set A (L) patterns by digit, 1 = bar; every one starts with a space and has odd parity.</summary>
    public static readonly string[] SetA = ["0001101", "0011001", "0010011", "0111101", "0100011", "0110001", "0101111", "0111011", "0110111", "0001011"];

    /// <summary>Number set B (G) patterns: set C mirrored, even parity.</summary>
    public static readonly string[] SetB = SetA.Select(a => new string(Complement(a).Reverse().ToArray())).ToArray();

    /// <summary>Number set C (R) patterns: set A with bars and spaces swapped.</summary>
    public static readonly string[] SetC = SetA.Select(Complement).ToArray();

    /// <summary>Set A/B choice of EAN-13 digits 2…7 by the first digit ('A' or 'B'), GS1 table 5.2.2.4.1-1.</summary>
    public static readonly string[] FirstDigitParity = ["AAAAAA", "AABABB", "AABBAB", "AABBBA", "ABAABB", "ABBAAB", "ABBBAA", "ABABAB", "ABABBA", "ABBABA"];

    /// <summary>Light modules required left of the start guard: 11 for EAN-13, 7 for EAN-8.</summary>
    public int LeftQuietZone { get; }

    /// <summary>Light modules required right of the end guard: 7 for both.</summary>
    public int RightQuietZone => 7;

    /// <summary>The code (13 or 8 digits, check digit included).</summary>
    public string Code { get; }

    /// <summary>true = dark module (bar), from the first bar of the start guard to the last of the end guard: 95 for EAN-13, 67 for EAN-8.</summary>
    public IReadOnlyList<bool> Modules { get; }

    /// <summary>Module indexes (into <see cref="Modules"/>) that belong to the start, centre and end guards.</summary>
    public IReadOnlySet<int> GuardModules { get; }

    /// <summary>Encodes <paramref name="code"/>.</summary>
    /// <exception cref="ArgumentException">Not a valid EAN-13/EAN-8 (length, digits, check digit — <see cref="Ean.IsValid"/>).</exception>
    public EanSymbol(string code)
    {
        if (!Ean.IsValid(code)) throw new ArgumentException($"\"{code}\" is not a valid EAN-13 or EAN-8 code (length, digits or check digit).", nameof(code));
        Code = code;
        var ean13 = code.Length == 13;
        LeftQuietZone = ean13 ? 11 : 7;
        var digits = code.Select(c => c - '0').ToArray();
        var left = ean13 ? digits[1..7] : digits[..4];
        var right = ean13 ? digits[7..] : digits[4..];
        var parity = ean13 ? FirstDigitParity[digits[0]] : new string('A', 4);

        var bits = new System.Text.StringBuilder();
        var guards = new HashSet<int>();
        void Guard(string g) { for (var i = 0; i < g.Length; i++) guards.Add(bits.Length + i); bits.Append(g); }
        Guard("101");
        for (var i = 0; i < left.Length; i++) bits.Append(parity[i] == 'A' ? SetA[left[i]] : SetB[left[i]]);
        Guard("01010");
        foreach (var d in right) bits.Append(SetC[d]);
        Guard("101");
        Modules = bits.ToString().Select(c => c == '1').ToArray();
        GuardModules = guards;
    }

    /// <summary>The modules as a "1010…" string (1 = bar), handy in tests and logs.</summary>
    public override string ToString() => string.Concat(Modules.Select(m => m ? '1' : '0'));

    private static string Complement(string pattern) => string.Concat(pattern.Select(c => c == '1' ? '0' : '1'));
}
