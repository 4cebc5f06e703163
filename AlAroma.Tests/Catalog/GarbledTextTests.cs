using System.Net;
using System.Text;
using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Features.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlAroma.Tests.Catalog;

/// <summary>UTF-8 read as Windows-1252 before the file reached us ("ConcentrÃ©e"): found, and repaired only on request.</summary>
public class MojibakeTests
{
    [Theory]
    [InlineData("Eau de Parfum ConcentrÃ©e", "Eau de Parfum Concentrée")]
    [InlineData("LancÃ´me Tom Fordâ€™s â€“ Narziß", "Lancôme Tom Ford’s – Narziß")]
    public void Garbled_text_is_read_back_as_written(string garbled, string written) => Assert.Equal(written, Mojibake.Repair(garbled));

    [Theory]
    [InlineData("Concentrée")]
    [InlineData("Narziß Crème Brûlée")]
    [InlineData("Мужской «Аромат» №5")]
    [InlineData("")]
    public void Text_that_is_fine_is_left_alone(string text) => Assert.Null(Mojibake.Repair(text));

    [Fact]
    public void A_notice_quotes_the_garbled_place_of_a_long_description_not_all_of_it()
    {
        var before = string.Concat(Enumerable.Repeat("A long story of the perfume. ", 20));
        var garbled = before + "Michel’s magnolia, full bloom" + string.Concat(Enumerable.Repeat(" and more", 50));
        var written = Mojibake.Repair(garbled.Replace("’", "â€™"))!;
        var (g, r) = Mojibake.Excerpt(garbled.Replace("’", "â€™"), written, context: 20);
        Assert.Equal("… the perfume. Michelâ€™s magnolia, full …", g);
        Assert.Equal("… the perfume. Michel’s magnolia, full bl…", r);
        // Short text is quoted whole, without marks.
        Assert.Equal(("ConcentrÃ©e", "Concentrée"), Mojibake.Excerpt("ConcentrÃ©e", "Concentrée"));
    }
}

public class GarbledTextImportTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string Manager = "manager@alaroma.local";

    private static readonly byte[] File = Encoding.UTF8.GetBytes(
        "Название;Бренд;Цена\r\n" +
        "Garbled Test Eau de Parfum ConcentrÃ©e 50 ml;Garbled House;5000\r\n" +
        "Garbled Test Clean 50 ml;Garbled House;4000\r\n");

    private async Task<PreviewCatalogImport.Model> PreviewAsync(Guid id)
    {
        using var s = app.Scope();
        return await s.ServiceProvider.GetRequiredService<PreviewCatalogImport>().HandleAsync(id, default);
    }

    private async Task SetRepairAsync(Guid id, bool repair)
    {
        using var s = app.Scope();
        await s.ServiceProvider.GetRequiredService<RepairImportText>().HandleAsync(id, repair, default);
    }

    [Fact]
    public async Task The_preview_flags_the_row_offers_the_repair_and_the_repair_can_be_undone_before_the_run()
    {
        Guid id;
        using (var s = app.Scope()) id = await s.ServiceProvider.GetRequiredService<UploadCatalogImport>().HandleAsync("garbled.csv", File, default);
        using (var s = app.Scope())
        {
            var map = s.ServiceProvider.GetRequiredService<MapCatalogImport>();
            var model = await map.GetAsync(id, null, null, default);
            Assert.Null(await map.SaveAsync(id, new MapCatalogImport.Input
            {
                Encoding = model.Mapping.Encoding, Delimiter = model.Mapping.Delimiter, DefaultPrice = "0",
                Columns = model.Mapping.Columns.ToDictionary(c => c.Key.ToString(), c => c.Value),
            }, default));
        }

        var flagged = await PreviewAsync(id);
        var (row, garbled, repaired) = Assert.Single(flagged.Garbled);
        Assert.Equal((2, "Garbled Test Eau de Parfum ConcentrÃ©e 50 ml", "Garbled Test Eau de Parfum Concentrée 50 ml"), (row, garbled, repaired));
        Assert.Contains(flagged.Rows, r => r.Product?.Name == garbled);

        var client = await app.ClientAsync(Manager);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/catalog/import/{id}/preview"));
        Assert.Contains("Исправить кодировку", page);
        Assert.Contains("ConcentrÃ©e", page);

        await SetRepairAsync(id, true);
        Assert.Contains((await PreviewAsync(id)).Rows, r => r.Product?.Name == repaired);
        await SetRepairAsync(id, false);
        Assert.Contains((await PreviewAsync(id)).Rows, r => r.Product?.Name == garbled);

        await SetRepairAsync(id, true);
        using (var s = app.Scope()) Assert.Equal(2, (await s.ServiceProvider.GetRequiredService<RunCatalogImport>().HandleAsync(id, default)).Created);
        await using var db = app.Db();
        Assert.True(await db.Products.AnyAsync(p => p.Name == repaired));
        Assert.False(await db.Products.AnyAsync(p => p.Name == garbled));

        // The run reported its progress for the preview's bar: both rows written.
        var progress = app.Factory.Services.GetRequiredService<ImportProgress>().Of(id);
        Assert.Equal(new ImportProgress.State(2, 2, true), progress);
        var line = WebUtility.HtmlDecode(await client.GetStringAsync($"/catalog/import/{id}/progress"));
        Assert.Contains("Записано 2 из 2 строк — готово", line);
    }
}
