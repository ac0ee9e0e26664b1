using System.Net.Mail;
using System.Text.RegularExpressions;
using HelpDesk.Domain.Tickets;

namespace HelpDesk.Domain.Commands;

/// <summary>Checks and normalises the free-form parts of commands; each failure names the API field.</summary>
public static partial class TicketInput
{
    public static Rejection? Text(string field, string? value, int max, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return required ? Rejection.Invalid(field, $"{field} is required and may not be blank.") : null;
        }

        if (value.Length > max)
        {
            return Rejection.Invalid(field, $"{field} is {value.Length} characters long; at most {max} are allowed.");
        }

        return value.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'))
            ? Rejection.Invalid(field, $"{field} contains control characters.")
            : null;
    }

    public static Rejection? SingleLine(string field, string? value, int max, bool required = true) =>
        Text(field, value, max, required)
        ?? (value is not null && value.AsSpan().IndexOfAny('\n', '\r') >= 0 ? Rejection.Invalid(field, $"{field} must be a single line.") : null);

    /// <summary>A bare address (no display name) whose domain has a dot: what a customer can be reached at.</summary>
    public static Rejection? Email(string field, string? email)
    {
        if (SingleLine(field, email, TicketLimits.Email) is { } problem)
        {
            return problem;
        }

        return !MailAddress.TryCreate(email, out var address) || address.Address != email!.Trim() || !address.Host.Contains('.', StringComparison.Ordinal)
            ? Rejection.Invalid(field, $"'{email}' is not an email address.")
            : null;
    }

    /// <summary>Who wrote a message: a customer is known by their email, anyone else by a one-line id.</summary>
    public static Rejection? Author(Actor author) =>
        (author.Kind == ActorKind.Customer ? Email("author.id", author.Id) : SingleLine("author.id", author.Id, TicketLimits.Email))
        ?? SingleLine("author.name", author.Name, TicketLimits.Name, required: false);

    public static Rejection? Requester(Requester requester)
    {
        if (Email("requester.email", requester.Email) is { } emailProblem)
        {
            return emailProblem;
        }

        if (requester.Language is { } language && !LanguageTag().IsMatch(language))
        {
            return Rejection.Invalid("requester.language", $"'{language}' is not a language tag such as 'en' or 'pt-BR'.");
        }

        if (requester.TimeZone is { } zone && !IsIanaTimeZone(zone))
        {
            return Rejection.Invalid("requester.timeZone", $"'{zone}' is not an IANA time zone such as 'Europe/Paris'.");
        }

        return SingleLine("requester.name", requester.Name, TicketLimits.Name, required: false)
            ?? SingleLine("requester.organization", requester.Organization, TicketLimits.Name, required: false);
    }

    public static Requester Normalise(Requester requester) => requester with
    {
        Email = requester.Email.Trim().ToLowerInvariant(),
        Name = Blank(requester.Name),
        Organization = Blank(requester.Organization),
        TimeZone = requester.TimeZone is null ? null : TimeZoneInfo.FindSystemTimeZoneById(requester.TimeZone).Id,
    };

    public static Rejection? Tags(string field, IReadOnlyList<string>? tags, out List<string> normalised)
    {
        normalised = [];
        if (tags is null)
        {
            return null;
        }

        for (var i = 0; i < tags.Count; i++)
        {
            var tag = tags[i]?.Trim().ToLowerInvariant();
            if (string.IsNullOrEmpty(tag) || tag.Length > TicketLimits.Tag || !TagPattern().IsMatch(tag))
            {
                return Rejection.Invalid($"{field}[{i}]", $"Tags are 1 to {TicketLimits.Tag} letters, digits or '_-:./', without spaces.");
            }

            normalised.Add(tag);
        }

        normalised = [.. normalised.Distinct(StringComparer.Ordinal)];
        return normalised.Count > TicketLimits.Tags ? Rejection.Invalid(field, $"A ticket has at most {TicketLimits.Tags} tags.") : null;
    }

    public static Rejection? FieldKeyAndValue(string key, string? value)
    {
        if (!FieldKeyPattern().IsMatch(key))
        {
            return Rejection.Invalid($"fields.{key}", $"Field names start with a letter and have at most {TicketLimits.FieldKey} letters, digits or '_-.'.");
        }

        return value is null ? null : Text($"fields.{key}", value, TicketLimits.FieldValue, required: false);
    }

    /// <summary>Custom fields: at most <see cref="TicketLimits.Fields"/>, each a valid name with a text value (null means "remove").</summary>
    public static Rejection? Fields(IReadOnlyDictionary<string, string?>? fields)
    {
        if (fields is null)
        {
            return null;
        }

        return fields.Count > TicketLimits.Fields
            ? Rejection.Invalid("fields", $"A ticket has at most {TicketLimits.Fields} custom fields.")
            : fields.Select(p => FieldKeyAndValue(p.Key, p.Value)).FirstOrDefault(p => p is not null);
    }

    /// <summary>On create there is nothing to remove, so a null value is a mistake rather than "clear this field".</summary>
    public static Rejection? NoNullFields(IReadOnlyDictionary<string, string>? fields) =>
        fields?.FirstOrDefault(p => p.Value is null) is { Key: { } key }
            ? Rejection.Invalid($"fields.{key}", "A custom field's value is a string; leave the field out instead of null.")
            : null;

    public static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>An IANA time zone this machine knows (<c>Asia/Seoul</c>; not a Windows id).</summary>
    public static bool IsIanaTimeZone(string id) =>
        id.Length <= 64 && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) && zone.HasIanaId;

    [GeneratedRegex(@"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$")]
    private static partial Regex LanguageTag();

    [GeneratedRegex(@"^[\p{L}\p{N}_\-:./]+$")]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_\-.]{0,63}$")]
    private static partial Regex FieldKeyPattern();
}
