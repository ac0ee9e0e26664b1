namespace HelpDesk.Sdk.Capabilities;

/// <summary>What the channel reports of a sent message.</summary>
/// <param name="ExternalMessageId">The id the channel's system gave it, when it differs from the hub's.</param>
public sealed record OutboundReceipt(string? ExternalMessageId = null);
