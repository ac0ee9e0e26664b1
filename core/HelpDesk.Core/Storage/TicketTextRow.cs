using HelpDesk.Domain.Events;
using HelpDesk.Domain.Tickets;

namespace HelpDesk.Core.Storage;

/// <summary>A searchable text of a ticket: its subject, description, a reply or an internal note, with what came with it.</summary>
public sealed record TicketTextRow(string Kind, MessageVisibility Visibility, Actor Author, string Body, DateTimeOffset At)
{
    public string? Html { get; init; }

    public IReadOnlyList<Attachment>? Attachments { get; init; }

    public static IEnumerable<TicketTextRow> From(TicketEvent @event) => @event switch
    {
        TicketOpened o =>
        [
            new("subject", MessageVisibility.Public, o.Actor, o.Subject, o.At),
            new("description", MessageVisibility.Public, RequesterAsAuthor(o), o.Description, o.At) { Html = o.DescriptionHtml, Attachments = o.Attachments },
        ],
        CustomerReplied r => [new("reply", MessageVisibility.Public, r.Actor, r.Body, r.At) { Html = r.Html, Attachments = r.Attachments }],
        AgentReplied r => [new("reply", MessageVisibility.Public, r.Actor, r.Body, r.At)],
        InternalNoteAdded n => [new("note", MessageVisibility.Internal, n.Actor, n.Body, n.At)],
        // Engineering's comment on a linked issue reads as an internal note, by its author in the tracker.
        ExternalIssueUpdated { Comment: { } comment } u =>
            [new("note", MessageVisibility.Internal, u.Actor with { Name = $"{u.Author ?? u.Actor.Name} ({u.System} {u.Key})" }, comment, u.At)],
        _ => [],
    };

    // The description is the customer's words even when an agent or integration typed the ticket in.
    private static Actor RequesterAsAuthor(TicketOpened opened) =>
        new(ActorKind.Customer, opened.Requester.Email.ToLowerInvariant(), opened.Requester.Name);
}
