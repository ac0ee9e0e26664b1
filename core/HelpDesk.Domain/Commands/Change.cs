namespace HelpDesk.Domain.Commands;

/// <summary>A value to set, where setting null is meaningful (unassign) and "no change" is the absence of a Change.</summary>
public readonly record struct Change<T>(T Value);
