namespace HelpDesk.Sdk.Testing;

/// <summary>The refusals the real hub gives, with the same kinds and field names.</summary>
internal static class Refusals
{
    public static HelpDeskApiException Invalid(string field, string message) => new(HelpDeskApiError.Invalid, field, message);

    public static HelpDeskApiException NoSuchTicket(long number) => new(HelpDeskApiError.NotFound, "number", $"There is no ticket #{number}.");

    public static HelpDeskApiException Closed(long number) =>
        new(HelpDeskApiError.Conflict, "status", $"Ticket #{number} is closed and can no longer change.");
}
