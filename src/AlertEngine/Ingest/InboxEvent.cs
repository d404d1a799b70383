namespace AlertEngine.Ingest;

/// <summary>One row of the inbox waiting for the pipeline: the body as received and where it came from.</summary>
public sealed record InboxEvent(long Id, string Server, EventKind Kind, string Source, DateTimeOffset ReceivedAt, string Payload)
{
    /// <summary>The Zabbix severity the event was stored with (the runner takes higher ones first).</summary>
    public int Severity { get; init; }
}

/// <summary>An event on its way into the inbox.</summary>
public sealed record IncomingEvent(InboxKey Key, EventKind Kind, int Severity, string TriggerId, string Source, string Payload);

/// <summary>Whether an incoming event was new or a repeat of one already in the inbox.</summary>
public enum IntakeResult
{
    /// <summary>Stored now.</summary>
    Accepted,

    /// <summary>The same delivery was already stored; nothing changed.</summary>
    Duplicate,

    /// <summary>The intake queue is full; the sender should retry later.</summary>
    Busy,

    /// <summary>The body is not a valid event; nothing was stored.</summary>
    Invalid,
}

/// <summary>Counts for /healthz.</summary>
public sealed record InboxBacklog(long Backlog, long Poisoned);
