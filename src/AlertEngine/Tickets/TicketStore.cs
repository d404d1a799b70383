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
        Map(session.Prepared(TicketSql.FindByEvent).With("server", server).With("eventId", eventId).SingleOrDefault<TicketRow>());

    public static Ticket? FindOpenAlertByKey(DbSession session, string key) =>
        Map(session.Prepared(TicketSql.FindOpenAlertByKey).With("key", key).SingleOrDefault<TicketRow>());

    /// <summary>The open ALERT for a correlation key, read outside any transaction (jobs deciding whether to act).</summary>
    public static Ticket? FindOpenAlertByKey(SqliteConnection connection, string key) =>
        Map(connection.QuerySingleOrDefault<TicketRow>(TicketSql.FindOpenAlertByKey, new { key }));

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
        var id = session.Prepared(TicketSql.Insert)
            .With("type", nameof(TicketType.ALERT))
            .With("state", TicketState.Open.ToName())
            .With("level", (int)alert.Level)
            .With("customer", alert.Customer)
            .With("team", alert.Team)
            .With("title", alert.Title)
            .With("server", alert.ZabbixServer)
            .With("triggerId", alert.TriggerId)
            .With("host", alert.Host)
            .With("hostName", alert.HostName)
            .With("severity", alert.Severity)
            .With("key", alert.CorrelationKey)
            .With("seenAt", UnixTime.ToMs(alert.ProblemAt))
            .With("openedAt", UnixTime.ToMs(now))
            .With("rule", alert.Rule)
            .With("page", alert.Page)
            .With("suppressedBy", alert.SuppressedBy)
            .With("labels", alert.Labels.Count == 0 ? null : JsonSerializer.Serialize(alert.Labels))
            .ScalarInt64() ?? throw new InvalidOperationException("inserting a ticket returned no id");
        var number = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Map(session.Prepared(TicketSql.SetNumber).With("id", id).With("number", number).SingleOrDefault<TicketRow>())
            ?? throw new InvalidOperationException($"ticket {number} vanished while it was numbered");
    }

    /// <summary>Links a problem event to a ticket; <paramref name="cameBack"/> when it opened or reopened it (what recurrence counts).</summary>
    public static void LinkEvent(DbSession session, long ticketId, string server, string eventId, int severity, DateTimeOffset problemAt, bool cameBack = false) =>
        session.Prepared(TicketSql.InsertEvent).With("server", server).With("eventId", eventId).With("ticketId", ticketId)
            .With("severity", severity).With("problemAt", UnixTime.ToMs(problemAt)).With("cameBack", cameBack ? 1 : 0).Run();

    public static void AddOccurrence(DbSession session, long ticketId, DateTimeOffset seenAt, DateTimeOffset now) =>
        session.Prepared(TicketSql.AddOccurrence).With("id", ticketId).With("seenAt", UnixTime.ToMs(seenAt)).With("now", UnixTime.ToMs(now)).Run();

    /// <summary>Marks a linked event recovered; returns how many of the ticket's events are still in problem.</summary>
    public static int MarkEventRecovered(DbSession session, long ticketId, string server, string eventId, string? recoveryEventId, DateTimeOffset recoveredAt)
    {
        session.Prepared(TicketSql.MarkEventRecovered).With("server", server).With("eventId", eventId)
            .With("recoveryEventId", recoveryEventId).With("recoveredAt", UnixTime.ToMs(recoveredAt)).Run();
        return (int)(session.Prepared(TicketSql.CountUnrecovered).With("ticketId", ticketId).ScalarInt64() ?? 0);
    }

    /// <summary>Acknowledges at <paramref name="at"/> (when it was done, e.g. in Zabbix), recorded at <paramref name="now"/> (default: the same).</summary>
    public static void Acknowledge(DbSession session, long ticketId, string? by, DateTimeOffset at, DateTimeOffset? now = null) =>
        session.Prepared(TicketSql.Acknowledge).With("id", ticketId).With("by", by).With("at", UnixTime.ToMs(at)).With("now", UnixTime.ToMs(now ?? at)).Run();

    public static void Unacknowledge(DbSession session, long ticketId, DateTimeOffset at) =>
        session.Prepared(TicketSql.Unacknowledge).With("id", ticketId).With("at", UnixTime.ToMs(at)).Run();

    /// <summary>Resolves at <paramref name="at"/> (when it happened, e.g. the recovery's clock), recorded at <paramref name="now"/> (default: the same).</summary>
    public static void Resolve(DbSession session, long ticketId, string? by, DateTimeOffset at, DateTimeOffset? now = null) =>
        session.Prepared(TicketSql.Resolve).With("id", ticketId).With("by", by).With("at", UnixTime.ToMs(at)).With("now", UnixTime.ToMs(now ?? at)).Run();

    public static void AddTimeline(DbSession session, long ticketId, TimelineEntry entry, long? inboxId)
    {
        ArgumentNullException.ThrowIfNull(entry);
        session.Prepared(TicketSql.InsertTimeline)
            .With("ticketId", ticketId)
            .With("at", UnixTime.ToMs(entry.At))
            .With("kind", entry.Kind)
            .With("actor", entry.Actor)
            .With("channel", entry.Channel)
            .With("text", entry.Text)
            .With("inboxId", inboxId)
            .Run();
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
        Sla = r.SlaLevel is null ? null : new TicketSla(
            UnixTime.FromMs(r.RespondBy ?? 0), UnixTime.FromMs(r.ResolveBy ?? 0), UnixTime.FromMs(r.HardLimitAt ?? 0),
            UnixTime.FromMs(r.RespondedAt), r.RespondState, r.ResolveState),
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
        public long? SlaLevel { get; set; }
        public long? RespondBy { get; set; }
        public long? ResolveBy { get; set; }
        public long? HardLimitAt { get; set; }
        public long? RespondedAt { get; set; }
        public string? RespondState { get; set; }
        public string? ResolveState { get; set; }
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
