using AlAroma.Web.Data;
using AlAroma.Web.Features.Customers.List;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Campaigns;

/// <summary>The edit page of a campaign: the form, the segment's filter fields (those of «Клиенты») and the preview.</summary>
public sealed record CampaignFormPage(CampaignForm Form, CampaignStatus? Status, DateTime? ScheduledAtUtc, CustomerFilterFields Filters, PreviewCampaign.Model Preview);

/// <summary>Builds <see cref="CampaignFormPage"/> for a new campaign, a saved one, or a form posted back with mistakes.</summary>
public sealed class GetCampaignForm(AppDbContext db, ListCustomers customers, PreviewCampaign preview)
{
    /// <summary>A new campaign: Telegram, no filters, a greeting with the name and points as the text to start from.</summary>
    public Task<CampaignFormPage> NewAsync(CancellationToken ct) =>
        ForFormAsync(new CampaignForm { Template = "{Имя}, у вас {Баллы} баллов. Ждём вас в магазине {Магазин}!" }, null, null, ct);

    /// <summary>Campaign <paramref name="id"/>, null when there is none.</summary>
    public async Task<CampaignFormPage?> HandleAsync(long id, CancellationToken ct) =>
        await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct) is { } c
            ? await ForFormAsync(CampaignForm.Of(c), c.Status, c.ScheduledAtUtc, ct) : null;

    /// <summary>The page around <paramref name="form"/> as posted.</summary>
    public async Task<CampaignFormPage> ForFormAsync(CampaignForm form, CampaignStatus? status, DateTime? scheduledAtUtc, CancellationToken ct)
    {
        var (shops, tags) = await customers.FilterChoicesAsync(ct);
        return new CampaignFormPage(form, status, scheduledAtUtc, new CustomerFilterFields(form.Segment, shops, tags, "Segment."), await preview.HandleAsync(form, ct));
    }
}
