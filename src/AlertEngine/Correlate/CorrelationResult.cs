namespace AlertEngine.Correlate;

/// <summary>What correlating an event did: the ticket it landed on and whether it opened or resolved it.</summary>
public sealed record CorrelationResult(long TicketId, string TicketNumber, bool Opened, bool Resolved, string Reason)
{
    /// <summary>True when the event reopened a resolved ALERT as a flap (no new ticket).</summary>
    public bool Reopened { get; init; }

    /// <summary>True when a severity changed in Zabbix changed the ticket's level.</summary>
    public bool Relevelled { get; init; }

    /// <summary>
    /// The active PROBLEM ticket the ALERT is linked to, or null. While it is set the occurrence is
    /// counted on that PROBLEM and must not be paged again.
    /// </summary>
    public long? ProblemTicketId { get; init; }

    /// <summary>True when this event opened that PROBLEM ticket.</summary>
    public bool ProblemOpened { get; init; }

    /// <summary>How many outbox rows (Zabbix write-backs) this event planned; the runner rings the outbox after its commit when any.</summary>
    public int WriteBacks { get; init; }
}
