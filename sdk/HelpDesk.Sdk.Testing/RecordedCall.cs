namespace HelpDesk.Sdk.Testing;

/// <summary>One call a plugin made to <see cref="RecordingHelpDeskApi"/>.</summary>
/// <param name="Method">The <see cref="IHelpDeskApi"/> method's name, as <c>nameof(IHelpDeskApi.AddInternalNoteAsync)</c> gives it.</param>
/// <param name="Arguments">Its arguments in order, without the cancellation token.</param>
/// <param name="Refusal">What the fake hub threw, or null when the call succeeded.</param>
public sealed record RecordedCall(string Method, IReadOnlyList<object?> Arguments, HelpDeskApiException? Refusal)
{
    /// <summary>Whether the fake hub refused the call.</summary>
    public bool Refused => Refusal is not null;
}
