using System.Globalization;
using HelpDesk.Core.Queries;
using HelpDesk.Core.Storage;
using HelpDesk.Domain.Tickets;
using HelpDesk.Server.Http;
using HelpDesk.Server.Security;

namespace HelpDesk.Server.Apis;

/// <summary>Reads the list endpoint's query string into a <see cref="TicketQuery"/>, or a problem naming the parameter.</summary>
public static class TicketListQuery
{
    private static readonly HashSet<string> Known =
        ["status", "priority", "slaState", "assignee", "queue", "tag", "requester", "customerTier", "customerSegment", "customerRegion", "q", "createdFrom", "createdTo", "sort", "cursor", "limit"];

    private static readonly string[] CustomerContextFilters = ["customerTier", "customerSegment", "customerRegion"];

    public static (TicketQuery? Query, IResult? Problem) Read(IQueryCollection query, Caller caller)
    {
        if (query.Keys.FirstOrDefault(k => !Known.Contains(k)) is { } unknown)
        {
            return Fail(unknown, $"Unknown parameter; use one of: {string.Join(", ", Known)}.");
        }

        if (query.FirstOrDefault(p => p.Value.Count > 1) is { Key: { } repeated })
        {
            return Fail(repeated, "Give this parameter once; separate several values with commas.");
        }

        string? Get(string name) => query.TryGetValue(name, out var v) ? v.ToString() : null;

        // The customer context is the support team's: a customer filtering their own tickets by it would learn it.
        if (caller.IsCustomer && CustomerContextFilters.FirstOrDefault(query.ContainsKey) is { } internalFilter)
        {
            return (null, ApiProblems.Field(StatusCodes.Status403Forbidden, internalFilter, "Customer keys cannot filter by the customer context."));
        }

        if (!TryList<TicketStatus>(Get("status"), out var statuses))
        {
            return Fail("status", "Use new, open, pending, on-hold, solved or closed (comma-separated).");
        }

        if (!TryList<Priority>(Get("priority"), out var priorities))
        {
            return Fail("priority", "Use low, normal, high or urgent (comma-separated).");
        }

        if (!TryList<HelpDesk.Domain.Sla.SlaState>(Get("slaState"), out var slaStates))
        {
            return Fail("slaState", "Use ok, warning, breached, paused or met (comma-separated).");
        }

        if (!TicketSort.TryParse(Get("sort"), out var sort))
        {
            return Fail("sort", $"Use one of: {string.Join(", ", TicketSort.Spellings)}.");
        }

        TicketCursor? cursor = null;
        if (Get("cursor") is { Length: > 0 } text && !TicketCursor.TryDecode(text, sort, out cursor))
        {
            return Fail("cursor", "This cursor is not one this API gave out for this sort; start again without it.");
        }

        var limit = 50;
        if (Get("limit") is { } limitText && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > TicketQuery.MaxLimit))
        {
            return Fail("limit", $"limit is a whole number from 1 to {TicketQuery.MaxLimit}.");
        }

        if (!TryTime(Get("createdFrom"), out var from))
        {
            return Fail("createdFrom", "Use an ISO 8601 time with an offset, such as 2026-11-01T00:00:00Z.");
        }

        if (!TryTime(Get("createdTo"), out var to))
        {
            return Fail("createdTo", "Use an ISO 8601 time with an offset, such as 2026-11-30T00:00:00Z.");
        }

        IReadOnlyList<string>? words = null;
        if (Get("q") is { } q)
        {
            words = SearchText.Words(q);
            if (q.Length > SearchText.MaxQueryLength || words.Count == 0)
            {
                return Fail("q", $"q needs at least one word of letters or digits, and at most {SearchText.MaxQueryLength} characters.");
            }
        }

        foreach (var name in new[] { "assignee", "queue", "tag", "requester", "customerTier", "customerSegment", "customerRegion" })
        {
            if (Get(name) is { } value && (value.Length is 0 or > 254 || value.Any(char.IsControl)))
            {
                return Fail(name, $"{name} must be 1 to 254 printable characters.");
            }
        }

        return (new TicketQuery
        {
            Statuses = statuses,
            Priorities = priorities,
            SlaStates = slaStates,
            Assignee = Get("assignee"),
            Queue = Get("queue"),
            CustomerTier = Get("customerTier"),
            CustomerSegment = Get("customerSegment"),
            CustomerRegion = Get("customerRegion"),
            Tag = Get("tag"),
            RequesterEmail = caller.IsCustomer ? caller.CustomerEmail : Get("requester"),
            Words = words,
            CreatedFrom = from,
            CreatedTo = to,
            Sort = sort,
            After = cursor,
            Limit = limit,
            IncludeInternal = !caller.IsCustomer,
            VisibleTo = caller.OccasionalQueues is { } queues ? (caller.AgentId!, queues) : null,
        }, null);
    }

    private static (TicketQuery?, IResult?) Fail(string field, string detail) => (null, ApiProblems.BadRequest(field, detail));

    private static bool TryList<T>(string? text, out IReadOnlyList<T>? values)
        where T : struct, Enum
    {
        values = null;
        if (text is null)
        {
            return true;
        }

        var parsed = new List<T>();
        foreach (var part in text.Split(','))
        {
            if (!Names.TryParse<T>(part.Trim(), out var value))
            {
                return false;
            }

            parsed.Add(value);
        }

        values = parsed;
        return true;
    }

    private static bool TryTime(string? text, out DateTimeOffset? time)
    {
        time = null;
        if (text is null)
        {
            return true;
        }

        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return false;
        }

        time = parsed;
        return true;
    }
}
