namespace AlertEngine.Host.Commands.Bench.Storm;

/// <summary>
/// One (Zabbix server, trigger) key of a storm and everything the generator decided for it: the
/// host it is on, its one problem event, and which follow-ups Zabbix sends for it. Every key has
/// exactly one problem event, so it must end as exactly one ALERT ticket whatever the order.
/// </summary>
/// <param name="Index">Position among the storm's keys; the trigger and event ids derive from it.</param>
/// <param name="Host">Technical host name, <c>srv-&lt;customer&gt;-&lt;function&gt;</c>.</param>
/// <param name="Customer">The customer code in the host name (and the customer tag).</param>
/// <param name="TriggerId">Zabbix trigger id, unique per key.</param>
/// <param name="Name">The event name Zabbix resolves for the trigger on this host.</param>
/// <param name="Severity">Zabbix severity 2 (warning) to 5 (disaster); follow-ups keep it.</param>
/// <param name="ProblemEventId">The one problem event's id (updates and the recovery carry it too).</param>
/// <param name="ProblemClock">When the problem started (Unix seconds).</param>
/// <param name="AcknowledgedBy">The Zabbix user whose update acknowledges the problem, or null when nobody does.</param>
/// <param name="Comments">Updates that only comment (no acknowledgement).</param>
/// <param name="Recovers">Zabbix sends a recovery for the problem.</param>
/// <param name="LateProblem">The problem is delivered after its updates and recovery (out of order).</param>
internal sealed record StormTrigger(
    int Index,
    string Host,
    string Customer,
    string TriggerId,
    string Name,
    int Severity,
    string ProblemEventId,
    long ProblemClock,
    string? AcknowledgedBy,
    int Comments,
    bool Recovers,
    bool LateProblem)
{
    /// <summary>The recovery event's own id (the problem's id + 1; problem ids are even).</summary>
    public string RecoveryEventId => (long.Parse(ProblemEventId, System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>When the trigger recovered (Unix seconds).</summary>
    public long RecoveryClock => ProblemClock + 300 + (Index % 120);

    /// <summary>Distinct deliveries for this key (each one inbox row): the problem, its updates, its recovery.</summary>
    public int Deliveries => 1 + (AcknowledgedBy is null ? 0 : 1) + Comments + (Recovers ? 1 : 0);

    /// <summary>The state its ALERT ticket must end in: resolved once recovered, else acknowledged if anyone did, else open.</summary>
    public string FinalState => Recovers ? "resolved" : AcknowledgedBy is not null ? "acknowledged" : "open";
}

/// <summary>What one webhook delivery of a storm is.</summary>
internal enum StormDeliveryKind
{
    Problem,
    Acknowledge,
    Comment,
    Recovery,
}

/// <summary>
/// One POST of the storm. A redelivery repeats an earlier delivery byte for byte (Zabbix sending
/// again after a lost answer): the engine must answer it 200 "duplicate" and store nothing.
/// </summary>
/// <param name="Trigger">Index of its <see cref="StormTrigger"/>.</param>
/// <param name="Kind">Problem, acknowledgement, comment or recovery.</param>
/// <param name="Number">Which comment of the key (0 for the other kinds): each comment is its own update.</param>
/// <param name="Wave">The wave it is sent in; a wave starts once every delivery of the one before was answered.</param>
/// <param name="Redelivery">A repeat of an earlier delivery of the same wave plan.</param>
internal readonly record struct StormDelivery(int Trigger, StormDeliveryKind Kind, int Number, int Wave, bool Redelivery);
