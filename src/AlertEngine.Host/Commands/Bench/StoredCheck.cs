using AlertEngine.Host.Commands.Bench.Suite;

namespace AlertEngine.Host.Commands.Bench;

/// <summary>
/// The check that no acknowledged event was lost: the inbox file holds every event the engine
/// answered 2xx for (every body has a new event id, so each 2xx is one row). Requests that got no
/// answer may or may not have been committed, so up to that many extra rows are explained; any
/// more were stored without a 2xx reaching the client.
/// </summary>
/// <param name="Answered2xx">2xx answers over every phase, warm-ups included.</param>
/// <param name="NoAnswer">Requests that ended without an HTTP answer (reset, timeout).</param>
/// <param name="Stored">Rows in the inbox after the engine stopped.</param>
/// <param name="Scope">Says which answers were counted, e.g. " (warm-ups included)".</param>
internal sealed record StoredCheck(long Answered2xx, long NoAnswer, long Stored, string Scope = "")
{
    /// <summary>Events answered 2xx that are not in the inbox.</summary>
    public long Lost => Math.Max(0, Answered2xx - Stored);

    /// <summary>Rows beyond the 2xx answers and the unanswered requests.</summary>
    public long Unexplained => Math.Max(0, Stored - Answered2xx - NoAnswer);

    public bool Ok => Lost == 0 && Unexplained == 0;

    /// <summary>The check as a summary line: no 2xx missing from the inbox (and no row unexplained).</summary>
    public SummaryLine Summary => new(
        "2xx answers missing from the inbox",
        "= 0",
        $"{Text.Count(Lost)} of {Text.Count(Answered2xx)}" + (Unexplained > 0 ? $"; {Text.Count(Unexplained)} rows stored without a 2xx" : ""),
        Ok);

    public string Line => Stored == Answered2xx
        ? $"inbox holds {Text.Count(Stored)} events = {Text.Count(Answered2xx)} answered 2xx by the engine{Scope}: OK"
        : Lost > 0
            ? $"inbox holds {Text.Count(Stored)} events but the engine answered 2xx for {Text.Count(Answered2xx)}: {Text.Count(Lost)} events LOST"
            : Unexplained > 0
                ? $"inbox holds {Text.Count(Stored)} events but the engine answered 2xx for only {Text.Count(Answered2xx)}: "
                  + $"{Text.Count(Stored - Answered2xx)} stored without a 2xx reaching the client (MISMATCH)"
                : $"inbox holds {Text.Count(Stored)} events ≥ {Text.Count(Answered2xx)} answered 2xx by the engine{Scope}; the other "
                  + $"{Text.Count(Stored - Answered2xx)} are among the {Text.Count(NoAnswer)} requests that got no answer: OK";
}
