using System.Net;
using HelpDesk.Core.Notifications;
using HelpDesk.Domain.Commands;

namespace HelpDesk.Server.Apis;

/// <summary>The survey page, in the requester's language: three answers and a comment, no script, no outside assets.</summary>
public static class SatisfactionPage
{
    private static readonly Dictionary<string, Wording> Languages = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = new("How did we do?", "Good", "Okay", "Bad", "Anything to add?", "Thank you for your answer.", "This link has expired.", "This link is not valid.", "This was already rated. Thank you."),
        ["ko"] = new("저희 응대는 어떠셨나요?", "좋음", "보통", "나쁨", "덧붙일 말씀이 있으신가요?", "응답해 주셔서 감사합니다.", "이 링크는 만료되었습니다.", "유효하지 않은 링크입니다.", "이미 평가하셨습니다. 감사합니다."),
        ["ja"] = new("対応はいかがでしたか？", "良い", "普通", "悪い", "ご意見があればお書きください", "ご回答ありがとうございました。", "このリンクは有効期限が切れています。", "このリンクは無効です。", "すでに評価済みです。ありがとうございました。"),
        ["de"] = new("Wie zufrieden sind Sie?", "Gut", "Geht so", "Schlecht", "Möchten Sie etwas hinzufügen?", "Vielen Dank für Ihre Antwort.", "Dieser Link ist abgelaufen.", "Dieser Link ist ungültig.", "Sie haben bereits bewertet. Vielen Dank."),
        ["es"] = new("¿Cómo lo hicimos?", "Bien", "Regular", "Mal", "¿Algo que añadir?", "Gracias por su respuesta.", "Este enlace ha caducado.", "Este enlace no es válido.", "Ya se valoró. Gracias."),
        ["pt-BR"] = new("Como foi o atendimento?", "Bom", "Regular", "Ruim", "Algo a acrescentar?", "Obrigado pela resposta.", "Este link expirou.", "Este link não é válido.", "Já foi avaliado. Obrigado."),
    };

    /// <summary>The wording for a language tag, falling back as notifications do (<c>ko-KR</c> → <c>ko</c> → English).</summary>
    public static Wording Words(string? language) => LanguageFallback.For(language).Select(Languages.GetValueOrDefault).OfType<Wording>().First();

    public static IResult Html(string body, int status = StatusCodes.Status200OK) => Results.Content(
        $"""<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>HelpDesk</title><style>body{"{"}font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem{"}"}button{"{"}margin:.25rem;padding:.5rem 1rem{"}"}textarea{"{"}width:100%;min-height:5rem{"}"}</style></head><body>{body}</body></html>""",
        "text/html; charset=utf-8",
        statusCode: status);

    /// <param name="Neutral">The middle answer.</param>
    public sealed record Wording(string Question, string Good, string Neutral, string Bad, string Comment, string Thanks, string Expired, string Invalid, string AlreadyRated)
    {
        public string Form(long ticket, string subject, string token) => $"""
            <h1>{WebUtility.HtmlEncode(Question)}</h1>
            <p>#{ticket} {WebUtility.HtmlEncode(subject)}</p>
            <form method="post" action="/satisfaction/{WebUtility.UrlEncode(token)}">
            <p><label>{WebUtility.HtmlEncode(Comment)}<br><textarea name="comment" maxlength="{TicketLimits.SatisfactionComment}"></textarea></label></p>
            <p><button name="rating" value="good">{WebUtility.HtmlEncode(Good)}</button><button name="rating" value="neutral">{WebUtility.HtmlEncode(Neutral)}</button><button name="rating" value="bad">{WebUtility.HtmlEncode(Bad)}</button></p>
            </form>
            """;
    }
}
