using System.Text.Json;
using AlAroma.Web.Infrastructure.Auditing;
using AlAroma.Web.Infrastructure.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AlAroma.Web.Features.Customers.Import;

/// <summary>A customer field a file column can fill.</summary>
public enum CustomerImportField { Phone, Name, Email, Birthday, Tags, ConsentSms, ConsentEmail, ConsentTelegram, HomeShop }

/// <summary>The columns chosen for the fields, and the CSV encoding and delimiter (detected, or chosen by the person).</summary>
public sealed class CustomerImportMapping
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    /// <summary>Field → zero-based column index; a field not in the map is not imported.</summary>
    public Dictionary<CustomerImportField, int> Columns { get; set; } = [];
    public string Encoding { get; set; } = "utf-8";
    public string Delimiter { get; set; } = "semicolon";

    /// <summary>Russian label of a field.</summary>
    public static string Label(CustomerImportField f) => f switch
    {
        CustomerImportField.Phone => "Телефон",
        CustomerImportField.Name => "Имя",
        CustomerImportField.Email => "Эл. почта",
        CustomerImportField.Birthday => "День рождения",
        CustomerImportField.Tags => "Метки",
        CustomerImportField.ConsentSms => "Согласие на SMS",
        CustomerImportField.ConsentEmail => "Согласие на письма",
        CustomerImportField.HomeShop => "Магазин",
        _ => "Согласие на Telegram",
    };

    // What a header says for a field, lower case, "ё" as "е", punctuation dropped.
    private static readonly Dictionary<string, CustomerImportField> Synonyms = new()
    {
        ["телефон"] = CustomerImportField.Phone, ["phone"] = CustomerImportField.Phone, ["мобильный"] = CustomerImportField.Phone, ["номер телефона"] = CustomerImportField.Phone, ["тел"] = CustomerImportField.Phone,
        ["имя"] = CustomerImportField.Name, ["name"] = CustomerImportField.Name, ["фио"] = CustomerImportField.Name, ["клиент"] = CustomerImportField.Name, ["покупатель"] = CustomerImportField.Name,
        ["email"] = CustomerImportField.Email, ["e mail"] = CustomerImportField.Email, ["эл почта"] = CustomerImportField.Email, ["почта"] = CustomerImportField.Email, ["электронная почта"] = CustomerImportField.Email,
        ["день рождения"] = CustomerImportField.Birthday, ["дата рождения"] = CustomerImportField.Birthday, ["birthday"] = CustomerImportField.Birthday, ["др"] = CustomerImportField.Birthday,
        ["метки"] = CustomerImportField.Tags, ["теги"] = CustomerImportField.Tags, ["tags"] = CustomerImportField.Tags,
        ["sms"] = CustomerImportField.ConsentSms, ["согласие sms"] = CustomerImportField.ConsentSms, ["согласие на sms"] = CustomerImportField.ConsentSms, ["рассылка sms"] = CustomerImportField.ConsentSms,
        ["согласие email"] = CustomerImportField.ConsentEmail, ["согласие на письма"] = CustomerImportField.ConsentEmail, ["рассылка email"] = CustomerImportField.ConsentEmail, ["согласие на email"] = CustomerImportField.ConsentEmail,
        ["магазин"] = CustomerImportField.HomeShop, ["домашний магазин"] = CustomerImportField.HomeShop, ["магазин клиента"] = CustomerImportField.HomeShop, ["shop"] = CustomerImportField.HomeShop, ["store"] = CustomerImportField.HomeShop,
        ["telegram"] = CustomerImportField.ConsentTelegram, ["согласие telegram"] = CustomerImportField.ConsentTelegram, ["согласие на telegram"] = CustomerImportField.ConsentTelegram,
    };

    /// <summary>A header reduced for comparison: lower case, "ё" as "е", punctuation as spaces.</summary>
    public static string Key(string header) =>
        string.Join(' ', new string(header.ToLowerInvariant().Replace('ё', 'е').Select(c => char.IsLetterOrDigit(c) ? c : ' ').ToArray())
            .Split(' ', StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The mapping guessed from the header titles ("Телефон" → Phone, "Дата рождения" → Birthday…).</summary>
    public static Dictionary<CustomerImportField, int> Guess(IReadOnlyList<string> headers)
    {
        var map = new Dictionary<CustomerImportField, int>();
        for (var i = 0; i < headers.Count; i++)
            if (Synonyms.TryGetValue(Key(headers[i]), out var field)) map.TryAdd(field, i);
        return map;
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);
    public static CustomerImportMapping FromJson(string? json) => string.IsNullOrEmpty(json) ? new() : JsonSerializer.Deserialize<CustomerImportMapping>(json, Json) ?? new();
}

/// <summary>
/// An uploaded customer file between its steps (upload → mapping → import): the file, the rows parsed with the chosen
/// encoding and delimiter, the mapping, and after the import the counts and the rejected-rows file. Not audited (it
/// holds the whole file); the customers it writes are.
/// </summary>
[NotAudited]
public class CustomerImport
{
    public long Id { get; set; }
    public string FileName { get; set; } = "";

    /// <summary>"csv" or "xlsx".</summary>
    public string Format { get; set; } = "csv";
    public byte[] Content { get; set; } = [];

    /// <summary>The rows as <see cref="ImportTableStore"/> packed them with <see cref="MappingJson"/>'s encoding and delimiter.</summary>
    public byte[] ParsedTable { get; set; } = [];
    public string MappingJson { get; set; } = "{}";
    public string CreatedBy { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }

    /// <summary>When the import ran (UTC); null while it is being mapped.</summary>
    public DateTime? CompletedAtUtc { get; set; }
    public int Created { get; set; }
    public int Updated { get; set; }
    public int Rejected { get; set; }

    /// <summary>Rejected rows with the reason: CSV, UTF-8 with BOM, <c>;</c>. Null when none.</summary>
    public byte[]? RejectedFile { get; set; }

    public CustomerImportMapping Mapping() => CustomerImportMapping.FromJson(MappingJson);

    /// <summary>The rows read with <paramref name="mapping"/>'s encoding and delimiter (the stored ones when those did not change).</summary>
    /// <exception cref="Infrastructure.BusinessRuleException">The file cannot be read as a table.</exception>
    public ImportTable ReadTable(CustomerImportMapping mapping)
    {
        var stored = Mapping();
        if (ParsedTable.Length > 0 && (Format == "xlsx" || (stored.Encoding == mapping.Encoding && stored.Delimiter == mapping.Delimiter)))
            return ImportTableStore.Unpack(ParsedTable);
        return ImportFile.Read(Content, mapping.Encoding, mapping.Delimiter);
    }
}

internal sealed class CustomerImportConfiguration : IEntityTypeConfiguration<CustomerImport>
{
    public void Configure(EntityTypeBuilder<CustomerImport> b)
    {
        b.Property(x => x.FileName).HasMaxLength(260);
        b.Property(x => x.Format).HasMaxLength(8);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
    }
}
