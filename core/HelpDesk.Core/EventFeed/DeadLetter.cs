namespace HelpDesk.Core.EventFeed;

/// <summary>An event a subscriber failed on <see cref="Attempts"/> times, parked so the rest of its feed moves on.</summary>
public sealed record DeadLetter(long Position, long Ticket, int Version, string Type, int Attempts, string Error, DateTimeOffset FailedAt);
