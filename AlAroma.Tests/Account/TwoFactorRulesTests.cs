using AlAroma.Web.Features.Account;
using AlAroma.Web.Features.Account.TwoFactor;

namespace AlAroma.Tests.Account;

/// <summary>The pure rules of two-factor sign-in: who must use it, the URI the QR code carries, how typed codes are read.</summary>
public sealed class TwoFactorRulesTests
{
    [Theory]
    [InlineData("Admin,Manager", Roles.Manager, true)]
    [InlineData(" Admin , Manager ", Roles.Admin, true)]
    [InlineData("Admin,Manager", Roles.Cashier, false)]
    [InlineData("", Roles.Admin, false)]
    public void Required_for_the_configured_roles_only(string configured, string role, bool required) =>
        Assert.Equal(required, TwoFactorRules.IsRequired(new TwoFactorOptions { RequiredForRoles = configured }.RequiredRoles, r => r == role));

    [Fact]
    public void Required_for_admin_and_manager_unless_configured_otherwise() =>
        Assert.Equal([Roles.Admin, Roles.Manager], new TwoFactorOptions().RequiredRoles);

    [Fact]
    public void The_qr_uri_follows_the_key_uri_format() =>
        Assert.Equal("otpauth://totp/Al%20Aroma:anna%2Bshop%40alaroma.local?secret=JBSWY3DPEHPK3PXP&issuer=Al%20Aroma&digits=6",
            TwoFactorRules.AuthenticatorUri("anna+shop@alaroma.local", "JBSWY3DPEHPK3PXP"));

    [Fact]
    public void The_key_is_shown_in_groups_of_four() =>
        Assert.Equal("jbsw y3dp ehpk 3pxp ab", TwoFactorRules.FormatKey("JBSWY3DPEHPK3PXPAB"));

    [Theory]
    [InlineData(" 123 456 ", "123456", true)]
    [InlineData("abcde-12345", "ABCDE-12345", false)]
    [InlineData("12345", "12345", false)]
    [InlineData(null, "", false)]
    public void Typed_codes_lose_spaces_and_six_digits_are_an_app_code(string? typed, string cleaned, bool appCode)
    {
        Assert.Equal(cleaned, TwoFactorRules.Clean(typed));
        Assert.Equal(appCode, TwoFactorRules.IsAppCode(TwoFactorRules.Clean(typed)));
    }
}
