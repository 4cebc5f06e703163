namespace AlAroma.Web.Infrastructure;

/// <summary>
/// LIKE/ILIKE patterns from what a user typed. Pass <see cref="Escape"/> as the escape character
/// (<c>EF.Functions.ILike(x, pattern, SqlLike.Escape)</c>): without it Npgsql disables escaping, and a typed % or _
/// would match anything.
/// </summary>
public static class SqlLike
{
    /// <summary>The escape character the patterns use: a backslash.</summary>
    public const string Escape = "\\";

    /// <summary>A pattern matching <paramref name="text"/> (trimmed) anywhere, with %, _ and \ matching themselves.</summary>
    public static string Contains(string text) =>
        "%" + text.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
}
