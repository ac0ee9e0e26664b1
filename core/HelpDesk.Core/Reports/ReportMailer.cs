using System.Text;
using HelpDesk.Core.Notifications;
using HelpDesk.Core.Retries;
using HelpDesk.Sdk.Capabilities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace HelpDesk.Core.Reports;

/// <summary>
/// Mails finished runs to their recipients through the notifications' outbound channel, a Quartz job every
/// <see cref="ReportDeliveryOptions.CheckInterval"/> on every node: each due delivery is claimed, sent with its
/// recipient's page (charts inline, CSV attached) under its own message id, and marked sent, or retried after a backoff.
/// The claim keeps two nodes from sending one delivery at once; the fixed message id lets the channel drop a repeat
/// after a crash between its send and our record of it.
/// </summary>
[DisallowConcurrentExecution]
public sealed class ReportMailer(
    OutboundChannel outbound, ReportRuns runs, ReportDeliveries deliveries, IOptions<ReportDeliveryOptions> options, TimeProvider time, ILogger<ReportMailer> logger) : IJob
{
    public static readonly JobKey Key = new("report-mailer", "helpdesk");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await DeliverDueAsync(cancellationToken);

    /// <summary>Attempts every due delivery once; returns how many were sent.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        var sent = 0;
        var reports = new Dictionary<string, ReportRun?>(StringComparer.Ordinal);
        foreach (var delivery in await deliveries.DueAsync(time.GetUtcNow(), 100, cancellationToken))
        {
            var now = time.GetUtcNow();
            if (!await deliveries.ClaimAsync(delivery, now, now + options.Value.ClaimTimeout, cancellationToken))
            {
                continue;
            }

            if (!reports.TryGetValue(delivery.RunId, out var run))
            {
                reports[delivery.RunId] = run = await runs.GetAsync(delivery.RunId, cancellationToken);
            }

            sent += await AttemptAsync(delivery, run, cancellationToken) ? 1 : 0;
        }

        return sent;
    }

    private async Task<bool> AttemptAsync(ReportDelivery delivery, ReportRun? run, CancellationToken cancellationToken)
    {
        if (run is null || Compose(run, delivery) is not { } message)
        {
            await deliveries.FailedAsync(delivery, "The archive has no report for this run in the recipient's language.", retryAt: null, cancellationToken);
            return false;
        }

        var result = outbound.Find() is { } channel
            ? await channel.CallAsync((c, token) => c.SendAsync(message, token), cancellationToken)
            : null;
        if (result is { Succeeded: true })
        {
            await deliveries.SentAsync(delivery, time.GetUtcNow(), cancellationToken);
            return true;
        }

        // No channel running (not installed, reloading) waits like an outage: the report is not the problem.
        var (error, transient) = result?.Failure is { } failure
            ? (failure.Message, failure.IsTransient)
            : ($"No running plugin offers the outbound channel '{outbound.Name}'.", true);
        var attempts = delivery.Attempts + 1;
        var giveUp = !transient && attempts >= options.Value.MaxAttempts;
        logger.LogWarning("Report run {Run} to {Recipient} not sent (attempt {Attempts}{Final}): {Error}", delivery.RunId, delivery.Email, attempts, giveUp ? ", giving up" : "", error);
        await deliveries.FailedAsync(delivery, error, giveUp ? null : time.GetUtcNow() + RetryBackoff.Doubling(options.Value.FirstRetryDelay, options.Value.MaxRetryDelay, attempts - 1), cancellationToken);
        return false;
    }

    /// <summary>The recipient's page with its charts inline and the CSV attached; null when the run kept no mail for them.</summary>
    private static OutboundMessage? Compose(ReportRun run, ReportDelivery delivery)
    {
        if (run.Mail.GetValueOrDefault(delivery.Language) is not { } mail || run.Csv is not { } csv)
        {
            return null;
        }

        return new OutboundMessage(delivery.MessageId, 0, [new MessageRecipient(delivery.Email)], mail.Subject, mail.Text)
        {
            HtmlBody = mail.Html,
            Language = delivery.Language,
            Automatic = true,
            Attachments =
            [
                .. run.Charts.Select((png, n) => new OutboundAttachment(ReportRunLinks.ChartFileName(n), "image/png", png) { ContentId = ReportRunLinks.ChartContentId(run.Id, n) }),
                new OutboundAttachment(ReportRunLinks.CsvFileName(run.Id), "text/csv", Encoding.UTF8.GetBytes(csv)),
            ],
        };
    }
}
