using System.Security.Claims;
using AlAroma.Web.Features.Account;

namespace AlAroma.Web.Features.Shared;

/// <summary>One sidebar link and the roles that see it (SCREENS.md: the sidebar shows only what the role may open).</summary>
public sealed record NavItem(string Section, string Label, string Href, string Icon, params string[] Roles);

/// <summary>The sidebar of the back office, by role.</summary>
public static class Nav
{
    public static readonly NavItem[] Items =
    [
        new("", "Главная", "/", "🏠", Roles.Admin, Roles.Manager, Roles.Storekeeper, Roles.Operator),
        new("Продажи", "Касса", "/pos", "🧾", Roles.Admin, Roles.Manager, Roles.Seller, Roles.Cashier),
        new("Продажи", "Чеки", "/pos/sales", "📃", Roles.Admin, Roles.Manager, Roles.Seller, Roles.Cashier),
        new("Продажи", "Смены", "/pos/shifts", "⏱", Roles.Admin, Roles.Manager, Roles.Seller, Roles.Cashier),
        new("Продажи", "Клиенты", "/customers", "👤", Roles.Admin, Roles.Manager),
        new("Продажи", "Отзывы и обращения", "/feedback", "💬", Roles.Admin, Roles.Manager),
        new("Продажи", "Рассылки", "/campaigns", "📣", Roles.Admin, Roles.Manager),
        new("Продажи", "Сертификаты", "/giftcards", "🎁", Roles.Admin, Roles.Manager),
        new("Продажи", "Акции", "/promotions", "🏷", Roles.Admin, Roles.Manager),
        new("Продажи", "Программа лояльности", "/loyalty/dashboard", "⭐", Roles.Admin, Roles.Manager),
        new("Продажи", "Условия лояльности", "/loyalty/settings", "⚙", Roles.Admin, Roles.Manager),
        new("Продажи", "Подарки", "/loyalty/gifts", "🎀", Roles.Admin, Roles.Manager),
        new("Товары", "Каталог", "/catalog", "🧴", Roles.Admin, Roles.Manager),
        new("Товары", "Импорт каталога", "/catalog/import", "⬆", Roles.Admin, Roles.Manager),
        new("Склад", "Остатки", "/warehouse/stock", "📦", Roles.Admin, Roles.Manager, Roles.Storekeeper),
        new("Склад", "Приход товара", "/warehouse/receipts", "📥", Roles.Admin, Roles.Manager, Roles.Storekeeper),
        new("Склад", "Перемещения", "/warehouse/transfers", "🚚", Roles.Admin, Roles.Manager, Roles.Storekeeper),
        new("Склад", "Заявки магазинов", "/warehouse/requests", "📝", Roles.Admin, Roles.Manager, Roles.Storekeeper),
        new("Склад", "Списания", "/warehouse/writeoffs", "🗑", Roles.Admin, Roles.Manager, Roles.Storekeeper),
        new("Склад", "Поставщики", "/warehouse/suppliers", "🏭", Roles.Admin, Roles.Manager, Roles.Storekeeper),
        new("Склад", "Движение товаров", "/warehouse/movements", "↔", Roles.Admin, Roles.Manager, Roles.Storekeeper),
        new("Склад", "Инвентаризация", "/warehouse/stocktakes", "📋", Roles.Admin, Roles.Manager, Roles.Storekeeper),
        new("Склад", "Ценники", "/warehouse/labels", "🏷", Roles.Admin, Roles.Manager, Roles.Storekeeper),
        new("Обзвон", "Следующий номер", "/leads/work", "📞", Roles.Admin, Roles.Manager, Roles.Operator),
        new("Обзвон", "Проекты обзвона", "/leads/projects", "🗂", Roles.Admin, Roles.Manager),
        new("Обзвон", "Номера", "/leads/numbers", "☎", Roles.Admin, Roles.Manager),
        new("Обзвон", "Загрузка баз", "/leads/imports", "⬆", Roles.Admin, Roles.Manager),
        new("Обзвон", "Конверсия", "/leads/conversion", "📈", Roles.Admin, Roles.Manager),
        new("Обзвон", "Поставщики баз", "/leads/suppliers", "🏷", Roles.Admin, Roles.Manager),
        new("Обзвон", "Не звонить", "/leads/do-not-call", "🚫", Roles.Admin, Roles.Manager),
        new("Обзвон", "SFTP-серверы", "/leads/sftp", "🔐", Roles.Admin, Roles.Manager),
        new("Отчёты", "Отчёты", "/reports", "📊", Roles.Admin, Roles.Manager),
        new("Администрирование", "Пользователи", "/admin/users", "👥", Roles.Admin),
        new("Администрирование", "Журнал аудита", "/admin/audit", "🔎", Roles.Admin),
        new("Администрирование", "Задания", "/admin/jobs", "⏱", Roles.Admin),
        new("Администрирование", "Реквизиты компании", "/admin/company", "🏢", Roles.Admin),
        new("Администрирование", "Внешние кассы", "/admin/external-registers", "🔌", Roles.Admin),
        new("Администрирование", "Уведомления", "/admin/notifications", "✉", Roles.Admin, Roles.Manager),
    ];

    /// <summary>The item to highlight for <paramref name="path"/>: the longest link that is the path or a parent of it.</summary>
    public static NavItem? Active(IEnumerable<NavItem> items, string path) =>
        items.Where(i => i.Href == "/" ? path == "/" : path.Equals(i.Href, StringComparison.OrdinalIgnoreCase)
                || path.StartsWith(i.Href + "/", StringComparison.OrdinalIgnoreCase))
            .MaxBy(i => i.Href.Length);

    /// <summary>The items <paramref name="user"/> may see, in order.</summary>
    public static IEnumerable<NavItem> For(ClaimsPrincipal user) => Items.Where(i => i.Roles.Any(user.IsInRole));
}
