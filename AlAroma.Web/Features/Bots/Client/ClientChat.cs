using AlAroma.Web.Features.Feedback;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AlAroma.Web.Features.Bots.Client;

/// <summary>What the client bot waits for next in a chat.</summary>
public enum ClientDialogStep
{
    /// <summary>Nothing: a text is a menu command.</summary>
    None = 0,
    /// <summary>The shared contact (after /start).</summary>
    Contact = 1,
    /// <summary>A birthday "ДД.ММ.ГГГГ".</summary>
    Birthday = 2,
    /// <summary>A gift certificate's 13-digit code.</summary>
    CertificateCode = 3,
    /// <summary>A location, for the nearest shop.</summary>
    Location = 4,
    /// <summary>A rating 1–10 (inline buttons) of a review.</summary>
    Rating = 5,
    /// <summary>The text of a review, an idea or a message to the management.</summary>
    FeedbackText = 6,
}

/// <summary>
/// The client bot's state in one private chat: the dialog step, what the step has gathered (the kind and rating of a
/// feedback), and the /start payload until the contact arrives. One row per chat, kept after the customer is linked.
/// </summary>
[Infrastructure.Auditing.NotAudited]
public class ClientChat
{
    /// <summary>Telegram chat id (a private chat's id equals the user's id).</summary>
    public long ChatId { get; set; }

    /// <summary>Telegram user id of the person in the chat.</summary>
    public long UserId { get; set; }
    public ClientDialogStep Step { get; set; }

    /// <summary>The deep-link payload of /start ("S1", a campaign code), ≤ 64 characters of A–Z a–z 0–9 _ - (Telegram's own limit).</summary>
    public string? StartPayload { get; set; }

    /// <summary>The feedback being written (steps <see cref="ClientDialogStep.Rating"/>, <see cref="ClientDialogStep.FeedbackText"/>).</summary>
    public FeedbackKind? FeedbackKind { get; set; }

    /// <summary>The review's rating 1–10, once chosen.</summary>
    public int? Rating { get; set; }

    /// <summary>Last change, UTC.</summary>
    public DateTime UpdatedAtUtc { get; set; }

    /// <summary>Waits for <paramref name="step"/>; a feedback being written is dropped.</summary>
    public void Await(ClientDialogStep step)
    {
        Step = step;
        FeedbackKind = null;
        Rating = null;
    }

    /// <summary>Starts a feedback: a review asks for the rating first, an idea or a message goes straight to the text.</summary>
    public void StartFeedback(FeedbackKind kind)
    {
        Await(kind == Feedback.FeedbackKind.Review ? ClientDialogStep.Rating : ClientDialogStep.FeedbackText);
        FeedbackKind = kind;
    }

    /// <summary>Takes the review's rating and asks for the text.</summary>
    /// <returns>False (nothing changes) when no review waits for a rating or it is outside 1–10.</returns>
    public bool Rate(int rating)
    {
        if (Step != ClientDialogStep.Rating || FeedbackKind != Feedback.FeedbackKind.Review || rating is < 1 or > 10) return false;
        Rating = rating;
        Step = ClientDialogStep.FeedbackText;
        return true;
    }

    /// <summary>The feedback the text just received completes (kind and rating), and the dialog back at the menu; null when no feedback waits for a text.</summary>
    public (FeedbackKind Kind, int? Rating)? TakeFeedback()
    {
        if (Step != ClientDialogStep.FeedbackText || FeedbackKind is not { } kind) return null;
        var taken = (kind, Rating);
        Await(ClientDialogStep.None);
        return taken;
    }

    /// <summary>A /start payload as kept: Telegram's deep-link alphabet (A–Z a–z 0–9 _ -), ≤ 64 characters; anything else is dropped (null).</summary>
    public static string? CleanPayload(string? payload)
    {
        var p = payload?.Trim() ?? "";
        return p.Length is > 0 and <= 64 && p.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '_' or '-') ? p : null;
    }
}

internal sealed class ClientChatConfiguration : IEntityTypeConfiguration<ClientChat>
{
    public void Configure(EntityTypeBuilder<ClientChat> b)
    {
        b.ToTable("client_bot_chats");
        b.HasKey(x => x.ChatId);
        b.Property(x => x.ChatId).ValueGeneratedNever();
        b.Property(x => x.Step).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.FeedbackKind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.StartPayload).HasMaxLength(64);
    }
}
