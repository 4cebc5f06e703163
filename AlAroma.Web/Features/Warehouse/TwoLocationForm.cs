namespace AlAroma.Web.Features.Warehouse;

/// <summary>
/// The form check of a new document between two locations (a transfer, a transfer request): both chosen, not the
/// same one, the comment at most 1000 characters. Each form gives its own field names and Russian words.
/// </summary>
public static class TwoLocationForm
{
    /// <summary>One of the two location fields.</summary>
    /// <param name="Id">The chosen location id, null when none is chosen.</param>
    /// <param name="Field">The form field name the error is shown at.</param>
    /// <param name="Missing">Russian message when nothing is chosen.</param>
    public sealed record Side(int? Id, string Field, string Missing);

    /// <summary>Field errors (field name → Russian message) in form order; empty when the form is fine.</summary>
    /// <param name="first">The field shown first.</param>
    /// <param name="second">The field shown second; a "same location" error is shown here.</param>
    /// <param name="same">Russian message when both fields name one location.</param>
    /// <param name="commentField">The comment's field name.</param>
    /// <param name="comment">The comment typed, or null.</param>
    public static IEnumerable<(string Field, string Message)> Validate(Side first, Side second, string same, string commentField, string? comment)
    {
        if (first.Id is null) yield return (first.Field, first.Missing);
        if (second.Id is null) yield return (second.Field, second.Missing);
        if (first.Id is not null && first.Id == second.Id) yield return (second.Field, same);
        if (comment?.Length > 1000) yield return (commentField, "Комментарий — не длиннее 1000 символов.");
    }
}
