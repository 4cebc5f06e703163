using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AlAroma.Web.Features.ExternalPos;

/// <summary>The external POS API: its use cases, the admin page and the OpenAPI description at <c>/api/v1/openapi.json</c>.</summary>
public static class ExternalPosSetup
{
    /// <summary>The OpenAPI document (and API explorer group) of the API.</summary>
    public const string DocumentName = "v1";

    /// <summary>Where the description is served.</summary>
    public const string OpenApiPath = "/api/v1/openapi.json";

    private const string Description = """
        API внешних касс программы лояльности Al Aroma: поиск клиента, расчёт баллов, продажи и возвраты.

        Каждый запрос — POST с телом JSON и тремя заголовками:
        * `X-Api-Key` — ключ кассы (выдаёт администратор: «Внешние кассы»);
        * `X-Timestamp` — время запроса, секунды Unix (UTC); расходится с сервером больше чем на 300 с — 401;
        * `X-Signature` — HMAC-SHA256 секретом кассы над строкой `X-Timestamp + "." + тело запроса` (байт в байт как отправлено), hex в нижнем регистре.

        Ответы: 401 — нет ключа, касса отключена, подпись не совпала или время устарело; 422 — правила программы не позволяют
        (`{"error": "rule", "message": "…"}`); 409 — eventId уже использован для другого события; 429 — слишком часто (Retry-After, секунды;
        лимит кассы в минуту — общий для всех серверов приложения).
        События продажи и возврата идемпотентны по eventId: повтор с тем же телом получает первый ответ (заголовок `Idempotent-Replayed: true`) и ничего не меняет.
        Суммы — рубли с копейками (число, до двух знаков), баллы — целые (1 балл = 1 ₽).
        """;

    public static void AddExternalPos(this WebApplicationBuilder builder)
    {
        var s = builder.Services;
        s.AddSingleton<ExternalPosSecrets>();
        s.AddScoped<ExternalPosEvents>();
        s.AddScoped<ExternalPosQuota>();
        s.AddScoped<LookupExternalCustomer>();
        s.AddScoped<QuoteExternalPoints>();
        s.AddScoped<RecordExternalSale>();
        s.AddScoped<RecordExternalReturn>();
        s.AddScoped<ManageExternalRegisters>();
        s.AddOpenApi(DocumentName, o =>
        {
            o.ShouldInclude = d => d.GroupName == DocumentName;
            o.AddDocumentTransformer((doc, _, _) =>
            {
                doc.Info = new OpenApiInfo { Title = "Al Aroma — API внешних касс", Version = "1.0", Description = Description };
                doc.Components ??= new OpenApiComponents();
                doc.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                doc.Components.SecuritySchemes["ApiKey"] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = "X-Api-Key",
                    Description = "Ключ кассы; вместе с ним X-Timestamp и X-Signature (см. описание API).",
                };
                doc.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("ApiKey", doc)] = [] }];
                return Task.CompletedTask;
            });
        });
    }

    /// <summary>Serves the OpenAPI description (anonymous: it is the integrator's manual).</summary>
    public static void MapExternalPos(this WebApplication app) =>
        app.MapOpenApi("/api/{documentName}/openapi.json").AllowAnonymous();
}
