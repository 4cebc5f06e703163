using AlAroma.Web.Features.GiftCards;

namespace AlAroma.Tests.GiftCards;

public sealed class CertificateCodeTests
{
    [Fact]
    public void New_codes_are_valid_distinct_and_13_digits()
    {
        var codes = Enumerable.Range(0, 2000).Select(_ => CertificateCode.New()).ToList();
        Assert.All(codes, c => Assert.True(CertificateCode.IsValid(c), c));
        Assert.Equal(codes.Count, codes.Distinct().Count());
    }

    [Fact]
    public void Every_single_digit_typo_is_caught()
    {
        var code = CertificateCode.New();
        for (var i = 0; i < code.Length; i++)
            for (var d = '0'; d <= '9'; d++)
            {
                if (d == code[i]) continue;
                var typo = code[..i] + d + code[(i + 1)..];
                Assert.False(CertificateCode.IsValid(typo), typo);
            }
    }

    [Fact]
    public void Luhn_matches_the_textbook_example() => Assert.Equal('3', CertificateCode.LuhnDigit("7992739871")); // ISO/IEC 7812 example 79927398713

    [Theory]
    [InlineData("1234 5678-9012 3", "1234567890123")]
    [InlineData("12a4", null)]
    [InlineData("  ", null)]
    public void Clean_keeps_digits_and_rejects_other_characters(string input, string? expected) =>
        Assert.Equal(expected, CertificateCode.Clean(input));
}

/// <summary>What a cashier types and reads: lengths, separators and the printed grouping.</summary>
public sealed class CertificateCodeInputTests
{
    [Theory]
    [InlineData("12345678901280")] // a valid code with one digit too many
    [InlineData("12345678901288")] // the first 13 digits are a valid code
    [InlineData("123456789012")]   // the check digit missing
    public void Only_thirteen_digits_are_a_code(string code) => Assert.False(CertificateCode.IsValid(code));

    [Theory]
    [InlineData("1234567890128")]
    [InlineData("9999999999992")] // every doubled digit is 9 → 18 → 9
    [InlineData("5000000000005")]
    public void Codes_with_the_right_check_digit_are_accepted(string code) => Assert.True(CertificateCode.IsValid(code));

    [Fact]
    public void A_code_with_a_letter_in_place_of_a_digit_is_refused() => Assert.False(CertificateCode.IsValid("12345678901a8"));

    [Fact]
    public void New_codes_never_start_with_zero()
    {
        for (var i = 0; i < 500; i++) Assert.NotEqual('0', CertificateCode.New()[0]);
    }

    [Theory]
    [InlineData("1234\u00A05678\u00A09012\u00A08", "1234567890128")] // no-break spaces copied from a receipt or e-mail
    [InlineData("1234-5678-9012-8", "1234567890128")]
    [InlineData("1234\t5678", null)]
    [InlineData(null, null)]
    public void Clean_accepts_the_separators_people_copy(string? input, string? expected) =>
        Assert.Equal(expected, CertificateCode.Clean(input));

    [Fact]
    public void Format_groups_by_four_and_leaves_anything_else_as_typed()
    {
        Assert.Equal("1234 5678 9012 8", CertificateCode.Format("1234567890128"));
        Assert.Equal("123456789012", CertificateCode.Format("123456789012"));
    }
}
