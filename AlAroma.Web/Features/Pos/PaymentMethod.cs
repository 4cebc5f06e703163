namespace AlAroma.Web.Features.Pos;

/// <summary>How a part of a receipt was paid.</summary>
public enum PaymentMethod
{
    [Infrastructure.Auditing.AuditName("Наличные")] Cash = 1,
    [Infrastructure.Auditing.AuditName("Карта")] Card = 2,
    [Infrastructure.Auditing.AuditName("Сертификат")] GiftCertificate = 3,
    [Infrastructure.Auditing.AuditName("Баллы")] Points = 4,
}
