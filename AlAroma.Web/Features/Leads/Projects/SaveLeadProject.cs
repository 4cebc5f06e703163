using System.Globalization;
using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Features.Leads.Numbering;
using AlAroma.Web.Features.Leads.Numbers;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Leads.Projects;

/// <summary>
/// Creates or edits a call project (<see cref="LeadProject"/>): name (unique among live projects), status, regions and
/// suppliers (empty = any), calling days and hours (local to each number), attempts, and its staff — managers (users in
/// role Manager or Admin) and operators (role Operator), whose <see cref="LeadProjectMember"/> rows are replaced by the
/// chosen set on save. The edit page also shows the project's numbers by status.
/// </summary>
public sealed class SaveLeadProject(AppDbContext db, TimeProvider clock)
{
    /// <summary>Most calls of one number a project may allow.</summary>
    public const int MaxAttemptsLimit = 50;

    /// <summary>The project form as posted; <see cref="Id"/> is null for a new one. Lists bind from repeated fields.</summary>
    public sealed class Input
    {
        public int? Id { get; set; }
        public string? Name { get; set; }
        public LeadProjectStatus Status { get; set; } = LeadProjectStatus.Active;

        /// <summary>Region slugs of <see cref="RegionNames.All"/>; empty = every region.</summary>
        public List<string> Regions { get; set; } = [];

        /// <summary><see cref="LeadSupplier"/> ids; empty = any supplier.</summary>
        public List<int> SupplierIds { get; set; } = [];

        /// <summary>Calling weekdays, 0 = Monday … 6 = Sunday (bit numbers of <see cref="CallingWindow.Days"/>).</summary>
        public List<int> Days { get; set; } = [];

        /// <summary>First minute of calling, "HH:mm", local time of the number.</summary>
        public string? CallFrom { get; set; } = "09:00";

        /// <summary>End of calling (exclusive), "HH:mm", local time of the number.</summary>
        public string? CallTo { get; set; } = "21:00";

        /// <summary>Calls after which a number that never answered is no longer given out, 1–<see cref="MaxAttemptsLimit"/>.</summary>
        public int? MaxAttempts { get; set; } = 5;

        /// <summary>User ids of the project's managers (role Manager or Admin).</summary>
        public List<string> Managers { get; set; } = [];

        /// <summary>User ids of the project's operators (role Operator).</summary>
        public List<string> Operators { get; set; } = [];

        /// <summary>The calling days as the bit mask of <see cref="CallingWindow"/> (Monday = bit 0).</summary>
        public int DaysMask => Days.Where(d => d is >= 0 and <= 6).Aggregate(0, (m, d) => m | (1 << d));

        /// <summary><see cref="CallFrom"/> as a time; null when it is not "HH:mm".</summary>
        public TimeOnly? From => ParseTime(CallFrom);

        /// <summary><see cref="CallTo"/> as a time; null when it is not "HH:mm".</summary>
        public TimeOnly? To => ParseTime(CallTo);

        /// <summary>Field errors (field name → Russian message) that need no database; empty when the form is fine.</summary>
        public IEnumerable<(string Field, string Message)> Validate()
        {
            if (string.IsNullOrWhiteSpace(Name)) yield return (nameof(Name), "Укажите название проекта.");
            else if (Name.Trim().Length > 200) yield return (nameof(Name), "Название — не длиннее 200 символов.");
            if (!Enum.IsDefined(Status)) yield return (nameof(Status), "Выберите статус проекта: активен или на паузе.");
            var known = RegionNames.All().Select(r => r.Slug).ToHashSet(StringComparer.Ordinal);
            if (Regions.Any(r => !known.Contains(r))) yield return (nameof(Regions), "Один из регионов не найден в справочнике — выберите регионы из списка.");
            if (DaysMask == 0) yield return (nameof(Days), "Отметьте хотя бы один день обзвона.");
            if (From is null) yield return (nameof(CallFrom), "Укажите время начала обзвона, например 09:00.");
            if (To is null) yield return (nameof(CallTo), "Укажите время окончания обзвона, например 21:00.");
            if (From is { } f && To is { } t && f >= t)
                yield return (nameof(CallTo), "Время окончания должно быть позже времени начала: например, с 09:00 до 21:00.");
            if (MaxAttempts is not (>= 1 and <= MaxAttemptsLimit))
                yield return (nameof(MaxAttempts), $"Максимум попыток — от 1 до {MaxAttemptsLimit}.");
            if (Managers.Intersect(Operators).Any())
                yield return (nameof(Operators), "Один и тот же сотрудник выбран и менеджером, и оператором — оставьте его в одном списке.");
        }

