using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace HelpDesk.Connectors.Crm.Hosting;

/// <summary>Reads values of the plugin's section; every problem names its key, so an admin knows what to fix.</summary>
internal static class Settings
{
    // Blank counts as absent: an empty environment variable must not become an empty token or property name.
    public static string? Value(IConfiguration section, string key) =>
        section[key] is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    /// <summary>A CRM property's internal name; property names never contain spaces or commas.</summary>
    public static string? PropertyName(IConfiguration section, string key, string? fallback)
    {
        var name = Value(section, key) ?? fallback;
        return name is not null && name.Any(c => char.IsWhiteSpace(c) || c == ',')
            ? throw Invalid(key, $"'{name}' must be one property's internal name, without spaces or commas")
            : name;
    }

    // Accepts "a, b" from the environment as well as an array in appsettings.json.
    public static List<string>? List(IConfiguration section, string key)
    {
        var child = section.GetSection(key);
        if (child.Value is null && !child.GetChildren().Any())
        {
            return null;
        }

        var values = child.Value is { } single ? single.Split(',') : child.GetChildren().Select(c => c.Value ?? "");
        return [.. values.Select(v => v.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    public static TimeSpan Duration(IConfiguration section, string key, TimeSpan fallback)
    {
        if (Value(section, key) is not { } text)
        {
            return fallback;
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value) && value > TimeSpan.Zero && value <= TimeSpan.FromMinutes(1)
            ? value
            : throw Invalid(key, $"'{text}' must be a duration between 0 and 1 minute, such as 00:00:05");
    }

    /// <summary>An absolute http(s) address ending in '/', so relative paths land under it.</summary>
    public static Uri Url(IConfiguration section, string key, string fallback)
    {
        var text = Value(section, key) ?? fallback;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"))
        {
            throw Invalid(key, $"'{text}' must be an absolute http(s) address, such as {fallback}");
        }

        return url.AbsoluteUri.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/");
    }

    /// <summary>A relative API path such as <c>crm/v3/objects</c>, without leading or trailing '/'.</summary>
    public static string ApiPath(IConfiguration section, string key, string fallback)
    {
        var path = (Value(section, key) ?? fallback).Trim('/');
        return path.Length > 0 && path.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '-' or '_' or '.')
            ? path
            : throw Invalid(key, $"'{path}' must be a relative API path such as {fallback}");
    }

    public static InvalidOperationException Invalid(string key, string problem) => new($"crm: {key} {problem}.");
}
