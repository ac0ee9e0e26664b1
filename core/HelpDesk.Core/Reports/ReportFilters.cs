using System.Data.Common;
using HelpDesk.Core.Storage;
using HelpDesk.Domain.Commands;

namespace HelpDesk.Core.Reports;

/// <summary>Which tickets a report counts: each filtered attribute's value is one of <paramref name="Values"/> (<c>""</c>: not set).</summary>
public sealed record ReportFilter(ReportDimension Dimension, IReadOnlyList<string> Values);

/// <summary>
/// The ticket attributes a report can be filtered and broken down by, as columns of <c>report_facts</c>, and filters as
/// SQL: every value a bound parameter, so a filter is data, never statement text.
/// </summary>
public static class ReportFilters
{
    public const int MaxValues = 50;

    /// <summary>The attributes a report can be filtered by: all dimensions but the times.</summary>
    public static bool IsFilterable(ReportDimension dimension) => dimension is >= ReportDimension.Channel and <= ReportDimension.Assignee;

    /// <summary>The attribute's column on the <c>report_facts</c> row named <paramref name="row"/>, with a missing value read as <c>""</c>.</summary>
    public static string Column(ReportDimension dimension, string row = "t") => dimension switch
    {
        ReportDimension.Channel => $"{row}.channel",
        ReportDimension.Type => $"{row}.type",
        ReportDimension.Category => $"COALESCE({row}.category, '')",
        ReportDimension.Queue => $"COALESCE({row}.queue, '')",
        ReportDimension.Language => $"COALESCE({row}.requester_language, '')",
        ReportDimension.Region => $"COALESCE({row}.customer_region, '')",
        ReportDimension.Organization => $"COALESCE({row}.organization, '')",
        ReportDimension.Customer => $"{row}.requester_email",
        ReportDimension.Assignee => $"COALESCE({row}.assignee, '')",
        _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "Not a ticket attribute."),
    };

    /// <summary>A value as stored: channels, types and regions are kept in lower case, the rest as written.</summary>
    public static string Normalize(ReportDimension dimension, string value) =>
        dimension is ReportDimension.Channel or ReportDimension.Type or ReportDimension.Region ? value.Trim().ToLowerInvariant() : value.Trim();

    /// <summary>The conditions (each starting with <c>AND</c>) on <c>report_facts t</c>; empty without filters.</summary>
    public static string Sql(IReadOnlyList<ReportFilter> filters) => string.Concat(filters.Select((filter, i) =>
        $" AND {Column(filter.Dimension)} IN ({string.Join(", ", filter.Values.Select((_, j) => $"@filter{i}_{j}"))})"));

    public static DbCommand WithFilters(this DbCommand command, IReadOnlyList<ReportFilter> filters)
    {
        for (var i = 0; i < filters.Count; i++)
        {
            for (var j = 0; j < filters[i].Values.Count; j++)
            {
                command.With($"@filter{i}_{j}", Normalize(filters[i].Dimension, filters[i].Values[j]));
            }
        }

        return command;
    }

    /// <summary>Reads filters as the API and schedules write them (<c>queue</c> → <c>["billing"]</c>), or the refusal naming the field at fault.</summary>
    public static (IReadOnlyList<ReportFilter> Filters, Rejection? Problem) Read(IEnumerable<KeyValuePair<string, IReadOnlyList<string>>> named, string fieldPrefix)
    {
        var filters = new List<ReportFilter>();
        foreach (var (name, values) in named)
        {
            var field = fieldPrefix + name;
            if (!ReportDimensions.TryParse(name, out var dimension) || !IsFilterable(dimension))
            {
                return ([], Rejection.Invalid(field, $"Reports are filtered by: {string.Join(", ", FilterableNames)}."));
            }

            if (values is not { Count: > 0 and <= MaxValues })
            {
                return ([], Rejection.Invalid(field, $"A filter lists 1 to {MaxValues} values."));
            }

            if (values.Any(v => v is null || v.Length > 320 || v.Any(char.IsControl)))
            {
                return ([], Rejection.Invalid(field, "Each value is one line of at most 320 characters."));
            }

            filters.Add(new ReportFilter(dimension, [.. values.Distinct(StringComparer.Ordinal)]));
        }

        return (filters, null);
    }

    public static IReadOnlyList<string> FilterableNames { get; } =
        [.. Enum.GetValues<ReportDimension>().Where(IsFilterable).Select(d => HelpDesk.Domain.Rules.RuleFields.Word(d))];
}
