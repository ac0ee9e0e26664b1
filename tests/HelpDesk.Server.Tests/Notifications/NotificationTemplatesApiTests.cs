using System.Net;
using System.Net.Http.Json;
using HelpDesk.Core.Security;
using HelpDesk.Server.Tests.Infrastructure;

namespace HelpDesk.Server.Tests.Notifications;

public sealed class NotificationTemplatesApiTests(HubFixture hub) : IClassFixture<HubFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_built_in_template_is_shown_overridden_previewed_and_reset()
    {
        var admin = hub.App.Admin();

        var builtIn = await admin.GetJsonAsync("/api/v1/notification-templates/ticket-received/ko-KR");
        await ProblemAssert.IsSuccessAsync(await admin.PutAsJsonAsync("/api/v1/notification-templates/ticket-received/ko", new { subject = "접수: {{ ticket.subject }}", body = "{{ recipient.name }}님, {{ ticket.created_at }}에 접수되었습니다." }, Token), HttpStatusCode.Created);
        var preview = await ProblemAssert.IsSuccessAsync(await admin.PostAsJsonAsync("/api/v1/notification-templates/ticket-received/ko-KR/preview", new { }, Token), HttpStatusCode.OK);

        Assert.Equal("ko", builtIn.GetProperty("language").GetString());
        Assert.StartsWith("[#{{ ticket.number }}] 문의가", builtIn.GetProperty("subject").GetString(), StringComparison.Ordinal);
        Assert.Equal("접수: Sample: cannot log in", preview.GetProperty("subject").GetString());
        Assert.Contains("(Asia/Seoul)", preview.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("/api/v1/notification-templates/ticket-received/ko", Token)).StatusCode);
        Assert.StartsWith("[#{{ ticket.number }}] 문의가", (await admin.GetJsonAsync("/api/v1/notification-templates/ticket-received/ko")).GetProperty("subject").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_template_that_does_not_parse_is_refused_with_line_and_column_and_one_that_loops_fails_its_preview()
    {
        var admin = hub.App.Admin();

        var refused = await ProblemAssert.IsProblemAsync(
            admin.PutAsJsonAsync("/api/v1/notification-templates/agent-replied/en", new { subject = "Re: {{ ticket.subject }}", body = "Hello\n{{ for x in 1..3 }} unclosed" }, Token),
            HttpStatusCode.BadRequest, "body");
        var looping = await ProblemAssert.IsProblemAsync(
            admin.PostAsJsonAsync("/api/v1/notification-templates/agent-replied/en/preview", new { subject = "Hi", body = "{{ while true }}x{{ end }}" }, Token),
            HttpStatusCode.UnprocessableEntity, "body");

        Assert.Equal(2, refused.GetProperty("line").GetInt32());
        Assert.True(refused.GetProperty("column").GetInt32() >= 1);
        Assert.StartsWith("body, line 2, column", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("failed while rendering", looping.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("en", (await admin.GetJsonAsync("/api/v1/notification-templates/agent-replied/en")).GetProperty("language").GetString());
        Assert.StartsWith("[#{{", (await admin.GetJsonAsync("/api/v1/notification-templates/agent-replied/en")).GetProperty("subject").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_kinds_are_404_and_only_admins_edit_templates()
    {
        var agent = await hub.App.NewKeyAsync(ApiKeyScope.Agent);

        await ProblemAssert.IsProblemAsync(hub.App.Admin().GetAsync("/api/v1/notification-templates/birthday/en", Token), HttpStatusCode.NotFound, "kind");
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PutAsJsonAsync("/api/v1/notification-templates/ticket-received/en", new { subject = "x", body = "y" }, Token)).StatusCode);
    }
}
