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
}
