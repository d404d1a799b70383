namespace AlertEngine.Classify;

/// <summary>
/// When a problem that comes back soon after it recovered is the same ALERT flapping rather than a
/// new incident: a problem event within <see cref="Within"/> of the recovery (Zabbix clocks) that
/// resolved the key's last ALERT reopens that ticket and counts a flap
/// (<c>flapping: { within: 15m }</c>). <see cref="Off"/> (<c>flapping: off</c>) always opens a new ticket.
/// </summary>
public sealed record FlappingPolicy(TimeSpan Within)
{
    /// <summary>Used when no rule sets <c>flapping</c>: 15 minutes.</summary>
    public static FlappingPolicy Default { get; } = new(TimeSpan.FromMinutes(15));

    public static FlappingPolicy Off { get; } = new(TimeSpan.Zero);

    public bool IsOff => Within <= TimeSpan.Zero;

    public override string ToString() => IsOff ? "off" : $"within {RuleDuration.Format(Within)}";
}
