using AlAroma.Web.Data;
using AlAroma.Web.Data.CompiledModel;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace AlAroma.Tests.Data;

/// <summary>
/// The app runs on the compiled model (Data/CompiledModel); an entity configuration changed without
/// <c>scripts/ef-model.sh</c> would be ignored at run time (a new column never written), so the two must agree.
/// </summary>
public class CompiledModelTests
{
    [Fact]
    public void The_compiled_model_has_every_table_column_key_and_index_the_entity_configurations_give()
    {
        DbContextOptionsBuilder<AppDbContext> Options() => new DbContextOptionsBuilder<AppDbContext>()
            .UseNpgsql("Host=127.0.0.1;Database=unused").UseSnakeCaseNamingConvention();
        using var fromConfigurations = new AppDbContext(Options().Options);
        using var compiled = new AppDbContext(Options().UseModel(AppDbContextModel.Instance).Options);
        var expected = Describe(fromConfigurations.GetService<IDesignTimeModel>().Model);
        var actual = Describe(compiled.Model);
        var missing = expected.Except(actual).ToList();
        var extra = actual.Except(expected).ToList();
        Assert.True(missing.Count + extra.Count == 0, "AlAroma.Web/Data/CompiledModel is out of date: run scripts/ef-model.sh.\n" +
            $"Configured but not compiled: {string.Join("; ", missing)}\nCompiled but not configured: {string.Join("; ", extra)}");
    }

    // The schema facts a query or a save depends on, one line each: entity and its table, columns, keys, indexes, foreign keys.
    private static HashSet<string> Describe(IModel model)
    {
        var lines = new HashSet<string>();
        foreach (var e in model.GetEntityTypes()) lines.Add($"entity {e.Name} -> {e.GetTableName()}");
        foreach (var t in model.GetRelationalModel().Tables)
        {
            foreach (var c in t.Columns) lines.Add($"{t.Name}.{c.Name} {c.StoreType} {(c.IsNullable ? "null" : "not null")}");
            if (t.PrimaryKey is { } pk) lines.Add($"{t.Name} pk {pk.Name} ({string.Join(",", pk.Columns.Select(c => c.Name))})");
            foreach (var u in t.UniqueConstraints) lines.Add($"{t.Name} unique {u.Name} ({string.Join(",", u.Columns.Select(c => c.Name))})");
            foreach (var i in t.Indexes) lines.Add($"{t.Name} index {i.Name} ({string.Join(",", i.Columns.Select(c => c.Name))}) {(i.IsUnique ? "unique" : "")} {i.Filter}");
            foreach (var f in t.ForeignKeyConstraints)
                lines.Add($"{t.Name} fk {f.Name} ({string.Join(",", f.Columns.Select(c => c.Name))}) -> {f.PrincipalTable.Name} {f.OnDeleteAction}");
        }
        return lines;
    }
}
