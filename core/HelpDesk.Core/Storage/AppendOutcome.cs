namespace HelpDesk.Core.Storage;

public enum AppendOutcome
{
    /// <summary>On disk: the commit has been fsync'd.</summary>
    Appended,

    /// <summary>Someone else appended first; nothing was written.</summary>
    VersionConflict,
}
