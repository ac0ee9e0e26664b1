using System.Net.Mail;
using System.Text.RegularExpressions;
using HelpDesk.Sdk.Tickets;

namespace HelpDesk.Sdk.Testing;

/// <summary>The hub's checks on free-form input (HelpDesk.Domain's <c>TicketInput</c>); each refusal names the REST API's field.</summary>
internal static partial class TicketInputRules
{
    public static HelpDeskApiException? Text(string field, string? value, int max, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return required ? Refusals.Invalid(field, $"{field} is required and may not be blank.") : null;
        }

        if (value.Length > max)
        {
            return Refusals.Invalid(field, $"{field} is {value.Length} characters long; at most {max} are allowed.");
        }

        return value.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'))
            ? Refusals.Invalid(field, $"{field} contains control characters.")
            : null;
    }

    public static HelpDeskApiException? SingleLine(string field, string? value, int max, bool required = true) =>
        Text(field, value, max, required)
        ?? (value is not null && value.AsSpan().IndexOfAny('\n', '\r') >= 0 ? Refusals.Invalid(field, $"{field} must be a single line.") : null);

    public static HelpDeskApiException? Requester(Customer requester)
    {
        if (SingleLine("requester.email", requester.Email, TicketLimits.Email) is { } problem)
        {
            return problem;
        }

        if (!MailAddress.TryCreate(requester.Email, out var address) || address.Address != requester.Email.Trim() || !address.Host.Contains('.', StringComparison.Ordinal))
        {
            return Refusals.Invalid("requester.email", $"'{requester.Email}' is not an email address.");
        }

        if (requester.Language is { } language && !LanguageTag().IsMatch(language))
        {
            return Refusals.Invalid("requester.language", $"'{language}' is not a language tag such as 'en' or 'pt-BR'.");
        }

        if (requester.TimeZone is { } zone && !(zone.Length <= 64 && TimeZoneInfo.TryFindSystemTimeZoneById(zone, out var found) && found.HasIanaId))
        {
            return Refusals.Invalid("requester.timeZone", $"'{zone}' is not an IANA time zone such as 'Europe/Paris'.");
        }

        return SingleLine("requester.name", requester.Name, TicketLimits.Name, required: false)
            ?? SingleLine("requester.organization", requester.Organization, TicketLimits.Name, required: false);
    }

    public static Customer Normalise(Customer requester) => requester with
    {
        Email = requester.Email.Trim().ToLowerInvariant(),
        Name = Blank(requester.Name),
        Organization = Blank(requester.Organization),
    };

    public static HelpDeskApiException? Tags(string field, IReadOnlyList<string> tags, out List<string> normalised)
    {
        normalised = [];
        for (var i = 0; i < tags.Count; i++)
        {
            var tag = tags[i]?.Trim().ToLowerInvariant();
            if (string.IsNullOrEmpty(tag) || tag.Length > TicketLimits.Tag || !TagPattern().IsMatch(tag))
            {
                return Refusals.Invalid($"{field}[{i}]", $"Tags are 1 to {TicketLimits.Tag} letters, digits or '_-:./', without spaces.");
            }

            normalised.Add(tag);
        }

        normalised = [.. normalised.Distinct(StringComparer.Ordinal)];
        return normalised.Count > TicketLimits.Tags ? Refusals.Invalid(field, $"A ticket has at most {TicketLimits.Tags} tags.") : null;
    }

    public static HelpDeskApiException? Fields(IReadOnlyDictionary<string, string> fields)
    {
        if (fields.Count > TicketLimits.Fields)
        {
            return Refusals.Invalid("fields", $"A ticket has at most {TicketLimits.Fields} custom fields.");
        }

        foreach (var (key, value) in fields)
        {
            if (!FieldKeyPattern().IsMatch(key))
            {
                return Refusals.Invalid($"fields.{key}", "Field names start with a letter and have at most 64 letters, digits or '_-.'.");
            }

            if (value is null)
            {
                return Refusals.Invalid($"fields.{key}", "A custom field's value is a string; leave the field out instead of null.");
            }

            if (Text($"fields.{key}", value, TicketLimits.FieldValue, required: false) is { } problem)
            {
                return problem;
            }
        }

        return null;
    }

    public static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [GeneratedRegex(@"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$")]
    private static partial Regex LanguageTag();

    [GeneratedRegex(@"^[\p{L}\p{N}_\-:./]+$")]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_\-.]{0,63}$")]
    private static partial Regex FieldKeyPattern();
}
