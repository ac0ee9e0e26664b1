using System.Net;

namespace HelpDesk.Server.Tests.Apis;

/// <summary>
/// One wrong request, as raw bytes so it can be malformed in any way, and the answer it must get.
/// <c>{open}</c> and <c>{closed}</c> in the path stand for the fixture's tickets.
/// </summary>
public sealed record BadInputCase(HttpMethod Method, string Path, byte[]? Body, HttpStatusCode Status, string Field)
{
    public string ContentType { get; init; } = "application/json";

    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
}
