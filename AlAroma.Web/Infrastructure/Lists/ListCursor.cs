using System.Buffers.Text;
using System.Text.Json;

namespace AlAroma.Web.Infrastructure.Lists;

/// <summary>
/// The keyset cursor in a link: base64url of JSON {"s": sort, "k": [sort values], "i": id} of the row a page ends
/// (or starts) with. It is a position, not a secret: a hand-edited or stale one (another sort, a broken value) reads
/// as none, and the list starts from its first page.
/// </summary>
internal static class ListCursor
{
    private sealed record Payload(string S, object?[] K, long I);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The cursor of the row with <paramref name="values"/> and <paramref name="id"/> under <paramref name="sort"/>.</summary>
    public static string Encode(ListSort sort, object?[] values, long id) =>
        Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new Payload(sort.ToString(), values, id), Json));

    /// <summary>The position <paramref name="text"/> holds for <paramref name="sort"/>, its values typed as <paramref name="types"/>; null when empty or not one of this sort.</summary>
    public static KeysetCursor? Decode(string? text, ListSort sort, IReadOnlyList<Type> types)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 2048) return null;
        try
        {
            using var doc = JsonDocument.Parse(Base64Url.DecodeFromChars(text.Trim()));
            var root = doc.RootElement;
            if (root.GetProperty("s").GetString() != sort.ToString()) return null;
            var k = root.GetProperty("k");
            if (k.GetArrayLength() != types.Count) return null;
            var values = k.EnumerateArray().Select((e, i) => e.Deserialize(types[i], Json)).ToArray();
            if (values.Any(v => v is null)) return null;
            return new KeysetCursor(values, root.GetProperty("i").GetInt64());
        }
        catch (Exception e) when (e is FormatException or JsonException or KeyNotFoundException or InvalidOperationException or ArgumentException)
        {
            return null;
        }
    }
}
