using System.Text.Json;
using AlertEngine.Storage;
using Dapper;
using Microsoft.Data.Sqlite;

namespace AlertEngine.Tickets;

/// <summary>Flapping ALERTs, severity changes and PROBLEM tickets.</summary>
public static partial class TicketStore
{
    /// <summary>The key's most recently resolved ALERT and when its last event recovered in Zabbix, or nulls.</summary>
    public static (Ticket? Ticket, DateTimeOffset? RecoveredAt) FindLastResolvedAlert(DbSession session, string key)
    {
        var ticket = Map(session.Prepared(TicketSql.FindLastResolvedAlertByKey).With("key", key).SingleOrDefault<TicketRow>());
        return ticket is null
            ? (null, null)
            : (ticket, UnixTime.FromMs(session.Prepared(TicketSql.LastRecoveredAt).With("ticketId", ticket.Id).ScalarInt64()));
    }

    /// <summary>Reopens a resolved ALERT as a flap (one more flap); returns it as it is now.</summary>
    public static Ticket ReopenFlapping(DbSession session, long ticketId, DateTimeOffset now) =>
        Map(session.Prepared(TicketSql.ReopenFlapping).With("id", ticketId).With("now", UnixTime.ToMs(now)).SingleOrDefault<TicketRow>())
            ?? throw new InvalidOperationException($"ticket {ticketId} is not resolved: it cannot reopen as flapping");

    /// <summary>The severity recorded for a linked problem event, or null when it is on no ticket.</summary>
    public static int? FindEventSeverity(DbSession session, string server, string eventId) =>
        (int?)session.Prepared(TicketSql.FindEventSeverity).With("server", server).With("eventId", eventId).ScalarInt64();

    public static void ChangeSeverity(DbSession session, long ticketId, string server, string eventId, int severity, SupportLevel level, DateTimeOffset now) =>
        session.Prepared(TicketSql.ChangeSeverity).With("id", ticketId).With("server", server).With("eventId", eventId)
            .With("severity", severity).With("level", (int)level).With("now", UnixTime.ToMs(now)).Run();

    /// <summary>How often the key came back since <paramref name="since"/> (Zabbix clock), on ALERTs not linked to a PROBLEM.</summary>
    public static int CountReturns(DbSession session, string key, DateTimeOffset since) =>
        (int)(session.Prepared(TicketSql.CountReturns).With("key", key).With("since", UnixTime.ToMs(since)).ScalarInt64() ?? 0);

    public static Ticket? FindActiveProblemByKey(DbSession session, string key) =>
        Map(session.Prepared(TicketSql.FindActiveProblemByKey).With("key", key).SingleOrDefault<TicketRow>());

    /// <summary>
    /// Opens a PROBLEM ticket like <paramref name="problem"/> (type PROBLEM, its own title), links the
    /// key's ALERTs seen since <paramref name="since"/> or still active, and counts their occurrences.
    /// </summary>
    public static (Ticket Problem, IReadOnlyList<LinkedAlert> Linked) OpenProblem(DbSession session, NewAlert problem, TimeSpan quiet, DateTimeOffset since, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var c = session.Connection;
        var id = c.ExecuteScalar<long>(TicketSql.InsertProblem, new
        {
            level = (int)problem.Level,
            customer = problem.Customer,
            team = problem.Team,
            title = problem.Title,
            server = problem.ZabbixServer,
            triggerId = problem.TriggerId,
            host = problem.Host,
            hostName = problem.HostName,
            severity = problem.Severity,
            key = problem.CorrelationKey,
            now = UnixTime.ToMs(now),
            rule = problem.Rule,
            page = problem.Page,
            suppressedBy = problem.SuppressedBy,
            labels = problem.Labels.Count == 0 ? null : JsonSerializer.Serialize(problem.Labels),
            quietSeconds = (long)quiet.TotalSeconds,
        }, session.Transaction);
        var number = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        c.Execute(TicketSql.SetNumber, new { id, number }, session.Transaction);
        var linked = c.Query<LinkedRow>(TicketSql.LinkRecentAlerts, new { problemId = id, key = problem.CorrelationKey, since = UnixTime.ToMs(since), now = UnixTime.ToMs(now) }, session.Transaction)
            .OrderBy(r => r.Id).Select(r => new LinkedAlert(r.Id, r.Number ?? r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        var opened = Map(c.QuerySingle<TicketRow>(TicketSql.CountFromLinkedAlerts, new { id }, session.Transaction))!;
        return (opened, linked);
    }

    public static void LinkAlert(DbSession session, long alertId, long problemId, DateTimeOffset now) =>
        session.Prepared(TicketSql.LinkAlert).With("id", alertId).With("problemId", problemId).With("now", UnixTime.ToMs(now)).Run();

    /// <summary>The numbers of the ALERTs linked to a PROBLEM, oldest first.</summary>
    public static IReadOnlyList<string> ListLinkedAlerts(SqliteConnection connection, long problemId) =>
        [.. connection.Query<string>(TicketSql.ListLinkedAlerts, new { id = problemId })];

    /// <summary>Every active PROBLEM with a quiet period, and when its key was last active.</summary>
    public static IReadOnlyList<ActiveProblem> ListActiveProblems(DbSession session) =>
        [.. session.Connection.Query<ActiveProblemRow>(TicketSql.ListActiveProblems, transaction: session.Transaction)
            .Select(r => new ActiveProblem(r.Id, r.Number, TimeSpan.FromSeconds(r.QuietSeconds), UnixTime.FromMs(r.LastActiveAt), r.AlertActive != 0))];

#pragma warning disable CA1812 // Instantiated by Dapper.
    private sealed class ActiveProblemRow
    {
        public long Id { get; set; }
        public string Number { get; set; } = "";
        public long QuietSeconds { get; set; }
        public long LastActiveAt { get; set; }
        public long AlertActive { get; set; }
    }

    private sealed class LinkedRow
    {
        public long Id { get; set; }
        public string? Number { get; set; }
    }
#pragma warning restore CA1812
}

/// <summary>An ALERT linked to a PROBLEM ticket.</summary>
public sealed record LinkedAlert(long Id, string Number);

/// <summary>
/// An active PROBLEM ticket as the quiet-period check sees it: its quiet period, when its key was
/// last active (last occurrence or last recovery of a linked ALERT), and whether a linked ALERT is still active.
/// </summary>
public sealed record ActiveProblem(long Id, string Number, TimeSpan Quiet, DateTimeOffset LastActiveAt, bool AlertActive);
