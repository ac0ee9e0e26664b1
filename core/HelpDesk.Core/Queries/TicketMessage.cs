using HelpDesk.Domain.Tickets;

namespace HelpDesk.Core.Queries;

/// <summary>One entry of a ticket's conversation: the description, a reply, or an internal note.</summary>
public sealed record TicketMessage(long Id, int Version, string Kind, MessageVisibility Visibility, Actor Author, string Body, DateTimeOffset At)
{
    /// <summary>The sanitised HTML the customer sent, when there was one.</summary>
    public string? Html { get; init; }

    public IReadOnlyList<Attachment> Attachments { get; init; } = [];
}
