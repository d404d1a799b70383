using AlertEngine.Classify;
using AlertEngine.Tickets;

namespace AlertEngine.Sla;

/// <summary>The SLA clock of the rules running now: their SLA table and business calendar; a reload changes it.</summary>
public sealed class RulesSlaClock(RuleSetProvider rules) : ISlaClock
{
    public TicketDeadlines DeadlinesFor(SupportLevel level, DateTimeOffset start)
    {
        var current = rules.Current;
        return SlaDeadlines.For(level, start, current.Sla, current.Calendar);
    }

    public TimeSpan Counted(SupportLevel level, DateTimeOffset since, DateTimeOffset until)
    {
        var current = rules.Current;
        return SlaDeadlines.Counted(level, since, until, current.Sla, current.Calendar);
    }

    public bool CountsBusinessTime(SupportLevel level) => rules.Current.Sla.For(level).BusinessTime;
}
