namespace HelpDesk.Domain.Routing;

/// <summary>How a queue picks the agent for a ticket that enters it unassigned (or that a rule asks to assign).</summary>
public enum AssignmentStrategy
{
    /// <summary>Nobody is picked: agents take tickets themselves.</summary>
    Manual,

    /// <summary>Each eligible agent in turn.</summary>
    RoundRobin,

    /// <summary>The eligible agent with the smallest share of their capacity in use, never one at capacity.</summary>
    LeastLoaded,
}
