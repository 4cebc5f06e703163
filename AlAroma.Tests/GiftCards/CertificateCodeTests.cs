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
