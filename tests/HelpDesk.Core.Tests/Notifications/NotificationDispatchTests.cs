using System.Text.Json;
using HelpDesk.Core.Plugins.Hosting;
using HelpDesk.Core.Customers;
using HelpDesk.Core.Routing;
using HelpDesk.Core.Satisfaction;
using HelpDesk.Core.Tests.Plugins;
using HelpDesk.Core.Tests.Tickets;
using HelpDesk.Core.Tickets;
using HelpDesk.Domain.Commands;
using HelpDesk.Domain.Routing;
using HelpDesk.Domain.Rules;
using HelpDesk.Domain.Tickets;
using HelpDesk.TestSupport;
using Microsoft.Extensions.Configuration;

namespace HelpDesk.Core.Tests.Notifications;

/// <summary>Notifications from the event feed through a real plugin's outbound channel (the capabilities fixture, named "email").</summary>
public sealed class NotificationDispatchTests(TicketClusterFixture fixture) : IClassFixture<TicketClusterFixture>
{
    private static readonly Actor Agent = new(ActorKind.Agent, "ana", "Ana Agent");

    // One outbox for the class: the channel is installed once per fixture and keeps recording where it was told.
    private static readonly TempDirectory Outbox = new();

    [Fact]
    public async Task The_requester_hears_in_korean_the_assignee_hears_of_the_assignment_and_internal_notes_send_nothing()
    {
        await InstallChannelAsync();
        await fixture.SiloService<RoutingStore>().SaveAgentAsync(new Agent("ana", "Ana Agent", "ana@helpdesk.example", AgentKind.Full, ["en"], [], "Europe/Berlin", 20), CancellationToken.None);
        var commands = fixture.SiloService<TicketCommands>();

        var number = (await commands.OpenAsync(new OpenTicket("결제 오류", "카드 결제가 안 됩니다", new Requester("minji@example.kr", "김민지", "ko-KR", "Asia/Seoul", null)), Agent, null, null, CancellationToken.None)).Ticket!.Number;
        await commands.AddMessageAsync(number, new AddMessage("확인 중입니다.", MessageVisibility.Public, Agent), null);
        await commands.AddMessageAsync(number, new AddMessage("Internal: card processor incident?", MessageVisibility.Internal, Agent), null);
        await commands.UpdateAsync(number, new UpdateTicket { Assignee = new Change<string?>("ana") }, Agent, null);

        await Eventually.TrueAsync(() => Task.FromResult(Sent().Count(m => m.Ticket == number) >= 3), TimeSpan.FromSeconds(20));
        var sent = Sent().Where(m => m.Ticket == number).ToList();
        Assert.Equal(3, sent.Count);
        Assert.Equal($"[#{number}] 문의가 접수되었습니다: 결제 오류", sent[0].Subject);
        Assert.Equal("minji@example.kr", sent[0].To);
        Assert.Contains("(Asia/Seoul)", sent[0].Text, StringComparison.Ordinal);
        Assert.Contains("확인 중입니다.", sent[1].Text, StringComparison.Ordinal);
        Assert.Equal(("ana@helpdesk.example", $"[#{number}] Assigned to you: 결제 오류"), (sent[2].To, sent[2].Subject));
        Assert.DoesNotContain(sent, m => m.Text.Contains("card processor", StringComparison.Ordinal));
        Assert.Equal(sent.Count, sent.Select(m => m.MessageId).Distinct().Count());
    }

    [Fact]
    public async Task The_solved_notification_carries_a_signed_link_to_rate_that_solve_once()
    {
        await InstallChannelAsync();
        var commands = fixture.SiloService<TicketCommands>();
        var number = (await commands.OpenAsync(new OpenTicket("Invoice wrong", "Please fix", new Requester("paul@example.com", "Paul", "en", null, null)), Agent, null, null, CancellationToken.None)).Ticket!.Number;
        var solved = (await commands.UpdateAsync(number, new UpdateTicket { Status = TicketStatus.Solved }, Agent, null)).Ticket!.Version;

        await Eventually.TrueAsync(() => Task.FromResult(Sent().Any(m => m.Ticket == number && m.Subject.Contains("Solved", StringComparison.Ordinal))), TimeSpan.FromSeconds(20));
        var text = Sent().Single(m => m.Ticket == number && m.Subject.Contains("Solved", StringComparison.Ordinal)).Text;
        var url = text.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Single(w => w.Contains("/satisfaction/", StringComparison.Ordinal));
        var token = await fixture.SiloService<SatisfactionLinks>().ReadAsync(url[(url.LastIndexOf('/') + 1)..], CancellationToken.None);
        Assert.Equal((SatisfactionTokenState.Valid, number, solved), (token.State, token.Ticket, token.SolvedVersion));

        var first = await commands.RateSatisfactionAsync(number, token.SolvedVersion, SatisfactionRating.Good, "Quick, thanks");
        var second = await commands.RateSatisfactionAsync(number, token.SolvedVersion, SatisfactionRating.Bad, null);
        Assert.Null(first.Rejection);
        Assert.Equal(RejectionKind.Conflict, second.Rejection?.Kind);
        var raw = url[(url.LastIndexOf('/') + 1)..];
        var tampered = await fixture.SiloService<SatisfactionLinks>().ReadAsync(raw[..^2] + (raw[^2] == 'A' ? 'B' : 'A') + raw[^1], CancellationToken.None);
        Assert.NotEqual(SatisfactionTokenState.Valid, tampered.State);
    }

