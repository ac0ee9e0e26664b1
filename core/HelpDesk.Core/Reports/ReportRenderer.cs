using System.Globalization;
using CsvHelper;
using HelpDesk.Core.Notifications;
using Scriban;
using Scriban.Runtime;

namespace HelpDesk.Core.Reports;

/// <summary>A run's report: HTML per language (for the archive), the mail per language, the data as CSV, and a PNG chart per KPI.</summary>
public sealed record RenderedReport(IReadOnlyDictionary<string, string> Html, string Csv, IReadOnlyList<byte[]> Charts)
{
    public IReadOnlyDictionary<string, ReportMail> Mail { get; init; } = new Dictionary<string, ReportMail>();
}

/// <summary>What a recipient of one language is mailed: the same page showing the charts by <c>cid:</c>, and a text version.</summary>
public sealed record ReportMail(string Subject, string Html, string Text);

/// <summary>
/// Renders a scheduled report: a Scriban page per recipient language (headings in that language, numbers and dates in
/// its culture, times in the schedule's zone) twice, for the archive (charts by URL) and for mail (charts by
/// <c>cid:</c>, with a subject and a text version), a bar chart per KPI with ScottPlot, and every value as CSV in long
/// form (<c>kpi,key,column,value</c>) so it reads back into the same numbers.
/// </summary>
public static class ReportRenderer
{
    public const int ChartWidth = 640;
    public const int ChartHeight = 360;

