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