    [Fact]
    public async Task Opted_out_customers_get_replies_but_no_notices_and_opted_out_agents_get_nothing()
    {
        await InstallChannelAsync();
        await fixture.SiloService<CustomerStore>().SaveAsync(new CustomerContext("quiet@example.com", null, null) { Notify = false }, CancellationToken.None);
        await fixture.SiloService<RoutingStore>().SaveAgentAsync(new Agent("ben", "Ben", "ben@helpdesk.example", AgentKind.Full, ["en"], [], null, 20) { Notify = false }, CancellationToken.None);
        var commands = fixture.SiloService<TicketCommands>();

        var number = (await commands.OpenAsync(new OpenTicket("Quiet please", "No mail", new Requester("quiet@example.com", "Quinn", "en", null, null)), Agent, null, null, CancellationToken.None)).Ticket!.Number;
        await commands.UpdateAsync(number, new UpdateTicket { Assignee = new Change<string?>("ben") }, Agent, null);
        await commands.AddMessageAsync(number, new AddMessage("Here is the answer.", MessageVisibility.Public, Agent), null);
        await commands.UpdateAsync(number, new UpdateTicket { Status = TicketStatus.Solved }, Agent, null);

        await Eventually.TrueAsync(() => Task.FromResult(Sent().Any(m => m.Ticket == number)), TimeSpan.FromSeconds(20));
        await Task.Delay(TimeSpan.FromSeconds(1));
        var sent = Assert.Single(Sent(), m => m.Ticket == number);
        Assert.Contains("Here is the answer.", sent.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_assignee_hears_when_the_escalated_issue_is_done_and_engineerings_comment_lists_as_an_internal_note()
    {
        await InstallChannelAsync();
        await fixture.SiloService<RoutingStore>().SaveAgentAsync(new Agent("dae", "Dae", "dae@helpdesk.example", AgentKind.Full, ["en"], [], null, 20), CancellationToken.None);
        var commands = fixture.SiloService<TicketCommands>();
        var number = (await commands.OpenAsync(new OpenTicket("Export times out", "Since Monday", new Requester("lena@example.com", "Lena", "en", null, null)), Agent, null, null, CancellationToken.None)).Ticket!.Number;
        await commands.UpdateAsync(number, new UpdateTicket { Assignee = new Change<string?>("dae"), Status = TicketStatus.Pending }, Agent, null);
        var jira = new Actor(ActorKind.Integration, "plugin:jira", "jira");
        await commands.LinkExternalIssueAsync(number, new ExternalLink("jira", "OPS-7", "https://jira.example.com/browse/OPS-7"), jira);

        await commands.RecordExternalUpdateAsync(number, new RecordExternalUpdate("jira", "OPS-7", "Done", true, "Fixed in 2.4.1, deploying today.", "Eve", null, "delivery-1"), jira);

        await Eventually.TrueAsync(() => Task.FromResult(Sent().Any(m => m.Ticket == number && m.To == "dae@helpdesk.example" && m.Subject.Contains("Engineering is done", StringComparison.Ordinal))), TimeSpan.FromSeconds(20));
        var done = Sent().Single(m => m.Ticket == number && m.Subject.Contains("Engineering is done", StringComparison.Ordinal));
        Assert.Contains("jira OPS-7 is now Done.", done.Text, StringComparison.Ordinal);
        Assert.Contains("Eve: Fixed in 2.4.1", done.Text, StringComparison.Ordinal);
        var messages = await fixture.SiloService<HelpDesk.Core.Queries.TicketQueries>().MessagesAsync(number, includeInternal: true, CancellationToken.None);
        var note = Assert.Single(messages, m => m.Body == "Fixed in 2.4.1, deploying today.");
        Assert.Equal((MessageVisibility.Internal, "Eve (jira OPS-7)"), (note.Visibility, note.Author.Name));
        Assert.DoesNotContain(await fixture.SiloService<HelpDesk.Core.Queries.TicketQueries>().MessagesAsync(number, includeInternal: false, CancellationToken.None), m => m.Body.StartsWith("Fixed", StringComparison.Ordinal));
        Assert.Equal(TicketStatus.Open, (await fixture.SiloService<HelpDesk.Core.Queries.TicketQueries>().GetAsync(number, CancellationToken.None))!.Status);
    }

    private async Task InstallChannelAsync()
    {
        const string Id = "mail-fixture";
        if (fixture.SiloService<PluginHost>().Find(Id)?.Status.State == PluginState.Running)
        {
            return;
        }

        var configuration = fixture.SiloService<IConfiguration>();
        configuration[$"HelpDesk:Plugins:{Id}:Name"] = Id;
        configuration[$"HelpDesk:Plugins:{Id}:ChannelName"] = "email";
        configuration[$"HelpDesk:Plugins:{Id}:RecordTo"] = Outbox.Path;
        configuration[$"HelpDesk:Plugins:{Id}:Cron"] = "0 0 0 1 1 ? 2099";
        CapabilitiesFixture.Install(fixture.PluginsDirectory, Id);
        await Eventually.TrueAsync(() => fixture.SiloService<PluginHost>().Find(Id)?.Status.State == PluginState.Running);
    }

    private static List<(long Ticket, string MessageId, string To, string Subject, string Text)> Sent()
    {
        var file = Path.Combine(Outbox.Path, "outbound.jsonl");
        if (!File.Exists(file))
        {
            return [];
        }

        return [.. File.ReadAllLines(file).Where(l => l.Length > 0).Select(l => JsonDocument.Parse(l).RootElement).Select(m => (
            m.GetProperty("Ticket").GetInt64(), m.GetProperty("MessageId").GetString()!, m.GetProperty("To")[0].GetProperty("Address").GetString()!,
            m.GetProperty("Subject").GetString()!, m.GetProperty("TextBody").GetString()!))];
    }
}
