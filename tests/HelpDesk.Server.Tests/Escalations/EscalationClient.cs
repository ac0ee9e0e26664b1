using System.Net.Http.Json;
using System.Text.Json;
using HelpDesk.Server.Tests.Infrastructure;
using HelpDesk.TestSupport;

namespace HelpDesk.Server.Tests.Escalations;

/// <summary>Escalating a ticket through the API and waiting for the tracker's answer, whichever tracker it is.</summary>
internal static class EscalationClient
{
    public static async Task<JsonElement> EscalateAsync(HttpClient client, long number, object body)
    {
        using var response = await client.PostAsJsonAsync($"/api/v1/tickets/{number}/escalations", body);
        return await ProblemAssert.IsSuccessAsync(response, System.Net.HttpStatusCode.Accepted);
    }

    /// <summary>Waits until the ticket's only escalation is done; returns the ticket.</summary>
    public static async Task<JsonElement> WaitUntilEscalatedAsync(HttpClient client, long number, TimeSpan patience)
    {
        JsonElement ticket = default;
        await Eventually.TrueAsync(
            async () => (ticket = await client.GetJsonAsync($"/api/v1/tickets/{number}")).GetProperty("escalations")[0].GetProperty("state").GetString() == "done",
            patience);
        return ticket;
    }
}
