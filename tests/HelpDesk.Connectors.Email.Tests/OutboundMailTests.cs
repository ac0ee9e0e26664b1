using System.Text;
using HelpDesk.Connectors.Email.Hosting;
using HelpDesk.Connectors.Email.Outbound;
using HelpDesk.Sdk.Capabilities;
using MimeKit;

namespace HelpDesk.Connectors.Email.Tests;

/// <summary>The MIME a message becomes: a report about no ticket with its charts inline and its CSV attached.</summary>
public sealed class OutboundMailTests
{
    private static readonly SmtpOptions Smtp = new() { Host = "localhost", From = "support@helpdesk.test", FromName = "Support" };
    private static readonly byte[] Png = [0x89, (byte)'P', (byte)'N', (byte)'G', 1, 2, 3];
    private static readonly byte[] Csv = Encoding.UTF8.GetBytes("kpi,groupBy,key,column,value\nvolume,channel,email,tickets,2\n");

    private static OutboundMessage Report(string? html) => new("<hd.report.r1.abc@helpdesk>", 0, [new MessageRecipient("lead@example.com")], "보고서: Weekly", "volume: 2")
    {
        HtmlBody = html,
        Language = "ko",
        Automatic = true,
        Attachments =
        [
            new OutboundAttachment("chart-0.png", "image/png", Png) { ContentId = "chart0.r1@helpdesk" },
            new OutboundAttachment("report-r1.csv", "text/csv", Csv),
        ],
    };

    [Fact]
    public async Task A_report_has_no_ticket_tag_its_charts_related_to_the_html_by_cid_and_its_csv_attached()
    {
        var mime = OutboundMail.Compose(Report("<p><img src=\"cid:chart0.r1@helpdesk\"></p>"), Smtp, replyTo: null);

        Assert.Equal(("보고서: Weekly", "hd.report.r1.abc@helpdesk", "ko"), (mime.Subject, mime.MessageId, mime.Headers["Content-Language"]));
        Assert.Null(mime.Headers["X-HelpDesk-Ticket"]);
        var mixed = Assert.IsType<Multipart>(mime.Body);
        Assert.Equal("multipart/mixed", mixed.ContentType.MimeType);
        var alternative = Assert.IsType<MultipartAlternative>(mixed[0]);
        var related = Assert.IsType<MultipartRelated>(alternative[1]);
        Assert.Equal("text/html", related.Root!.ContentType.MimeType);
        var chart = Assert.IsType<MimePart>(related[1]);
        Assert.Equal(("chart0.r1@helpdesk", "image/png"), (chart.ContentId, chart.ContentType.MimeType));
        Assert.Equal(Png, await DecodeAsync(chart));
        var csv = Assert.IsAssignableFrom<MimePart>(Assert.Single(mime.Attachments));
        Assert.Equal(("report-r1.csv", "text/csv"), (csv.FileName, csv.ContentType.MimeType));
        Assert.Equal(Csv, await DecodeAsync(csv));
    }

    [Fact]
    public void Without_an_html_body_an_inline_image_goes_as_an_attachment_and_a_ticket_message_is_still_tagged()
    {
        var textOnly = OutboundMail.Compose(Report(html: null), Smtp, replyTo: null);
        var reply = OutboundMail.Compose(new OutboundMessage("<hd.7.2.x@helpdesk>", 7, [new MessageRecipient("ada@example.com")], "Re: Printer", "Try again."), Smtp, replyTo: null);

        Assert.Equal(["chart-0.png", "report-r1.csv"], textOnly.Attachments.OfType<MimePart>().Select(p => p.FileName));
        Assert.Equal(("[#7] Re: Printer", "7"), (reply.Subject, reply.Headers["X-HelpDesk-Ticket"]));
    }

    private static async Task<byte[]> DecodeAsync(MimePart part)
    {
        using var content = new MemoryStream();
        await part.Content!.DecodeToAsync(content);
        return content.ToArray();
    }
}
