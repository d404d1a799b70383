namespace AlertEngine.Classify;

/// <summary>
/// When a correlation key that keeps coming back becomes a PROBLEM ticket: <see cref="Count"/>
/// returns (ALERT tickets opened, or reopened by a flap) within <see cref="Within"/>
/// (<c>recurrence: { count: 3, within: 24h, quiet: 3d }</c>), and how long the key must stay
/// quiet before that PROBLEM resolves by itself. <see cref="Off"/> (<c>recurrence: off</c>) never opens one.
/// </summary>
public sealed record RecurrencePolicy(int Count, TimeSpan Within)
{
    public static RecurrencePolicy Off { get; } = new(0, TimeSpan.Zero);

    public bool IsOff => Count == 0;

    /// <summary>
    /// The quiet period written in the rule (<c>quiet: 3d</c>), or null when the rule leaves it to
    /// the default (<see cref="Quiet"/>).
    /// </summary>
    public TimeSpan? QuietSet { get; init; }

    /// <summary>
    /// How long the PROBLEM ticket must see no occurrence (and no open ALERT) before it resolves by
    /// itself. Default: <see cref="Within"/>, the same window in which the key proved recurring: once
    /// it has stayed away that long, the recurrence that opened the PROBLEM no longer holds.
    /// </summary>
    public TimeSpan Quiet => QuietSet ?? Within;

    public override string ToString() =>
        IsOff ? "off" : $"{Count} times within {RuleDuration.Format(Within)}" + (QuietSet is { } q ? $", quiet {RuleDuration.Format(q)}" : "");
}
