namespace HelpDesk.Core.EventFeed;

/// <summary>One subscriber's feed, activated once in the whole cluster.</summary>
public interface IEventFeedGrain : IGrainWithStringKey
{
    /// <summary>Activates the feed if it runs nowhere (first call, or its silo went away); otherwise does nothing.</summary>
    Task KeepRunning();
}
