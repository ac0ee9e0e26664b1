using HelpDesk.Domain.Tickets;

namespace HelpDesk.Domain.Commands;

/// <summary>A reply or a note. A customer author makes a customer reply; an internal message is a note.</summary>
public sealed record AddMessage(string Body, MessageVisibility Visibility, Actor Author);
