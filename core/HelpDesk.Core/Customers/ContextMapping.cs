using HelpDesk.Domain.Commands;
using HelpDesk.Domain.Customers;
using HelpDesk.Domain.Tickets;
using HelpDesk.Sdk.Capabilities;

namespace HelpDesk.Core.Customers;

/// <summary>Providers' answers (SDK types) as the hub keeps them.</summary>
internal static class ContextMapping
{
    public static CustomerSnapshot ToDomain(CustomerProfile profile) => new(profile.Email, default)
    {
        Found = true,
        Name = Blank(profile.Name),
        Company = Blank(profile.Company),
        Tier = Blank(profile.Tier)?.ToLowerInvariant(),
        Vip = profile.IsVip,
        Segment = Blank(profile.Segment),
        Region = Blank(profile.Region),
        Owner = Blank(profile.Owner),
        Language = Blank(profile.Language),
        TimeZone = Blank(profile.TimeZone) is { } zone && TicketInput.IsIanaTimeZone(zone) ? zone : null,
        LifetimeValue = ToDomain(profile.LifetimeValue),
        Attributes = new SortedDictionary<string, string>(profile.Attributes.ToDictionary(), StringComparer.Ordinal),
        Links = [.. profile.Links.Select(l => new ExternalLink(l.System, l.Key, l.Url))],
    };

    public static CustomerRecord ToDomain(string source, BusinessRecord record) => new(source, Kind(record.Kind), record.Id, record.Number, record.Status)
    {
        Total = ToDomain(record.Total),
        AmountDue = ToDomain(record.AmountDue),
        Date = record.Date,
        DueAt = record.DueAt,
        Url = record.Url,
        Attributes = new SortedDictionary<string, string>(record.Attributes.ToDictionary(), StringComparer.Ordinal),
    };

    private static Domain.Customers.Money? ToDomain(Sdk.Capabilities.Money? money) => money is null ? null : new Domain.Customers.Money(money.Amount, money.Currency.ToUpperInvariant());

    private static CustomerRecordKind Kind(BusinessRecordKind kind) => kind switch
    {
        BusinessRecordKind.Order => CustomerRecordKind.Order,
        BusinessRecordKind.Invoice => CustomerRecordKind.Invoice,
        BusinessRecordKind.Subscription => CustomerRecordKind.Subscription,
        _ => CustomerRecordKind.Other,
    };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
