using AlAroma.Web.Features.Account;
using AlAroma.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AlAroma.Web.Features.Admin.Users;

[Authorize(Roles = Roles.Admin), Route("admin/users")]
public sealed class UsersController(ListUsers list, SaveUser save, SetUserLock setLock, GetUserForm get) : Controller
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
        var form = await get.ForEditAsync(id, ct);
        return form is null ? NotFound() : await Form(form, ct);
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

    [HttpPost("{id}/two-factor/reset")]
    public async Task<IActionResult> ResetTwoFactor(string id, [FromServices] ResetUserTwoFactor reset)
    {
        var name = await reset.HandleAsync(id);
        TempData["SuccessToast"] = $"Двухфакторный вход пользователя {name} сброшен: при следующем входе он настроит приложение заново.";
        return Redirect("/admin/users");
    }

    private async Task<IActionResult> Form(UserForm form, CancellationToken ct)
    {
        ViewData["Locations"] = await get.LocationsAsync(ct);
        return View("UserForm", form);
    }
}
