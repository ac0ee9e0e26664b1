using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace HelpDesk.Server.Tests.Infrastructure;

/// <summary>Small helpers so tests read as the API calls they make.</summary>
public static class TicketClient
{
    public static object NewTicket(string subject = "Cannot log in", string email = "ana@example.com", string description = "The login page says my password expired.") =>
        new { subject, description, requester = new { email, name = "Ana" } };

    public static async Task<JsonElement> CreateTicketAsync(this HttpClient client, object? body = null)
    {
        var response = await client.PostAsJsonAsync("/api/v1/tickets", body ?? NewTicket());
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"GET {url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<long> CreateTicketNumberAsync(this HttpClient client, object? body = null) =>
        (await client.CreateTicketAsync(body)).GetProperty("number").GetInt64();

    /// <summary>A JSON request with an optional <c>If-Match</c>, answered as is.</summary>
    public static Task<HttpResponseMessage> SendJsonAsync(this HttpClient client, HttpMethod method, string url, object body, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return client.SendAsync(request);
    }

    public static async Task<JsonElement> UpdateTicketAsync(this HttpClient client, long number, object body)
    {
        using var response = await client.PatchAsJsonAsync($"/api/v1/tickets/{number}", body);
        return await ProblemAssert.IsSuccessAsync(response, HttpStatusCode.OK);
    }

    public static async Task<JsonElement> AddMessageAsync(this HttpClient client, long number, string body, string visibility = "public")
    {
        using var response = await client.PostAsJsonAsync($"/api/v1/tickets/{number}/messages", new { body, visibility });
        return await ProblemAssert.IsSuccessAsync(response, HttpStatusCode.Created);
    }

    /// <summary>The ticket numbers of one list page, in the order the API gave them.</summary>
    public static async Task<long[]> ListNumbersAsync(this HttpClient client, string query) =>
        [.. (await client.GetJsonAsync($"/api/v1/tickets?{query}")).GetProperty("items").EnumerateArray().Select(t => t.GetProperty("number").GetInt64())];

    public static async Task<JsonElement[]> EventsAsync(this HttpClient client, long number) =>
        [.. (await client.GetJsonAsync($"/api/v1/tickets/{number}/events")).GetProperty("items").EnumerateArray()];
}
