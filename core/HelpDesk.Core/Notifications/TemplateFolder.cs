using HelpDesk.Core.Hosting;
using Microsoft.Extensions.Options;

namespace HelpDesk.Core.Notifications;

/// <summary>Where admins put template files: <c>HelpDesk:Notifications:TemplatesDirectory</c> under the data directory.</summary>
public sealed class TemplateFolder(IOptions<HelpDeskOptions> hub, IOptions<NotificationOptions> notifications, string contentRoot)
{
    public string? Path => notifications.Value.TemplatesDirectory is { Length: > 0 } folder
        ? System.IO.Path.Combine(HelpDeskCoreExtensions.ResolveDataDirectory(hub.Value, contentRoot), folder)
        : null;
}