        private static TimeOnly? ParseTime(string? text) =>
            TimeOnly.TryParseExact(text?.Trim(), ["HH:mm", "H:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : null;
    }

    /// <summary>A staff member to choose: user id, full name (or e-mail when it has none).</summary>
    public sealed record Person(string Id, string Name);

    /// <summary>A supplier to choose.</summary>
    public sealed record SupplierChoice(int Id, string Name, bool IsActive);

    /// <summary>The project's numbers by status (one grouped query), for the edit page.</summary>
    public sealed record Summary(IReadOnlyList<(LeadStatus Status, long Count)> ByStatus)
    {
        /// <summary>All numbers of the project.</summary>
        public long Total => ByStatus.Sum(s => s.Count);
    }

    /// <summary>The form with what it offers: regions, suppliers, managers, operators; the summary of an existing project.</summary>
    public sealed record FormModel(Input Input, IReadOnlyList<(string Slug, string Name)> Regions, IReadOnlyList<SupplierChoice> Suppliers,
        IReadOnlyList<Person> ManagerChoices, IReadOnlyList<Person> OperatorChoices, Summary? Numbers);

    /// <summary>The form of live project <paramref name="id"/> (null: a new one); null when there is no such live project.</summary>
    public async Task<FormModel?> FormAsync(int? id, CancellationToken ct)
    {
        if (id is null)
            return await FormAsync(new Input { Days = [.. Enumerable.Range(0, 7).Where(d => (LeadProject.WorkingDays & (1 << d)) != 0)] }, ct);
        var p = await db.LeadProjects.AsNoTracking().Include(x => x.Members).FirstOrDefaultAsync(x => x.Id == id && x.DeletedAtUtc == null, ct);
        if (p is null) return null;
        return await FormAsync(new Input
        {
            Id = p.Id, Name = p.Name, Status = p.Status, Regions = [.. p.Regions], SupplierIds = [.. p.SupplierIds],
            Days = [.. Enumerable.Range(0, 7).Where(d => (p.CallingDays & (1 << d)) != 0)],
            CallFrom = p.CallFrom.ToString("HH:mm", CultureInfo.InvariantCulture), CallTo = p.CallTo.ToString("HH:mm", CultureInfo.InvariantCulture),
            MaxAttempts = p.MaxAttempts,
            Managers = [.. p.Members.Where(m => m.Role == LeadProjectRole.Manager).Select(m => m.UserId)],
            Operators = [.. p.Members.Where(m => m.Role == LeadProjectRole.Operator).Select(m => m.UserId)],
        }, ct);
    }

    /// <summary>The form of <paramref name="input"/> as typed (to show its errors), with its choices and summary.</summary>
    public async Task<FormModel> FormAsync(Input input, CancellationToken ct)
    {
        var suppliers = await db.LeadSuppliers.AsNoTracking().OrderByDescending(s => s.IsActive).ThenBy(s => s.Name)
            .Select(s => new SupplierChoice(s.Id, s.Name, s.IsActive)).ToListAsync(ct);
        var staff = await StaffAsync(ct);
        Summary? summary = null;
        if (input.Id is { } id)
        {
            var counts = await db.Leads.Where(l => l.ProjectId == id).GroupBy(l => l.Status)
                .Select(g => new { g.Key, Count = g.LongCount() }).ToListAsync(ct);
            summary = new Summary(counts.OrderBy(c => c.Key).Select(c => (c.Key, c.Count)).ToList());
        }
        return new FormModel(input, RegionNames.All(), suppliers, staff.Managers, staff.Operators, summary);
    }

    /// <summary>Errors that need the database: a name taken by another live project, an unknown supplier, a member not in the role.</summary>
    public async Task<IReadOnlyList<(string Field, string Message)>> CheckAsync(Input input, CancellationToken ct)
    {
        var errors = new List<(string, string)>();
        if (!string.IsNullOrWhiteSpace(input.Name))
        {
            var name = input.Name.Trim().ToLower(CultureInfo.GetCultureInfo("ru-RU"));
            if (await db.LeadProjects.AnyAsync(p => p.DeletedAtUtc == null && p.Name.ToLower() == name && p.Id != input.Id, ct))
                errors.Add((nameof(Input.Name), Duplicate(input.Name.Trim())));
        }
        if (input.SupplierIds.Count > 0)
        {
            var ids = input.SupplierIds.Distinct().ToList();
            if (await db.LeadSuppliers.CountAsync(s => ids.Contains(s.Id), ct) != ids.Count)
                errors.Add((nameof(Input.SupplierIds), "Один из поставщиков не найден — обновите страницу и выберите поставщиков снова."));
        }
        if (input.Managers.Count > 0 || input.Operators.Count > 0)
        {
            var staff = await StaffAsync(ct);
            if (input.Managers.Except(staff.Managers.Select(m => m.Id)).Any())
                errors.Add((nameof(Input.Managers), "Менеджером проекта может быть только сотрудник с ролью «Менеджер» или «Администратор» — выберите из списка."));
            if (input.Operators.Except(staff.Operators.Select(m => m.Id)).Any())
                errors.Add((nameof(Input.Operators), "Оператором проекта может быть только сотрудник с ролью «Оператор» — выберите из списка."));
        }
        return errors;
    }

    /// <summary>Saves and returns the project id.</summary>
    /// <exception cref="BusinessRuleException">An invalid form, an unknown or deleted project, or the name of another live project.</exception>
    public async Task<int> HandleAsync(Input input, CancellationToken ct)
    {
        if (input.Validate().Concat(await CheckAsync(input, ct)).FirstOrDefault() is { Message: { } error }) throw new BusinessRuleException(error);
        LeadProject project;
        if (input.Id is { } id)
            project = await db.LeadProjects.Include(p => p.Members).FirstOrDefaultAsync(p => p.Id == id && p.DeletedAtUtc == null, ct)
                      ?? throw new BusinessRuleException("Проект не найден: его удалили или он уже в «Удалённых проектах». Обновите список.");
        else db.LeadProjects.Add(project = new LeadProject { CreatedAtUtc = clock.GetUtcNow().UtcDateTime });
        project.Name = input.Name!.Trim();
        project.Status = input.Status;
        project.Regions = [.. input.Regions.Distinct().Order(StringComparer.Ordinal)];
        project.SupplierIds = [.. input.SupplierIds.Distinct().Order()];
        project.CallingDays = input.DaysMask;
        project.CallFrom = input.From!.Value;
        project.CallTo = input.To!.Value;
        project.MaxAttempts = input.MaxAttempts!.Value;

        // The chosen staff replace the set: gone ones removed, new ones added, a changed role updated in place.
        var wanted = input.Managers.Distinct().Select(u => (u, LeadProjectRole.Manager))
            .Concat(input.Operators.Distinct().Select(u => (u, LeadProjectRole.Operator))).ToDictionary(x => x.u, x => x.Item2);
        foreach (var m in project.Members.Where(m => !wanted.ContainsKey(m.UserId)).ToList()) project.Members.Remove(m);
        foreach (var (userId, role) in wanted)
        {
            if (project.Members.FirstOrDefault(m => m.UserId == userId) is { } existing) existing.Role = role;
            else project.Members.Add(new LeadProjectMember { UserId = userId, Role = role });
        }
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException e) when (DbExceptions.IsUniqueViolation(e))
        {
            throw new BusinessRuleException(Duplicate(project.Name));
        }
        return project.Id;
    }

