namespace AlertEngine.Outbox;

/// <summary>How a check or a send ended.</summary>
public enum OutboxVerdict
{
    /// <summary>Done (now, or found already done by the check).</summary>
    Sent,

    /// <summary>A transient failure: try again after the backoff.</summary>
    RetryLater,

    /// <summary>A failure trying again cannot fix.</summary>
    Failed,

    /// <summary>The call is no longer needed: the row is cancelled.</summary>
    NotNeeded,
}

/// <summary>
/// The outcome of a handler's check or send with its text: for <see cref="OutboxVerdict.Sent"/>
/// what was done, in words for the timeline ("Acknowledged Zabbix events 51, 52 on main: …"); for
/// the others the reason.
/// </summary>
public sealed record OutboxOutcome(OutboxVerdict Verdict, string Text)
{
    public static OutboxOutcome Sent(string text) => new(OutboxVerdict.Sent, text);

    public static OutboxOutcome RetryLater(string reason) => new(OutboxVerdict.RetryLater, reason);

    public static OutboxOutcome Failed(string reason) => new(OutboxVerdict.Failed, reason);

    public static OutboxOutcome NotNeeded(string reason) => new(OutboxVerdict.NotNeeded, reason);
}
