namespace AlAroma.Web.Data;

/// <summary>
/// A data fix a feature needs once the schema is migrated (e.g. linking old rows to a new directory), written in C#
/// because it reuses the feature's rules. A feature registers it with
/// <c>services.AddScoped&lt;IPostMigrationStep, TStep&gt;()</c>; <see cref="DataSetup.MigrateAsync"/> runs every
/// registered step after the migrations, on <c>migrate</c> and at the app's start. A step must be idempotent and
/// cheap when there is nothing to do (it runs on every start).
/// </summary>
public interface IPostMigrationStep
{
    /// <summary>Does the fix; returns a short Russian line for the operator saying what it did.</summary>
    Task<string> RunAsync(CancellationToken ct);
}
