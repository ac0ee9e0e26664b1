using HelpDesk.Sdk.Tickets;

namespace HelpDesk.Sdk.Capabilities;

/// <summary>What a provider knows of a customer; anything unknown stays null. Optional members may be added over time.</summary>
/// <param name="Email">The address it was found by.</param>
public sealed record CustomerProfile(string Email)
{
    /// <summary>Their display name.</summary>
    public string? Name { get; init; }

    /// <summary>Their company.</summary>
    public string? Company { get; init; }

    /// <summary>The support tier as the provider names it (<c>vip</c>, <c>gold</c>), lower-case.</summary>
    public string? Tier { get; init; }

    /// <summary>Whether the customer gets VIP treatment (rules raise priority and route to senior agents).</summary>
    public bool IsVip { get; init; }

    /// <summary>Their segment (<c>enterprise</c>, <c>smb</c>), for SLA policies and reports.</summary>
    public string? Segment { get; init; }

    /// <summary>Their region (<c>APAC</c>, <c>EMEA</c>), for routing and SLA policies.</summary>
    public string? Region { get; init; }

    /// <summary>The account owner at the vendor, by name or email.</summary>
    public string? Owner { get; init; }

    /// <summary>A BCP 47 tag such as <c>ko-KR</c>.</summary>
    public string? Language { get; init; }

    /// <summary>An IANA time zone such as <c>Australia/Sydney</c>.</summary>
    public string? TimeZone { get; init; }

    /// <summary>What the customer has spent over the relationship.</summary>
    public Money? LifetimeValue { get; init; }

    /// <summary>Other facts by name (lifecycle stage, plan), for rules and display.</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; init; } = new Dictionary<string, string>();

    /// <summary>The records this profile was read from (the contact first, then its company), with links to open them.</summary>
    public IReadOnlyList<ExternalReference> Links { get; init; } = [];
}
