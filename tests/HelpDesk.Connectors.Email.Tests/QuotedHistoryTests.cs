using HelpDesk.Connectors.Email.Inbound;

namespace HelpDesk.Connectors.Email.Tests;

public sealed class QuotedHistoryTests
{
    [Theory]
    [InlineData("Thanks, that fixed it.\n\nOn Mon, 23 Nov 2026 at 10:00, Support <support@helpdesk.test> wrote:\n> Try restarting.\n> Ana")]
    [InlineData("Thanks, that fixed it.\n\nOn Mon, 23 Nov 2026 at 10:00, Support\n<support@helpdesk.test> wrote:\n> Try restarting.")]
    [InlineData("Thanks, that fixed it.\n\nAm 23.11.2026 um 10:00 schrieb Support <support@helpdesk.test>:\n> Versuchen Sie einen Neustart.")]
    [InlineData("Thanks, that fixed it.\n\n2026년 11월 23일 (월) 오전 10:00, Support <support@helpdesk.test>님이 작성:\n> 다시 시작해 보세요.")]
    [InlineData("Thanks, that fixed it.\n\n-----Original Message-----\nFrom: Support\nSent: Monday\nTry restarting.")]
    [InlineData("Thanks, that fixed it.\n\nFrom: Support <support@helpdesk.test>\nSent: Monday, November 23, 2026 10:00 AM\nTo: Ada\nTry restarting.")]
    [InlineData("Thanks, that fixed it.\n\n> Try restarting.\n> Ana")]
    public void The_quoted_conversation_is_cut_from_a_reply(string reply) =>
        Assert.Equal("Thanks, that fixed it.", QuotedHistory.Trim(reply));

    [Fact]
    public void Text_that_only_mentions_writing_is_kept_whole()
    {
        const string text = "Here is what my colleague wrote:\nthe invoice total is wrong.";

        Assert.Equal(text, QuotedHistory.Trim(text));
    }

    [Fact]
    public void A_message_that_is_all_quote_keeps_its_text() =>
        Assert.Equal("> only a quote", QuotedHistory.Trim("> only a quote"));
}
