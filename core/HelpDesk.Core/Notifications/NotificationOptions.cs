namespace HelpDesk.Core.Notifications;

/// <summary>The <c>HelpDesk:Notifications</c> section.</summary>
public sealed class NotificationOptions
{
    /// <summary>The outbound channel notifications go through (a plugin's <c>outbound-channel</c> by this name).</summary>
    public string Channel { get; set; } = "email";

    /// <summary>
    /// A folder of admin templates (<c>{kind}/{language}.txt</c>, as the built-in ones are written), relative to the data
    /// directory; an override saved through the API wins over a file, a file over the built-in template.
    /// </summary>
    public string TemplatesDirectory { get; set; } = "notification-templates";
}
