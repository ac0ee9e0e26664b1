using System.Net;
using System.Net.Http.Json;
using HelpDesk.Core.Sla;
using HelpDesk.Server.Tests.Infrastructure;
using HelpDesk.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace HelpDesk.Server.Tests.Sla;

public sealed class SlaApiTests(HubFixture hub) : IClassFixture<HubFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static object Weekdays(string zone) => new
    {
        name = "Office hours",
        timeZone = zone,
        shifts = new[] { "monday", "tuesday", "wednesday", "thursday", "friday" }.Select(day => new { day, start = "09:00", end = "18:00" }),
        holidays = new[] { new { date = "2026-12-25", name = "Christmas Day" } },
    };

    [Fact]
    public async Task A_calendar_and_a_policy_are_saved_and_a_matching_ticket_shows_its_sla_clocks()
    {
        var admin = hub.App.Admin();
        await ProblemAssert.IsSuccessAsync(await admin.PutAsJsonAsync("/api/v1/calendars/sao-paulo", Weekdays("America/Sao_Paulo"), Token), HttpStatusCode.Created);
        var policy = await ProblemAssert.IsSuccessAsync(
            await admin.PutAsJsonAsync("/api/v1/sla-policies/api-urgent", new
            {
                name = "Urgent tickets",
                conditions = new[] { new { field = "tags", @operator = "contains", value = "api-sla" } },
                targets = new object[] { new { kind = "first-response", minutes = 240, calendarId = "sao-paulo" }, new { kind = "resolution", minutes = 1440 } },
            }, Token),
            HttpStatusCode.Created);
        Assert.False(string.IsNullOrEmpty(policy.GetProperty("revision").GetString()));

        var number = await admin.CreateTicketNumberAsync(new
        {
            subject = "결제가 안 됩니다",
            description = "카드 결제 오류",
            requester = new { email = "minji@example.kr", language = "ko-KR", timeZone = "Asia/Seoul" },
            tags = new[] { "api-sla" },
        });

        System.Text.Json.JsonElement sla = default;
        await Eventually.TrueAsync(async () => (await admin.GetJsonAsync($"/api/v1/tickets/{number}")).TryGetProperty("sla", out sla), TimeSpan.FromSeconds(15));
        Assert.Equal(("api-urgent", "ok"), (sla.GetProperty("policy").GetString(), sla.GetProperty("state").GetString()));
        Assert.Equal(["first-response", "resolution"], sla.GetProperty("targets").EnumerateArray().Select(t => t.GetProperty("kind").GetString()));
        Assert.True(sla.GetProperty("dueAt").GetDateTimeOffset() > DateTimeOffset.UtcNow);
        var listed = await admin.GetJsonAsync("/api/v1/tickets?tag=api-sla&slaState=ok,warning&sort=dueAt");
        Assert.Contains(listed.GetProperty("items").EnumerateArray(), t => t.GetProperty("number").GetInt64() == number);
    }

    [Fact]
    public async Task Bad_calendars_policies_and_list_parameters_are_refused_naming_the_field()
    {
        var admin = hub.App.Admin();

        await ProblemAssert.IsProblemAsync(admin.PutAsJsonAsync("/api/v1/calendars/bad", Weekdays("Mars/Olympus"), Token), HttpStatusCode.BadRequest, "timeZone");
        await ProblemAssert.IsProblemAsync(admin.PutAsJsonAsync("/api/v1/calendars/bad", new { name = "X", timeZone = "UTC", shifts = new[] { new { day = "monday", start = "18:00", end = "09:00" } } }, Token), HttpStatusCode.BadRequest, "shifts[0]");
        await ProblemAssert.IsProblemAsync(admin.PutAsJsonAsync("/api/v1/calendars/bad", new { name = "X", timeZone = "UTC", shifts = new[] { new { day = "monday", start = "09:00", end = "13:00" }, new { day = "monday", start = "12:00", end = "18:00" } } }, Token), HttpStatusCode.BadRequest, "shifts[1]");
        await ProblemAssert.IsProblemAsync(admin.PutAsJsonAsync("/api/v1/calendars/bad", new { name = "X", timeZone = "UTC", shifts = new[] { new { day = "someday", start = "09:00", end = "13:00" } } }, Token), HttpStatusCode.BadRequest, "shifts[0].day");
        await ProblemAssert.IsProblemAsync(admin.PutAsJsonAsync("/api/v1/sla-policies/bad", new { name = "X", targets = new[] { new { kind = "first-response", minutes = 0 } } }, Token), HttpStatusCode.BadRequest, "targets[0].minutes");
        await ProblemAssert.IsProblemAsync(admin.PutAsJsonAsync("/api/v1/sla-policies/bad", new { name = "X", targets = new[] { new { kind = "resolution", minutes = 60, calendarId = "nowhere" } } }, Token), HttpStatusCode.BadRequest, "targets[0].calendarId");
        await ProblemAssert.IsProblemAsync(admin.PutAsJsonAsync("/api/v1/sla-policies/bad", new { name = "X", conditions = new[] { new { field = "mood", @operator = "is", value = "angry" } }, targets = new[] { new { kind = "resolution", minutes = 60 } } }, Token), HttpStatusCode.BadRequest, "conditions[0].field");
        await ProblemAssert.IsProblemAsync(admin.GetAsync("/api/v1/tickets?slaState=late", Token), HttpStatusCode.BadRequest, "slaState");
        await ProblemAssert.IsProblemAsync(admin.GetAsync("/api/v1/sla-policies/bad", Token), HttpStatusCode.NotFound, "id");
        await ProblemAssert.IsProblemAsync(admin.GetAsync("/api/v1/calendars/bad", Token), HttpStatusCode.NotFound, "id");
    }

    [Fact]
    public async Task A_calendar_in_use_by_a_policy_cannot_be_deleted()
    {
        var admin = hub.App.Admin();
        await admin.PutAsJsonAsync("/api/v1/calendars/in-use", Weekdays("Europe/Berlin"), Token);
        await admin.PutAsJsonAsync("/api/v1/sla-policies/uses-it", new { name = "Uses it", conditions = new[] { new { field = "tags", @operator = "contains", value = "never-used" } }, targets = new[] { new { kind = "resolution", minutes = 60, calendarId = "in-use" } } }, Token);

        await ProblemAssert.IsProblemAsync(admin.DeleteAsync("/api/v1/calendars/in-use", Token), HttpStatusCode.Conflict, "id");
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("/api/v1/sla-policies/uses-it", Token)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("/api/v1/calendars/in-use", Token)).StatusCode);
    }

    [Fact]
    public async Task The_sla_watch_is_a_quartz_job_on_the_configured_interval()
    {
        await using var app = HelpDeskApp.Sqlite(new() { ["HelpDesk:Sla:WatchInterval"] = "00:00:07" });
        _ = app.Admin();
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(Token);

        var triggers = await scheduler.GetTriggersOfJob(SlaWatch.Key, Token);

        var trigger = Assert.IsType<ISimpleTrigger>(Assert.Single(triggers), exactMatch: false);
        Assert.Equal(TimeSpan.FromSeconds(7), trigger.RepeatInterval);
    }
}
