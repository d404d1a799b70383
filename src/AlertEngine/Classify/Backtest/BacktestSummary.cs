using AlertEngine.Tickets;

namespace AlertEngine.Classify.Backtest;

/// <summary>
/// The backtest's totals, added up event by event (pure, no I/O): events replayed, how many each
/// kind of change touched, level changes by from → to, tickets actually opened against the
/// tickets the candidate's correlation keys would make, and what their pages would do.
/// </summary>
public sealed class BacktestSummary(RuleSettings settings)
{
    private readonly Dictionary<(SupportLevel From, SupportLevel To), long> _levels = [];
    private readonly Dictionary<string, long> _fields = new(StringComparer.Ordinal);
    private readonly Dictionary<long, PageOutcome> _actualTickets = [];
    private readonly Dictionary<string, PageOutcome> _candidateKeys = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _withoutTicket = new(StringComparer.Ordinal);
    private readonly List<string> _unreadable = [];

    /// <summary>Problem events replayed (read and classified).</summary>
    public long Replayed { get; private set; }

    /// <summary>Replayed events the candidate decides otherwise on at least one field.</summary>
    public long Changed { get; private set; }

    /// <summary>Updates and recoveries in the window: not replayed, they follow their problem's ticket.</summary>
    public long Others { get; set; }

    /// <summary>Events whose stored body no longer parses, with the first few reasons.</summary>
    public long Unreadable { get; private set; }

    public IReadOnlyList<string> UnreadableExamples => _unreadable;

    public IReadOnlyDictionary<(SupportLevel From, SupportLevel To), long> LevelChanges => _levels;

    /// <summary>Changed events per field (level, customer, team, page, ignore, suppressed).</summary>
    public long ChangesOf(string field) => _fields.GetValueOrDefault(field);

    /// <summary>Events without a ticket by reason (ignored, poisoned, not processed yet).</summary>
    public IReadOnlyDictionary<string, long> WithoutTicket => _withoutTicket;

    /// <summary>Distinct tickets the replayed events actually went to.</summary>
    public int TicketsOpened => _actualTickets.Count;

    /// <summary>Distinct correlation keys among the replayed events the candidate does not ignore.</summary>
    public int CandidateTickets => _candidateKeys.Count;

    /// <summary>Per ticket actually opened: what its page policy makes of it at its first event.</summary>
    public long ActualPages(PageOutcome outcome) => _actualTickets.Values.LongCount(o => o == outcome);

    /// <summary>Per candidate correlation key: what the candidate's page policy makes of its first event.</summary>
    public long CandidatePages(PageOutcome outcome) => _candidateKeys.Values.LongCount(o => o == outcome);

    public void Add(BacktestEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        Replayed++;
        var at = e.Event.ProblemAt;
        if (e.Stored.Ticket is { } ticket)
        {
            _actualTickets.TryAdd(ticket.Id, BacktestComparison.Page(ticket.Page, ticket.Suppressed, at, ticket.Team ?? settings.DefaultTeam, settings));
        }
        else if (e.Stored.WhyNoTicket is { } why)
        {
            _withoutTicket[why] = _withoutTicket.GetValueOrDefault(why) + 1;
        }

        var c = e.Candidate;
        if (!c.Ignore)
        {
            _candidateKeys.TryAdd(c.CorrelationKey, BacktestComparison.Page(c.Page, c.Suppressed, at, c.Team, settings));
        }

        if (!e.Changed)
        {
            return;
        }

        Changed++;
        foreach (var change in e.Changes)
        {
            _fields[change.Field] = _fields.GetValueOrDefault(change.Field) + 1;
        }

        if (e.Stored.Ticket is { } t && t.Level != c.Level)
        {
            _levels[(t.Level, c.Level)] = _levels.GetValueOrDefault((t.Level, c.Level)) + 1;
        }
    }

    /// <summary>Counts an event whose stored body does not parse any more (kept: the first five reasons).</summary>
    public void AddUnreadable(StoredProblem stored, string reason)
    {
        ArgumentNullException.ThrowIfNull(stored);
        Unreadable++;
        if (_unreadable.Count < 5)
        {
            _unreadable.Add($"inbox {stored.InboxId} ({stored.Server}:{stored.EventId}): {reason}");
        }
    }
}