    private static readonly Dictionary<string, (string Report, string Period, string Chart, string Filters)> Headings = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = ("Report", "Period", "Chart", "Only"),
        ["ko"] = ("보고서", "기간", "차트", "필터"),
        ["ja"] = ("レポート", "期間", "グラフ", "絞り込み"),
        ["de"] = ("Bericht", "Zeitraum", "Diagramm", "Nur"),
        ["es"] = ("Informe", "Periodo", "Gráfico", "Solo"),
        ["pt"] = ("Relatório", "Período", "Gráfico", "Apenas"),
    };

    private static readonly Template Page = Template.Parse("""
        <!DOCTYPE html>
        <html lang="{{ language }}"><head><meta charset="utf-8"><title>{{ title | html.escape }}</title></head>
        <body>
        <h1>{{ heading | html.escape }}: {{ title | html.escape }}</h1>
        <p>{{ period_label | html.escape }}: {{ period | html.escape }}</p>
        {{~ if filters != "" ~}}
        <p>{{ filters_label | html.escape }}: {{ filters | html.escape }}</p>
        {{~ end ~}}
        {{~ for kpi in kpis ~}}
        <h2>{{ kpi.name | html.escape }}</h2>
        <p>{{ kpi.definition | html.escape }}</p>
        <table>
        <thead><tr><th></th>{{ for column in kpi.columns }}<th>{{ column | html.escape }}</th>{{ end }}</tr></thead>
        <tbody>
        {{~ for row in kpi.rows ~}}
        <tr><th>{{ row.key | html.escape }}</th>{{ for value in row.values }}<td>{{ value | html.escape }}</td>{{ end }}</tr>
        {{~ end ~}}
        </tbody>
        </table>
        <p><img src="{{ kpi.chart }}" alt="{{ chart_label | html.escape }}: {{ kpi.name | html.escape }}" width="{{ chart_width }}" height="{{ chart_height }}"></p>
        {{~ end ~}}
        </body></html>
        """);

    // For mail clients that show no HTML: the same numbers, a line per row.
    private static readonly Template Text = Template.Parse("""
        {{ heading }}: {{ title }}
        {{ period_label }}: {{ period }}
        {{~ if filters != "" }}
        {{ filters_label }}: {{ filters }}
        {{~ end }}
        {{~ for kpi in kpis }}

        {{ kpi.name }} ({{ kpi.columns | array.join ", " }})
        {{~ for row in kpi.rows }}
        - {{ row.key }}: {{ row.values | array.join ", " }}
        {{~ end ~}}
        {{~ end }}

        """);

    /// <summary>The key a recipient's page and mail are kept under: their language, English when they have none.</summary>
    public static string LanguageOf(ReportRecipient recipient) => recipient.Language ?? LanguageFallback.Default;

    /// <param name="runId">The run's id, which the chart links (<see cref="ReportRunLinks"/>) name.</param>
    public static RenderedReport Render(ReportSchedule schedule, (DateTimeOffset From, DateTimeOffset To) period, IReadOnlyList<KpiReport> reports, string runId)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(schedule.TimeZone);
        var languages = schedule.Recipients.Select(LanguageOf).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var html = languages.ToDictionary(
            language => language, language => Render(Page, Model(schedule, period, reports, zone, language, n => ReportRunLinks.ChartUrl(runId, n))), StringComparer.OrdinalIgnoreCase);
        var mail = languages.ToDictionary(language => language, language => Mail(schedule, period, reports, zone, language, runId), StringComparer.OrdinalIgnoreCase);
        return new RenderedReport(html, Csv(reports), [.. reports.Select(Chart)]) { Mail = mail };
    }

    private static ReportMail Mail(ReportSchedule schedule, (DateTimeOffset From, DateTimeOffset To) period, IReadOnlyList<KpiReport> reports, TimeZoneInfo zone, string language, string runId)
    {
        var model = Model(schedule, period, reports, zone, language, n => $"cid:{ReportRunLinks.ChartContentId(runId, n)}");

        // The period's days as its readers count them: [from, to) in local days, so the last day is the one before `to`.
        var culture = NotificationModel.Culture(language);
        var (first, last) = (Day(period.From, zone, culture), Day(period.To.AddTicks(-1), zone, culture));
        var subject = $"{HeadingsFor(language).Report}: {schedule.Name} ({(first == last ? first : $"{first} – {last}")})";
        return new ReportMail(subject, Render(Page, model), Render(Text, model));
    }

    private static string Render(Template template, ScriptObject model)
    {
        var context = new TemplateContext { LoopLimit = 100_000, StrictVariables = true, EnableRelaxedMemberAccess = false };
        context.PushGlobal(model);
        return template.Render(context);
    }

    private static (string Report, string Period, string Chart, string Filters) HeadingsFor(string language) =>
        LanguageFallback.For(language).Select(l => Headings.GetValueOrDefault(l)).First(h => h.Report is not null);

    private static ScriptObject Model(
        ReportSchedule schedule, (DateTimeOffset From, DateTimeOffset To) period, IReadOnlyList<KpiReport> reports, TimeZoneInfo zone, string language, Func<int, string> chart)
    {
        var culture = NotificationModel.Culture(language);
        var headings = HeadingsFor(language);
        return new ScriptObject
        {
            ["language"] = language,
            ["title"] = schedule.Name,
            ["heading"] = headings.Report,
            ["period_label"] = headings.Period,
            ["chart_label"] = headings.Chart,
            ["filters_label"] = headings.Filters,
            ["filters"] = string.Join("; ", schedule.Filters.Select(f => $"{f.Key}: {string.Join(", ", f.Value)}")),
            ["period"] = $"{Local(period.From, zone, culture)} – {Local(period.To, zone, culture)} ({zone.Id})",
            ["chart_width"] = ChartWidth,
            ["chart_height"] = ChartHeight,
            ["kpis"] = reports.Select((report, i) => new ScriptObject
            {
                ["name"] = report.Kpi.Name,
                ["definition"] = report.Kpi.Definition,
                ["columns"] = report.Kpi.Columns,
                ["chart"] = chart(i),
                ["rows"] = report.Rows.Select(row => new ScriptObject
                {
                    ["key"] = row.Key,
                    ["values"] = row.Values.Select(v => v?.ToString(v % 1 == 0 ? "N0" : "N2", culture) ?? "–").ToList(),
                }).ToList(),
            }).ToList(),
        };
    }

    private static string Csv(IReadOnlyList<KpiReport> reports)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, options: null, leaveOpen: true))
        {
            csv.WriteHeader(["kpi", "groupBy", "key", "column", "value"]);
            foreach (var report in reports)
            {
                foreach (var row in report.Rows)
                {
                    foreach (var (column, value) in report.Kpi.Columns.Zip(row.Values))
                    {
                        csv.WriteRecord([report.Kpi.Name, Domain.Rules.RuleFields.Word(report.Query.GroupBy), row.Key, column, value?.ToString("R", CultureInfo.InvariantCulture) ?? ""]);
                    }
                }
            }

            csv.Flush();
        }

        return text.ToString();
    }

    private static byte[] Chart(KpiReport report)
    {
        var plot = new ScottPlot.Plot();
        var rows = report.Rows.Take(40).ToList();
        var values = rows.Select(r => r.Values[0] ?? 0).ToArray();
        plot.Add.Bars(values);
        plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, rows.Count).Select(i => (double)i)], [.. rows.Select(r => r.Key)]);
        plot.Axes.Margins(bottom: 0);
        plot.Title($"{report.Kpi.Name}: {report.Kpi.Columns[0]}");
        return plot.GetImageBytes(ChartWidth, ChartHeight, ScottPlot.ImageFormat.Png);
    }

    private static string Local(DateTimeOffset at, TimeZoneInfo zone, CultureInfo culture) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("g", culture);

    private static string Day(DateTimeOffset at, TimeZoneInfo zone, CultureInfo culture) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("d", culture);
}
