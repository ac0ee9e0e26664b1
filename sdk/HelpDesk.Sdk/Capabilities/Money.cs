namespace HelpDesk.Sdk.Capabilities;

/// <summary>An amount of money.</summary>
/// <param name="Amount">The amount, in the currency's major unit (12.50 for twelve euros fifty).</param>
/// <param name="Currency">The ISO 4217 code, upper-case (<c>EUR</c>).</param>
public sealed record Money(decimal Amount, string Currency);
