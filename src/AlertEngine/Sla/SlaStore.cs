using AlertEngine.Storage;
using AlertEngine.Tickets;
using Dapper;
using Microsoft.Data.Sqlite;

namespace AlertEngine.Sla;

/// <summary>
/// Gives tickets their deadlines and records what the watcher did at them. Writes run in the
/// caller's session (the pipeline's transaction, or the watcher's).
/// </summary>
public static class SlaStore
{
    /// <summary>Who the timeline says set deadlines and escalated.</summary>
    public const string Actor = "AlertEngine";

    /// <summary>The timeline channel of SLA entries.</summary>
    public const string Channel = "sla";

    /// <summary>
    /// Computes the ticket's deadlines when it has none or has changed level since, from where its
    /// clock starts (the Zabbix problem's start), writes them with a timeline line, and returns
    /// them; null when they were already right.
    /// </summary>
    public static TicketDeadlines? ApplyDeadlines(DbSession session, long ticketId, ISlaClock clock, TimeZoneInfo zone, DateTimeOffset now, long? inboxId = null)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(clock);
        // Once per pipeline event: a statement prepared once per connection, like the other hot-path reads.
        var row = session.Prepared(SlaSql.FindClock).With("id", ticketId).SingleOrDefault<ClockRow>();
        if (row is null || row.SlaLevel == row.Level)
        {
            return null;
        }

        var level = (SupportLevel)row.Level;
        var start = UnixTime.FromMs(row.StartAt);
        var deadlines = clock.DeadlinesFor(level, start);
        session.Prepared(SlaSql.SetDeadlines)
            .With("id", ticketId)
            .With("level", row.Level)
            .With("startAt", row.StartAt)
            .With("respondBy", UnixTime.ToMs(deadlines.RespondBy))
            .With("resolveBy", UnixTime.ToMs(deadlines.ResolveBy))
            .With("hardLimitAt", UnixTime.ToMs(deadlines.HardLimit))
            .With("warnAt", UnixTime.ToMs(deadlines.RespondWarnAt))
            .Run();

        var counts = clock.CountsBusinessTime(level) ? "business time" : "around the clock";
        var what = row.SlaLevel is { } before
            ? $"SLA recomputed for {level} (was {(SupportLevel)before})"
            : $"SLA {level}";
        TicketStore.AddTimeline(session, ticketId, new TimelineEntry(now, "sla", Actor, Channel,
            $"{what}, {counts} from {SlaEscalationDecision.Local(start, zone)}: respond by {SlaEscalationDecision.Local(deadlines.RespondBy, zone)}, "
            + $"resolve by {SlaEscalationDecision.Local(deadlines.ResolveBy, zone)}, hard limit {SlaEscalationDecision.Local(deadlines.HardLimit, zone)}"), inboxId);
        return deadlines;
    }

    /// <summary>Active tickets without deadlines for their level (opened outside the pipeline, or re-levelled).</summary>
    public static IReadOnlyList<long> ListNeedingDeadlines(SqliteConnection connection, int limit) =>
        [.. connection.Query<long>(SlaSql.ListNeedingDeadlines, new { limit })];

    /// <summary>Active tickets with a deadline passed.</summary>
    public static IReadOnlyList<SlaTicket> ListDue(SqliteConnection connection, DateTimeOffset now) =>
        [.. connection.Query<DueRow>(SlaSql.ListDue, new { now = UnixTime.ToMs(now) }).Select(r => new SlaTicket(
            r.Id, r.Number ?? "", (SupportLevel)r.Level, UnixTime.FromMs(r.RespondBy), UnixTime.FromMs(r.ResolveBy),
            UnixTime.FromMs(r.HardLimitAt), UnixTime.FromMs(r.RespondWarnAt), UnixTime.FromMs(r.RespondedAt)))];

    /// <summary>
    /// Makes one escalation unless it was made before (then false and nothing changes): the row,
    /// the breach it records, and its line on the timeline, in the caller's transaction.
    /// </summary>
    public static bool Escalate(DbSession session, SlaTicket ticket, SlaEscalation escalation, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(escalation);
        var made = session.Connection.Execute(SlaSql.InsertEscalation, new
        {
            ticketId = ticket.Id,
            deadline = escalation.Deadline.ToName(),
            dueAt = UnixTime.ToMs(escalation.DueAt),
            firedAt = UnixTime.ToMs(now),
        }, session.Transaction) == 1;
        if (!made)
        {
            return false;
        }

        var breach = escalation.Deadline switch
        {
            SlaDeadlineKind.Respond => SlaSql.BreachRespond,
            SlaDeadlineKind.Resolve => SlaSql.BreachResolve,
            _ => null,
        };
        if (breach is not null)
        {
            session.Connection.Execute(breach, new { id = ticket.Id }, session.Transaction);
        }

        var kind = escalation.Deadline is SlaDeadlineKind.Respond or SlaDeadlineKind.Resolve ? "sla-breach" : "sla-escalation";
        TicketStore.AddTimeline(session, ticket.Id, new TimelineEntry(now, kind, Actor, Channel, escalation.Action), inboxId: null);
        return true;
    }

    /// <summary>Tickets whose SLA clock started in [from, to), for the report.</summary>
    public static IReadOnlyList<SlaReportTicket> ListForReport(SqliteConnection connection, DateTimeOffset from, DateTimeOffset to) =>
        [.. connection.Query<ReportRow>(SlaSql.ListForReport, new { from = UnixTime.ToMs(from), to = UnixTime.ToMs(to) }).Select(r => new SlaReportTicket(
            (SupportLevel)r.Level, r.Customer, UnixTime.FromMs(r.StartAt), UnixTime.FromMs(r.RespondedAt), UnixTime.FromMs(r.ResolvedAt), r.Respond, r.Resolve))];

    private sealed class ReportRow
    {
        public long Level { get; set; }
        public string? Customer { get; set; }
        public long StartAt { get; set; }
        public long? RespondedAt { get; set; }
        public long? ResolvedAt { get; set; }
        public string? Respond { get; set; }
        public string? Resolve { get; set; }
    }

    private sealed class ClockRow
    {
        public long Id { get; set; }
        public string? Number { get; set; }
        public long Level { get; set; }
        public long? SlaLevel { get; set; }
        public long StartAt { get; set; }
    }

    private sealed class DueRow
    {
        public long Id { get; set; }
        public string? Number { get; set; }
        public long Level { get; set; }
        public long RespondBy { get; set; }
        public long ResolveBy { get; set; }
        public long HardLimitAt { get; set; }
        public long RespondWarnAt { get; set; }
        public long? RespondedAt { get; set; }
    }
}
