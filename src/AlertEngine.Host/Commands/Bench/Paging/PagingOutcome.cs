using Microsoft.Data.Sqlite;

namespace AlertEngine.Host.Commands.Bench.Paging;

/// <summary>
/// What became of one disaster: its ticket, how many SMS the stand-in got for it, and the time from
/// the webhook's 2xx to the first (negative when the SMS came first: the page goes out once the
/// sender's own commit is on disk, which can be before the webhook's fsync has returned), and from
/// the start of the webhook request to it.
/// </summary>
internal sealed record DisasterOutcome(DisasterSent Sent, string? TicketNumber, int? Level, int Sms, TimeSpan? Latency, TimeSpan? FromRequest = null)
{
    public bool PagedOnce => Sms == 1 && Latency is not null;
}

/// <summary>One phase of the paging benchmark (idle, or during the storm): every disaster's outcome and the latency figures.</summary>
internal sealed record PagingPhase(string Name, IReadOnlyList<DisasterOutcome> Disasters, int SmsTotal, int CallsTotal)
{
    public LatencyHistogram Latency { get; } = Histogram(Disasters, warmup: false);

    /// <summary>From the start of the webhook request (its wait for the disk included) to the SMS, outside warm-up.</summary>
    public LatencyHistogram FromRequest { get; } = Histogram(Disasters.Where(d => !d.Sent.Warmup).Select(d => d.FromRequest));

    /// <summary>SMS (outside warm-up) that reached the stand-in before the webhook's 2xx reached the benchmark; counted as 0 in <see cref="Latency"/>.</summary>
    public int SmsBeforeAnswer => Disasters.Count(d => !d.Sent.Warmup && d.Latency < TimeSpan.Zero);

    /// <summary>The warm-up disasters' latency: the first pages after the engine started.</summary>
    public LatencyHistogram Cold { get; } = Histogram(Disasters, warmup: true);

    public int NotAnswered => Disasters.Count(d => d.Sent.AnsweredAt is null);

    public int NotPaged => Disasters.Count(d => d.Sms == 0);

    public int PagedTwice => Disasters.Count(d => d.Sms > 1);

    public int NotL1 => Disasters.Count(d => d.Level is not null && d.Level != 1);

    public bool Ok => NotAnswered == 0 && NotPaged == 0 && PagedTwice == 0;

    public double P50Ms => Latency.PercentileMs(50);

    public double P99Ms => Latency.PercentileMs(99);

    public double MaxMs => Latency.MaxMs;

    private static LatencyHistogram Histogram(IReadOnlyList<DisasterOutcome> disasters, bool warmup) =>
        Histogram(disasters.Where(d => d.Sent.Warmup == warmup).Select(d => d.Latency));

    private static LatencyHistogram Histogram(IEnumerable<TimeSpan?> latencies)
    {
        var histogram = new LatencyHistogram();
        foreach (var latency in latencies)
        {
            if (latency is { } l)
            {
                histogram.Record(l);
            }
        }

        return histogram;
    }
}

/// <summary>
/// Matches the disasters sent with the engine's file (read once it stopped) and the stand-in's
/// requests: a disaster's ticket by its trigger, the ticket's SMS pages (outbox rows page.sms) and,
/// for each one sent, the request that carried it by the sid the stand-in returned
/// (outbox.provider_id). A page bundled with others ("14 new alerts: L1 #1283 …, +13 more") carries
/// the sid of that one SMS, so a bundled disaster is matched too.
/// </summary>
internal static class PagingOutcomes
{
    /// Every ALERT ticket's trigger, number and level with its SMS pages' state and Twilio sid (full scan of tickets; outbox by ix_outbox_ticket).
    private const string ListTicketSms = """
        SELECT t.trigger_id, t.number, t.level, o.state, o.provider_id
        FROM tickets t LEFT JOIN outbox o ON o.ticket_id = t.id AND o.kind = 'page.sms'
        WHERE t.type = 'ALERT' AND t.trigger_id IS NOT NULL AND t.number IS NOT NULL
        """;

    public static PagingPhase Match(string name, IReadOnlyList<DisasterSent> sent, IReadOnlyList<TwilioArrival> arrivals, string databasePath)
    {
        ArgumentNullException.ThrowIfNull(sent);
        ArgumentNullException.ThrowIfNull(arrivals);
        var wanted = sent.Select(s => s.TriggerId).ToHashSet(StringComparer.Ordinal);
        var tickets = ReadTickets(databasePath, wanted);
        var bySid = arrivals.Where(a => a.Sms).ToLookup(a => a.Sid, StringComparer.Ordinal);
        var outcomes = sent.Select(s =>
        {
            if (!tickets.TryGetValue(s.TriggerId, out var ticket))
            {
                return new DisasterOutcome(s, null, null, 0, null);
            }

            // A page recorded sent whose sid never reached the stand-in was not paged.
            var requests = ticket.SentSids.SelectMany(sid => bySid[sid]).ToList();
            var first = requests.Count > 0 ? requests.Min(p => p.Timestamp) : (long?)null;
            TimeSpan? latency = first is { } at && s.AnsweredAt is { } answered ? TimeProvider.System.GetElapsedTime(answered, at) : null;
            TimeSpan? fromRequest = first is { } arrived && s.RequestedAt is { } requested ? TimeProvider.System.GetElapsedTime(requested, arrived) : null;
            return new DisasterOutcome(s, ticket.Number, ticket.Level, requests.Count, latency, fromRequest);
        }).ToList();
        return new PagingPhase(name, outcomes, arrivals.Count(a => a.Sms), arrivals.Count(a => !a.Sms));
    }

    private static Dictionary<string, (string Number, int Level, List<string> SentSids)> ReadTickets(string databasePath, HashSet<string> triggers)
    {
        SqliteConnection.ClearAllPools();
        var connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = ListTicketSms;
        using var reader = command.ExecuteReader();
        var tickets = new Dictionary<string, (string, int, List<string>)>(StringComparer.Ordinal);
        while (reader.Read())
        {
            var trigger = reader.GetString(0);
            if (!triggers.Contains(trigger))
            {
                continue;
            }

            if (!tickets.TryGetValue(trigger, out var ticket))
            {
                ticket = (reader.GetString(1), reader.GetInt32(2), []);
                tickets[trigger] = ticket;
            }

            if (!reader.IsDBNull(3) && reader.GetString(3) == "sent" && !reader.IsDBNull(4))
            {
                ticket.Item3.Add(reader.GetString(4));
            }
        }

        return tickets;
    }
}
