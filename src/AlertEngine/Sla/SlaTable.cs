using AlertEngine.Tickets;

namespace AlertEngine.Sla;

/// <summary>One level's promise: respond, resolve and hard limit, in wall time or in business time.</summary>
/// <param name="Respond">First acknowledgement within this much counted time.</param>
/// <param name="Resolve">Resolved within this much counted time.</param>
/// <param name="HardLimit">Past this much counted time the breach goes to management.</param>
/// <param name="BusinessTime">True: the clock runs only in business hours on working days; false: around the clock.</param>
public sealed record SlaTerms(TimeSpan Respond, TimeSpan Resolve, TimeSpan HardLimit, bool BusinessTime);

/// <summary>
/// The SLA table of the rules folder (<c>sla:</c>): the terms per level and the share of the
/// respond window at which the watcher pages again. Without an <c>sla:</c> section (or for a
/// level it leaves out) the service agreement's values apply, see <see cref="Agreement"/>.
/// </summary>
public sealed class SlaTable
{
    /// <summary>The watcher pages again at 75 % of the respond window unless the table says otherwise.</summary>
    public const double DefaultWarnShare = 0.75;

    private readonly IReadOnlyDictionary<SupportLevel, SlaTerms> _terms;

    public SlaTable(IReadOnlyDictionary<SupportLevel, SlaTerms> terms, double warnShare)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(warnShare, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(warnShare, 1);
        _terms = terms;
        WarnShare = warnShare;
    }

    /// <summary>Share (0–1, exclusive) of the respond window after which the watcher pages again.</summary>
    public double WarnShare { get; }

    public SlaTerms For(SupportLevel level) =>
        _terms.TryGetValue(level, out var terms) ? terms : throw new ArgumentOutOfRangeException(nameof(level), level, "no SLA terms for this level");

    /// <summary>
    /// The service agreement: L1 15 min / 60 min / 4 h and L2 30 min / 2 h / 6 h around the clock;
    /// L3 4 h / 1 business day / 2 business days and L4 1 / 3 / 5 business days in business time.
    /// </summary>
    /// <param name="businessDay">One business day of business time (8.5 h for 09:30–18:00).</param>
    public static IReadOnlyDictionary<SupportLevel, SlaTerms> Agreement(TimeSpan businessDay) => new Dictionary<SupportLevel, SlaTerms>
    {
        [SupportLevel.L1] = new(TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(60), TimeSpan.FromHours(4), BusinessTime: false),
        [SupportLevel.L2] = new(TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromHours(6), BusinessTime: false),
        [SupportLevel.L3] = new(TimeSpan.FromHours(4), businessDay, businessDay * 2, BusinessTime: true),
        [SupportLevel.L4] = new(businessDay, businessDay * 3, businessDay * 5, BusinessTime: true),
    };
}
