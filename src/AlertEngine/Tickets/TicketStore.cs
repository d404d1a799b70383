using System.Text.Json;
using AlertEngine.Storage;
using Dapper;
using Microsoft.Data.Sqlite;

namespace AlertEngine.Tickets;

/// <summary>
/// Reads and writes tickets, their Zabbix events and their timelines. Writes run in the
/// caller's session (the pipeline's transaction); reads may use any open connection.
/// </summary>
public static partial class TicketStore
{
    public static Ticket? FindByEvent(DbSession session, string server, string eventId) =>
        Map(session.Connection.QuerySingleOrDefault<TicketRow>(TicketSql.FindByEvent, new { server, eventId }, session.Transaction));

    public static Ticket? FindOpenAlertByKey(DbSession session, string key) =>
        Map(session.Connection.QuerySingleOrDefault<TicketRow>(TicketSql.FindOpenAlertByKey, new { key }, session.Transaction));

    public static Ticket? FindByNumber(SqliteConnection connection, string number) =>
        Map(connection.QuerySingleOrDefault<TicketRow>(TicketSql.FindByNumber, new { number }));

    public static IReadOnlyList<Ticket> List(SqliteConnection connection, TicketFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var rows = connection.Query<TicketRow>(TicketSql.List, new
        {
            state = filter.State?.ToName(),
            level = (int?)filter.Level,
            customer = filter.Customer,
            type = filter.Type?.ToString(),
            limit = filter.Limit,
        });
        return [.. rows.Select(r => Map(r)!)];
    }

    /// <summary>Opens an ALERT ticket in state open; returns it with its number.</summary>
    public static Ticket OpenAlert(DbSession session, NewAlert alert, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var c = session.Connection;
        var id = c.ExecuteScalar<long>(TicketSql.Insert, new
        {
            type = nameof(TicketType.ALERT),
            state = TicketState.Open.ToName(),
            level = (int)alert.Level,
            customer = alert.Customer,
            team = alert.Team,
            title = alert.Title,
            server = alert.ZabbixServer,
            triggerId = alert.TriggerId,
            host = alert.Host,
            hostName = alert.HostName,
            severity = alert.Severity,
            key = alert.CorrelationKey,
            seenAt = UnixTime.ToMs(alert.ProblemAt),
            openedAt = UnixTime.ToMs(now),
            rule = alert.Rule,
            page = alert.Page,
            suppressedBy = alert.SuppressedBy,
            labels = alert.Labels.Count == 0 ? null : JsonSerializer.Serialize(alert.Labels),
        }, session.Transaction);
        var number = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Map(c.QuerySingle<TicketRow>(TicketSql.SetNumber, new { id, number }, session.Transaction))!;
    }

    /// <summary>Links a problem event to a ticket; <paramref name="cameBack"/> when it opened or reopened it (what recurrence counts).</summary>
    public static void LinkEvent(DbSession session, long ticketId, string server, string eventId, int severity, DateTimeOffset problemAt, bool cameBack = false) =>
        session.Connection.Execute(TicketSql.InsertEvent, new { server, eventId, ticketId, severity, problemAt = UnixTime.ToMs(problemAt), cameBack = cameBack ? 1 : 0 }, session.Transaction);

    public static void AddOccurrence(DbSession session, long ticketId, DateTimeOffset seenAt, DateTimeOffset now) =>
        session.Connection.Execute(TicketSql.AddOccurrence, new { id = ticketId, seenAt = UnixTime.ToMs(seenAt), now = UnixTime.ToMs(now) }, session.Transaction);

    /// <summary>Marks a linked event recovered; returns how many of the ticket's events are still in problem.</summary>
    public static int MarkEventRecovered(DbSession session, long ticketId, string server, string eventId, string? recoveryEventId, DateTimeOffset recoveredAt)
    {
        var c = session.Connection;
        c.Execute(TicketSql.MarkEventRecovered, new { server, eventId, recoveryEventId, recoveredAt = UnixTime.ToMs(recoveredAt) }, session.Transaction);
        return c.ExecuteScalar<int>(TicketSql.CountUnrecovered, new { ticketId }, session.Transaction);
    }

    public static void Acknowledge(DbSession session, long ticketId, string? by, DateTimeOffset at) =>
        session.Connection.Execute(TicketSql.Acknowledge, new { id = ticketId, by, at = UnixTime.ToMs(at) }, session.Transaction);

    public static void Unacknowledge(DbSession session, long ticketId, DateTimeOffset at) =>
        session.Connection.Execute(TicketSql.Unacknowledge, new { id = ticketId, at = UnixTime.ToMs(at) }, session.Transaction);

    public static void Resolve(DbSession session, long ticketId, string? by, DateTimeOffset at) =>
        session.Connection.Execute(TicketSql.Resolve, new { id = ticketId, by, at = UnixTime.ToMs(at) }, session.Transaction);

    public static void AddTimeline(DbSession session, long ticketId, TimelineEntry entry, long? inboxId)
    {
        ArgumentNullException.ThrowIfNull(entry);
        session.Connection.Execute(TicketSql.InsertTimeline, new
        {
            ticketId,
            at = UnixTime.ToMs(entry.At),
            kind = entry.Kind,
            actor = entry.Actor,
            channel = entry.Channel,
            text = entry.Text,
            inboxId,
        }, session.Transaction);
    }

