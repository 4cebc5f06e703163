using AlAroma.Web.Data;
using AlAroma.Web.Features.Account;
using AlAroma.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Admin.Users;

[Authorize(Roles = Roles.Admin), Route("admin/users")]
public sealed class UsersController(ListUsers list, SaveUser save, SetUserLock setLock, AppDbContext db) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, CancellationToken ct)
    {
        ViewData["q"] = q;
        var rows = await list.HandleAsync(q, ct);
        return Request.IsHtmx() ? PartialView("_UsersTable", rows) : View("Users", rows);
    }

    [HttpGet("new")]
    public async Task<IActionResult> New(CancellationToken ct) => await Form(new UserForm(), ct);

    [HttpGet("{id}")]
    public async Task<IActionResult> Edit(string id, CancellationToken ct)
    {
        var u = await db.Users.Include(x => x.Locations).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (u is null) return NotFound();
        var role = await db.UserRoles.Where(r => r.UserId == id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).FirstOrDefaultAsync(ct);
        return await Form(new UserForm { Id = u.Id, Email = u.Email ?? "", FullName = u.FullName, Role = role ?? Roles.Cashier, LocationIds = u.Locations.Select(l => l.LocationId).ToList() }, ct);
    }

    [HttpPost("save")]
    public async Task<IActionResult> Save(UserForm form, CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var (id, errors) = await save.HandleAsync(form, ct);
            if (id is not null)
            {
                TempData["SuccessToast"] = form.Id is null ? "Пользователь создан." : "Изменения сохранены.";
                return Redirect("/admin/users");
            }
            foreach (var (k, v) in errors) ModelState.AddModelError(k, v);
        }
        return await Form(form, ct);
    }

    [HttpPost("{id}/lock")]
    public async Task<IActionResult> Lock(string id, bool locked)
    {
        await setLock.HandleAsync(id, locked);
        TempData["SuccessToast"] = locked ? "Пользователь заблокирован." : "Пользователь разблокирован.";
        return Redirect("/admin/users");
    }

    private async Task<IActionResult> Form(UserForm form, CancellationToken ct)
    {
        ViewData["Locations"] = await db.Locations.AsNoTracking().OrderBy(l => l.Kind).ThenBy(l => l.Code).ToListAsync(ct);
        return View("UserForm", form);
    }
}
