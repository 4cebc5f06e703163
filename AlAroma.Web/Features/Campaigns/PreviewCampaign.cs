using AlAroma.Web.Data;
using AlAroma.Web.Features.Customers;
using AlAroma.Web.Features.Customers.List;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Campaigns;

/// <summary>
/// The form's side panel: the audience count of the segment on the channel now, and the text as one of them would
/// get it (their name and phone shown to the manager), or the text's mistake (an unknown variable).
/// </summary>
public sealed class PreviewCampaign(AppDbContext db, CampaignAudience audience)
{
    /// <summary>Count, the sample recipient (null when nobody is reached), the rendered text (plain) or the mistake.</summary>
    public sealed record Model(int Audience, int Sample, string? SampleName, string? SamplePhone, string? Text, string? Error, ConsentChannel Channel);

    /// <summary>The preview of what the form holds now (not necessarily saved).</summary>
    public async Task<Model> HandleAsync(CampaignForm form, CancellationToken ct)
    {
        var count = await audience.CountAsync(form.Segment, form.Channel, ct);
        var member = await audience.SampleAsync(form.Segment, form.Channel, form.Sample, ct);
        string? error = null, text = null;
        try { CampaignTemplate.Validate(form.Template); }
        catch (Infrastructure.BusinessRuleException e) { error = e.Message; }
        if (member is not null && !string.IsNullOrWhiteSpace(form.Template))
            text = CampaignTemplate.Render(form.Template, member.Values, html: false);
        var customer = member is null ? null
            : await db.Customers.AsNoTracking().Where(c => c.Id == member.CustomerId).Select(c => new { c.Name, c.Phone }).SingleAsync(ct);
        return new Model(count, form.Sample, customer?.Name, customer?.Phone, text, error, form.Channel);
    }
}
