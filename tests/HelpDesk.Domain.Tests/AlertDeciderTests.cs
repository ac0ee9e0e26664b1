using HelpDesk.Domain.Alerts;
using static HelpDesk.Domain.Tests.Builders;

namespace HelpDesk.Domain.Tests;

/// <summary>What each report does to an alert key's record, before any ticket is touched.</summary>
public sealed class AlertDeciderTests
{
    private static readonly AlertPolicy Policy = new() { FlapThreshold = 3, FlapWindow = TimeSpan.FromMinutes(10), ReopenWindow = TimeSpan.FromHours(1) };

    private static ReportAlert Report(AlertStatus status = AlertStatus.Firing, string? occurrence = null) => new(
        "alertmanager", "bef14209e40016bc", status, "Checkout error rate above 5%", AlertSeverity.Critical, null,
        new Dictionary<string, string>(), [], OccurredAt: null, occurrence, Group: null);

    /// <summary>Applies reports in order at the given minutes past <see cref="Builders.Now"/>, as the grain does with each plan.</summary>
    private static (AlertRecord? Record, List<AlertPlan> Plans) Run(params (ReportAlert Report, int Minute)[] reports)
    {
        AlertRecord? record = null;
        var plans = new List<AlertPlan>();
        foreach (var (report, minute) in reports)
        {
            var plan = AlertDecider.Decide(record, report, Policy, Now.AddMinutes(minute));
            plans.Add(plan);
            record = plan.Step == AlertStep.OpenTicket ? plan.Record! with { Ticket = 7 } : plan.Record;
        }

        return (record, plans);
    }

    [Fact]
    public void The_first_firing_opens_a_ticket_and_repeats_are_counted_on_it()
    {
        var (record, plans) = Run((Report(), 0), (Report(), 1), (Report(), 2));

        Assert.Equal([AlertStep.OpenTicket, AlertStep.UpdateTicket, AlertStep.UpdateTicket], plans.Select(p => p.Step));
        Assert.Equal([AlertOutcome.Opened, AlertOutcome.Occurred, AlertOutcome.Occurred], plans.Select(p => p.Outcome));
        Assert.Equal((3, Now, Now.AddMinutes(2)), (record!.Occurrences, record.FirstSeenAt, record.LastSeenAt));
    }

    [Fact]
    public void A_report_whose_occurrence_id_was_seen_is_a_duplicate_and_one_without_an_id_always_counts()
    {
        var (record, plans) = Run((Report(occurrence: "a"), 0), (Report(occurrence: "a"), 1), (Report(occurrence: "b"), 2), (Report(), 3), (Report(), 4));

        Assert.Equal(AlertOutcome.Duplicate, plans[1].Outcome);
        Assert.Equal(AlertStep.None, plans[1].Step);
        Assert.Equal(4, record!.Occurrences);
    }

    [Fact]
    public void Acknowledging_or_resolving_an_alert_never_seen_or_already_resolved_is_ignored()
    {
        var (_, unseen) = Run((Report(AlertStatus.Acknowledged), 0), (Report(AlertStatus.Resolved), 1));
        var (_, twice) = Run((Report(), 0), (Report(AlertStatus.Resolved), 1), (Report(AlertStatus.Resolved), 2), (Report(AlertStatus.Acknowledged), 3));

        Assert.All(unseen, p => Assert.Equal((AlertStep.None, AlertOutcome.Ignored), (p.Step, p.Outcome)));
        Assert.Equal([AlertOutcome.Opened, AlertOutcome.Resolved, AlertOutcome.Ignored, AlertOutcome.Ignored], twice.Select(p => p.Outcome));
    }

    [Fact]
    public void An_acknowledgement_is_recorded_once_and_a_firing_after_it_counts()
    {
        var (record, plans) = Run((Report(), 0), (Report(AlertStatus.Acknowledged), 1), (Report(AlertStatus.Acknowledged), 2), (Report(), 3));

        Assert.Equal([AlertOutcome.Opened, AlertOutcome.Acknowledged, AlertOutcome.Duplicate, AlertOutcome.Occurred], plans.Select(p => p.Outcome));
        Assert.Equal((AlertStatus.Firing, 2), (record!.Status, record.Occurrences));
    }

    [Fact]
    public void A_firing_within_the_reopen_window_reopens_the_same_ticket_and_after_it_opens_a_new_one()
    {
        var (soon, soonPlans) = Run((Report(), 0), (Report(AlertStatus.Resolved), 5), (Report(), 64));
        var (_, latePlans) = Run((Report(), 0), (Report(AlertStatus.Resolved), 5), (Report(), 66));

        Assert.Equal((AlertStep.UpdateTicket, AlertOutcome.Reopened), (soonPlans[2].Step, soonPlans[2].Outcome));
        Assert.Equal((7L, 2), (soon!.Ticket, soon.Occurrences));
        Assert.Equal((AlertStep.OpenTicket, AlertOutcome.Opened), (latePlans[2].Step, latePlans[2].Outcome));
        Assert.Equal((null, 1, false), (latePlans[2].Record!.Ticket, latePlans[2].Record!.Occurrences, latePlans[2].Record!.Flapping));
    }

    [Fact]
    public void Three_changes_within_the_window_make_it_flapping_and_it_settles_once_they_fall_outside()
    {
        var (_, plans) = Run(
            (Report(), 0), (Report(AlertStatus.Resolved), 1), (Report(), 2), (Report(AlertStatus.Resolved), 3), (Report(), 30));

        Assert.Equal([false, false, false, true, false], plans.Select(p => p.Record!.Flapping));
    }

    [Fact]
    public void Changes_spread_wider_than_the_window_are_not_flapping_and_a_threshold_of_zero_turns_it_off()
    {
        var (_, spread) = Run((Report(), 0), (Report(AlertStatus.Resolved), 8), (Report(), 16), (Report(AlertStatus.Resolved), 24));
        var off = Policy with { FlapThreshold = 0 };
        AlertRecord? record = null;
        for (var minute = 0; minute < 10; minute++)
        {
            var plan = AlertDecider.Decide(record, Report(minute % 2 == 0 ? AlertStatus.Firing : AlertStatus.Resolved), off, Now.AddSeconds(minute));
            record = plan.Step == AlertStep.OpenTicket ? plan.Record! with { Ticket = 7 } : plan.Record;
        }

        Assert.All(spread, p => Assert.False(p.Record!.Flapping));
        Assert.False(record!.Flapping);
    }
}
