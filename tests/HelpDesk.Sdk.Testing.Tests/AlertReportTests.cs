using HelpDesk.Sdk.Alerts;
using HelpDesk.Sdk.Tickets;
using Microsoft.Extensions.Time.Testing;

namespace HelpDesk.Sdk.Testing.Tests;

/// <summary>The test kit answers alert reports with the hub's own alert rules, so a connector's tests see what the hub would do.</summary>
public sealed class AlertReportTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly RecordingHelpDeskApi _api;

    public AlertReportTests() => _api = new RecordingHelpDeskApi(_time);

    private static AlertSignal Firing(string occurrence = "") => new("alertmanager", "bef14209e40016bc", AlertStatus.Firing, "Checkout error rate above 5%")
    {
        Severity = AlertSeverity.Critical,
        Labels = new Dictionary<string, string> { ["service"] = "checkout" },
        OccurrenceId = occurrence.Length == 0 ? null : occurrence,
    };

    [Fact]
    public async Task The_first_firing_opens_an_urgent_ticket_in_the_services_queue_and_repeats_count_on_it()
    {
        var opened = await _api.ReportAlertAsync(Firing(), default);
        var repeated = await _api.ReportAlertAsync(Firing(), default);

        var ticket = (await _api.GetTicketAsync(opened.TicketNumber!.Value, default))!;
        Assert.Equal((AlertOutcome.Opened, AlertOutcome.Occurred, 2), (opened.Outcome, repeated.Outcome, repeated.Occurrences));
        Assert.Equal((TicketPriority.Urgent, "checkout", "alertmanager@monitoring.invalid"), (ticket.Priority, ticket.Queue, ticket.Requester.Email));
        Assert.Contains("severity-critical", ticket.Tags);
        Assert.Equal(2, _api.ReportedAlerts.Count);
    }

    [Fact]
    public async Task A_repeated_occurrence_is_a_duplicate_and_a_resolution_solves_the_ticket()
    {
        await _api.ReportAlertAsync(Firing("f@1"), default);

        var duplicate = await _api.ReportAlertAsync(Firing("f@1"), default);
        var resolved = await _api.ReportAlertAsync(Firing("r@1") with { Status = AlertStatus.Resolved }, default);
        var again = await _api.ReportAlertAsync(Firing("r@1") with { Status = AlertStatus.Resolved }, default);

        Assert.Equal((AlertOutcome.Duplicate, AlertOutcome.Resolved, AlertOutcome.Duplicate), (duplicate.Outcome, resolved.Outcome, again.Outcome));
        Assert.Equal(TicketStatus.Solved, (await _api.GetTicketAsync(resolved.TicketNumber!.Value, default))!.Status);
    }

    [Fact]
    public async Task A_report_the_hub_would_refuse_is_refused_naming_the_field()
    {
        var refusal = await Assert.ThrowsAsync<HelpDeskApiException>(() => _api.ReportAlertAsync(Firing() with { DedupKey = "" }, default));

        Assert.Equal((HelpDeskApiError.Invalid, "dedupKey"), (refusal.Kind, refusal.Field));
        Assert.Empty(await _api.FindByExternalIdAsync("alert:alertmanager:", default));
    }
}
