using System.Buffers.Text;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HelpDesk.Server.Tests.Apis;

/// <summary>The catalogue of wrong requests (acceptance 5): each must get a 4xx problem naming the field, and store nothing.</summary>
public static class BadInputCases
{
    private const string Tickets = "/api/v1/tickets";
    private const string Open = "/api/v1/tickets/{open}";
    private const string Closed = "/api/v1/tickets/{closed}";
    private const string Unknown = "/api/v1/tickets/987654321";

    public static IReadOnlyDictionary<string, BadInputCase> All { get; } = new Dictionary<string, BadInputCase>
    {
        // Create: the body is not a JSON object.
        ["create: malformed JSON"] = Create(Utf8("""{"subject": "Printer on fire","""), HttpStatusCode.BadRequest, "body"),
        ["create: not JSON at all"] = Create(Utf8("subject=Printer&description=fire"), HttpStatusCode.BadRequest, "body"),
        ["create: empty body"] = Create([], HttpStatusCode.BadRequest, "body"),
        ["create: JSON null"] = Create(Utf8("null"), HttpStatusCode.BadRequest, "body"),
        ["create: JSON array"] = Create(Utf8("[]"), HttpStatusCode.BadRequest, "body"),
        ["create: invalid UTF-8"] = Create([.. Utf8("""{"subject": "Printer """), 0xC3, 0x28, .. Utf8("\", \"description\": \"d\", \"requester\": {\"email\": \"bo@example.com\"}}")], HttpStatusCode.BadRequest, "subject"),
        ["create: lone surrogate escape"] = Create(Utf8("""{"subject": "Printer \ud800", "description": "d", "requester": {"email": "bo@example.com"}}"""), HttpStatusCode.BadRequest, "subject"),
        ["create: nested too deep"] = Create(Utf8($$"""{"subject": "s", "description": "d", "requester": {"email": "bo@example.com"}, "tags": {{new string('[', 64)}}{{new string(']', 64)}}}"""), HttpStatusCode.BadRequest, "tags[0]"),
        ["create: wrong Content-Type"] = Create(Ticket(), HttpStatusCode.UnsupportedMediaType, "Content-Type") with { ContentType = "text/plain" },
        ["create: body over the limit"] = Create(Ticket(t => t["description"] = new string('x', BadInputFixture.MaxRequestBodyBytes)), HttpStatusCode.RequestEntityTooLarge, "body"),
        ["create: Content-Type only starting like JSON"] = Create(Ticket(), HttpStatusCode.UnsupportedMediaType, "Content-Type") with { ContentType = "application/jsonx" },
        ["create: data after the object"] = Create([.. Ticket(), .. Utf8(" {}")], HttpStatusCode.BadRequest, "body"),
        ["create: trailing comma"] = Create(Utf8("""{"subject": "s", "description": "d", "requester": {"email": "bo@example.com"},}"""), HttpStatusCode.BadRequest, "body"),
        ["create: JSON with a comment"] = Create(Utf8("""{"subject": "s", /* hi */ "description": "d", "requester": {"email": "bo@example.com"}}"""), HttpStatusCode.BadRequest, "body"),

        // Create: wrong types, unknown and duplicate members.
        ["create: subject is a number"] = Create(Ticket(t => t["subject"] = 42), HttpStatusCode.BadRequest, "subject"),
        ["create: requester is a string"] = Create(Ticket(t => t["requester"] = "bo@example.com"), HttpStatusCode.BadRequest, "requester"),
        ["create: tags is a string"] = Create(Ticket(t => t["tags"] = "a,b"), HttpStatusCode.BadRequest, "tags"),
        ["create: custom field value is a number"] = Create(Ticket(t => t["fields"] = new JsonObject { ["size"] = 3 }), HttpStatusCode.BadRequest, "fields.size"),
        ["create: unknown member"] = Create(Ticket(t => t["subjet"] = "typo"), HttpStatusCode.BadRequest, "subjet"),
        ["create: duplicate member"] = Create(Utf8("""{"subject": "a", "subject": "b", "description": "d", "requester": {"email": "bo@example.com"}}"""), HttpStatusCode.BadRequest, "subject"),

        // Create: bad enum values.
        ["create: unknown priority"] = Create(Ticket(t => t["priority"] = "critical"), HttpStatusCode.BadRequest, "priority"),
        ["create: priority as a number"] = Create(Ticket(t => t["priority"] = 3), HttpStatusCode.BadRequest, "priority"),
        ["create: unknown channel"] = Create(Ticket(t => t["channel"] = "pigeon"), HttpStatusCode.BadRequest, "channel"),
        ["create: unknown type"] = Create(Ticket(t => t["type"] = "rant"), HttpStatusCode.BadRequest, "type"),

        // Create: missing, over-long or otherwise invalid values.
        ["create: subject missing"] = Create(Ticket(t => t.Remove("subject")), HttpStatusCode.UnprocessableEntity, "subject"),
        ["create: requester missing"] = Create(Ticket(t => t.Remove("requester")), HttpStatusCode.UnprocessableEntity, "requester"),
        ["create: requester email missing"] = Create(Ticket(t => t["requester"] = new JsonObject { ["name"] = "Bo" }), HttpStatusCode.UnprocessableEntity, "requester.email"),
        ["create: requester email invalid"] = Create(Ticket(t => t["requester"] = new JsonObject { ["email"] = "bo at example" }), HttpStatusCode.UnprocessableEntity, "requester.email"),
        ["create: unknown time zone"] = Create(Ticket(t => t["requester"] = new JsonObject { ["email"] = "bo@example.com", ["timeZone"] = "Mars/Olympus" }), HttpStatusCode.UnprocessableEntity, "requester.timeZone"),
        ["create: subject too long"] = Create(Ticket(t => t["subject"] = new string('s', 251)), HttpStatusCode.UnprocessableEntity, "subject"),
        ["create: requester name too long"] = Create(Ticket(t => t["requester"] = new JsonObject { ["email"] = "bo@example.com", ["name"] = new string('n', 201) }), HttpStatusCode.UnprocessableEntity, "requester.name"),
        ["create: description too long"] = Create(Ticket(t => t["description"] = new string('d', 65_537)), HttpStatusCode.UnprocessableEntity, "description"),
        ["create: subject with a NUL"] = Create(Ticket(t => t["subject"] = "Printer\u0000"), HttpStatusCode.UnprocessableEntity, "subject"),
        ["create: subject on two lines"] = Create(Ticket(t => t["subject"] = "Printer\non fire"), HttpStatusCode.UnprocessableEntity, "subject"),
        ["create: tag too long"] = Create(Ticket(t => t["tags"] = new JsonArray(new string('t', 65))), HttpStatusCode.UnprocessableEntity, "tags[0]"),
        ["create: too many tags"] = Create(Ticket(t => t["tags"] = new JsonArray([.. Enumerable.Range(0, 51).Select(i => (JsonNode)$"t{i}")])), HttpStatusCode.UnprocessableEntity, "tags"),
        ["create: bad custom field name"] = Create(Ticket(t => t["fields"] = new JsonObject { ["1st"] = "x" }), HttpStatusCode.UnprocessableEntity, "fields.1st"),
        ["create: null custom field value"] = Create(Ticket(t => t["fields"] = new JsonObject { ["size"] = null }), HttpStatusCode.UnprocessableEntity, "fields.size"),
        ["create: priority and impact both"] = Create(Ticket(t => (t["priority"], t["impact"], t["urgency"]) = ("high", "low", "low")), HttpStatusCode.UnprocessableEntity, "priority"),
        ["create: bad Idempotency-Key"] = Create(Ticket(), HttpStatusCode.BadRequest, "Idempotency-Key") with { Headers = new Dictionary<string, string> { ["Idempotency-Key"] = new string('k', 256) } },

        // Update.
        // Cut off after a member's name, the JSON's fault is that member's missing value.
        ["update: JSON cut off"] = new(HttpMethod.Patch, Open, Utf8("""{"status": """), HttpStatusCode.BadRequest, "status"),
        ["update: not JSON"] = new(HttpMethod.Patch, Open, Utf8("status=open"), HttpStatusCode.BadRequest, "body"),
        ["update: empty body"] = new(HttpMethod.Patch, Open, [], HttpStatusCode.BadRequest, "body"),
        ["update: unknown status"] = new(HttpMethod.Patch, Open, Utf8("""{"status": "reopened"}"""), HttpStatusCode.BadRequest, "status"),
        ["update: status as a number"] = new(HttpMethod.Patch, Open, Utf8("""{"status": 1}"""), HttpStatusCode.BadRequest, "status"),
        ["update: closed to pending"] = new(HttpMethod.Patch, Closed, Utf8("""{"status": "pending"}"""), HttpStatusCode.UnprocessableEntity, "status"),
        ["update: open back to new"] = new(HttpMethod.Patch, Open, Utf8("""{"status": "new"}"""), HttpStatusCode.UnprocessableEntity, "status"),
        ["update: edit a closed ticket"] = new(HttpMethod.Patch, Closed, Utf8("""{"assignee": "bob"}"""), HttpStatusCode.Conflict, "status"),
        ["update: assignee too long"] = new(HttpMethod.Patch, Open, Utf8($$"""{"assignee": "{{new string('a', 129)}}"}"""), HttpStatusCode.UnprocessableEntity, "assignee"),
        ["update: tags and addTags both"] = new(HttpMethod.Patch, Open, Utf8("""{"tags": ["a"], "addTags": ["b"]}"""), HttpStatusCode.UnprocessableEntity, "tags"),
        ["update: malformed If-Match"] = new BadInputCase(HttpMethod.Patch, Open, Utf8("""{"priority": "high"}"""), HttpStatusCode.BadRequest, "If-Match") with { Headers = new Dictionary<string, string> { ["If-Match"] = "version-one" } },
        ["update: stale If-Match"] = new BadInputCase(HttpMethod.Patch, Open, Utf8("""{"priority": "high"}"""), HttpStatusCode.PreconditionFailed, "If-Match") with { Headers = new Dictionary<string, string> { ["If-Match"] = "\"1\"" } },
        ["update: unknown ticket"] = new(HttpMethod.Patch, Unknown, Utf8("""{"priority": "high"}"""), HttpStatusCode.NotFound, "number"),

        // Messages.
        ["message: body missing"] = new(HttpMethod.Post, $"{Open}/messages", Utf8("{}"), HttpStatusCode.UnprocessableEntity, "body"),
        ["message: body too long"] = new(HttpMethod.Post, $"{Open}/messages", Utf8($$"""{"body": "{{new string('b', 65_537)}}"}"""), HttpStatusCode.UnprocessableEntity, "body"),
        ["message: unknown visibility"] = new(HttpMethod.Post, $"{Open}/messages", Utf8("""{"body": "hi", "visibility": "secret"}"""), HttpStatusCode.BadRequest, "visibility"),
        ["message: author is a string"] = new(HttpMethod.Post, $"{Open}/messages", Utf8("""{"body": "hi", "author": "ana"}"""), HttpStatusCode.BadRequest, "author"),
        ["message: unknown author role"] = new(HttpMethod.Post, $"{Open}/messages", Utf8("""{"body": "hi", "author": {"id": "ana", "role": "boss"}}"""), HttpStatusCode.UnprocessableEntity, "author.role"),
        ["message: author id too long"] = new(HttpMethod.Post, $"{Open}/messages", Utf8($$$"""{"body": "hi", "author": {"id": "{{{new string('i', 5000)}}}"}}"""), HttpStatusCode.UnprocessableEntity, "author.id"),
        ["message: author name with control characters"] = new(HttpMethod.Post, $"{Open}/messages", Utf8("""{"body": "hi", "author": {"id": "ana", "name": "An\u0000a\nB"}}"""), HttpStatusCode.UnprocessableEntity, "author.name"),
        ["message: on a closed ticket"] = new(HttpMethod.Post, $"{Closed}/messages", Utf8("""{"body": "hi"}"""), HttpStatusCode.Conflict, "status"),
        ["message: unknown ticket"] = new(HttpMethod.Post, $"{Unknown}/messages", Utf8("""{"body": "hi"}"""), HttpStatusCode.NotFound, "number"),

        // Reads.
        ["list: garbage cursor"] = List("cursor=not!a!cursor", "cursor"),
        ["list: cursor of another sort"] = List($"cursor={Base64Url.EncodeToString(Encoding.UTF8.GetBytes("created|0|1"))}", "cursor"),
        ["list: limit over 200"] = List("limit=201", "limit"),
        ["list: huge limit"] = List("limit=99999999999999999999", "limit"),
        ["list: limit zero"] = List("limit=0", "limit"),
        ["list: negative limit"] = List("limit=-5", "limit"),
        ["list: unknown status"] = List("status=open,reopened", "status"),
        ["list: unknown sort"] = List("sort=colour", "sort"),
        ["list: bad createdFrom"] = List("createdFrom=yesterday", "createdFrom"),
        ["list: assignee too long"] = List("assignee=" + new string('a', 255), "assignee"),
        ["list: unknown parameter"] = List("colour=red", "colour"),
        ["list: repeated parameter"] = List("status=new&status=open", "status"),
        ["list: q of metacharacters only"] = List("q=" + Uri.EscapeDataString("\"*():^-"), "q"),
        ["list: q of SQL punctuation only"] = List("q=" + Uri.EscapeDataString("';--%_"), "q"),
        ["list: q too long"] = List("q=" + new string('w', 501), "q"),
        ["list: status of invalid UTF-8"] = List("status=%FF%FE", "status"),
        ["get: unknown ticket"] = new(HttpMethod.Get, Unknown, null, HttpStatusCode.NotFound, "number"),
        ["get: ticket number not a number"] = new(HttpMethod.Get, $"{Tickets}/abc", null, HttpStatusCode.NotFound, "number"),
        ["events: unknown ticket"] = new(HttpMethod.Get, $"{Unknown}/events", null, HttpStatusCode.NotFound, "number"),
        ["messages: unknown ticket"] = new(HttpMethod.Get, $"{Unknown}/messages", null, HttpStatusCode.NotFound, "number"),

        // API keys (sent with the admin key).
        ["api key: unknown scope"] = new(HttpMethod.Post, "/api/v1/api-keys", Utf8("""{"name": "n", "scope": "root"}"""), HttpStatusCode.BadRequest, "scope"),
        ["api key: name missing"] = new(HttpMethod.Post, "/api/v1/api-keys", Utf8("""{"scope": "agent"}"""), HttpStatusCode.UnprocessableEntity, "name"),
        ["api key: customer on an agent key"] = new(HttpMethod.Post, "/api/v1/api-keys", Utf8("""{"name": "n", "scope": "agent", "customerEmail": "bo@example.com"}"""), HttpStatusCode.UnprocessableEntity, "customerEmail"),
        ["api key: customer email with a display name"] = new(HttpMethod.Post, "/api/v1/api-keys", Utf8("""{"name": "n", "scope": "integration", "customerEmail": "Bo <bo@example.com>"}"""), HttpStatusCode.UnprocessableEntity, "customerEmail"),
        ["api key: revoke unknown id"] = new(HttpMethod.Delete, "/api/v1/api-keys/no-such-key", null, HttpStatusCode.NotFound, "id"),
    };

    public static TheoryData<string> Names => [.. All.Keys];

    private static BadInputCase Create(byte[] body, HttpStatusCode status, string field) => new(HttpMethod.Post, Tickets, body, status, field);

    private static BadInputCase List(string query, string field) => new(HttpMethod.Get, $"{Tickets}?{query}", null, HttpStatusCode.BadRequest, field);

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static byte[] Ticket(Action<JsonObject>? change = null)
    {
        var ticket = new JsonObject
        {
            ["subject"] = "Printer on fire",
            ["description"] = "Smoke comes out of the paper tray.",
            ["requester"] = new JsonObject { ["email"] = "bad-input@example.com", ["name"] = "Bo" },
        };
        change?.Invoke(ticket);
        return JsonSerializer.SerializeToUtf8Bytes(ticket);
    }
}
