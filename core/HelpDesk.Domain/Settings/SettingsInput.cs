using System.Text.RegularExpressions;
using HelpDesk.Domain.Commands;

namespace HelpDesk.Domain.Settings;

/// <summary>
/// The checks every admin-edited setting shares (agents, queues, rules, calendars, SLA policies, macros): its id, as
/// it appears in URLs and in other settings, and its display name.
/// </summary>
public static partial class SettingsInput
{
    public const int MaxNameLength = 100;

    public static bool IsId(string? value) => value is not null && IdPattern().IsMatch(value);

    public static Rejection? Id(string field, string? value) =>
        IsId(value) ? null : Rejection.Invalid(field, $"{field} is 1 to 64 lowercase letters, digits, '-', '_' or '.', starting with a letter or digit.");

    public static Rejection? Name(string field, string? value) =>
        string.IsNullOrWhiteSpace(value) || value.Length > MaxNameLength || value.Any(char.IsControl)
            ? Rejection.Invalid(field, $"{field} is required: 1 to {MaxNameLength} printable characters.")
            : null;

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,63}$")]
    public static partial Regex IdPattern();
}
