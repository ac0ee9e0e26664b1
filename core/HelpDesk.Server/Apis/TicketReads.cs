using System.Text.Json;
using HelpDesk.Core.Attachments;
using HelpDesk.Core.Queries;
using HelpDesk.Core.Storage;
using HelpDesk.Domain.Events;
using HelpDesk.Server.Contracts;
using HelpDesk.Server.Http;
using HelpDesk.Server.Security;

namespace HelpDesk.Server.Apis;

/// <summary>Every read comes from the projection or the event log, never from grains.</summary>
public static class TicketReads
{
    public static async Task<IResult> GetAsync(long number, HttpContext http, TicketQueries queries, CancellationToken cancellationToken)
    {
        var caller = Caller.From(http.User);
        if (await queries.GetAsync(number, cancellationToken) is not { } ticket || !caller.MaySee(ticket))
        {
            return ApiProblems.NotFound(number);
        }

        http.Response.Headers.ETag = ETags.Of(ticket.Version);
        return Results.Json(TicketResponse.From(ticket, caller.IsCustomer), ApiJson.Options);
    }

    public static async Task<IResult> ListAsync(HttpContext http, TicketQueries queries, CancellationToken cancellationToken)
    {
        var caller = Caller.From(http.User);
        var (query, problem) = TicketListQuery.Read(http.Request.Query, caller);
        if (problem is not null)
        {
            return problem;
        }

        var page = await queries.ListAsync(query!, cancellationToken);
        return Results.Json(
            new TicketListResponse([.. page.Items.Select(t => TicketResponse.From(t, caller.IsCustomer))], page.Next?.Encode()),
            ApiJson.Options);
    }

    public static async Task<IResult> EventsAsync(long number, HttpContext http, TicketQueries queries, ITicketEventStore events, CancellationToken cancellationToken)
    {
        var caller = Caller.From(http.User);
        if (await queries.GetAsync(number, cancellationToken) is not { } ticket || !caller.MaySee(ticket))
        {
            return ApiProblems.NotFound(number);
        }

        var items = (await events.ReadTicketAsync(number, cancellationToken))
            .Select(e => (Stored: e, Shown: caller.IsCustomer ? CustomerView.Of(e.Event) : e.Event))
            .Where(e => e.Shown is not null)
            .Select(e => new TicketEventResponse(
                e.Stored.Position, e.Stored.Version, e.Stored.Type, e.Shown!.Actor, e.Shown.At,
                EventData(e.Shown)))
            .ToList();
        return Results.Json(new ItemsResponse<TicketEventResponse>(items), ApiJson.Options);
    }

    // Actor and time are already top-level members of the entry.
    private static JsonElement EventData(TicketEvent @event)
    {
        var data = JsonSerializer.SerializeToNode(@event, @event.GetType(), ApiJson.Options)!.AsObject();
        data.Remove("actor");
        data.Remove("at");
        return JsonSerializer.SerializeToElement(data, ApiJson.Options);
    }

    public static async Task<IResult> MessagesAsync(long number, HttpContext http, TicketQueries queries, CancellationToken cancellationToken)
    {
        var caller = Caller.From(http.User);
        if (await queries.GetAsync(number, cancellationToken) is not { } ticket || !caller.MaySee(ticket))
        {
            return ApiProblems.NotFound(number);
        }

        var messages = await queries.MessagesAsync(number, includeInternal: !caller.IsCustomer, cancellationToken);
        return Results.Json(
            new ItemsResponse<MessageResponse>([.. messages.Select(m => new MessageResponse(
                m.Id, m.Version, m.Kind, m.Visibility, m.Author, m.Body, m.At, m.Html,
                [.. m.Attachments.Select(a => new AttachmentResponse(a.Id, a.FileName, a.ContentType, a.Size, a.ContentId, $"/api/v1/tickets/{number}/attachments/{a.Id}"))]))]),
            ApiJson.Options);
    }

    /// <summary>A file of the ticket's, to whoever may see the ticket; always as a download, never rendered in our origin.</summary>
    public static async Task<IResult> AttachmentAsync(long number, string id, HttpContext http, TicketQueries queries, AttachmentStore files, CancellationToken cancellationToken)
    {
        var caller = Caller.From(http.User);
        if (await queries.GetAsync(number, cancellationToken) is not { } ticket || !caller.MaySee(ticket))
        {
            return ApiProblems.NotFound(number);
        }

        if (await queries.AttachmentAsync(number, id, cancellationToken) is not { } attachment || files.OpenRead(id) is not { } content)
        {
            return ApiProblems.Field(StatusCodes.Status404NotFound, "id", $"Ticket #{number} has no attachment '{id}'.");
        }

        http.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.File(content, attachment.ContentType, attachment.FileName, enableRangeProcessing: true);
    }
}
