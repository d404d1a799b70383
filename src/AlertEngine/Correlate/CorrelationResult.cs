namespace AlertEngine.Correlate;

/// <summary>What correlating an event did: the ticket it landed on and whether it opened or resolved it.</summary>
public sealed record CorrelationResult(long TicketId, string TicketNumber, bool Opened, bool Resolved, string Reason);
