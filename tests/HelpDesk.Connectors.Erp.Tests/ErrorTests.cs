using HelpDesk.Connectors.Erp.Api;
using HelpDesk.TestSupport.Fakes;

namespace HelpDesk.Connectors.Erp.Tests;

/// <summary>Odoo's JSON-RPC errors (HTTP 200 envelopes) by <c>error.data.name</c>, as the contract's table says.</summary>
public sealed class ErrorTests : IAsyncLifetime
{
    private FakeOdoo _odoo = null!;

    public async ValueTask InitializeAsync()
    {
        _odoo = await FakeOdoo.StartAsync();
        Northwind.Seed(_odoo);
    }

    public async ValueTask DisposeAsync() => await _odoo.DisposeAsync();

    [Fact]
    public async Task A_wrong_api_key_fails_the_login_with_a_credentials_error_naming_the_settings_and_is_not_retried()
    {
        const string wrongKey = "wrong-0123456789abcdef0123456789abcdef";
        await using var harness = ErpHarness.For(_odoo, new() { ["ApiKey"] = wrongKey });

        var failure = await Assert.ThrowsAsync<OdooException>(() => harness.FindAsync());

        Assert.Equal(OdooFailure.Credentials, failure.Failure);
        Assert.Contains("User and ApiKey", failure.Message, StringComparison.Ordinal);
        Assert.Contains(FakeOdoo.User, failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(wrongKey, failure.Message, StringComparison.Ordinal);
        Assert.Equal(1, _odoo.Requests);
    }

    [Fact]
    public async Task A_key_revoked_after_login_gets_access_denied_once_and_the_message_never_holds_the_key()
    {
        var logs = new LogRecorder();
        await using var harness = ErpHarness.For(_odoo, logs: logs);
        await harness.FindAsync();
        var before = _odoo.Requests;
        _odoo.RevokeApiKey();

        var failure = await Assert.ThrowsAsync<OdooException>(() => harness.FindAsync());

        Assert.Equal(OdooFailure.Credentials, failure.Failure);
        Assert.Contains("AccessDenied", failure.Message, StringComparison.Ordinal);
        Assert.Contains("check ApiKey", failure.Message, StringComparison.Ordinal);
        Assert.Equal(before + 1, _odoo.Requests);
        Assert.DoesNotContain(FakeOdoo.ApiKey, failure.Message, StringComparison.Ordinal);
        Assert.NotEmpty(logs.Lines);
        Assert.DoesNotContain(logs.Lines, line => line.Contains(FakeOdoo.ApiKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_model_the_bot_may_not_read_is_a_configuration_error_naming_the_model_and_is_not_retried()
    {
        _odoo.Forbid("account.move");
        await using var harness = ErpHarness.For(_odoo);

        var failure = await Assert.ThrowsAsync<OdooException>(() => harness.FindAsync());

        Assert.Equal(OdooFailure.Configuration, failure.Failure);
        Assert.Contains($"'{FakeOdoo.User}' may not read account.move", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Accounting/Billing", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', failure.Message);
        Assert.Equal(1, _odoo.Received.Count(r => r.Model == "account.move"));
    }

    [Fact]
    public async Task A_user_error_is_the_requests_fault_and_is_not_retried()
    {
        await using var harness = ErpHarness.For(_odoo);
        await harness.FindAsync();
        var before = _odoo.Requests;
        _odoo.Fail(FakeOdooFault.UserError);

        var failure = await Assert.ThrowsAsync<OdooException>(() => harness.FindAsync());

        Assert.Equal(OdooFailure.BadRequest, failure.Failure);
        Assert.Contains("res.partner.search_read (UserError)", failure.Message, StringComparison.Ordinal);
        Assert.Equal(before + 1, _odoo.Requests);
    }

    [Fact]
    public async Task A_server_fault_reported_with_http_200_is_retried_and_the_lookup_succeeds()
    {
        await using var harness = ErpHarness.For(_odoo);
        _odoo.Fail(FakeOdooFault.ServerError, times: 2);

        var records = await harness.FindAsync();

        Assert.Equal(Northwind.Expected, records.Select(r => r.Number));
        Assert.Equal(3, _odoo.Received.Count(r => r.Method == "authenticate"));
    }

    [Fact]
    public async Task A_server_fault_that_persists_names_odoos_exception()
    {
        await using var harness = ErpHarness.For(_odoo);
        _odoo.Fail(FakeOdooFault.ServerError, times: 4);

        var failure = await Assert.ThrowsAsync<OdooException>(() => harness.FindAsync());

        Assert.Equal(OdooFailure.Unavailable, failure.Failure);
        Assert.Contains("psycopg2.OperationalError", failure.Message, StringComparison.Ordinal);
        Assert.Equal(4, _odoo.Requests);
    }
}
