using System.Net;
using System.Net.Http.Headers;
using System.Text;
using HelpDesk.Connectors.Crm.HubSpot;
using HelpDesk.TestSupport;
using Microsoft.Extensions.Time.Testing;
using Polly;
using Polly.Timeout;

namespace HelpDesk.Connectors.Crm.Tests;

public sealed class HubSpotRetriesTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(5);

    [Fact]
    public void Retry_after_as_an_http_date_is_read_against_the_injected_clock()
    {
        using var response = TooManyRequests();
        response.Headers.RetryAfter = new RetryConditionHeaderValue(Clock.GetUtcNow().AddSeconds(3));

        Assert.Equal(TimeSpan.FromSeconds(3), HubSpotRetries.Wait(response, search: false, Clock));
    }

    [Fact]
    public void Retry_after_in_seconds_wins_over_the_rate_limit_window()
    {
        using var response = TooManyRequests(intervalMilliseconds: "10000");
        response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(2));

        Assert.Equal(TimeSpan.FromSeconds(2), HubSpotRetries.Wait(response, search: false, Clock));
    }

    [Fact]
    public void Without_retry_after_a_read_waits_the_window_and_a_search_one_second()
    {
        using var withWindow = TooManyRequests(intervalMilliseconds: "10000");
        using var withoutWindow = TooManyRequests();
        using var serverError = new HttpResponseMessage(HttpStatusCode.InternalServerError);

        Assert.Equal(TimeSpan.FromSeconds(10), HubSpotRetries.Wait(withWindow, search: false, Clock));
        Assert.Equal(TimeSpan.FromSeconds(1), HubSpotRetries.Wait(withWindow, search: true, Clock));
        Assert.Equal(TimeSpan.FromSeconds(1), HubSpotRetries.Wait(withoutWindow, search: false, Clock));
        Assert.Null(HubSpotRetries.Wait(serverError, search: false, Clock));
    }

    [Fact]
    public void Jitter_adds_up_to_a_fifth_and_never_takes_away()
    {
        var waits = Enumerable.Range(0, 200).Select(_ => HubSpotRetries.Jittered(TimeSpan.FromSeconds(1))!.Value).ToList();

        Assert.All(waits, wait => Assert.InRange(wait, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1.2)));
        Assert.True(waits.Distinct().Count() > 1);
    }

    [Fact]
    public async Task A_daily_limit_is_never_retried_by_its_body_or_by_its_header()
    {
        using var dailyBody = TooManyRequests(body: DailyBody());
        using var dailyHeader = TooManyRequests();
        dailyHeader.Headers.Add("X-HubSpot-RateLimit-Daily-Remaining", "0");
        using var secondly = TooManyRequests(body: Encoding.UTF8.GetString(ContractFixtures.Bytes("hubspot-crm", "error-429.json")));

        Assert.False(await ShouldRetry(Outcome.FromResult(dailyBody)));
        Assert.False(await ShouldRetry(Outcome.FromResult(dailyHeader)));
        Assert.True(await ShouldRetry(Outcome.FromResult(secondly)));
        Assert.Contains("DAILY", await dailyBody.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Server_errors_and_refused_connections_are_retried_timeouts_and_client_errors_are_not()
    {
        using var unavailable = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        using var unauthorized = new HttpResponseMessage(HttpStatusCode.Unauthorized);
        using var badRequest = new HttpResponseMessage(HttpStatusCode.BadRequest);

        Assert.True(await ShouldRetry(Outcome.FromResult(unavailable)));
        Assert.True(await ShouldRetry(Outcome.FromException<HttpResponseMessage>(new HttpRequestException("connection refused"))));
        Assert.False(await ShouldRetry(Outcome.FromResult(unauthorized)));
        Assert.False(await ShouldRetry(Outcome.FromResult(badRequest)));
        Assert.False(await ShouldRetry(Outcome.FromException<HttpResponseMessage>(new TimeoutRejectedException())));
    }

    private static ValueTask<bool> ShouldRetry(Outcome<HttpResponseMessage> outcome) =>
        HubSpotRetries.ShouldRetryAsync(outcome, request: null, MaxWait, Clock, TestContext.Current.CancellationToken);

    private static HttpResponseMessage TooManyRequests(string? intervalMilliseconds = null, string body = "")
    {
        var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (intervalMilliseconds is not null)
        {
            response.Headers.Add("X-HubSpot-RateLimit-Interval-Milliseconds", intervalMilliseconds);
        }

        return response;
    }

    private static string DailyBody() =>
        Encoding.UTF8.GetString(ContractFixtures.Bytes("hubspot-crm", "error-429.json")).Replace("\"SECONDLY\"", "\"DAILY\"", StringComparison.Ordinal);
}
