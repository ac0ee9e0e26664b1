namespace HelpDesk.Sdk.Alerts;

/// <summary>A link shown on an alert's ticket.</summary>
/// <param name="Url">Absolute http(s) address.</param>
/// <param name="Text">What it is (<c>Runbook</c>, <c>Dashboard</c>); null shows the address.</param>
public sealed record AlertLink(string Url, string? Text = null);
