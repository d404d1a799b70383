using System.Globalization;

namespace AlertEngine.Host.Commands.Bench.Storm;

/// <summary>One line of the storm check: what the generator expects, what the engine holds.</summary>
internal sealed record StormCheckLine(string Name, long Expected, long Actual, bool Ok);

/// <summary>The storm check: every line, and examples of what is wrong (at most <see cref="StormCheck.KeptExamples"/>).</summary>
internal sealed record StormVerdict(IReadOnlyList<StormCheckLine> Lines, IReadOnlyList<string> Examples)
{
    public bool Ok => Lines.All(l => l.Ok);

    public int Mismatches => Lines.Count(l => !l.Ok);
}

/// <summary>
/// Compares what the engine's file holds with what the generator expects, key by key and in total:
/// one ALERT ticket per key in its final state, acknowledged by the right user, one occurrence, its
/// problem event linked (and recovered when it should be); every distinct delivery in the inbox
/// exactly once, processed and not poisoned; every answer as expected.
/// </summary>
internal static class StormCheck
{
    public const int KeptExamples = 20;

    public static StormVerdict Compare(StormPlan plan, StormObserved observed, StormTally tally)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(observed);
        ArgumentNullException.ThrowIfNull(tally);
        var expected = plan.Expected();
        var examples = new List<string>();
        var alerts = observed.Tickets.Where(t => t.Type == "ALERT").ToList();
        var lines = new List<StormCheckLine>
        {
            Line("ALERT tickets", expected.AlertTickets, alerts.Count),
            Line("other tickets (PROBLEM, REQUEST, …)", 0, observed.Tickets.Count - alerts.Count),
            Line("ALERT tickets open", expected.Open, alerts.Count(t => t.State == "open")),
            Line("ALERT tickets acknowledged", expected.Acknowledged, alerts.Count(t => t.State == "acknowledged")),
            Line("ALERT tickets resolved", expected.Resolved, alerts.Count(t => t.State == "resolved")),
        };
        var actualBy = alerts.Where(t => t.AcknowledgedBy is not null).GroupBy(t => t.AcknowledgedBy!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (long)g.Count(), StringComparer.Ordinal);
        foreach (var user in expected.AcknowledgedBy.Keys.Union(actualBy.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            lines.Add(Line($"acknowledged by {user}", expected.AcknowledgedBy.GetValueOrDefault(user), actualBy.GetValueOrDefault(user)));
        }

        lines.Add(Line("occurrences (sum over ALERT tickets)", expected.AlertTickets, alerts.Sum(t => t.Occurrences)));
        lines.Add(Line("keys whose ticket is wrong", 0, WrongKeys(plan, observed, alerts, examples)));
        lines.Add(Line("inbox rows", expected.InboxRows, observed.Inbox.Sum(r => r.Rows)));
        lines.Add(Line("deliveries not stored exactly once", 0, WrongDeliveries(plan, observed, examples)));
        lines.Add(Line("inbox rows not processed", 0, observed.Inbox.Sum(r => r.Unprocessed)));
        lines.Add(Line("inbox rows poisoned", 0, observed.Inbox.Sum(r => r.Poisoned)));
        lines.Add(Line("answered 2xx", plan.Events, tally.Delivered));

        // A retry after no answer may find its first attempt stored: then a 200 instead of a 202 is right.
        var retried = tally.NoAnswer > 0;
        lines.Add(new("answered 202 (stored)", expected.InboxRows, tally.Accepted, tally.UnexpectedAccepts == 0 && (tally.Accepted == expected.InboxRows || retried)));
        lines.Add(new("answered 200 (duplicate)", expected.Redeliveries, tally.Duplicates, tally.UnexpectedDuplicates == 0 && (tally.Duplicates == expected.Redeliveries || retried)));
        lines.Add(Line("answered neither 2xx nor 503, or given up", 0, tally.Rejected + tally.GaveUp));
        examples.AddRange(tally.Examples.Take(KeptExamples - examples.Count));
        return new StormVerdict(lines, examples);
    }

