using System.Reflection;
using AlAroma.Web.Infrastructure.Auditing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore.Metadata;

namespace AlAroma.Web.Features.Admin.Audit;

/// <summary>
/// The Russian words of the audit log: entity, field and enum value names from the features' own
/// <see cref="AuditNameAttribute"/>, the framework's Identity tables named here (they carry no attribute), and
/// the field names every feature shares (Name, Quantity, LocationId…). Anything unnamed shows its code name.
/// </summary>
public sealed class AuditVocabulary
{
    private static readonly Dictionary<Type, string> FrameworkEntities = new()
    {
        [typeof(IdentityRole)] = "Роль",
        [typeof(IdentityUserRole<string>)] = "Роль пользователя",
        [typeof(IdentityUserClaim<string>)] = "Право пользователя",
        [typeof(IdentityRoleClaim<string>)] = "Право роли",
    };

    /// <summary>Fields of many entities (and of the framework's user) by their code name.</summary>
    private static readonly Dictionary<string, string> CommonFields = new()
    {
        ["Id"] = "Ид.", ["Code"] = "Код", ["Name"] = "Название", ["Number"] = "Номер", ["Status"] = "Статус", ["Kind"] = "Вид",
        ["Notes"] = "Примечание", ["Comment"] = "Комментарий", ["Reason"] = "Причина", ["Quantity"] = "Количество",
        ["Price"] = "Цена", ["UnitPrice"] = "Цена", ["PurchasePrice"] = "Закупочная цена", ["Total"] = "Сумма", ["Amount"] = "Сумма",
        ["Subtotal"] = "Сумма без скидки", ["Discount"] = "Скидка", ["DiscountTotal"] = "Скидка", ["Balance"] = "Остаток",
        ["CreatedAtUtc"] = "Создан", ["UpdatedAtUtc"] = "Изменён", ["PostedAtUtc"] = "Проведён", ["CancelledAtUtc"] = "Отменён",
        ["OccurredAtUtc"] = "Когда", ["OpenedAtUtc"] = "Открыта", ["ClosedAtUtc"] = "Закрыта", ["ChangedAtUtc"] = "Когда",
        ["CreatedBy"] = "Кто создал", ["PostedBy"] = "Кто провёл", ["ChangedBy"] = "Кто изменил",
        ["LocationId"] = "Точка", ["FromLocationId"] = "Откуда", ["ToLocationId"] = "Куда", ["ProductId"] = "Товар",
        ["SupplierId"] = "Поставщик", ["CustomerId"] = "Покупатель", ["ShiftId"] = "Смена", ["RegisterId"] = "Касса",
        ["SaleId"] = "Продажа", ["UserId"] = "Пользователь", ["RoleId"] = "Роль", ["UserName"] = "Пользователь",
        ["DocumentNumber"] = "Документ", ["DocumentId"] = "Ид. документа", ["BalanceAfter"] = "Остаток после",
        ["Sku"] = "Артикул", ["Barcode"] = "Штрихкод", ["Brand"] = "Бренд", ["Description"] = "Описание", ["Address"] = "Адрес",
        ["Phone"] = "Телефон", ["Email"] = "Эл. почта", ["IsActive"] = "Активен", ["TimeZoneId"] = "Часовой пояс",
        ["FullName"] = "ФИО", ["DisplayName"] = "Имя", ["Method"] = "Способ", ["Change"] = "Сдача", ["Points"] = "Баллы",
        ["Nominal"] = "Номинал", ["ValidUntil"] = "Действует до", ["OldPrice"] = "Старая цена", ["NewPrice"] = "Новая цена",
        ["Level"] = "Уровень", ["MinQuantity"] = "Минимальный остаток",
        [nameof(IdentityUser.NormalizedUserName)] = "Логин (для поиска)", [nameof(IdentityUser.NormalizedEmail)] = "Эл. почта (для поиска)",
        [nameof(IdentityUser.EmailConfirmed)] = "Почта подтверждена", [nameof(IdentityUser.PasswordHash)] = "Пароль",
        [nameof(IdentityUser.SecurityStamp)] = "Метка безопасности", [nameof(IdentityUser.PhoneNumber)] = "Телефон",
        [nameof(IdentityUser.PhoneNumberConfirmed)] = "Телефон подтверждён", [nameof(IdentityUser.TwoFactorEnabled)] = "Двухфакторный вход",
        [nameof(IdentityUser.LockoutEnd)] = "Заблокирован до", [nameof(IdentityUser.LockoutEnabled)] = "Блокировка разрешена",
        [nameof(IdentityUser.AccessFailedCount)] = "Неудачных входов",
    };

    private readonly Dictionary<string, IEntityType> _types;

    /// <summary>Reads the names off the EF model (one instance per app: the model never changes).</summary>
    public AuditVocabulary(IModel model)
    {
        _types = [];
        foreach (var t in model.GetEntityTypes()) _types.TryAdd(t.ClrType.Name, t);
    }

    /// <summary>The model type behind an entry's <see cref="AuditEntry.Entity"/> (its CLR type name), null for a system task's own word.</summary>
    public IEntityType? Type(string entity) => _types.GetValueOrDefault(entity);

    /// <summary>"Приход" for "GoodsReceipt"; the code name when nothing names it.</summary>
    public string EntityName(string entity)
    {
        var clr = Type(entity)?.ClrType;
        if (clr is null) return entity;
        return clr.GetCustomAttribute<AuditNameAttribute>()?.Name ?? FrameworkEntities.GetValueOrDefault(clr) ?? entity;
    }

    /// <summary>Page address of the entity with <paramref name="key"/>, when it has a page.</summary>
    public string? EntityLink(string entity, string key) =>
        Type(entity)?.ClrType.GetCustomAttribute<AuditNameAttribute>()?.Link is { } link && key.Length > 0 && !key.Contains(',')
            ? string.Format(System.Globalization.CultureInfo.InvariantCulture, link, Uri.EscapeDataString(key)) : null;

    /// <summary>"Количество" for "Quantity" of the entry's entity; the code name when nothing names it.</summary>
    public string FieldName(IEntityType? type, string field) =>
        type?.FindProperty(field)?.PropertyInfo?.GetCustomAttribute<AuditNameAttribute>()?.Name
        ?? CommonFields.GetValueOrDefault(field) ?? field;

    /// <summary>The attribute on enum value <paramref name="name"/> of <paramref name="enumType"/>, if any.</summary>
    public static AuditNameAttribute? EnumValue(Type enumType, string name) =>
        enumType.GetField(name, BindingFlags.Public | BindingFlags.Static)?.GetCustomAttribute<AuditNameAttribute>();
}
