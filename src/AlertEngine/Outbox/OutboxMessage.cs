namespace AlertEngine.Outbox;

/// <summary>The state of an outbox row (<c>outbox.state</c>).</summary>
public enum OutboxState
{
    /// <summary>Waiting for its next attempt.</summary>
    Pending,

    /// <summary>Marked just before the call; found so at start, the outcome is unknown until checked.</summary>
    Sending,

    Sent,

    /// <summary>Failed permanently, or ran out of attempts.</summary>
    Failed,

    /// <summary>No longer needed (the handler's check said so).</summary>
    Cancelled,
}

/// <summary>Database spelling of <see cref="OutboxState"/>.</summary>
public static class OutboxStateNames
{
    public static string ToName(this OutboxState state) => state.ToString().ToLowerInvariant();
}

/// <summary>
/// One outgoing call to plan: what it is (<see cref="Kind"/>, picks the handler), which ticket's
/// timeline records it, where it goes, its payload (JSON owned by the handler) and the key that
/// makes planning it twice a no-op.
/// </summary>
public sealed record NewOutboxMessage(string Kind, long? TicketId, string Target, string Payload, string DedupKey);

/// <summary>An outbox row as the sender and its handlers see it. Times are UTC.</summary>
public sealed record OutboxMessage
{
    public required long Id { get; init; }
    public required string Kind { get; init; }
    public long? TicketId { get; init; }
    public required string Target { get; init; }
    public required string Payload { get; init; }
    public required string DedupKey { get; init; }
    public required OutboxState State { get; init; }

    /// <summary>How many times the call was started, counting the one about to be made once marked sending.</summary>
    public required int Attempts { get; init; }

    public required DateTimeOffset NextAttemptAt { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? SentAt { get; init; }
    public string? LastError { get; init; }
}
