namespace AlertEngine.Outbox;

/// <summary>
/// Sends the outbox rows of some kinds (e.g. the Zabbix write-back sender for zabbix.*). The
/// <see cref="OutboxSender"/> calls <see cref="CheckAsync"/> before every attempt, then marks the
/// row sending and commits, then calls <see cref="SendAsync"/>, then records the outcome.
/// Handlers classify their own failures (retryable or permanent); an exception that escapes is
/// treated as retryable.
/// </summary>
public interface IOutboxHandler
{
    /// <summary>The <c>outbox.kind</c> values this handler sends.</summary>
    IReadOnlyCollection<string> Kinds { get; }

    /// <summary>How its outcomes appear on the ticket's timeline: kind, channel and the call's name in words.</summary>
    OutboxTimeline Timeline { get; }

    /// <summary>
    /// Still needed? Already done? Null when the call should be made now; otherwise the outcome
    /// to record without calling (<see cref="OutboxVerdict.Sent"/> when it already happened, e.g.
    /// before a crash left the row <see cref="OutboxState.Sending"/>; <see cref="OutboxVerdict.NotNeeded"/>;
    /// or a failure of the check itself).
    /// </summary>
    Task<OutboxOutcome?> CheckAsync(OutboxMessage message, CancellationToken cancellationToken);

    /// <summary>Makes the call once.</summary>
    Task<OutboxOutcome> SendAsync(OutboxMessage message, CancellationToken cancellationToken);
}

/// <summary>
/// How a handler's outcomes go on the timeline: <paramref name="Kind"/> (e.g. write-back),
/// <paramref name="Channel"/> (e.g. zabbix) and <paramref name="Subject"/>, the call in words
/// ("Zabbix write-back") for failure lines.
/// </summary>
public sealed record OutboxTimeline(string Kind, string Channel, string Subject);
