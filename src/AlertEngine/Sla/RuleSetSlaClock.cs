using AlertEngine.Classify;
using AlertEngine.Tickets;

namespace AlertEngine.Sla;

/// <summary>The SLA clock of one given rule set (the <c>sla report</c> command reads a rules folder, not the running engine's).</summary>
public sealed class RuleSetSlaClock(RuleSet rules) : ISlaClock
{
    public TicketDeadlines DeadlinesFor(SupportLevel level, DateTimeOffset start) => SlaDeadlines.For(level, start, rules.Sla, rules.Calendar);

    public TimeSpan Counted(SupportLevel level, DateTimeOffset since, DateTimeOffset until) => SlaDeadlines.Counted(level, since, until, rules.Sla, rules.Calendar);

    public bool CountsBusinessTime(SupportLevel level) => rules.Sla.For(level).BusinessTime;
}
