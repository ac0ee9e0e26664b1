using System.Net;
using System.Net.Http.Json;
using HelpDesk.Core.Satisfaction;
using HelpDesk.Server.Tests.Infrastructure;
using HelpDesk.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace HelpDesk.Server.Tests.Notifications;

/// <summary>The customer rates a solve through the link's token alone: once, not with a forged or expired token.</summary>
public sealed class SatisfactionApiTests : IAsyncLifetime
{
    private readonly HelpDeskApp _app = HelpDeskApp.Sqlite();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_rating_is_recorded_once_per_solve_and_forged_or_expired_links_change_nothing()
    {
        var admin = _app.Admin();
        var number = await admin.CreateTicketNumberAsync(new { subject = "결제 오류", description = "카드 결제가 안 됩니다", requester = new { email = "minji@example.kr", name = "김민지", language = "ko-KR" } });
        var solved = (await admin.UpdateTicketAsync(number, new { status = "solved" })).GetProperty("version").GetInt32();
        var links = _app.Services.GetRequiredService<SatisfactionLinks>();
        var token = await links.TokenAsync(number, solved, DateTimeOffset.UtcNow.AddDays(1), CancellationToken.None);
        var expired = await links.TokenAsync(number, solved, DateTimeOffset.UtcNow.AddMinutes(-1), CancellationToken.None);
        using var customer = _app.CreateClient();

        var page = await customer.GetAsync($"/satisfaction/{token}");
        await ProblemAssert.IsProblemAsync(customer.PostAsJsonAsync($"/api/v1/satisfaction/{token[..^3]}AAA", new { rating = "good" }), HttpStatusCode.NotFound, "token");
        await ProblemAssert.IsProblemAsync(customer.PostAsJsonAsync($"/api/v1/satisfaction/{expired}", new { rating = "good" }), HttpStatusCode.Gone, "token");
        await ProblemAssert.IsProblemAsync(customer.PostAsJsonAsync($"/api/v1/satisfaction/{token}", new { rating = "excellent" }), HttpStatusCode.BadRequest, "rating");
        var rated = await ProblemAssert.IsSuccessAsync(await customer.PostAsJsonAsync($"/api/v1/satisfaction/{token}", new { rating = "good", comment = "빨랐어요" }), HttpStatusCode.Created);
        await ProblemAssert.IsProblemAsync(customer.PostAsJsonAsync($"/api/v1/satisfaction/{token}", new { rating = "bad" }), HttpStatusCode.Conflict, "token");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("저희 응대는 어떠셨나요?", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Gone, (await customer.GetAsync($"/satisfaction/{expired}")).StatusCode);
        Assert.Equal("good", rated.GetProperty("rating").GetString());
        var ratings = (await admin.EventsAsync(number)).Where(e => e.GetProperty("type").GetString() == "satisfaction-rated").ToList();
        var only = Assert.Single(ratings);
        Assert.Equal(("good", "빨랐어요", solved), (only.GetProperty("data").GetProperty("rating").GetString(), only.GetProperty("data").GetProperty("comment").GetString(), only.GetProperty("data").GetProperty("solvedVersion").GetInt32()));
        Assert.Equal("customer", only.GetProperty("actor").GetProperty("kind").GetString());
    }

    [Fact]
    public async Task The_page_records_a_rating_posted_from_its_form_and_answers_a_forged_link_or_a_long_comment_as_such()
    {
        var admin = _app.Admin();
        var number = await admin.CreateTicketNumberAsync(new { subject = "Login", description = "Cannot log in", requester = new { email = "ana@example.com", language = "pt-BR" } });
        var solved = (await admin.UpdateTicketAsync(number, new { status = "solved" })).GetProperty("version").GetInt32();
        var token = await _app.Services.GetRequiredService<SatisfactionLinks>().TokenAsync(number, solved, DateTimeOffset.UtcNow.AddDays(1), CancellationToken.None);
        using var customer = _app.CreateClient();

        HttpContent Form(string comment = "ok") => new FormUrlEncodedContent(new Dictionary<string, string> { ["rating"] = "neutral", ["comment"] = comment });

        var forged = await customer.PostAsync($"/satisfaction/{token[..^3]}AAA", Form());
        var tooLong = await customer.PostAsync($"/satisfaction/{token}", Form(new string('x', 2_001)));
        var answer = await customer.PostAsync($"/satisfaction/{token}", Form());
        var again = await customer.PostAsync($"/satisfaction/{token}", Form());

        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Contains("Obrigado pela resposta.", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single(await admin.EventsAsync(number), e => e.GetProperty("type").GetString() == "satisfaction-rated");
    }
}
