using AlAroma.Web.Features.Bots.MiniApp;

namespace AlAroma.Tests.Bots;

/// <summary>
/// Mini App initData (issue 12, Tests): valid, tampered field, wrong bot token, stale auth_date, missing hash — only
/// the first passes. The vector was signed with Python's hmac module (the Telegram docs' algorithm), not by this code.
/// </summary>
public sealed class InitDataValidatorTests
{
    private const string Token = "7000000001:AAHtestTokenForMiniAppVector";

    // Python: hmac.new(hmac.new(b"WebAppData", token, sha256).digest(), data_check_string, sha256).hexdigest()
    private const string Vector =
        "auth_date=1796205600&query_id=AAHdF6IQAAAAAN0XohDhrOrc&user=%7B%22id%22%3A424242%2C%22first_name%22%3A%22%D0%9C%D0%B0%D1%80%D0%B8%D1%8F%22%2C%22language_code%22%3A%22ru%22%7D" +
        "&signature=abc123&hash=c8b9cf01c9382dc5152e2af1b53b67960f3811d776e0a6489c7909c5b7dd760d";

    private static readonly DateTimeOffset SignedAt = DateTimeOffset.FromUnixTimeSeconds(1796205600); // 2026-12-02 10:00 UTC
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    [Fact]
    public void The_known_vector_is_valid_and_names_the_user()
    {
        var r = InitDataValidator.Validate(Vector, Token, SignedAt.AddMinutes(5), Hour);
        Assert.Equal(InitDataError.Valid, r.Error);
        Assert.Equal(424242, r.TelegramUserId);
        Assert.Equal(SignedAt, r.AuthDateUtc);
    }

    [Fact]
    public void Data_signed_by_the_tests_own_hmac_is_valid_for_any_field_order()
    {
        var data = TestInitData.For(555, SignedAt, Token);
        var reordered = string.Join("&", data.Split('&').Reverse());
        Assert.Equal(555, InitDataValidator.Validate(data, Token, SignedAt, Hour).TelegramUserId);
        Assert.True(InitDataValidator.Validate(reordered, Token, SignedAt, Hour).IsValid);
    }

    [Theory]
    [InlineData("%22id%22%3A424242", "%22id%22%3A424243")] // another user
    [InlineData("auth_date=1796205600", "auth_date=1796205601")]
    [InlineData("signature=abc123", "signature=abc124")] // the HMAC covers signature too
    [InlineData("&signature=abc123", "")] // a field dropped
    public void A_tampered_field_is_refused(string from, string to) =>
        Assert.Equal(InitDataError.BadHash, InitDataValidator.Validate(Vector.Replace(from, to), Token, SignedAt, Hour).Error);

    [Fact]
    public void Data_signed_for_another_bot_is_refused() =>
        Assert.Equal(InitDataError.BadHash, InitDataValidator.Validate(Vector, "7000000002:AAHanotherBot", SignedAt, Hour).Error);

    [Fact]
    public void Stale_data_is_refused_past_the_window_and_accepted_at_its_edge()
    {
        Assert.True(InitDataValidator.Validate(Vector, Token, SignedAt + Hour, Hour).IsValid);
        Assert.Equal(InitDataError.Stale, InitDataValidator.Validate(Vector, Token, SignedAt + Hour + TimeSpan.FromSeconds(1), Hour).Error);
    }

    [Fact]
    public void Data_dated_in_the_future_is_refused_beyond_the_clock_skew()
    {
        Assert.True(InitDataValidator.Validate(Vector, Token, SignedAt.AddSeconds(-InitDataValidator.ClockSkewSeconds), Hour).IsValid);
        Assert.Equal(InitDataError.FromTheFuture, InitDataValidator.Validate(Vector, Token, SignedAt.AddSeconds(-InitDataValidator.ClockSkewSeconds - 1), Hour).Error);
    }

    [Theory]
    [InlineData("&hash=c8b9cf01c9382dc5152e2af1b53b67960f3811d776e0a6489c7909c5b7dd760d", "", InitDataError.MissingHash)]
    [InlineData("hash=c8b9cf01c9382dc5152e2af1b53b67960f3811d776e0a6489c7909c5b7dd760d", "hash=", InitDataError.MissingHash)]
    [InlineData("hash=c8b9", "hash=zz", InitDataError.BadHash)] // not hex at all
    [InlineData("auth_date=1796205600&", "auth_date=1796205600&auth_date=1796205600&", InitDataError.Malformed)]
    public void Missing_or_broken_hash_and_repeated_fields_are_refused(string from, string to, InitDataError error) =>
        Assert.Equal(error, InitDataValidator.Validate(Vector.Replace(from, to), Token, SignedAt, Hour).Error);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not a query string")]
    public void Nothing_or_garbage_is_malformed(string? data) =>
        Assert.Equal(InitDataError.Malformed, InitDataValidator.Validate(data, Token, SignedAt, Hour).Error);
}
