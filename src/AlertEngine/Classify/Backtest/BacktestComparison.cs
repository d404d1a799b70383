namespace AlertEngine.Classify.Backtest;

/// <summary>
/// The backtest's decisions, pure: which fields of what actually happened to an event the
/// candidate rules decide otherwise, and what a ticket's page would do.
/// </summary>
public static class BacktestComparison
{
    public const string None = "(none)";

    /// <summary>
    /// The differences between the ticket the event went to and the candidate's classification:
    /// level, customer, team, page policy, ignore, suppressed. A team or page policy the ticket
    /// did not record (opened before the rules) is not compared. An event the rules ignored is
    /// compared on ignore only; one without a ticket for another reason (poisoned, not processed)
    /// on nothing.
    /// </summary>
    public static IReadOnlyList<FieldChange> Compare(StoredProblem stored, Classification candidate)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(candidate);
        var changes = new List<FieldChange>();
        if (stored.Ticket is not { } ticket)
        {
            if (stored.Ignored && !candidate.Ignore)
            {
                changes.Add(new FieldChange("ignore", "yes", "no"));
            }

            return changes;
        }

        Add(changes, "level", ticket.Level.ToString(), candidate.Level.ToString());
        Add(changes, "customer", ticket.Customer ?? None, candidate.Customer ?? None);
        if (ticket.Team is not null)
        {
            Add(changes, "team", ticket.Team, candidate.Team);
        }

        if (ticket.Page is { } page)
        {
            Add(changes, "page", page.ToName(), candidate.Page.ToName());
        }

        Add(changes, "ignore", "no", candidate.Ignore ? "yes" : "no");
        Add(changes, "suppressed", ticket.Suppressed ? "yes" : "no", candidate.Suppressed ? "yes" : "no");
        return changes;
    }

    /// <summary>
    /// What a ticket's page does at <paramref name="at"/>: never when suppressed or the policy is
    /// never; now for now, and for business_hours inside the team's business hours; held otherwise.
    /// </summary>
    public static PageOutcome Page(PagePolicy? policy, bool suppressed, DateTimeOffset at, string team, RuleSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return (policy, suppressed) switch
        {
            (null, _) => PageOutcome.Unknown,
            (_, true) or (PagePolicy.Never, _) => PageOutcome.Never,
            (PagePolicy.Now, _) => PageOutcome.Now,
            _ => settings.IsBusinessHours(at, team) ? PageOutcome.Now : PageOutcome.Held,
        };
    }

    private static void Add(List<FieldChange> changes, string field, string actual, string candidate)
    {
        if (!string.Equals(actual, candidate, StringComparison.Ordinal))
        {
            changes.Add(new FieldChange(field, actual, candidate));
        }
    }
}
