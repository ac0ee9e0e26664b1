using HelpDesk.Domain.Customers;
using HelpDesk.Domain.Tickets;

namespace HelpDesk.Domain.Tests.Customers;

public sealed class CustomerContextMergeTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private const string Email = "minji@hanbit.example";

    private static ContextSource Ok(string name, string provides = "profile") => new(name, name + "-plugin", provides, Now);

    private static ContextSource Failed(string name, string error) => new(name, name + "-plugin", "profile", Now, error);

    private static CustomerSnapshot Profile(string? company = null, string? tier = null, string? region = null, bool vip = false) =>
        new(Email, default) { Found = true, Company = company, Tier = tier, Region = region, Vip = vip };

    [Fact]
    public void Each_fact_comes_from_the_first_provider_that_knows_it_and_names_it()
    {
        var merged = CustomerContextMerge.Merge(Email, Now, [
            new ProviderAnswer(Ok("hubspot"), Profile(company: "Hanbit Media", tier: "vip")),
            new ProviderAnswer(Ok("salesforce"), Profile(company: "Hanbit Media Inc.", tier: "gold", region: "APAC", vip: true)),
        ], previous: null);

        Assert.Equal(("Hanbit Media", "vip", "APAC", true), (merged.Company, merged.Tier, merged.Region, merged.Vip));
        Assert.Equal("hubspot", merged.Provenance["company"]);
        Assert.Equal("salesforce", merged.Provenance["region"]);
        Assert.Equal("salesforce", merged.Provenance["vip"]);
        Assert.False(merged.IsStale);
        Assert.True(merged.Found);
    }

    [Fact]
    public void Records_from_every_provider_are_listed_newest_first_with_their_source()
    {
        var order = new CustomerRecord("odoo", CustomerRecordKind.Order, "1", "S00001", "sale") { Date = Now.AddDays(-10) };
        var invoice = new CustomerRecord("odoo", CustomerRecordKind.Invoice, "2", "INV/1", "not_paid") { Date = Now.AddDays(-2), DueAt = Now.AddDays(-1), AmountDue = new Money(50, "EUR") };
        var subscription = new CustomerRecord("chargebee", CustomerRecordKind.Subscription, "3", "SUB-3", "active") { Date = Now.AddDays(-5) };

        var merged = CustomerContextMerge.Merge(Email, Now, [
            new ProviderAnswer(Ok("odoo", "records"), Records: [order, invoice]),
            new ProviderAnswer(Ok("chargebee", "records"), Records: [subscription]),
        ], previous: null);

        Assert.Equal(["INV/1", "SUB-3", "S00001"], merged.Records.Select(r => r.Number));
        Assert.Equal(["INV/1"], merged.OverdueInvoices(Now).Select(r => r.Number));
        Assert.True(merged.Found);
    }

    [Fact]
    public void Nobody_knowing_the_customer_is_an_empty_context_not_a_stale_one()
    {
        var merged = CustomerContextMerge.Merge(Email, Now, [new ProviderAnswer(Ok("hubspot")), new ProviderAnswer(Ok("odoo", "records"), Records: [])], previous: null);

        Assert.False(merged.Found);
        Assert.False(merged.IsStale);
        Assert.Null(merged.Company);
        Assert.Equal(2, merged.Sources.Count);
    }

    [Fact]
    public void A_failed_provider_makes_the_context_stale_with_the_reason_and_keeps_what_it_said_before()
    {
        var before = CustomerContextMerge.Merge(Email, Now.AddHours(-1), [
            new ProviderAnswer(Ok("hubspot"), Profile(company: "Hanbit Media", tier: "vip") with { Links = [new ExternalLink("hubspot", "151", null)] }),
            new ProviderAnswer(Ok("odoo", "records"), Records: [new CustomerRecord("odoo", CustomerRecordKind.Order, "1", "S00001", "sale")]),
        ], previous: null);

        var merged = CustomerContextMerge.Merge(Email, Now, [
            new ProviderAnswer(Failed("hubspot", "HubSpot answered 500.")),
            new ProviderAnswer(Ok("odoo", "records"), Records: []),
        ], before);

        Assert.Equal("hubspot: HubSpot answered 500.", merged.StaleReason);
        Assert.Equal(("Hanbit Media", "vip"), (merged.Company, merged.Tier));
        Assert.Equal("hubspot", merged.Provenance["tier"]);
        Assert.Equal(["151"], merged.Links.Select(l => l.Key));
        // The records provider answered: its answer (none now) replaces what it said before.
        Assert.Empty(merged.Records);
    }

    [Fact]
    public void A_failure_on_first_lookup_is_stale_and_empty()
    {
        var merged = CustomerContextMerge.Merge(Email, Now, [new ProviderAnswer(Failed("hubspot", "did not answer in time."))], previous: null);

        Assert.True(merged.IsStale);
        Assert.False(merged.Found);
        Assert.Contains("did not answer in time", merged.StaleReason);
    }

    [Fact]
    public void Only_a_change_in_what_is_known_counts_as_new()
    {
        var first = CustomerContextMerge.Merge(Email, Now, [new ProviderAnswer(Ok("hubspot"), Profile(company: "Hanbit Media"))], previous: null);
        var later = CustomerContextMerge.Merge(Email, Now.AddMinutes(10), [new ProviderAnswer(Ok("hubspot") with { At = Now.AddMinutes(10) }, Profile(company: "Hanbit Media"))], previous: first);
        var changed = CustomerContextMerge.Merge(Email, Now.AddMinutes(20), [new ProviderAnswer(Ok("hubspot"), Profile(company: "Hanbit Media", tier: "vip"))], previous: later);

        Assert.True(first.SameAs(later));
        Assert.False(later.SameAs(changed));
    }
}
