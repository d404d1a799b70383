namespace AlertEngine.Host.Commands.Bench.Storm;

/// <summary>A generated storm: its keys, its deliveries in sending order, and what the engine must make of them.</summary>
/// <param name="Seed">The seed it was generated from: the same seed, sizes and start give the same storm.</param>
/// <param name="Hosts">Hosts asked for (fewer are used when there are fewer keys than hosts).</param>
/// <param name="Start">The moment the event clocks are relative to.</param>
/// <param name="Triggers">Every key, by index.</param>
/// <param name="Deliveries">Every POST, wave by wave.</param>
internal sealed record StormPlan(int Seed, int Hosts, DateTimeOffset Start, IReadOnlyList<StormTrigger> Triggers, IReadOnlyList<StormDelivery> Deliveries)
{
    public int Events => Deliveries.Count;

    public int HostsUsed => Triggers.Select(t => t.Host).Distinct(StringComparer.Ordinal).Count();

    public int Customers => Triggers.Select(t => t.Customer).Distinct(StringComparer.Ordinal).Count();

    /// <summary>The deliveries of each wave, in order; the sender finishes one before it starts the next.</summary>
    public IReadOnlyList<StormDelivery[]> Waves() =>
        [.. Enumerable.Range(0, StormGenerator.WaveCount).Select(w => Deliveries.Where(d => d.Wave == w).ToArray())];

    public StormExpectation Expected() => StormExpectation.For(Triggers, Deliveries);
}

/// <summary>
/// What the engine must hold once the storm is processed, counted from the keys: one ALERT ticket
/// per key in its final state, one inbox row per distinct delivery, a 202 for each distinct
/// delivery and a 200 for each redelivery.
/// </summary>
internal sealed record StormExpectation(
    long AlertTickets,
    long Open,
    long Acknowledged,
    long Resolved,
    IReadOnlyDictionary<string, long> AcknowledgedBy,
    long Problems,
    long Updates,
    long Recoveries,
    long Redeliveries,
    long LateProblems,
    long UpdateBeforeProblem,
    long RecoveryBeforeProblem)
{
    /// <summary>Distinct deliveries: each is one inbox row and one 202.</summary>
    public long InboxRows => Problems + Updates + Recoveries;

    public static StormExpectation For(IReadOnlyList<StormTrigger> triggers, IReadOnlyList<StormDelivery> deliveries)
    {
        ArgumentNullException.ThrowIfNull(triggers);
        ArgumentNullException.ThrowIfNull(deliveries);
        var late = triggers.Where(t => t.LateProblem).ToList();
        return new StormExpectation(
            triggers.Count,
            triggers.Count(t => t.FinalState == "open"),
            triggers.Count(t => t.FinalState == "acknowledged"),
            triggers.Count(t => t.FinalState == "resolved"),
            triggers.Where(t => t.AcknowledgedBy is not null).GroupBy(t => t.AcknowledgedBy!, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (long)g.Count(), StringComparer.Ordinal),
            deliveries.Count(d => !d.Redelivery && d.Kind == StormDeliveryKind.Problem),
            deliveries.Count(d => !d.Redelivery && d.Kind is StormDeliveryKind.Acknowledge or StormDeliveryKind.Comment),
            deliveries.Count(d => !d.Redelivery && d.Kind == StormDeliveryKind.Recovery),
            deliveries.Count(d => d.Redelivery),
            late.Count,
            late.Count(t => t.AcknowledgedBy is not null || t.Comments > 0),
            late.Count(t => t.Recovers));
    }
}