    /// <summary>Who may be chosen: managers (role Manager or Admin) and operators (role Operator), by name; one query on the Identity tables.</summary>
    private async Task<(List<Person> Managers, List<Person> Operators)> StaffAsync(CancellationToken ct)
    {
        var rows = await (from u in db.Users
                          join ur in db.UserRoles on u.Id equals ur.UserId
                          join r in db.Roles on ur.RoleId equals r.Id
                          where r.Name == Roles.Manager || r.Name == Roles.Admin || r.Name == Roles.Operator
                          select new { u.Id, u.FullName, u.Email, Role = r.Name }).AsNoTracking().ToListAsync(ct);
        var ru = StringComparer.Create(CultureInfo.GetCultureInfo("ru-RU"), true);
        List<Person> Pick(params string[] roles) => rows.Where(x => roles.Contains(x.Role)).DistinctBy(x => x.Id)
            .Select(x => new Person(x.Id, string.IsNullOrWhiteSpace(x.FullName) ? x.Email ?? x.Id : x.FullName)).OrderBy(p => p.Name, ru).ToList();
        return (Pick(Roles.Manager, Roles.Admin), Pick(Roles.Operator));
    }

    /// <summary>The message of a name another live project has.</summary>
    public static string Duplicate(string name) => $"Проект «{name}» уже есть — откройте его в списке или дайте новому другое название.";
}
