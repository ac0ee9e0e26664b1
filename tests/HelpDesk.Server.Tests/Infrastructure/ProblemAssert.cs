using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace HelpDesk.Server.Tests.Infrastructure;

/// <summary>Checks the API's error shape: an RFC 7807 problem document whose <c>field</c> names what was wrong.</summary>
public static class ProblemAssert
{
    public static async Task<JsonElement> IsProblemAsync(HttpResponseMessage response, HttpStatusCode status, string field)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.True(problem.TryGetProperty("field", out var named), $"The problem names no field: {text}");
        Assert.Equal(field, named.GetString());
        return problem;
    }

    public static async Task<JsonElement> IsProblemAsync(Task<HttpResponseMessage> request, HttpStatusCode status, string field)
    {
        using var response = await request;
        return await IsProblemAsync(response, status, field);
    }

    /// <summary>Reads a success answer, failing with the server's problem text when it is not one.</summary>
    public static async Task<JsonElement> IsSuccessAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
