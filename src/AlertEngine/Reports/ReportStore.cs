using AlertEngine.Paging;
using AlertEngine.Storage;
using AlertEngine.Tickets;
using Dapper;
using Microsoft.Data.Sqlite;

namespace AlertEngine.Reports;

/// <summary>
/// Reads what the handover report and the status page show (<see cref="ReportSql"/>). Read-only:
/// the CLI opens the database read-only. Pages name people by roster id here; the builders put
/// names in. Clocks of open tickets are measured at the shift's end.
/// </summary>
public static partial class ReportStore
{
    /// <summary>How many triggers and hosts the "noisiest" lists keep.</summary>
    public const int NoisyLimit = 5;

    public static IReadOnlyList<OpenTicket> ListOpenAt(SqliteConnection connection, DateTimeOffset at) =>
        [.. connection.Query<OpenRow>(ReportSql.ListOpenAt, new { to = UnixTime.ToMs(at) }).Select(r => r.ToOpenTicket(at))];

    public static ShiftActivity ListActivity(SqliteConnection connection, DateTimeOffset from, DateTimeOffset to)
    {
        var range = Range(from, to);
        return new ShiftActivity(
            Movements(connection, ReportSql.ListOpened, range),
            Movements(connection, ReportSql.ListAcknowledged, range),
            Movements(connection, ReportSql.ListResolved, range),
            [.. connection.Query<BreachRow>(ReportSql.ListBreaches, range).Select(r => new Breach(
                r.Number ?? "", (SupportLevel)r.Level, r.Customer, r.Title, r.Deadline, UnixTime.FromMs(r.DueAt)))]);
    }

    public static IReadOnlyList<ProblemSummary> ListProblems(SqliteConnection connection, DateTimeOffset from, DateTimeOffset to) =>
        [.. connection.Query<ProblemRow>(ReportSql.ListProblems, Range(from, to)).Select(r => new ProblemSummary(
            r.Number ?? "", (SupportLevel)r.Level, StateAtEnd(r.State, r.OpenAtEnd), r.Customer, r.Title, (int)r.Occurrences,
            (int)r.LinkedAlerts, UnixTime.FromMs(r.OpenedAt), UnixTime.FromMs(r.OpenedAt) >= from))];

    public static IReadOnlyList<NoisySource> ListNoisyTriggers(SqliteConnection connection, DateTimeOffset from, DateTimeOffset to) =>
        Noisy(connection, ReportSql.ListNoisyTriggers, from, to);

    public static IReadOnlyList<NoisySource> ListNoisyHosts(SqliteConnection connection, DateTimeOffset from, DateTimeOffset to) =>
        Noisy(connection, ReportSql.ListNoisyHosts, from, to);

    /// <summary>Events per hour across the shift: every hour from the one holding <paramref name="from"/> to the one before <paramref name="to"/>, zeros included.</summary>
    public static IReadOnlyList<HourCount> CountEventsPerHour(SqliteConnection connection, DateTimeOffset from, DateTimeOffset to)
    {
        var counts = connection.Query<HourRow>(ReportSql.CountEventsPerHour, Range(from, to)).ToDictionary(r => r.HourStart, r => (int)r.Events);
        var hours = new List<HourCount>();
        const long hour = 3_600_000;
        for (var start = UnixTime.ToMs(from) / hour * hour; start < UnixTime.ToMs(to); start += hour)
        {
            hours.Add(new HourCount(UnixTime.FromMs(start), counts.GetValueOrDefault(start)));
        }

        return hours;
    }

    public static IReadOnlyList<SentPage> ListSentPages(SqliteConnection connection, DateTimeOffset from, DateTimeOffset to) =>
        [.. connection.Query<SentRow>(ReportSql.ListSentPages, Range(from, to)).Select(r => new SentPage(
            r.Number ?? "", (SupportLevel)r.Level, r.Person ?? "", Channel(r.Kind), UnixTime.FromMs(r.SentAt), r.DeliveryStatus,
            r.AcknowledgedAt is { } ack ? UnixTime.FromMs(ack) - UnixTime.FromMs(r.SentAt) : null, r.AcknowledgedBy, r.AcknowledgedVia))];

    public static IReadOnlyList<FailedPage> ListFailedPages(SqliteConnection connection, DateTimeOffset from, DateTimeOffset to) =>
        [.. connection.Query<FailedRow>(ReportSql.ListFailedPages, Range(from, to)).Select(r => new FailedPage(
            r.Number ?? "", (SupportLevel)r.Level, r.Person ?? "", Channel(r.Kind), UnixTime.FromMs(r.At), r.Reason))];

    public static IReadOnlyList<HeldPage> ListHeldPages(SqliteConnection connection, DateTimeOffset at) =>
        [.. connection.Query<HeldRow>(ReportSql.ListHeldPages, new { at = UnixTime.ToMs(at) }).Select(r => new HeldPage(
            r.Number ?? "", (SupportLevel)r.Level, r.Team, r.Customer, r.Title, UnixTime.FromMs(r.HeldUntil)))];

    public static IReadOnlyList<RecentEvent> ListRecentEvents(SqliteConnection connection, int limit) =>
        [.. connection.Query<EventRow>(ReportSql.ListRecentEvents, new { limit }).Select(r => new RecentEvent(
            UnixTime.FromMs(r.ReceivedAt), r.Server, r.Kind, (int)r.Severity, r.Host, r.Name, r.TicketNumber))];

    /// <summary>Report deliveries (mail, webhook) that gave up since <paramref name="since"/>, newest first: "report.mail to ops@…: reason".</summary>
    public static IReadOnlyList<string> ListFailedDeliveries(SqliteConnection connection, DateTimeOffset since) =>
        [.. connection.Query<DeliveryRow>(ReportSql.ListFailedDeliveries, new { since = UnixTime.ToMs(since) })
            .Select(r => $"{r.Kind} to {r.Target} failed at {UnixTime.FromMs(r.At):u}: {r.Reason}")];

    private static object Range(DateTimeOffset from, DateTimeOffset to) => new { from = UnixTime.ToMs(from), to = UnixTime.ToMs(to), limit = NoisyLimit };

    private static List<TicketMovement> Movements(SqliteConnection connection, string sql, object range) =>
        [.. connection.Query<MovementRow>(sql, range).Select(r => new TicketMovement(
            r.Number ?? "", Enum.Parse<TicketType>(r.Type), (SupportLevel)r.Level, r.Customer, r.Host, r.Title, UnixTime.FromMs(r.At), r.By))];

    private static List<NoisySource> Noisy(SqliteConnection connection, string sql, DateTimeOffset from, DateTimeOffset to) =>
        [.. connection.Query<NoisyRow>(sql, Range(from, to)).Select(r => new NoisySource(r.Name ?? "", r.Host, (int)r.Events))];

    private static PageChannel Channel(string kind) => kind == PageChannel.Call.ToOutboxKind() ? PageChannel.Call : PageChannel.Sms;

    // A PROBLEM closed or resolved after the shift's end was still active at it.
    private static TicketState StateAtEnd(string state, long openAtEnd) =>
        TicketNames.TryParseState(state, out var s) && (s.IsActive() || openAtEnd == 0) ? s : TicketState.Open;
}
