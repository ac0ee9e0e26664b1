using System.Text.Json.Nodes;
using HelpDesk.Connectors.Jira.Api;

namespace HelpDesk.Connectors.Jira.Tests;

public sealed class JiraTextTests
{
    [Fact]
    public void Plain_text_keeps_paragraphs_and_line_breaks_in_both_encodings()
    {
        var text = new JiraText().Plain("First line\nsecond line\n\nNext paragraph");

        var adf = text.ToAdf();
        var paragraphs = adf["content"]!.AsArray();
        Assert.Equal(2, paragraphs.Count);
        Assert.Equal(["text", "hardBreak", "text"], paragraphs[0]!["content"]!.AsArray().Select(n => (string?)n!["type"]));
        Assert.Equal("First line\nsecond line\n\nNext paragraph", text.ToWiki());
    }

    [Fact]
    public void Wiki_markup_in_customer_text_is_escaped_so_it_cannot_format_or_break_the_issue()
    {
        var wiki = new JiraText().Plain("- not a list\n# not numbered\n{code} [link|x] *bold* _it_ | ! ^ ~ +").ToWiki();

        Assert.Equal(@"\- not a list" + "\n" + @"\# not numbered" + "\n" + @"\{code\} \[link\|x\] \*bold\* \_it\_ \| \! \^ \~ \+", wiki);
    }

    [Fact]
    public void Links_and_strong_text_become_marks_in_adf_and_markup_in_wiki()
    {
        var text = new JiraText().Paragraph(new TextSpan("Customer: ", Strong: true), new TextSpan("HD-7", Link: new Uri("https://hd.example/tickets/7")));

        var nodes = text.ToAdf()["content"]![0]!["content"]!.AsArray();
        Assert.Equal("strong", (string?)nodes[0]!["marks"]![0]!["type"]);
        Assert.Equal("https://hd.example/tickets/7", (string?)nodes[1]!["marks"]![0]!["attrs"]!["href"]);
        Assert.Equal("*Customer: *[HD-7|https://hd.example/tickets/7]", text.ToWiki());
    }

    [Fact]
    public void Plain_text_is_read_from_a_wiki_string_or_an_adf_document()
    {
        Assert.Equal("as is *wiki*", JiraText.PlainFrom(JsonValue.Create("as is *wiki*")));
        var adf = new JiraText().Plain("One\ntwo\n\nThree").ToAdf();
        Assert.Equal("One\ntwo\n\nThree", JiraText.PlainFrom(adf));
    }
}
