using HelpDesk.Connectors.Email.Hosting;
using Microsoft.Extensions.Configuration;

namespace HelpDesk.Connectors.Email.Tests;

public sealed class OptionsTests
{
    private static EmailOptions Read(Dictionary<string, string?> settings, out List<string> problems) =>
        EmailOptionsReader.Read(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), out problems);

    [Fact]
    public void A_mailbox_with_a_bad_value_is_left_out_naming_the_key_and_the_others_run()
    {
        var settings = EmailHarness.Merge(
            EmailHarness.Mailbox(0, "good", "good@helpdesk.test"),
            EmailHarness.Mailbox(1, "bad-port", "bad@helpdesk.test", new() { ["Port"] = "70000" }),
            EmailHarness.Mailbox(2, "bad-security", "worse@helpdesk.test", new() { ["Security"] = "ssl3" }),
            new() { ["SenderLimit"] = "99999999999" });

        var options = Read(settings, out var problems);

        Assert.Equal(["good"], options.Mailboxes.Select(m => m.Name));
        Assert.Contains(problems, p => p.StartsWith("Mailboxes:1:Port '70000'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Mailboxes:2:Security 'ssl3'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("SenderLimit '99999999999'", StringComparison.Ordinal));
        Assert.Equal(new EmailOptions().SenderLimit, options.SenderLimit);
    }

    [Fact]
    public void Lists_are_read_from_json_arrays_even_beside_an_empty_value_and_from_one_comma_separated_variable()
    {
        var options = Read(EmailHarness.Merge(EmailHarness.Mailbox(0, "sales", "sales@helpdesk.test", new() { ["Tags"] = "", ["Tags:0"] = "sales", ["Tags:1"] = "books" }), new() { ["OwnAddresses"] = "noreply@helpdesk.test, alias@helpdesk.test" }), out var problems);

        Assert.Empty(problems);
        Assert.Equal(["sales", "books"], options.Mailboxes[0].Tags);
        Assert.Equal(["noreply@helpdesk.test", "alias@helpdesk.test"], options.OwnAddresses);
    }
}
