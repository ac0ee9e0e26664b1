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

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    public void Flapping_starts_at_exactly_the_threshold_of_changes_within_the_window(int threshold)
    {
        var policy = new AlertPolicy { FlapThreshold = threshold, FlapWindow = TimeSpan.FromMinutes(30) };
        AlertRecord? record = null;
        var flapping = new List<bool>();
        for (var minute = 0; minute <= threshold + 1; minute++)
        {
            var plan = AlertDecider.Decide(record, Report(minute % 2 == 0 ? AlertStatus.Firing : AlertStatus.Resolved), policy, Now.AddMinutes(minute));
            record = plan.Step == AlertStep.OpenTicket ? plan.Record! with { Ticket = 7 } : plan.Record;
            flapping.Add(record!.Flapping);
        }

        // The first firing is not a change; report number threshold (counting from 0) is the threshold-th change.
        Assert.Equal(Enumerable.Range(0, threshold + 2).Select(i => i >= threshold), flapping);
        Assert.Equal(threshold, record!.View().RecentStateChanges);
    }

    [Fact]
    public void The_default_policy_calls_five_changes_in_half_an_hour_flapping_but_not_five_spread_over_more()
    {
        var policy = new AlertPolicy();
        AlertPlan Last(int step)
        {
            AlertRecord? record = null;
            AlertPlan plan = null!;
            for (var i = 0; i <= 5; i++)
            {
                plan = AlertDecider.Decide(record, Report(i % 2 == 0 ? AlertStatus.Firing : AlertStatus.Resolved), policy, Now.AddMinutes(i * step));
                record = plan.Step == AlertStep.OpenTicket ? plan.Record! with { Ticket = 7 } : plan.Record;
            }

            return plan;
        }

        Assert.True(Last(step: 7).Record!.Flapping);
        Assert.False(Last(step: 8).Record!.Flapping);
    }

    [Fact]
    public void A_flapping_alert_that_keeps_firing_settles_once_its_changes_leave_the_window()
    {
        var (_, plans) = Run(
            (Report(), 0), (Report(AlertStatus.Resolved), 1), (Report(), 2), (Report(AlertStatus.Resolved), 3), (Report(), 4), (Report(), 10), (Report(), 14));

        Assert.Equal([false, false, false, true, true, true, false], plans.Select(p => p.Record!.Flapping));
        Assert.Equal(AlertOutcome.Occurred, plans[^1].Outcome);
    }

    [Fact]
    public void A_duplicate_is_recognised_for_any_status_and_changes_nothing()
    {
        var (record, plans) = Run((Report(occurrence: "a"), 0), (Report(AlertStatus.Resolved, occurrence: "r"), 1), (Report(AlertStatus.Resolved, occurrence: "r"), 2), (Report(occurrence: "a"), 3));

        Assert.Equal([AlertOutcome.Opened, AlertOutcome.Resolved, AlertOutcome.Duplicate, AlertOutcome.Duplicate], plans.Select(p => p.Outcome));
        Assert.Same(plans[1].Record, plans[3].Record);
        Assert.Equal((AlertStatus.Resolved, 1), (record!.Status, record.Occurrences));
    }

    [Fact]
    public void Only_the_most_recent_occurrence_ids_are_remembered()
    {
        var reports = Enumerable.Range(0, AlertRecord.RememberedOccurrences + 1).Select(i => (Report(occurrence: $"n-{i}"), i)).ToList();
        var (record, _) = Run([.. reports]);

        var forgotten = AlertDecider.Decide(record, Report(occurrence: "n-0"), Policy, Now.AddHours(1));
        var remembered = AlertDecider.Decide(record, Report(occurrence: "n-1"), Policy, Now.AddHours(1));

        Assert.Equal(AlertRecord.RememberedOccurrences, record!.RecentOccurrences.Count);
        Assert.Equal((AlertOutcome.Occurred, AlertRecord.RememberedOccurrences + 2), (forgotten.Outcome, forgotten.Record!.Occurrences));
        Assert.Equal(AlertOutcome.Duplicate, remembered.Outcome);
    }

    [Fact]
    public void A_repeat_takes_the_latest_severity_and_summary_and_the_senders_time_without_going_back()
    {
        var started = Now.AddMinutes(-3);
        var (record, _) = Run(
            (Report() with { OccurredAt = started }, 0),
            (Report() with { Severity = AlertSeverity.Warning, Summary = "Checkout error rate above 2%", OccurredAt = Now.AddMinutes(5) }, 6),
            (Report() with { OccurredAt = Now.AddMinutes(1) }, 7));

        Assert.Equal((started, Now.AddMinutes(5)), (record!.FirstSeenAt, record.LastSeenAt));
        Assert.Equal((AlertSeverity.Critical, "Checkout error rate above 5%", 3), (record.Severity, record.Summary, record.Occurrences));
    }

    [Fact]
    public void A_resolution_after_an_acknowledgement_counts_as_a_change_and_is_recorded()
    {
        var (record, plans) = Run((Report(), 0), (Report(AlertStatus.Acknowledged), 1), (Report(AlertStatus.Resolved), 2));

        Assert.Equal((AlertStep.UpdateTicket, AlertOutcome.Resolved), (plans[2].Step, plans[2].Outcome));
        Assert.Equal((AlertStatus.Resolved, (DateTimeOffset?)Now.AddMinutes(2), 1), (record!.Status, record.ResolvedAt, record.StateChanges.Count));
    }

    [Fact]
    public void A_new_episode_forgets_the_old_ones_count_changes_and_flapping()
    {
        var (record, plans) = Run(
            (Report(), 0), (Report(AlertStatus.Resolved), 1), (Report(), 2), (Report(AlertStatus.Resolved), 3), (Report(), 200));

        Assert.True(plans[3].Record!.Flapping);
        Assert.Equal((AlertOutcome.Opened, 1, false, 0), (plans[4].Outcome, plans[4].Record!.Occurrences, plans[4].Record!.Flapping, plans[4].Record!.StateChanges.Count));
        Assert.Equal((Now.AddMinutes(200), (DateTimeOffset?)null), (record!.FirstSeenAt, record.ResolvedAt));
    }

    [Fact]
    public void A_flapping_alert_settles_only_once_its_changes_have_left_the_window()
    {
        var (record, _) = Run((Report(), 0), (Report(AlertStatus.Resolved), 1), (Report(), 2), (Report(AlertStatus.Resolved), 3));

        var tooSoon = AlertDecider.Settle(record!, Policy, Now.AddMinutes(5));
        var quiet = AlertDecider.Settle(record!, Policy, Now.AddMinutes(14));

        Assert.True(record!.Flapping);
        Assert.Equal(AlertStep.None, tooSoon.Step);
        Assert.Equal((AlertStep.UpdateTicket, AlertOutcome.Resolved, false), (quiet.Step, quiet.Outcome, quiet.Record!.Flapping));
    }
}
