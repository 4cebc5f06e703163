using AlAroma.Web.Data;
using AlAroma.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AlAroma.Web.Features.Catalog;

/// <summary>
/// "Исправить кодировку" on the preview: reads the file's garbled text repaired (<see cref="Mojibake"/>), or as it
/// is in the file again. Only the mapping changes, never the uploaded file, so either way can be undone until the import runs.
/// </summary>
public sealed class RepairImportText(AppDbContext db)
{
    /// <param name="repair">True: read repaired; false: read as in the file.</param>
    /// <exception cref="BusinessRuleException">Unknown import, its mapping is not confirmed yet, or it already ran.</exception>
    public async Task HandleAsync(Guid id, bool repair, CancellationToken ct)
    {
        var import = await db.CatalogImports.FirstOrDefaultAsync(i => i.Id == id, ct)
            ?? throw new BusinessRuleException("Импорт не найден. Загрузите файл заново.");
        if (import.Status == CatalogImportStatus.Done) throw new BusinessRuleException("Этот импорт уже выполнен: кодировку можно исправить только до импорта. Начните новый импорт.");
        if (import.Status != CatalogImportStatus.Mapped) throw new BusinessRuleException("Сначала подтвердите сопоставление столбцов.");
        var mapping = import.Mapping();
        mapping.RepairText = repair;
        import.MappingJson = mapping.ToJson();
        await db.SaveChangesAsync(ct);
    }
}
