using AlertEngine.Tickets;

namespace AlertEngine.Paging;

/// <summary>
/// A ticket's escalation chain as stored: the level and team it was planned for, when it started
/// (step delays count from here), the next step to fire across rounds and when, its state
/// (active, stopped, done) and why it stopped, and until when its first page was held for business hours.
/// </summary>
public sealed record Escalation(
    long TicketId,
    SupportLevel Level,
    string Team,
    DateTimeOffset StartedAt,
    int NextStep,
    DateTimeOffset? NextAt,
    string State,
    string? StopReason,
    DateTimeOffset? HeldUntil);
