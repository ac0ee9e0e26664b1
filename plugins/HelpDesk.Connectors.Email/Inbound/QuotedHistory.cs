using System.Text.RegularExpressions;

namespace HelpDesk.Connectors.Email.Inbound;

/// <summary>
/// Cuts the quoted conversation off a reply's text, so the ticket shows what the customer wrote this time: the first
/// attribution line ("On … wrote:", and its German, Spanish, Portuguese, French, Korean and Japanese forms), an
/// Outlook header block or "Original Message" separator, and a trailing block of "&gt;" lines. What stays is never empty:
/// a message that is all quote keeps its text.
/// </summary>
public static partial class QuotedHistory
{
    public static string Trim(string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var cut = lines.Length;
        for (var i = 0; i < lines.Length; i++)
        {
            if (IsSeparator(lines, i))
            {
                cut = i;
                break;
            }
        }

        // A reply written above a plain '>' quote without an attribution line: drop the quote and the blank lines before it.
        while (cut > 0 && (lines[cut - 1].TrimStart().StartsWith('>') || lines[cut - 1].Trim().Length == 0))
        {
            cut--;
        }

        var kept = string.Join('\n', lines[..cut]).TrimEnd();
        return kept.Length == 0 ? text.Trim() : kept;
    }

    private static bool IsSeparator(string[] lines, int i)
    {
        var line = lines[i].Trim();
        if (line.Length == 0)
        {
            return false;
        }

        if (OriginalMessage().IsMatch(line) || Attribution().IsMatch(line))
        {
            return true;
        }

        // An attribution wrapped onto two lines by the sender's client: "On Mon, 3 Mar 2025, Ada Lovelace" / "<ada@…> wrote:".
        if (i + 1 < lines.Length && Attribution().IsMatch(line + " " + lines[i + 1].Trim()) && AttributionStart().IsMatch(line))
        {
            return true;
        }

        // Outlook: "From: …" followed within two lines by "Sent: …" / "Date: …".
        return OutlookFrom().IsMatch(line) && lines.Skip(i + 1).Take(2).Any(next => OutlookSent().IsMatch(next.Trim()));
    }

    [GeneratedRegex(@"^-{2,}\s*(Original Message|Ursprüngliche Nachricht|Mensaje original|Mensagem original|Message d'origine|원본 메시지|元のメッセージ)\s*-{2,}$", RegexOptions.IgnoreCase)]
    private static partial Regex OriginalMessage();

    [GeneratedRegex(@"^(On|Am|El|Em|Le|Op)\s.{4,300}(wrote|schrieb|escribió|escreveu|a écrit|schreef)(\s.{1,200})?\s*:$|^.{4,200}(님이 작성|のメッセージ|は書きました)\s*:$", RegexOptions.IgnoreCase)]
    private static partial Regex Attribution();

    [GeneratedRegex(@"^(On|Am|El|Em|Le|Op)\s", RegexOptions.IgnoreCase)]
    private static partial Regex AttributionStart();

    [GeneratedRegex(@"^\*?(From|Von|De|Van|보낸 사람|差出人)\s*:\*?\s", RegexOptions.IgnoreCase)]
    private static partial Regex OutlookFrom();

    [GeneratedRegex(@"^\*?(Sent|Date|Gesendet|Enviado|Envoyé|Verzonden|보낸 날짜|送信日時)\s*:\*?\s", RegexOptions.IgnoreCase)]
    private static partial Regex OutlookSent();
}
