using System.Security.Cryptography;
using System.Text;
using AlAroma.Web.Infrastructure.Security;

namespace AlAroma.Web.Features.Leads.Telephony;

/// <summary>
/// The webhook signatures of the PBXs (INTEGRATIONS.md "Telephony"), compared in constant time. Pure.
/// </summary>
public static class TelephonySignatures
{
    /// <summary>
    /// Zadarma's <c>Signature</c> header: base64 of the lower-case HEX string of HMAC-SHA1(secret, data), where data is
    /// caller_id + called_did + call_start (NOTIFY_START/END), internal + destination + call_start (NOTIFY_OUT_START/OUT_END),
    /// pbx_call_id + call_id_with_rec (NOTIFY_RECORD) — as Zadarma's own PHP client (zadarma/user-api-v1) computes it.
    /// </summary>
    public static string Zadarma(string secret, string data) =>
        Convert.ToBase64String(Encoding.ASCII.GetBytes(Convert.ToHexStringLower(HMACSHA1.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(data)))));

    /// <summary>
    /// The <c>Authorization</c> value of a Zadarma API request: <c>key:signature</c>, where the signature is
    /// <see cref="Zadarma"/> over method + query + lower-case hex MD5(query), the query being the parameters sorted by name
    /// and form-encoded as PHP's http_build_query (RFC 1738: a space is "+") — as zadarma/user-api-v1's Client computes it.
    /// </summary>
    public static string ZadarmaApi(string key, string secret, string method, string query) =>
        key + ":" + Zadarma(secret, method + query + Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(query))));

    /// <summary>Mango Office's <c>sign</c>: lower-case hex SHA-256 of vpbx_api_key + json + salt.</summary>
    public static string Mango(string apiKey, string json, string salt) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(apiKey + json + salt)));

    /// <summary>The generic JSON event's <c>X-Signature</c>: <see cref="TimestampedHmac.Sign"/>.</summary>
    public static string Generic(string secret, string timestamp, string body) => TimestampedHmac.Sign(secret, timestamp, body);

    /// <summary>Whether two signatures are the same, in time independent of where they differ.</summary>
    public static bool Same(string? expected, string? given) => TimestampedHmac.Same(expected, given);
}
