using HelpDesk.Domain.Tickets;

namespace HelpDesk.Domain.Commands;

/// <summary>A reply or a note. A customer author makes a customer reply; an internal message is a note.</summary>
/// <param name="Channel">Where a customer's message came in, when a channel reports it.</param>
/// <param name="MessageId">Its id on that channel; a message the ticket already has is not added again.</param>
/// <param name="Html">A customer message's HTML body, already sanitised.</param>
/// <param name="Cc">Who else a customer's message went to.</param>
public sealed record AddMessage(
    string Body,
    MessageVisibility Visibility,
    Actor Author,
    Channel? Channel = null,
    string? MessageId = null,
    string? Html = null,
    IReadOnlyList<string>? Cc = null,
    IReadOnlyList<Attachment>? Attachments = null);
