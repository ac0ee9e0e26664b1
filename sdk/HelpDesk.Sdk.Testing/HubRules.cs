using HelpDesk.Domain.Commands;
using HelpDesk.Sdk.Tickets;
using DomainRequester = HelpDesk.Domain.Tickets.Requester;
using DomainStatus = HelpDesk.Domain.Tickets.TicketStatus;
using DomainStatusRules = HelpDesk.Domain.Tickets.TicketStatusRules;

namespace HelpDesk.Sdk.Testing;

/// <summary>
/// The hub's own rules (HelpDesk.Domain, shipped inside the kit), applied to the SDK's types: the fake refuses exactly
/// what the hub refuses, with the same fields and messages, because it runs the same code.
/// </summary>
internal static class HubRules
{
    public static HelpDeskApiException? Text(string field, string? value, int max, bool required = true) =>
        Refused(TicketInput.Text(field, value, max, required));

    public static HelpDeskApiException? SingleLine(string field, string? value, int max, bool required = true) =>
        Refused(TicketInput.SingleLine(field, value, max, required));

    public static HelpDeskApiException? Requester(Customer requester) => Refused(TicketInput.Requester(ToDomain(requester)));

    public static Customer Normalise(Customer requester)
    {
        var normalised = TicketInput.Normalise(ToDomain(requester));
        return new Customer(normalised.Email, normalised.Name, normalised.Language, normalised.TimeZone, normalised.Organization);
    }

    public static HelpDeskApiException? Tags(string field, IReadOnlyList<string> tags, out List<string> normalised) =>
        Refused(TicketInput.Tags(field, tags, out normalised));

    public static HelpDeskApiException? Fields(IReadOnlyDictionary<string, string> fields) =>
        Refused(TicketInput.Fields(fields.ToDictionary(p => p.Key, p => (string?)p.Value)) ?? TicketInput.NoNullFields(fields));

    public static HelpDeskApiException? CheckMove(TicketStatus from, TicketStatus to) =>
        Refused(DomainStatusRules.CheckMove(Enum.Parse<DomainStatus>(from.ToString()), Enum.Parse<DomainStatus>(to.ToString())));

    public static HelpDeskApiException? ExternalUpdate(RecordExternalUpdate update, IReadOnlyList<HelpDesk.Domain.Tickets.ExternalLink> links) =>
        Refused(ExternalUpdateRules.Check(update, links));

    public static string? Blank(string? value) => TicketInput.Blank(value);

    private static DomainRequester ToDomain(Customer customer) =>
        new(customer.Email, customer.Name, customer.Language, customer.TimeZone, customer.Organization);

    private static HelpDeskApiException? Refused(Rejection? rejection) =>
        rejection is null ? null : new HelpDeskApiException(HelpDeskApiError.Invalid, rejection.Field, rejection.Message);
}
