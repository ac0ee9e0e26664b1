namespace HelpDesk.TestSupport.Fakes;

/// <summary>One request <see cref="FakeZoom"/> received, for assertions on what the connector did.</summary>
/// <param name="Route">Which endpoint.</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path, without the query.</param>
/// <param name="Status">What the fake answered.</param>
/// <param name="At">When, by the fake's clock.</param>
public sealed record FakeZoomRequest(ZoomRoute Route, string Method, string Path, int Status, DateTimeOffset At);
