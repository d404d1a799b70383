namespace AlertEngine.Classify;

/// <summary>
/// When a correlation key that keeps coming back becomes a PROBLEM ticket: <see cref="Count"/>
/// ALERT tickets within <see cref="Within"/> (<c>recurrence: { count: 3, within: 24h }</c>).
/// <see cref="Off"/> (<c>recurrence: off</c>) never opens one.
/// </summary>
public sealed record RecurrencePolicy(int Count, TimeSpan Within)
{
    public static RecurrencePolicy Off { get; } = new(0, TimeSpan.Zero);

    public bool IsOff => Count == 0;

    public override string ToString() => IsOff ? "off" : $"{Count} times within {RuleDuration.Format(Within)}";
}
