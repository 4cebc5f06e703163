using System.Text.Json;
using System.Text.Json.Serialization;

namespace AlAroma.Web.Features.Notifications.Templates;

/// <summary>
/// The data of one e-mail template. The record's type name is the template key stored in the outbox and the name of
/// its Razor view <c>Features/Notifications/Templates/{Key}.cshtml</c> (rendered at send time in <c>_EmailLayout</c>).
/// </summary>
public interface IEmailTemplate
{
    /// <summary>The e-mail's subject, in Russian.</summary>
    [JsonIgnore] string Subject { get; }
}

/// <summary>Finds a template's data type by its key.</summary>
public static class EmailTemplates
{
    private static readonly Dictionary<string, Type> Types = typeof(IEmailTemplate).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IEmailTemplate).IsAssignableFrom(t))
        .ToDictionary(t => t.Name, StringComparer.Ordinal);

    /// <summary>The view of template <paramref name="key"/>.</summary>
    public static string ViewPath(string key) => $"/Features/Notifications/Templates/{key}.cshtml";

    /// <summary>Reads the stored data of template <paramref name="key"/>.</summary>
    /// <exception cref="InvalidOperationException">No template has this key.</exception>
    public static IEmailTemplate Read(string key, string json) =>
        Types.TryGetValue(key, out var t)
            ? (IEmailTemplate)(JsonSerializer.Deserialize(json, t) ?? throw new InvalidOperationException($"Empty data of template {key}"))
            : throw new InvalidOperationException($"Unknown e-mail template {key}");
}

/// <summary>A copy of a receipt: the 80 mm receipt as rendered by the till (<c>_ReceiptPaper</c>) and its text lines.</summary>
public sealed record ReceiptCopyEmail(string Number, string ShopName, decimal Total, string ReceiptHtml, string ReceiptText) : IEmailTemplate
{
    public string Subject => $"Al Aroma: чек {Number} на {Infrastructure.Money.Format(Total)}";
}

/// <summary>
/// A new staff member's welcome: a link to set their password (valid as long as Identity's reset token, 24 h), or,
/// when the admin set the password already (<paramref name="SetPasswordUrl"/> null), the link to the login page.
/// </summary>
public sealed record StaffWelcomeEmail(string FullName, string Email, string? SetPasswordUrl, string LoginUrl) : IEmailTemplate
{
    public string Subject => "Al Aroma: вам открыт доступ";
}

/// <summary>"Забыли пароль?": a link to set a new password.</summary>
public sealed record PasswordResetEmail(string FullName, string ResetUrl) : IEmailTemplate
{
    public string Subject => "Al Aroma: восстановление пароля";
}

/// <summary>A gift certificate's code for its holder; amount in ₽, valid until a local date.</summary>
public sealed record CertificateCodeEmail(string Code, decimal Amount, DateOnly ValidUntil) : IEmailTemplate
{
    public string Subject => $"Al Aroma: подарочный сертификат на {Infrastructure.Money.Format(Amount)}";
}

/// <summary>The daily sales report (the Excel file is attached): the business day and its totals (₽).</summary>
public sealed record DailyReportEmail(DateOnly Day, decimal Revenue, int Receipts, string FileName) : IEmailTemplate
{
    public string Subject => $"Al Aroma: продажи за {Day:dd.MM.yyyy}";
}

/// <summary>One product below its threshold in the low-stock digest (units).</summary>
public sealed record LowStockLine(string Sku, string Name, int OnHand, int Threshold, int Suggested);

/// <summary>The daily low-stock digest of one location.</summary>
public sealed record LowStockDigestEmail(DateOnly Day, string LocationName, IReadOnlyList<LowStockLine> Lines) : IEmailTemplate
{
    public string Subject => $"Al Aroma: мало товара — {LocationName}, {Lines.Count} поз.";
}

/// <summary>A test message from the «Уведомления» page.</summary>
public sealed record TestEmail(string Text) : IEmailTemplate
{
    public string Subject => "Al Aroma: проверка отправки";
}

/// <summary>A campaign's message to a customer (Features/Campaigns): the campaign's name as subject, the rendered text.</summary>
public sealed record CampaignEmail(string Title, string Text) : IEmailTemplate
{
    public string Subject => Title;
}
