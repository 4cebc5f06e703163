using AlAroma.Web.Features.Campaigns;
using AlAroma.Web.Infrastructure;

namespace AlAroma.Tests.Campaigns;

/// <summary>The campaign text's variables, its refusal of unknown ones and its escaping for Telegram's HTML mode.</summary>
public sealed class CampaignTemplateTests
{
    private static readonly TemplateValues Anna = new("Анна", 1250, "Золото", "Тверская");

    [Theory]
    [InlineData("{Имя}", "Анна")]
    [InlineData("{Баллы}", "1\u00A0250")]
    [InlineData("{Уровень}", "Золото")]
    [InlineData("{Магазин}", "Тверская")]
    public void Each_variable_is_replaced_by_the_customers_value(string text, string expected) =>
        Assert.Equal(expected, CampaignTemplate.Render(text, Anna, html: false));

    [Fact]
    public void A_text_with_every_variable_reads_as_one_message()
    {
        var text = CampaignTemplate.Render("{Имя}, у вас {Баллы} баллов ({Уровень}). Ждём в «{Магазин}»!", Anna, html: false);
        Assert.Equal("Анна, у вас 1\u00A0250 баллов (Золото). Ждём в «Тверская»!", text);
    }

    [Fact]
    public void No_name_and_no_home_shop_read_as_words_not_blanks()
    {
        var text = CampaignTemplate.Render("{Имя}, ждём вас в {Магазин}", new TemplateValues(" ", 0, "Стандарт", null), html: false);
        Assert.Equal($"{CampaignTemplate.NoName}, ждём вас в {CampaignTemplate.NoShop}", text);
    }

    [Fact]
    public void An_unknown_variable_stays_visible_when_rendered_and_is_refused_with_the_list_of_known_ones_when_saved()
    {
        Assert.Equal("Скидка {Скидка} для Анна", CampaignTemplate.Render("Скидка {Скидка} для {Имя}", Anna, html: false));
        Assert.Equal(["{Скидка}", "{имя}"], CampaignTemplate.UnknownVariables("{Скидка} {имя} {Имя} {Скидка}"));
        var e = Assert.Throws<BusinessRuleException>(() => CampaignTemplate.Validate("Привет, {имя}!"));
        Assert.Contains("{имя}", e.Message);
        Assert.Contains("{Имя}, {Баллы}, {Уровень}, {Магазин}", e.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void An_empty_text_is_refused(string? text) => Assert.Throws<BusinessRuleException>(() => CampaignTemplate.Validate(text));

    [Fact]
    public void A_text_longer_than_the_limit_is_refused_and_one_at_the_limit_passes()
    {
        CampaignTemplate.Validate(new string('а', CampaignTemplate.MaxLength));
        Assert.Throws<BusinessRuleException>(() => CampaignTemplate.Validate(new string('а', CampaignTemplate.MaxLength + 1)));
    }

    [Fact]
    public void For_telegram_the_text_and_the_values_are_html_escaped_so_the_message_reads_as_typed()
    {
        var values = Anna with { Name = "<b>Анна</b> & Co" };
        Assert.Equal("&lt;b&gt;Анна&lt;/b&gt; &amp; Co: скидки &lt;30% &amp; подарки",
            CampaignTemplate.Render("{Имя}: скидки <30% & подарки", values, html: true));
        Assert.Equal("<b>Анна</b> & Co: скидки <30% & подарки", CampaignTemplate.Render("{Имя}: скидки <30% & подарки", values, html: false));
    }
}
