using AlAroma.Web.Features.Customers;

namespace AlAroma.Tests.Customers;

public sealed class PhoneNormalizerTests
{
    [Theory]
    [InlineData("89161234567")]
    [InlineData("+79161234567")]
    [InlineData("79161234567")]
    [InlineData("9161234567")]
    [InlineData("8 (916) 123-45-67")]
    [InlineData("+7(916)1234567")]
    [InlineData(" 8 916 123-45-67 ")]
    public void Russian_formats_normalise_to_E164(string input) =>
        Assert.Equal("+79161234567", PhoneNormalizer.NormalizeRussian(input).E164);

    [Fact]
    public void A_Moscow_landline_is_accepted() => Assert.Equal("+74951234567", PhoneNormalizer.NormalizeRussian("8 495 123-45-67").E164);

    [Theory]
    [InlineData("+77011234567")] // Kazakhstan mobile: +7 7xx
    [InlineData("87011234567")]
    public void Kazakhstan_numbers_are_refused_with_the_reason(string input)
    {
        var r = PhoneNormalizer.NormalizeRussian(input);
        Assert.False(r.IsValid);
        Assert.Contains("казахстанские", r.Error);
    }

    [Theory]
    [InlineData("8916123456")]   // one digit short
    [InlineData("891612345678")] // one digit too many
    [InlineData("hello")]
    [InlineData("")]
    public void Incomplete_or_garbage_numbers_are_refused(string input)
    {
        var r = PhoneNormalizer.NormalizeRussian(input);
        Assert.False(r.IsValid);
        Assert.False(string.IsNullOrEmpty(r.Error));
    }

    [Fact]
    public void Display_groups_the_digits() => Assert.Equal("+7 916 123-45-67", PhoneNormalizer.Display("+79161234567"));
}

/// <summary>The reasons the cashier reads, and the display of numbers that are not Russian E.164.</summary>
public sealed class PhoneNormalizerMessagesTests
{
    [Theory]
    [InlineData(null, "Введите номер")]
    [InlineData("   ", "Введите номер")]
    [InlineData("hello", "не похоже на номер")]
    [InlineData("8916123456", "неполный")]
    public void Each_refusal_says_what_is_wrong(string? input, string reason)
    {
        var r = PhoneNormalizer.NormalizeRussian(input);
        Assert.Null(r.E164);
        Assert.Contains(reason, r.Error);
    }

    [Fact]
    public void An_accepted_number_has_no_error() => Assert.Null(PhoneNormalizer.NormalizeRussian("+79161234567").Error);

    [Fact]
    public void Eleven_digits_starting_with_7_and_spaces_are_read_with_the_country_code() =>
        Assert.Equal("+79161234567", PhoneNormalizer.NormalizeRussian("7 916 123 45 67").E164);

    [Theory]
    [InlineData(null, "")]
    [InlineData("", "")]
    [InlineData("+7916123456", "+7916123456")]     // one digit short
    [InlineData("+791612345678", "+791612345678")] // one digit too many
    [InlineData("+38050123456", "+38050123456")]   // 12 characters, not +7
    public void Display_leaves_other_values_as_they_are(string? value, string shown) =>
        Assert.Equal(shown, PhoneNormalizer.Display(value));
}
