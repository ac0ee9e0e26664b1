namespace HelpDesk.Sdk.Testing;

/// <summary>The hub's input limits (HelpDesk.Domain's <c>TicketLimits</c>), repeated because the kit may not reference the hub.</summary>
internal static class TicketLimits
{
    public const int Subject = 250;
    public const int Body = 65_536;
    public const int Email = 254;
    public const int Name = 200;
    public const int System = 100;
    public const int ExternalId = 200;
    public const int Url = 2_048;
    public const int Tags = 50;
    public const int Tag = 64;
    public const int Fields = 100;
    public const int FieldValue = 4_096;
}
