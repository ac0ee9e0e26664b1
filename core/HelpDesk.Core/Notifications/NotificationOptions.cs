namespace HelpDesk.Core.Notifications;

/// <summary>The <c>HelpDesk:Notifications</c> section.</summary>
public sealed class NotificationOptions
{
    /// <summary>The outbound channel notifications go through (a plugin's <c>outbound-channel</c> by this name).</summary>
    public string Channel { get; set; } = "email";
}
