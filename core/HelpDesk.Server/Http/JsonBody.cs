using Microsoft.Net.Http.Headers;
using System.Text.Json;

namespace HelpDesk.Server.Http;

/// <summary>
/// Reads a request body ourselves rather than through minimal-API binding, so every way a body can be
/// wrong (not JSON, not UTF-8, wrong type, unknown member, too large) becomes a problem naming the field.
/// </summary>
public static class JsonBody
{
    public static async Task<(T? Value, byte[] Raw, IResult? Problem)> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        if (request.ContentType is { } type && !IsJson(type))
        {
            return (null, [], ApiProblems.Field(StatusCodes.Status415UnsupportedMediaType, "Content-Type", $"Send JSON (application/json), not '{type}'."));
        }

        byte[] raw;
        try
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, cancellationToken);
            raw = buffer.ToArray();
        }
        catch (BadHttpRequestException error)
        {
            return (null, [], ApiProblems.Field(error.StatusCode, "body", error.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? "The request body is larger than this server accepts."
                : error.Message));
        }

        if (raw.Length == 0)
        {
            return (null, raw, ApiProblems.BadRequest("body", "The request needs a JSON body."));
        }

        try
        {
            var value = JsonSerializer.Deserialize<T>(raw, ApiJson.Options);
            return value is null ? (null, raw, ApiProblems.BadRequest("body", "The body must be a JSON object, not null.")) : (value, raw, null);
        }
        catch (JsonException error)
        {
            return (null, raw, ApiProblems.BadRequest(FieldOf(error.Path), Explain(error)));
        }
    }

    private static bool IsJson(string contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media)
        && (media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || media.MediaType.Equals("application/merge-patch+json", StringComparison.OrdinalIgnoreCase));

    /// <summary>"$.requester.email" → "requester.email"; the whole body is "body".</summary>
    public static string FieldOf(string? jsonPath) =>
        string.IsNullOrEmpty(jsonPath) || jsonPath == "$" ? "body" : jsonPath.TrimStart('$').TrimStart('.');

    // System.Text.Json's messages name .NET types; clients should read about JSON.
    private static string Explain(JsonException error)
    {
        var message = error.InnerException?.Message ?? error.Message;
        if (message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            return "This member is not part of the request; check its spelling.";
        }

        if (message.Contains("UTF-8", StringComparison.OrdinalIgnoreCase) || message.Contains("transcode", StringComparison.OrdinalIgnoreCase))
        {
            return "The body is not valid UTF-8.";
        }

        if (message.Contains("Duplicate", StringComparison.OrdinalIgnoreCase))
        {
            return "This member appears more than once.";
        }

        return error.Path is null or "$"
            ? "The body is not valid JSON (or not UTF-8)."
            : "This value has the wrong type or format for this member.";
    }
}
