namespace HelpDesk.Sdk.Capabilities;

/// <summary>What a business record is.</summary>
public enum BusinessRecordKind
{
    /// <summary>Something else; <see cref="BusinessRecord.Attributes"/> says more.</summary>
    Other,

    /// <summary>A sales order.</summary>
    Order,

    /// <summary>An invoice.</summary>
    Invoice,

    /// <summary>A subscription or contract.</summary>
    Subscription,
}