    public static IReadOnlyList<TicketEvent> ListEvents(SqliteConnection connection, long ticketId) =>
        [.. connection.Query<EventRow>(TicketSql.ListEvents, new { ticketId })
            .Select(r => new TicketEvent(r.ZabbixServer, r.EventId, (int)r.Severity, UnixTime.FromMs(r.ProblemAt), r.RecoveryEventId, UnixTime.FromMs(r.RecoveredAt)))];

    public static IReadOnlyList<TimelineEntry> ListTimeline(SqliteConnection connection, long ticketId) =>
        [.. connection.Query<TimelineRow>(TicketSql.ListTimeline, new { ticketId })
            .Select(r => new TimelineEntry(UnixTime.FromMs(r.At), r.Kind, r.Actor, r.Channel, r.Text))];

    private static Ticket? Map(TicketRow? r) => r is null ? null : new Ticket
    {
        Id = r.Id,
        Number = r.Number ?? r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Type = Enum.Parse<TicketType>(r.Type),
        State = Enum.Parse<TicketState>(r.State, ignoreCase: true),
        Level = (SupportLevel)r.Level,
        Customer = r.Customer,
        Team = r.Team,
        Title = r.Title,
        ZabbixServer = r.ZabbixServer,
        TriggerId = r.TriggerId,
        Host = r.Host,
        HostName = r.HostName,
        Severity = (int?)r.Severity,
        CorrelationKey = r.CorrelationKey,
        Occurrences = (int)r.Occurrences,
        FirstSeenAt = UnixTime.FromMs(r.FirstSeenAt),
        LastSeenAt = UnixTime.FromMs(r.LastSeenAt),
        OpenedAt = UnixTime.FromMs(r.OpenedAt),
        AcknowledgedAt = UnixTime.FromMs(r.AcknowledgedAt),
        AcknowledgedBy = r.AcknowledgedBy,
        ResolvedAt = UnixTime.FromMs(r.ResolvedAt),
        ResolvedBy = r.ResolvedBy,
        ClosedAt = UnixTime.FromMs(r.ClosedAt),
        UpdatedAt = UnixTime.FromMs(r.UpdatedAt),
        Rule = r.Rule,
        Page = r.PagePolicy,
        SuppressedBy = r.SuppressedBy,
        Labels = r.Labels is null ? new Dictionary<string, string>() : JsonSerializer.Deserialize<Dictionary<string, string>>(r.Labels) ?? [],
        Flaps = (int)r.Flaps,
        LastFlapAt = UnixTime.FromMs(r.LastFlapAt),
        ProblemTicketId = r.ProblemTicketId,
        ProblemNumber = r.ProblemNumber,
        Quiet = r.QuietSeconds is { } quiet ? TimeSpan.FromSeconds(quiet) : null,
        Description = r.Description,
        ClosedBy = r.ClosedBy,
    };

#pragma warning disable CA1812 // Instantiated by Dapper.
    private sealed class TicketRow
    {
        public long Id { get; set; }
        public string? Number { get; set; }
        public string Type { get; set; } = "";
        public string State { get; set; } = "";
        public long Level { get; set; }
        public string? Customer { get; set; }
        public string? Team { get; set; }
        public string Title { get; set; } = "";
        public string? ZabbixServer { get; set; }
        public string? TriggerId { get; set; }
        public string? Host { get; set; }
        public string? HostName { get; set; }
        public long? Severity { get; set; }
        public string? CorrelationKey { get; set; }
        public long Occurrences { get; set; }
        public long? FirstSeenAt { get; set; }
        public long? LastSeenAt { get; set; }
        public long OpenedAt { get; set; }
        public long? AcknowledgedAt { get; set; }
        public string? AcknowledgedBy { get; set; }
        public long? ResolvedAt { get; set; }
        public string? ResolvedBy { get; set; }
        public long? ClosedAt { get; set; }
        public long UpdatedAt { get; set; }
        public string? Rule { get; set; }
        public string? PagePolicy { get; set; }
        public string? SuppressedBy { get; set; }
        public string? Labels { get; set; }
        public long Flaps { get; set; }
        public long? LastFlapAt { get; set; }
        public long? ProblemTicketId { get; set; }
        public string? ProblemNumber { get; set; }
        public long? QuietSeconds { get; set; }
        public string? Description { get; set; }
        public string? ClosedBy { get; set; }
    }

    private sealed class EventRow
    {
        public string ZabbixServer { get; set; } = "";
        public string EventId { get; set; } = "";
        public long Severity { get; set; }
        public long ProblemAt { get; set; }
        public string? RecoveryEventId { get; set; }
        public long? RecoveredAt { get; set; }
    }

    private sealed class TimelineRow
    {
        public long At { get; set; }
        public string Kind { get; set; } = "";
        public string? Actor { get; set; }
        public string Channel { get; set; } = "";
        public string Text { get; set; } = "";
    }
#pragma warning restore CA1812
}
