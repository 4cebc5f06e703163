using AlAroma.Web.Infrastructure;

namespace AlAroma.Web.Features.Catalog;

/// <summary>Perfume concentration as printed on the bottle.</summary>
public enum Concentration
{
    Parfum = 1,
    EauDeParfum = 2,
    EauDeToilette = 3,
    EauDeCologne = 4,
    BodyMist = 5,
    Other = 9,
}

/// <summary>Target gender of a fragrance.</summary>
public enum Gender
{
    Unisex = 0,
    Female = 1,
    Male = 2,
}

/// <summary>A sellable product: one SKU with one or more barcodes.</summary>
[Infrastructure.Auditing.AuditName("Товар", Link = "/catalog/{0}")]
public class Product
{
    public int Id { get; set; }
    public string Sku { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Brand { get; set; }
    [Infrastructure.Auditing.AuditName("Категория")]
    public string? Category { get; set; }

    /// <summary>Bottle volume in millilitres.</summary>
    [Infrastructure.Auditing.AuditName("Объём, мл")]
    public int? VolumeMl { get; set; }
    [Infrastructure.Auditing.AuditName("Концентрация")]
    public Concentration? Concentration { get; set; }
    [Infrastructure.Auditing.AuditName("Пол")]
    public Gender? Gender { get; set; }

    /// <summary>Retail price in ₽ (numeric(14,2)). 0 means "not priced yet": the POS refuses to sell it.</summary>
    [Infrastructure.Auditing.AuditName("Розничная цена")]
    public decimal RetailPrice { get; private set; }

    /// <summary>Moving-average purchase cost in ₽ per unit, updated when a goods receipt is posted.</summary>
    [Infrastructure.Auditing.AuditName("Средняя себестоимость")]
    public decimal AverageCost { get; set; }
    public bool IsActive { get; set; } = true;
    public string? Description { get; set; }
    public string? Notes { get; set; }
    [Infrastructure.Auditing.AuditName("Фото")]
    public string? ImageUrl { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }

    /// <summary>Name, brand and SKU in one text, computed by PostgreSQL (read-only; see <see cref="ProductSearch"/>).</summary>
    [Infrastructure.Auditing.AuditName("Текст для поиска")]
    public string SearchText { get; private set; } = "";

    public List<Barcode> Barcodes { get; set; } = [];
    public List<PriceChange> PriceChanges { get; set; } = [];

    /// <summary>The barcode a till or a label uses first: the first non-tester one.</summary>
    public string? MainBarcode => Barcodes.Where(b => !b.IsTester).OrderBy(b => b.Id).Select(b => b.Code).FirstOrDefault();

    /// <summary>
    /// Sets the retail price and records the change in the dated price history.
    /// </summary>
    /// <param name="price">New price in ₽; rounded to kopecks.</param>
    /// <param name="atUtc">When the change takes effect (UTC).</param>
    /// <param name="by">User name of who changed it.</param>
    /// <exception cref="BusinessRuleException">The price is negative.</exception>
    public void SetPrice(decimal price, DateTime atUtc, string? by)
    {
        price = Money.Round(price);
        if (price < 0) throw new BusinessRuleException("Цена не может быть отрицательной.");
        if (price == RetailPrice && Id != 0) return;
        PriceChanges.Add(new PriceChange { OldPrice = RetailPrice, NewPrice = price, ChangedAtUtc = atUtc, ChangedBy = by });
        RetailPrice = price;
        UpdatedAtUtc = atUtc;
    }

    /// <summary>Refuses a product the till must not sell (adding it to a cart, pricing a receipt).</summary>
    /// <exception cref="BusinessRuleException">Inactive, or no retail price (0 ₽).</exception>
    public void EnsureSellable()
    {
        if (!IsActive) throw new BusinessRuleException($"Товар «{Name}» снят с продажи. Отложите его и сообщите менеджеру.");
        if (RetailPrice <= 0) throw new BusinessRuleException($"У товара «{Name}» не указана розничная цена — продать его нельзя. Сообщите менеджеру.");
    }

    /// <summary>Russian label of the concentration (for UI and receipts).</summary>
    public static string ConcentrationLabel(Concentration? c) => c switch
    {
        Catalog.Concentration.Parfum => "Parfum",
        Catalog.Concentration.EauDeParfum => "EDP",
        Catalog.Concentration.EauDeToilette => "EDT",
        Catalog.Concentration.EauDeCologne => "EDC",
        Catalog.Concentration.BodyMist => "Body mist",
        Catalog.Concentration.Other => "Другое",
        _ => "",
    };

    /// <summary>Russian label of the gender.</summary>
    public static string GenderLabel(Gender? g) => g switch
    {
        Catalog.Gender.Female => "Женский",
        Catalog.Gender.Male => "Мужской",
        Catalog.Gender.Unisex => "Унисекс",
        _ => "",
    };
}

/// <summary>A barcode of a product (EAN-13 or EAN-8, check digit validated). Testers have their own.</summary>
[Infrastructure.Auditing.AuditName("Штрихкод")]
public class Barcode
{
    public int Id { get; set; }
    public int ProductId { get; set; }
    public string Code { get; set; } = "";
    [Infrastructure.Auditing.AuditName("Тестер")]
    public bool IsTester { get; set; }
}

/// <summary>Dated retail price history of a product (append-only).</summary>
[Infrastructure.Auditing.AuditName("Изменение цены")]
public class PriceChange
{
    public long Id { get; set; }
    public int ProductId { get; set; }
    public decimal OldPrice { get; set; }
    public decimal NewPrice { get; set; }
    public DateTime ChangedAtUtc { get; set; }
    public string? ChangedBy { get; set; }
}
