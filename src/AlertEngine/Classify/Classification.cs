using AlertEngine.Tickets;

namespace AlertEngine.Classify;

/// <summary>
/// What the rules decided for an event: its level, customer, team and the correlation key
/// that groups the events of one incident, with the reason to log and assert.
/// </summary>
public sealed record Classification(SupportLevel Level, string? Customer, string Team, string CorrelationKey, string Reason);
