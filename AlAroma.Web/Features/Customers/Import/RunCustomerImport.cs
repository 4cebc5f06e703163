using System.Globalization;
using System.Net.Mail;
using AlAroma.Web.Data;
using AlAroma.Web.Infrastructure;
using AlAroma.Web.Infrastructure.Import;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Customers.Import;

/// <summary>
/// Step 2 of «Импорт клиентов»: with the mapping confirmed, every row creates a customer or, when a customer with that
/// phone is on file (or came earlier in the file), updates them — never a second card of one phone. Phones go through
/// <see cref="PhoneNormalizer"/>; a row with a bad phone, birthday or e-mail is rejected with the reason into the
/// rejected-rows file. A filled cell overwrites (name, e-mail, tags are added to the customer's); a birthday is put on
/// file only when none is (the customer sets it once); a consent column ("да"/"нет", 1/0, yes/no, +/−) records a
/// consent with the source «импорт» at the time of the import; a shop column (the shop's code «S1» or its name, any
/// case) sets the home shop, and a shop that is not one of the chain's active shops rejects the row. One transaction;
/// customers audited.
/// </summary>
public sealed class RunCustomerImport(AppDbContext db, TimeProvider clock)
{
    /// <summary>The counts of the import.</summary>
    public sealed record Result(long ImportId, int Created, int Updated, int Rejected);

    private static readonly string[] DateFormats = ["dd.MM.yyyy", "d.M.yyyy", "yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy", "dd.MM.yy", "d.M.yy"];

