using AlAroma.Web.Infrastructure.Import;
using AlAroma.Web.Infrastructure.Time;

namespace AlAroma.Web.Features.Catalog;

/// <summary>How the catalog screens show times, import statuses and delimiters.</summary>
public static class CatalogText
{
    /// <summary>A UTC time as "dd.MM.yyyy HH:mm" in the chain default zone (<see cref="LocalTime.DefaultZone"/>: the catalog belongs to no location).</summary>
    public static string Local(DateTime utc) => LocalTime.Format(utc);

    /// <summary>Russian label of an import status.</summary>
    public static string Status(CatalogImportStatus s) => s switch
    {
        CatalogImportStatus.Uploaded => "Загружен",
        CatalogImportStatus.Mapped => "Столбцы сопоставлены",
        CatalogImportStatus.Done => "Выполнен",
        _ => s.ToString(),
    };

    /// <summary>Russian label of an encoding name or delimiter code.</summary>
    public static string Label(string? code) => ImportFile.Label(code);
}
