namespace HelpDesk.Domain.Commands;

/// <summary>Sizes chosen so a ticket stays cheap to load and index; they match what Zendesk and Freshdesk accept.</summary>
public static class TicketLimits
{
    public const int Subject = 250;
    public const int Body = 65_536;
    public const int Email = 254;
    public const int Name = 200;
    public const int Category = 100;
    public const int ExternalId = 200;
    public const int System = 100;
    public const int Url = 2_048;
    public const int ExternalStatus = 100;

    /// <summary>RFC 5322's line limit: an email's Message-ID fits.</summary>
    public const int MessageId = 998;
    public const int AgentOrQueue = 128;
    public const int Tags = 50;
    public const int Tag = 64;
    public const int Fields = 100;
    public const int FieldKey = 64;
    public const int FieldValue = 4_096;

    /// <summary>HTML carries markup around the same words, so it may be larger than the text.</summary>
    public const int Html = 262_144;
    public const int Cc = 50;
    public const int Attachments = 100;
    public const int FileName = 255;
    public const int SatisfactionComment = 2_000;
}
