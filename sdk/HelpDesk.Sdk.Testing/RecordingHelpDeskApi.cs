using HelpDesk.Sdk.Tickets;

namespace HelpDesk.Sdk.Testing;

/// <summary>
/// An in-memory hub for a plugin's tests. It applies the rules the real hub does (numbers from 1, one version per event,
/// status moves, closed is final, a customer reply reopens pending or solved tickets, an agent reply opens a new one,
/// tags lower-cased and deduplicated, links not repeated) and refuses with the same <see cref="HelpDeskApiException"/>
/// kinds and field names. Every call is recorded in <see cref="Calls"/> so a test can assert what the plugin did.
/// </summary>
public sealed partial class RecordingHelpDeskApi : IHelpDeskApi
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _timeProvider;
    private readonly List<TicketRecord> _tickets = [];
    private readonly List<RecordedCall> _calls = [];
    private readonly List<RecordedMessage> _messages = [];
    private readonly List<RecordedExternalUpdate> _externalUpdates = [];
    private readonly Dictionary<string, byte[]> _attachments = new(StringComparer.Ordinal);

    /// <summary>Creates an empty hub on the system clock.</summary>
    public RecordingHelpDeskApi()
        : this(TimeProvider.System)
    {
    }

    /// <summary>Creates an empty hub whose tickets are stamped by <paramref name="timeProvider"/> (pass a <c>FakeTimeProvider</c>).</summary>
    /// <param name="timeProvider">The clock for created and updated times.</param>
    public RecordingHelpDeskApi(TimeProvider timeProvider) => _timeProvider = timeProvider;

    /// <summary>Every call made through <see cref="IHelpDeskApi"/>, in order, refused ones included; seeding is not recorded.</summary>
    public IReadOnlyList<RecordedCall> Calls
    {
        get
        {
            lock (_gate)
            {
                return [.. _calls];
            }
        }
    }

    /// <summary>Every message accepted, in order: replies and internal notes.</summary>
    public IReadOnlyList<RecordedMessage> Messages
    {
        get
        {
            lock (_gate)
            {
                return [.. _messages];
            }
        }
    }

    /// <summary>Every external update accepted, in order; redeliveries that changed nothing are not among them.</summary>
    public IReadOnlyList<RecordedExternalUpdate> ExternalUpdates
    {
        get
        {
            lock (_gate)
            {
                return [.. _externalUpdates];
            }
        }
    }

    /// <summary>The files stored through <see cref="StoreAttachmentAsync"/>, by id.</summary>
    public IReadOnlyDictionary<string, byte[]> StoredAttachments
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<string, byte[]>(_attachments, StringComparer.Ordinal);
            }
        }
    }

    /// <summary>The calls made to one method, in order.</summary>
    /// <param name="method">Its name, as <c>nameof(IHelpDeskApi.AddInternalNoteAsync)</c> gives it.</param>
    public IReadOnlyList<RecordedCall> CallsTo(string method) => [.. Calls.Where(call => call.Method == method)];

    /// <summary>
    /// Puts a ticket in the hub before the plugin runs, without recording a call. It is opened with the same checks as
    /// <see cref="OpenTicketAsync"/>, then moved straight to <paramref name="status"/> (one more version) when that is not new.
    /// </summary>
    /// <param name="ticket">What to open.</param>
    /// <param name="status">Where it should stand; any status, without the move rules.</param>
    /// <exception cref="HelpDeskApiException">The ticket is one the hub would refuse.</exception>
    public TicketSnapshot Seed(NewTicket ticket, TicketStatus status = TicketStatus.New)
    {
        lock (_gate)
        {
            var record = Open(ticket);
            if (status != TicketStatus.New)
            {
                record.MoveTo(status, _timeProvider.GetUtcNow());
            }

            return record.Snapshot();
        }
    }
}
