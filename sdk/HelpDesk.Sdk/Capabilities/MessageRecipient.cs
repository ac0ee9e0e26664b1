namespace HelpDesk.Sdk.Capabilities;

/// <summary>Who a message goes to.</summary>
/// <param name="Address">Their address on the channel (an email address, a chat handle).</param>
/// <param name="Name">Their display name.</param>
public sealed record MessageRecipient(string Address, string? Name = null);
