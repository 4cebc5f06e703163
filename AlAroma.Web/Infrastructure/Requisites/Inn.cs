namespace AlAroma.Web.Infrastructure.Requisites;

/// <summary>
/// Russian taxpayer number (ИНН) check digits by the FNS algorithm: 10 digits for an organisation (one check digit),
/// 12 digits for an individual or sole trader (two check digits). Pure: no I/O.
/// </summary>
public static class Inn
{
    private static readonly int[] W10 = [2, 4, 10, 3, 5, 9, 4, 6, 8];
    private static readonly int[] W11 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
    private static readonly int[] W12 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];

    /// <summary>True when <paramref name="inn"/> is 10 or 12 digits with valid check digits.</summary>
    public static bool IsValid(string? inn) => Error(inn) is null;

    /// <summary>Null when valid, otherwise a Russian message saying what is wrong.</summary>
    public static string? Error(string? inn)
    {
        var s = inn?.Trim() ?? "";
        if (s.Length == 0 || !s.All(char.IsAsciiDigit)) return "ИНН состоит только из цифр: 10 цифр у организации, 12 — у ИП.";
        if (s.Length != 10 && s.Length != 12) return $"В ИНН {s.Length} цифр, а нужно 10 (организация) или 12 (ИП).";
        var d = s.Select(c => c - '0').ToArray();
        var ok = s.Length == 10
            ? Check(d, W10) == d[9]
            : Check(d, W11) == d[10] && Check(d, W12) == d[11];
        return ok ? null : "Контрольные цифры ИНН не сходятся — проверьте, нет ли опечатки.";
    }

    /// <summary>The check digit for the leading digits under <paramref name="weights"/>: (Σ dᵢ·wᵢ mod 11) mod 10.</summary>
    public static int Check(IReadOnlyList<int> digits, IReadOnlyList<int> weights)
    {
        var sum = 0;
        for (var i = 0; i < weights.Count; i++) sum += digits[i] * weights[i];
        return sum % 11 % 10;
    }
}
