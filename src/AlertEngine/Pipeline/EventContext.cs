using AlertEngine.Classify;
using AlertEngine.Correlate;
using AlertEngine.Ingest;
using AlertEngine.Paging;
using AlertEngine.Storage;

namespace AlertEngine.Pipeline;

/// <summary>
/// Everything known about one inbox event as it passes the stages. Each stage fills only its
/// own property with <c>with</c>. <see cref="Now"/> is read once per event so all stages agree.
/// </summary>
public sealed record EventContext
{
    public required InboxEvent Inbox { get; init; }
    public required DbSession Session { get; init; }
    public required DateTimeOffset Now { get; init; }

    /// <summary>Set by the normalise stage.</summary>
    public ZabbixEvent? Event { get; init; }

    /// <summary>Set by the classify stage.</summary>
    public Classification? Classification { get; init; }

    /// <summary>Set by the correlate stage.</summary>
    public CorrelationResult? Correlation { get; init; }

    /// <summary>Set by the page-plan stage.</summary>
    public PagePlan? Paging { get; init; }

    /// <summary>The normalised event; throws when a stage runs before normalising.</summary>
    public ZabbixEvent RequireEvent() =>
        Event ?? throw new InvalidOperationException("the event has not been normalised yet: check the stage order in AlertEngineRegistration");
}