    /// <summary>Imports file <paramref name="id"/> with <paramref name="mapping"/>.</summary>
    /// <exception cref="BusinessRuleException">No such import, already imported, no phone column chosen, two fields on one column, or the file cannot be read.</exception>
    public async Task<Result> HandleAsync(long id, CustomerImportMapping mapping, CancellationToken ct)
    {
        if (!mapping.Columns.ContainsKey(CustomerImportField.Phone)) throw new BusinessRuleException("Выберите столбец с телефоном: по нему клиент находится и не задваивается.");
        if (mapping.Columns.Values.GroupBy(v => v).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new BusinessRuleException($"Столбец №{twice.Key + 1} выбран для нескольких полей: у каждого поля — свой столбец.");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var import = await db.CustomerImports.FromSql($"SELECT * FROM customer_imports WHERE id = {id} FOR UPDATE").FirstOrDefaultAsync(ct)
            ?? throw new BusinessRuleException("Импорт не найден — загрузите файл снова.");
        if (import.CompletedAtUtc is not null) throw new BusinessRuleException("Этот файл уже импортирован. Чтобы импортировать ещё раз, загрузите его снова.");
        var table = import.ReadTable(mapping);
        if (mapping.Columns.Values.Any(c => c < 0 || c >= table.Headers.Count)) throw new BusinessRuleException("Выбран столбец, которого нет в файле: выберите столбцы снова.");
        var now = clock.GetUtcNow().UtcDateTime;
        var today = Infrastructure.Time.LocalTime.Today(clock.GetUtcNow());

        var parsed = table.Rows.Select(r => (Row: r, Phone: PhoneNormalizer.NormalizeRussian(Cell(r, mapping, CustomerImportField.Phone)))).ToList();
        var phones = parsed.Where(p => p.Phone.IsValid).Select(p => p.Phone.E164!).Distinct().ToList();
        var known = await db.Customers.Where(c => phones.Contains(c.Phone)).ToDictionaryAsync(c => c.Phone, ct);
        var shops = await db.Locations.AsNoTracking().Where(l => l.Kind == Locations.LocationKind.Shop && l.IsActive)
            .Select(l => new { l.Id, l.Code, l.Name }).ToListAsync(ct);
        var shopByText = shops.Select(s => (Key: s.Code, s.Id)).Concat(shops.Select(s => (Key: s.Name, s.Id)))
            .DistinctBy(s => s.Key.Trim().ToLowerInvariant()).ToDictionary(s => s.Key.Trim().ToLowerInvariant(), s => s.Id);
        var rejected = new List<(ImportRow, string)>();
        var (created, updated) = (0, 0);
        var touched = new HashSet<string>();
        foreach (var (row, phone) in parsed)
        {
            if (!phone.IsValid) { rejected.Add((row, "Телефон: " + phone.Error)); continue; }
            var birthdayText = Cell(row, mapping, CustomerImportField.Birthday);
            DateOnly? birthday = null;
            if (!string.IsNullOrWhiteSpace(birthdayText))
            {
                if (!DateOnly.TryParseExact(birthdayText.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var b) || b > today || b.Year < 1900)
                {
                    rejected.Add((row, $"День рождения «{birthdayText.Trim()}» не читается: нужна дата вида 31.12.1990, не в будущем."));
                    continue;
                }
                birthday = b;
            }
            var email = Cell(row, mapping, CustomerImportField.Email)?.Trim();
            if (!string.IsNullOrEmpty(email) && (email.Length > 200 || !MailAddress.TryCreate(email, out _)))
            {
                rejected.Add((row, $"Эл. почта «{email}» не похожа на адрес: например, anna@mail.ru."));
                continue;
            }
            var consents = new List<(ConsentChannel, bool)>();
            string? consentError = null;
            foreach (var (field, channel) in new[] { (CustomerImportField.ConsentSms, ConsentChannel.Sms), (CustomerImportField.ConsentEmail, ConsentChannel.Email), (CustomerImportField.ConsentTelegram, ConsentChannel.Telegram) })
            {
                var text = Cell(row, mapping, field);
                if (string.IsNullOrWhiteSpace(text)) continue;
                if (YesNo(text) is { } given) consents.Add((channel, given));
                else consentError ??= $"{CustomerImportMapping.Label(field)}: «{text.Trim()}» — напишите «да» или «нет».";
            }
            if (consentError is not null) { rejected.Add((row, consentError)); continue; }
            List<string> tags;
            try { tags = Customer.ParseTags(Cell(row, mapping, CustomerImportField.Tags)); }
            catch (BusinessRuleException e) { rejected.Add((row, "Метки: " + e.Message)); continue; }
            int? homeShop = null;
            if (Cell(row, mapping, CustomerImportField.HomeShop)?.Trim() is { Length: > 0 } shopText)
            {
                if (!shopByText.TryGetValue(shopText.ToLowerInvariant(), out var shopId))
                {
                    rejected.Add((row, $"Магазин «{shopText}» не найден: укажите код ({string.Join(", ", shops.Select(s => s.Code))}) или название магазина сети."));
                    continue;
                }
                homeShop = shopId;
            }
            var name = Cell(row, mapping, CustomerImportField.Name)?.Trim();
            if (name?.Length > 200) { rejected.Add((row, "Имя длиннее 200 символов.")); continue; }

            if (!known.TryGetValue(phone.E164!, out var c))
            {
                c = new Customer { Phone = phone.E164!, CreatedAtUtc = now };
                db.Customers.Add(c);
                known[c.Phone] = c;
                created++;
                touched.Add(c.Phone);
            }
            else if (touched.Add(c.Phone)) updated++;
            if (!string.IsNullOrEmpty(name)) c.Name = name;
            if (!string.IsNullOrEmpty(email)) c.Email = email;
            if (homeShop is not null) c.HomeLocationId = homeShop;
            if (birthday is not null && c.Birthday is null) (c.Birthday, c.BirthdaySetAtUtc) = (birthday, now);
            if (tags.Count > 0) c.Tags = c.Tags.Concat(tags).DistinctBy(t => t.ToLowerInvariant()).Take(20).ToList();
            foreach (var (channel, given) in consents) c.SetConsent(channel, given, ConsentSource.Import, now);
        }
        import.MappingJson = mapping.ToJson();
        import.ParsedTable = ImportTableStore.Pack(table);
        (import.Created, import.Updated, import.Rejected, import.CompletedAtUtc) = (created, updated, rejected.Count, now);
        import.RejectedFile = rejected.Count == 0 ? null : ImportSource.RejectedRowsCsv(table.Headers, rejected);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new Result(id, created, updated, rejected.Count);
    }

    private static string? Cell(ImportRow row, CustomerImportMapping mapping, CustomerImportField field) =>
        mapping.Columns.TryGetValue(field, out var i) && i >= 0 && i < row.Cells.Length ? row.Cells[i] : null;

    /// <summary>"да"/"нет" and the like; null when neither.</summary>
    public static bool? YesNo(string text) => text.Trim().ToLowerInvariant() switch
    {
        "да" or "1" or "yes" or "y" or "true" or "+" or "д" or "согласен" or "согласна" => true,
        "нет" or "0" or "no" or "n" or "false" or "-" or "−" or "н" => false,
        _ => null,
    };
}
