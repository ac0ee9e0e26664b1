using HelpDesk.Core.Hosting;
using HelpDesk.Core.Notifications;
using HelpDesk.Core.Storage;
using HelpDesk.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HelpDesk.Core.Tests.Notifications;

public sealed class NotificationRendererTests
{
    private static readonly DateTimeOffset Opened = new(2026, 11, 23, 16, 0, 0, TimeSpan.Zero);

    private static NotificationModel Minji() => new(1042, "결제 오류", "new", "high", "https://helpdesk.example.org/tickets/1042", Opened, "김민지", "minji@example.kr")
    {
        RecipientLanguage = "ko-KR",
        RecipientTimeZone = "Asia/Seoul",
    };

    private static async Task<Database> MigratedAsync(TempDirectory directory)
    {
        var database = SqliteDatabase.InDirectory(directory.Path);
        await new SchemaMigrator(database, NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);
        return database;
    }

    // The data directory is the test's own folder: its notification-templates/ is empty unless a test writes there.
    private static NotificationTemplates Templates(Database database, TempDirectory directory) => new(
        database,
        TimeProvider.System,
        new DataDirectory(directory.Path),
        Options.Create(new NotificationOptions()),
        NullLogger<NotificationTemplates>.Instance);

    [Fact]
    public async Task A_template_file_in_the_folder_replaces_the_built_in_one_an_api_override_wins_and_a_broken_file_is_passed_over()
    {
        using var directory = new TempDirectory();
        await using var database = await MigratedAsync(directory);
        var templates = Templates(database, directory);
        var folder = Directory.CreateDirectory(Path.Combine(directory.Path, "notification-templates", "ticket-received")).FullName;

        await File.WriteAllTextAsync(Path.Combine(folder, "ko.txt"), "Subject: 파일 #{{ ticket.number }}\n\n파일에서 왔습니다");
        var fromFile = NotificationRenderer.Render(await templates.ResolveAsync(NotificationKind.TicketReceived, "ko-KR", CancellationToken.None), Minji());
        await templates.SaveAsync(new NotificationTemplate(NotificationKind.TicketReceived, "ko", "API #{{ ticket.number }}", "API"), CancellationToken.None);
        var fromApi = NotificationRenderer.Render(await templates.ResolveAsync(NotificationKind.TicketReceived, "ko-KR", CancellationToken.None), Minji());
        await templates.ResetAsync(NotificationKind.TicketReceived, "ko", CancellationToken.None);
        await File.WriteAllTextAsync(Path.Combine(folder, "ko.txt"), "Subject: 파일 {{ end }}\n\n본문");
        var broken = NotificationRenderer.Render(await templates.ResolveAsync(NotificationKind.TicketReceived, "ko-KR", CancellationToken.None), Minji());

        Assert.Equal(("파일 #1042", "API #1042"), (fromFile.Subject, fromApi.Subject));
        Assert.Contains("파일에서 왔습니다", fromFile.Text, StringComparison.Ordinal);
        Assert.StartsWith("[#1042] 문의가", broken.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_korean_requester_gets_the_korean_template_with_times_in_seoul()
    {
        using var directory = new TempDirectory();
        await using var database = await MigratedAsync(directory);
        var templates = Templates(database, directory);

        var template = await templates.ResolveAsync(NotificationKind.TicketReceived, "ko-KR", CancellationToken.None);
        var rendered = NotificationRenderer.Render(template, Minji());

        Assert.Equal("ko", template.Language);
        Assert.Equal("[#1042] 문의가 접수되었습니다: 결제 오류", rendered.Subject);
        Assert.Contains("김민지님", rendered.Text, StringComparison.Ordinal);
        // 16:00 UTC is 01:00 the next day in Seoul.
        Assert.Contains("2026년 11월 24일", rendered.Text, StringComparison.Ordinal);
        Assert.Contains("(Asia/Seoul)", rendered.Text, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"ko-KR\">", rendered.Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pt-BR", "pt-BR")]
    [InlineData("de-AT", "de")]
    [InlineData("fr", "en")]
    [InlineData(null, "en")]
    public async Task The_language_falls_back_to_the_primary_language_then_english(string? asked, string expected)
    {
        using var directory = new TempDirectory();
        await using var database = await MigratedAsync(directory);

        var template = await Templates(database, directory).ResolveAsync(NotificationKind.TicketSolved, asked, CancellationToken.None);

        Assert.Equal(expected, template.Language);
    }

    [Fact]
    public async Task An_override_replaces_the_built_in_template_until_it_is_reset()
    {
        using var directory = new TempDirectory();
        await using var database = await MigratedAsync(directory);
        var templates = Templates(database, directory);

        await templates.SaveAsync(new NotificationTemplate(NotificationKind.TicketReceived, "ko", "접수 #{{ ticket.number }}", "감사합니다"), CancellationToken.None);
        Assert.Equal("접수 #1042", NotificationRenderer.Render(await templates.ResolveAsync(NotificationKind.TicketReceived, "ko-KR", CancellationToken.None), Minji()).Subject);
        Assert.True(await templates.ResetAsync(NotificationKind.TicketReceived, "ko", CancellationToken.None));
        Assert.StartsWith("[#1042] 문의가", NotificationRenderer.Render(await templates.ResolveAsync(NotificationKind.TicketReceived, "ko-KR", CancellationToken.None), Minji()).Subject, StringComparison.Ordinal);
    }

    [Fact]
    public void A_template_with_a_syntax_error_is_reported_with_its_line_and_column()
    {
        var broken = new NotificationTemplate(NotificationKind.TicketReceived, "en", "Hello", "Line one\nLine two {{ if ticket.number }} never closed");

        var error = Assert.Single(NotificationRenderer.Check(broken));

        Assert.Equal(("body", 2), (error.Part, error.Line));
        Assert.True(error.Column > 1);
        Assert.Throws<TemplateRenderException>(() => NotificationRenderer.Render(broken, Minji()));
    }

    [Fact]
    public void A_template_that_loops_forever_is_stopped()
    {
        var looping = new NotificationTemplate(NotificationKind.TicketReceived, "en", "Hi", "{{ while true }}again {{ end }}");

        var stopped = Assert.Throws<TemplateRenderException>(() => NotificationRenderer.Render(looping, Minji()));

        Assert.Equal("body", stopped.Part);
    }

    [Fact]
    public void A_template_sees_the_model_only_and_its_output_is_escaped_in_html()
    {
        var probing = new NotificationTemplate(NotificationKind.AgentReplied, "en", "{{ ticket.subject }}", "{{ message.body }}|{{ ticket.GetType }}|{{ include 'x' }}");

        var rendered = Assert.Throws<TemplateRenderException>(() => NotificationRenderer.Render(probing, Minji() with { MessageBody = "<script>alert(1)</script>" }));
        var safe = NotificationRenderer.Render(probing with { Body = "{{ message.body }}|{{ ticket.GetType }}" }, Minji() with { MessageBody = "<script>alert(1)</script>" });

        Assert.Contains("include", rendered.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("<script>alert(1)</script>|", safe.Text);
        Assert.Contains("&lt;script&gt;", safe.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_built_in_template_parses_and_renders()
    {
        foreach (var template in NotificationTemplates.BuiltInTemplates)
        {
            Assert.Empty(NotificationRenderer.Check(template));
            Assert.NotEmpty(NotificationRenderer.Render(template, Minji() with { MessageBody = "Hi", MessageAuthor = "Ana", SlaTarget = "first-response", SlaDueAt = Opened }).Subject);
        }

        Assert.Equal(24, NotificationTemplates.BuiltInTemplates.Count());
    }
}
