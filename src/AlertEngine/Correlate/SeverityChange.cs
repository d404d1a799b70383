using AlertEngine.Classify;
using AlertEngine.Ingest;
using AlertEngine.Tickets;

namespace AlertEngine.Correlate;

/// <summary>
/// A severity changed in Zabbix: the event's severity moves <see cref="From"/> → <see cref="To"/>,
/// and the ticket's level <see cref="LevelFrom"/> → <see cref="LevelTo"/> (equal when the rules
/// give the same level). <see cref="Text"/> is the timeline line.
/// </summary>
public sealed record SeverityChange(int From, int To, SupportLevel LevelFrom, SupportLevel LevelTo, string Text)
{
    public bool Relevels => LevelFrom != LevelTo;
}

/// <summary>
/// The severity-change decision (pure). An update whose new severity differs from the severity
/// recorded for its problem event is a change (Zabbix also fills the new severity on updates that
/// did not change it). The level follows the rules' classification of the event with its new
/// severity, and changes only when that level differs and the ticket is still active.
/// </summary>
public static class SeverityDecision
{
    public static SeverityChange? Decide(ZabbixUpdate? update, int recordedSeverity, Ticket ticket, Classification classified)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(classified);
        if (update?.NewSeverity is not { } to || to == recordedSeverity)
        {
            return null;
        }

        var change = $"severity changed from {ZabbixSeverity.NameOf(recordedSeverity)} to {ZabbixSeverity.NameOf(to)} in Zabbix by {update.User ?? "someone"}";
        var by = classified.Rule is { } rule ? $"rule '{rule}'" : "the default map";
        if (!ticket.State.IsActive())
        {
            return new(recordedSeverity, to, ticket.Level, ticket.Level, $"{change}; level stays {ticket.Level}: the ticket is {ticket.State.ToName()}");
        }

        return classified.Level == ticket.Level
            ? new(recordedSeverity, to, ticket.Level, ticket.Level, $"{change}; level stays {ticket.Level} ({by})")
            : new(recordedSeverity, to, ticket.Level, classified.Level, $"level {ticket.Level} → {classified.Level}: {change} ({by})");
    }
}
