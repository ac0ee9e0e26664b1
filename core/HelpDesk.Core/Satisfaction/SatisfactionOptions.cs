namespace HelpDesk.Core.Satisfaction;

/// <summary><c>HelpDesk:Satisfaction</c>: the survey link in the solved notification.</summary>
public sealed class SatisfactionOptions
{
    /// <summary>The hub's address as customers reach it; the link is <c>{BaseUrl}/satisfaction/{token}</c>.</summary>
    public string BaseUrl { get; set; } = "http://localhost:5080";

    /// <summary>How long a link works after the ticket was solved.</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromDays(28);

    /// <summary>The key links are signed with; empty means one the hub makes and keeps in its database.</summary>
    public string? SigningKey { get; set; }
}
