namespace HelpDesk.Sdk.Capabilities;

/// <summary>A comment a tracker holds.</summary>
/// <param name="Id">Its id there, so its webhook echo can be recognised and ignored.</param>
/// <param name="Url">Where a person can read it.</param>
public sealed record ExternalComment(string Id, string? Url = null);
