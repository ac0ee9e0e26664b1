using System.Collections.Frozen;
using HelpDesk.Core.Storage;
using HelpDesk.Core.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HelpDesk.Core.Notifications;

/// <summary>
/// The template for a kind and a language: an admin's override saved through the API, else one from the templates
/// folder, else the built-in one, trying the language as given (<c>pt-BR</c>), then its primary language
/// (<c>ko-KR</c> → <c>ko</c>), then English. A folder file that does not parse is passed over, with a warning naming
/// its line and column, so a typo in a file never stops notifications.
/// </summary>
public sealed partial class NotificationTemplates(
    Database database, TimeProvider time, DataDirectory data, IOptions<NotificationOptions> options, ILogger<NotificationTemplates> logger)
{
    public const string DefaultLanguage = LanguageFallback.Default;

    private static readonly FrozenDictionary<string, NotificationTemplate> BuiltIn = LoadBuiltIn();
    private readonly DocumentTable<NotificationTemplate> _overrides = new(database, time, "notification_templates", SettingsJson.Options);

    public static IEnumerable<NotificationTemplate> BuiltInTemplates => BuiltIn.Values;

    public async Task<NotificationTemplate> ResolveAsync(NotificationKind kind, string? language, CancellationToken cancellationToken)
    {
        foreach (var candidate in LanguageFallback.For(language))
        {
            if (await _overrides.GetAsync(Key(kind, candidate), cancellationToken) is { } custom)
            {
                return custom;
            }

            if (await FromFolderAsync(kind, candidate, cancellationToken) is { } file)
            {
                return file;
            }

            if (BuiltIn.TryGetValue(Key(kind, candidate), out var builtIn))
            {
                return builtIn;
            }
        }

        throw new InvalidOperationException($"No template for {kind}, not even in {DefaultLanguage}.");
    }

    /// <summary>Saves an override (checked by the caller); true when it is the first for that kind and language.</summary>
    public Task<bool> SaveAsync(NotificationTemplate template, CancellationToken cancellationToken) =>
        _overrides.SaveAsync(Key(template.Kind, template.Language), template, cancellationToken);

    /// <summary>Removes an override, so the built-in template applies again.</summary>
    public Task<bool> ResetAsync(NotificationKind kind, string language, CancellationToken cancellationToken) =>
        _overrides.DeleteAsync(Key(kind, language), cancellationToken);

    public static string Key(NotificationKind kind, string language) => $"{Names.Of(kind)}/{language}";

    private async Task<NotificationTemplate?> FromFolderAsync(NotificationKind kind, string language, CancellationToken cancellationToken)
    {
        // Language tags are letters, digits and '-': nothing from a request can walk out of the folder.
        if (!language.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') || options.Value.TemplatesDirectory is not { Length: > 0 } folder)
        {
            return null;
        }

        var path = Path.Combine(data.Combine(folder), Names.Of(kind), $"{language}.txt");
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            var template = NotificationTemplate.FromFile(kind, language, await File.ReadAllTextAsync(path, cancellationToken));
            if (NotificationRenderer.Check(template) is [var first, ..])
            {
                LogUnusable(path, $"{first.Part} line {first.Line}, column {first.Column}: {first.Message}");
                return null;
            }

            return template;
        }
        catch (Exception error) when (error is FormatException or IOException or UnauthorizedAccessException)
        {
            LogUnusable(path, error.Message);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification template {Path} is not used: {Problem}")]
    private partial void LogUnusable(string path, string problem);

    private static FrozenDictionary<string, NotificationTemplate> LoadBuiltIn()
    {
        const string Prefix = "notification-template:";
        var assembly = typeof(NotificationTemplates).Assembly;
        var templates = new Dictionary<string, NotificationTemplate>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            var (kindName, language) = name[Prefix.Length..].Replace('\\', '/').Split('/') is [var k, var l] ? (k, l) : throw new FormatException($"Unexpected template resource {name}.");
            using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
            var kind = Names.Parse<NotificationKind>(kindName);
            templates[Key(kind, language)] = NotificationTemplate.FromFile(kind, language, reader.ReadToEnd());
        }

        return templates.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
