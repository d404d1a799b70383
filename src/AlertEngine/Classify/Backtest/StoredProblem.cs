using AlertEngine.Tickets;

namespace AlertEngine.Classify.Backtest;

/// <summary>
/// A problem event as the database holds it: the raw webhook body, what the pipeline made of it
/// (its inbox outcome) and the ticket it went to, or null when it went to none (ignored,
/// poisoned, not processed yet).
/// </summary>
public sealed record StoredProblem(long InboxId, string Server, string EventId, DateTimeOffset ReceivedAt, string Payload, string? Outcome, ActualTicket? Ticket)
{
    /// <summary>True when the pipeline stored the event without a ticket because a rule said ignore.</summary>
    public bool Ignored => Ticket is null && Outcome?.Contains("ignored by rule", StringComparison.Ordinal) == true;

    /// <summary>Why the event has no ticket, for the report; null when it has one.</summary>
    public string? WhyNoTicket => Ticket is not null ? null
        : Ignored ? "ignored"
        : Outcome is null ? "not processed yet"
        : Outcome == "poisoned" ? "poisoned"
        : Outcome;
}

/// <summary>
/// The ticket an event actually went to, as it was opened: level, customer, team, page policy
/// (null on tickets opened before the rules recorded one) and whether it was suppressed.
/// </summary>
public sealed record ActualTicket(long Id, string? Number, SupportLevel Level, string? Customer, string? Team, PagePolicy? Page, bool Suppressed);
