using System.Net;
using AlAroma.Tests.Infrastructure;
using AlAroma.Web.Features.Leads.Import;
using AlAroma.Web.Features.Leads.Numbers;
using AlAroma.Web.Features.Leads.Projects;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static AlAroma.Tests.Leads.LeadsTestKit;

namespace AlAroma.Tests.Leads;

/// <summary>
/// «Удалить навсегда»: a deleted project's numbers go in batches of <see cref="ProjectPurgeWorker.BatchSize"/> with the
/// progress on the deleted list, then its loads, do-not-call entries and the row itself; another project keeps its numbers.
/// The test drives the worker batch by batch (its background loop is stopped first).
/// </summary>
public sealed class ProjectPurgeTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task A_purge_removes_the_project_batch_by_batch_and_leaves_other_projects_alone()
    {
        var worker = app.Factory.Services.GetRequiredService<ProjectPurgeWorker>();
        await worker.StopAsync(default);

        var doomed = await app.NewProjectAsync("Старая база");
        var kept = await app.NewProjectAsync("Живая база");
        await app.InsertLeadsAsync(doomed, 79_200_000_000, 12_000);
        await app.InsertLeadsAsync(kept, 79_200_000_000, 10); // the same phones in another project stay
        var stored = Path.GetTempFileName();
        await using (var db = app.Db())
        {
            var lead = await db.Leads.FirstAsync(l => l.ProjectId == doomed);
            db.LeadCalls.Add(new LeadCall { LeadId = lead.Id, ProjectId = doomed, AtUtc = DateTime.UtcNow, Result = LeadStatus.NoAnswer });
            db.DoNotCall.Add(new DoNotCallEntry { Phone = 79_200_000_001, ProjectId = doomed, Reason = "жалоба", AddedAtUtc = DateTime.UtcNow });
            db.DoNotCall.Add(new DoNotCallEntry { Phone = 79_200_000_001, ProjectId = null, Reason = "общий", AddedAtUtc = DateTime.UtcNow });
            db.LeadImports.Add(new LeadImport
            {
                Id = Guid.NewGuid(), ProjectId = doomed, FileName = "old.csv", StoredPath = stored, Status = LeadImportStatus.Done, CreatedAtUtc = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        }

        var client = await app.ClientAsync(ManagerEmail);
        // A live project is not purged: it must be deleted first.
        using (var scope = app.Scope())
            Assert.Contains("Сначала удалите", (await Assert.ThrowsAsync<BusinessRuleException>(() =>
                scope.ServiceProvider.GetRequiredService<RequestProjectPurge>().HandleAsync(doomed, default))).Message);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/leads/projects/{doomed}", $"/leads/projects/{doomed}/delete")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/leads/projects/deleted", $"/leads/projects/{doomed}/purge")).StatusCode);
        await using (var db = app.Db())
        {
            var p = await db.LeadProjects.SingleAsync(x => x.Id == doomed);
            Assert.NotNull(p.PurgeRequestedAtUtc);
            Assert.Equal(12_000, p.PurgeTotal);
            Assert.Equal(0, p.PurgePurged);
        }
        var trash = await client.PageAsync("/leads/projects/deleted");
        Assert.Contains($"hx-get=\"/leads/projects/{doomed}/purge-progress\"", trash);
        Assert.Contains("hx-trigger=\"every 2s\"", trash);
        Assert.DoesNotContain($"/leads/projects/{doomed}/restore", trash);
        using (var scope = app.Scope())
            Assert.Contains("уже удаляется", (await Assert.ThrowsAsync<BusinessRuleException>(() =>
                scope.ServiceProvider.GetRequiredService<RestoreLeadProject>().HandleAsync(doomed, default))).Message);

        foreach (var (purged, left) in new[] { (5_000L, 7_000), (10_000L, 2_000), (12_000L, 0) })
        {
            Assert.True(await worker.PurgeNextBatchAsync(default));
            await using var db = app.Db();
            Assert.Equal(purged, (await db.LeadProjects.SingleAsync(x => x.Id == doomed)).PurgePurged);
            Assert.Equal(left, await db.Leads.CountAsync(l => l.ProjectId == doomed));
            Assert.Equal(10, await db.Leads.CountAsync(l => l.ProjectId == kept));
        }
        var progress = await client.PageAsync($"/leads/projects/{doomed}/purge-progress");
        Assert.Contains("12 000 из 12 000", progress);
        Assert.Contains("every 2s", progress);

        // No number left: the loads, the project's do-not-call entries and the row go, with one audit entry.
        Assert.True(await worker.PurgeNextBatchAsync(default));
        Assert.False(await worker.PurgeNextBatchAsync(default));
        await using (var db = app.Db())
        {
            Assert.False(await db.LeadProjects.AnyAsync(x => x.Id == doomed));
            Assert.False(await db.LeadCalls.AnyAsync(c => c.ProjectId == doomed));
            Assert.False(await db.LeadImports.AnyAsync(i => i.ProjectId == doomed));
            Assert.Equal([null], await db.DoNotCall.Where(d => d.Phone == 79_200_000_001).Select(d => d.ProjectId).ToListAsync());
            Assert.Equal(10, await db.Leads.CountAsync(l => l.ProjectId == kept));
            Assert.True(await db.LeadProjects.AnyAsync(x => x.Id == kept && x.DeletedAtUtc == null));
            var audit = await db.AuditEntries.SingleAsync(a => a.Entity == nameof(LeadProject) && a.Key == doomed.ToString() && a.Action == "System");
            Assert.Contains("Удалён навсегда", audit.NewValues);
            Assert.Contains("12000", audit.NewValues);
        }
        Assert.False(File.Exists(stored), "the stored upload of the purged project's load should be deleted");
        var done = await client.PageAsync($"/leads/projects/{doomed}/purge-progress");
        Assert.Contains("Удалён навсегда", done);
        Assert.DoesNotContain("every 2s", done);
        Assert.DoesNotContain("Старая база", await client.PageAsync("/leads/projects/deleted"));
    }
}
