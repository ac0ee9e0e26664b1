namespace HelpDesk.Core.Queries;

/// <summary>An item of another system as tickets are linked to it: its system and its key there.</summary>
public sealed record ExternalLinkKey(string System, string Key);
