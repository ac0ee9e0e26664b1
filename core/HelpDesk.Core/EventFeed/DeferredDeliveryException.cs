namespace HelpDesk.Core.EventFeed;

/// <summary>
/// Thrown by a subscriber whose event is fine but whose destination is down (a mail server): the feed retries it with
/// back-off for as long as it takes, without counting attempts or parking it, so an outage delays and loses nothing.
/// </summary>
public sealed class DeferredDeliveryException(string message) : Exception(message);
