using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using HelpDesk.Core.Security;
using HelpDesk.Server.Tests.Infrastructure;

namespace HelpDesk.Server.Tests.Reports;

/// <summary>The reports API over HTTP: JSON and CSV that say the same, and bad input refused naming the parameter.</summary>
public sealed class ReportsApiTests(HubFixture hub) : IClassFixture<HubFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_kpi_comes_as_json_or_as_csv_with_the_same_values()
    {
        var admin = hub.App.Admin();
        var before = DateTimeOffset.UtcNow.AddMinutes(-1);
        await admin.CreateTicketNumberAsync(new { subject = "Phone 1", description = "d", requester = new { email = "r1@example.com" }, channel = "phone" });
        await admin.CreateTicketNumberAsync(new { subject = "Phone 2", description = "d", requester = new { email = "r2@example.com" }, channel = "phone" });
        var range = $"from={Uri.EscapeDataString(before.ToString("O", CultureInfo.InvariantCulture))}&to={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(1).ToString("O", CultureInfo.InvariantCulture))}";

        var json = await admin.GetJsonAsync($"/api/v1/reports/volume?{range}&groupBy=channel");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/reports/volume?{range}&groupBy=channel");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        using var csvResponse = await admin.SendAsync(request, Token);
        var csv = (await csvResponse.Content.ReadAsStringAsync(Token)).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        var phone = json.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("key").GetString() == "phone");
        Assert.True(phone.GetProperty("values").GetProperty("tickets").GetDouble() >= 2);
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType?.MediaType);
        Assert.Equal("key,tickets", csv[0]);
        Assert.Contains($"phone,{phone.GetProperty("values").GetProperty("tickets").GetDouble().ToString(CultureInfo.InvariantCulture)}", csv);
        Assert.Contains("median and 90th percentile", (await admin.GetJsonAsync("/api/v1/reports")).GetProperty("items").EnumerateArray().Single(k => k.GetProperty("name").GetString() == "first-response-time").GetProperty("definition").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filters_by_ticket_attributes_count_only_the_matching_tickets()
    {
        var admin = hub.App.Admin();
        var before = DateTimeOffset.UtcNow.AddMinutes(-1);
        var category = $"filtered-{Guid.NewGuid():N}";
        foreach (var channel in new[] { "phone", "phone", "chat", "email" })
        {
            await admin.CreateTicketNumberAsync(new { subject = "Filtered", description = "d", requester = new { email = "f@example.com" }, channel, category });
        }

        await admin.CreateTicketNumberAsync(new { subject = "Other category", description = "d", requester = new { email = "f@example.com" }, channel = "phone", category = category + "-other" });
        var range = $"from={Uri.EscapeDataString(before.ToString("O", CultureInfo.InvariantCulture))}&to={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(1).ToString("O", CultureInfo.InvariantCulture))}";

        var report = await admin.GetJsonAsync($"/api/v1/reports/volume?{range}&groupBy=channel&category={category}&channel=phone&channel=CHAT");

        Assert.Equal(
            new Dictionary<string, double> { ["chat"] = 1, ["phone"] = 2 },
            report.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("key").GetString()!, r => r.GetProperty("values").GetProperty("tickets").GetDouble()));
        Assert.Equal([category], report.GetProperty("filters").GetProperty("category").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(["phone", "CHAT"], report.GetProperty("filters").GetProperty("channel").EnumerateArray().Select(v => v.GetString()));
    }

    [Theory]
    [InlineData("/api/v1/reports/happiness", "kpi")]
    [InlineData("/api/v1/reports/volume?groupBy=colour", "groupBy")]
    [InlineData("/api/v1/reports/volume?from=2026-11-20T00:00:00Z&to=2026-11-01T00:00:00Z", "from")]
    [InlineData("/api/v1/reports/volume?from=2024-01-01T00:00:00Z&to=2026-01-01T00:00:00Z", "to")]
    [InlineData("/api/v1/reports/volume?from=yesterday", "from")]
    [InlineData("/api/v1/reports/volume?timeZone=Mars/Olympus", "timeZone")]
    [InlineData("/api/v1/reports/backlog?groupBy=channel", "groupBy")]
    [InlineData("/api/v1/reports/volume?colour=red", "colour")]
    [InlineData("/api/v1/reports/volume?hour=3", "hour")]
    public async Task Bad_input_is_a_400_naming_the_parameter(string url, string field)
    {
        await ProblemAssert.IsProblemAsync(hub.App.Admin().GetAsync(url, Token), HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task Customer_keys_see_no_reports()
    {
        var customer = await hub.App.NewKeyAsync(ApiKeyScope.Integration, "reports-customer@example.com");

        Assert.Equal(HttpStatusCode.Forbidden, (await customer.GetAsync("/api/v1/reports/volume", Token)).StatusCode);
    }
}
