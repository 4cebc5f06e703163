namespace AlAroma.Web.Features.Feedback;

/// <summary>Registration of «Отзывы и обращения»: submitting feedback (the client bot), the inbox and replies.</summary>
public static class FeedbackSetup
{
    /// <summary>Registers the feedback use cases (scoped, on the request's <see cref="Data.AppDbContext"/>).</summary>
    public static void AddFeedback(this WebApplicationBuilder builder)
    {
        var s = builder.Services;
        s.AddScoped<SubmitFeedback>();
    }
}