    private static StormCheckLine Line(string name, long expected, long actual) => new(name, expected, actual, expected == actual);

    /// <summary>Keys whose ALERT ticket is missing, doubled, in the wrong state, acknowledged by the wrong user, counted twice or without its event.</summary>
    private static long WrongKeys(StormPlan plan, StormObserved observed, List<StormTicketRow> alerts, List<string> examples)
    {
        var byTrigger = alerts.Where(t => t.TriggerId is not null).ToLookup(t => t.TriggerId!, StringComparer.Ordinal);
        var events = observed.Events.GroupBy(e => e.EventId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        long wrong = 0;
        foreach (var key in plan.Triggers)
        {
            var tickets = byTrigger[key.TriggerId].ToList();
            var what = tickets.Count == 1
                ? WhatIsWrong(key, tickets[0], events.GetValueOrDefault(key.ProblemEventId))
                : $"{tickets.Count.ToString(CultureInfo.InvariantCulture)} ALERT tickets instead of 1";
            if (what is not null)
            {
                wrong++;
                Keep(examples, $"key #{key.Index} (trigger {key.TriggerId} on {key.Host}{(key.LateProblem ? ", problem sent late" : "")}): {what}");
            }
        }

        var known = plan.Triggers.Select(k => k.TriggerId).ToHashSet(StringComparer.Ordinal);
        foreach (var stray in alerts.Where(t => t.TriggerId is null || !known.Contains(t.TriggerId)))
        {
            wrong++;
            Keep(examples, $"ticket {stray.Id} is for trigger {stray.TriggerId ?? "(none)"}, which the storm never sent");
        }

        return wrong;
    }

    private static string? WhatIsWrong(StormTrigger key, StormTicketRow t, StormEventRow? problem) =>
        t.State != key.FinalState ? $"ticket {t.Id} is {t.State}, expected {key.FinalState}"
        : t.AcknowledgedBy != key.AcknowledgedBy ? $"ticket {t.Id} acknowledged by {t.AcknowledgedBy ?? "nobody"}, expected {key.AcknowledgedBy ?? "nobody"}"
        : t.Occurrences != 1 ? $"ticket {t.Id} has {t.Occurrences.ToString(CultureInfo.InvariantCulture)} occurrences, expected 1"
        : problem is null || problem.TicketId != t.Id ? $"problem event {key.ProblemEventId} is not linked to ticket {t.Id}"
        : problem.Recovered != key.Recovers ? $"problem event {key.ProblemEventId} is {(problem.Recovered ? "" : "not ")}recovered, expected {(key.Recovers ? "" : "not ")}recovered"
        : null;

    /// <summary>Problem events whose problem, updates or recovery are not each in the inbox exactly once.</summary>
    private static long WrongDeliveries(StormPlan plan, StormObserved observed, List<string> examples)
    {
        var rows = observed.Inbox.ToDictionary(r => (r.EventId, r.Kind), r => r.Rows);
        long wrong = 0;
        foreach (var key in plan.Triggers)
        {
            foreach (var (kind, count) in new[] { ("problem", 1L), ("update", (key.AcknowledgedBy is null ? 0L : 1L) + key.Comments), ("recovery", key.Recovers ? 1L : 0L) })
            {
                var stored = rows.GetValueOrDefault((key.ProblemEventId, kind));
                if (stored != count)
                {
                    wrong++;
                    Keep(examples, $"key #{key.Index} (event {key.ProblemEventId}): {stored.ToString(CultureInfo.InvariantCulture)} {kind} rows in the inbox, expected {count.ToString(CultureInfo.InvariantCulture)}");
                }
            }
        }

        var known = plan.Triggers.Select(k => k.ProblemEventId).ToHashSet(StringComparer.Ordinal);
        wrong += observed.Inbox.Count(r => !known.Contains(r.EventId));
        return wrong;
    }

    private static void Keep(List<string> examples, string example)
    {
        if (examples.Count < KeptExamples)
        {
            examples.Add(example);
        }
    }
}
