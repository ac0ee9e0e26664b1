namespace HelpDesk.Server.Tests.Infrastructure;

/// <summary>
/// One hub shared by the tests of a class (<c>IClassFixture&lt;HubFixture&gt;</c>): starting a hub costs seconds,
/// so tests share it and keep apart by using requesters and words of their own.
/// </summary>
public sealed class HubFixture : IAsyncLifetime
{
    public HelpDeskApp App { get; } = HelpDeskApp.Sqlite();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}
