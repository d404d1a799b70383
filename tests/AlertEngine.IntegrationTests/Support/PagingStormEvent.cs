using System.Globalization;
using System.Text.Json.Nodes;

namespace AlertEngine.IntegrationTests.Support;

/// <summary>What a <see cref="PagingStormEvent"/> does to its trigger's ticket.</summary>
internal enum PagingStormKind
{
    /// <summary>A problem on a trigger not seen before: opens a ticket that starts an escalation chain.</summary>
    NewProblem,

    /// <summary>Another problem on a trigger with an open ticket: an occurrence, no page.</summary>
    Repeat,

    /// <summary>A comment, or an acknowledgement (which stops the chain), of an earlier problem.</summary>
    Update,

    /// <summary>The recovery of an earlier problem: resolves its ticket and stops the chain.</summary>
    Recovery,
}

/// <summary>
/// One webhook body of the paging crash test (samples/zabbix/payloads): mostly problems on triggers
/// of their own at severity disaster or high, so that each opens an L1 or L2 ticket and pages are
/// planned all the time, mixed with repeats, updates and recoveries of earlier problems. Every body
/// is a delivery of its own: problems and recoveries have unique event ids, updates unique messages.
/// </summary>
internal sealed record PagingStormEvent(int Index, string EventId, string TriggerId, PagingStormKind Kind, string Body)
{
    private static readonly string[] Customers = ["acme", "nc", "globex"];
    private static readonly string[] Checks = ["App health critical", "Disk space low", "High CPU load", "Replication lag", "Certificate expires soon"];

    /// <summary>What updates and recoveries repeat of their problem, as the media type sends it.</summary>
    private static readonly string[] ProblemFields = ["event_id", "trigger_id", "severity", "event_name", "host", "host_name", "tags", "clock"];

    /// <summary>
    /// <paramref name="count"/> events: about 7 in 10 new problems (severity 5 or 4, half each), the
    /// rest repeats, updates (half acknowledging) and recoveries of problems made at least ten events
    /// before (so that they usually arrive after them).
    /// </summary>
    public static List<PagingStormEvent> CreateMany(Random random, int count)
    {
        ArgumentNullException.ThrowIfNull(random);
        var now = TimeProvider.System.GetUtcNow();
        var firstEventId = random.Next(1, 1000) * 1_000_000L;
        var firstTrigger = random.Next(1, 1000) * 10_000;
        var events = new List<PagingStormEvent>(count);
        var problems = new List<PagingStormEvent>();
        var recovered = new HashSet<string>();
        for (var i = 0; i < count; i++)
        {
            var eventId = (firstEventId + i).ToString(CultureInfo.InvariantCulture);
            var older = problems.Count > 10 ? problems[random.Next(problems.Count - 10)] : null;
            var roll = random.Next(20);
            if (older is not null && roll < 3)
            {
                var acknowledges = random.Next(2) == 0;
                var at = now.AddSeconds(-random.Next(60));
                events.Add(new PagingStormEvent(i, older.EventId, older.TriggerId, PagingStormKind.Update, Samples.With(Samples.Update, o =>
                {
                    Copy(older.Body, o);
                    o["update_action"] = acknowledges ? "acknowledged and commented" : "commented";
                    o["update_message"] = $"paging storm note {i.ToString(CultureInfo.InvariantCulture)}";
                    o["update_date"] = at.ToString("yyyy.MM.dd", CultureInfo.InvariantCulture);
                    o["update_time"] = at.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
                    o["acknowledged"] = acknowledges;
                })));
                continue;
            }

            if (older is not null && roll < 5 && recovered.Add(older.TriggerId))
            {
                events.Add(new PagingStormEvent(i, older.EventId, older.TriggerId, PagingStormKind.Recovery, Samples.With(Samples.Recovery, o =>
                {
                    Copy(older.Body, o);
                    o["recovery_event_id"] = eventId;
                    o["recovery_clock"] = now.ToUnixTimeSeconds();
                    o["acknowledged"] = false;
                })));
                continue;
            }

            var repeatOf = older is not null && roll < 6 && !recovered.Contains(older.TriggerId) ? older : null;
            var trigger = repeatOf is null ? firstTrigger + i : int.Parse(repeatOf.TriggerId, CultureInfo.InvariantCulture);
            var customer = Customers[trigger % Customers.Length];
            var host = $"srv-{customer}-web{(trigger % 7) + 1}";
            var severity = repeatOf is null ? 4 + random.Next(2) : (int)JsonNode.Parse(repeatOf.Body)!["severity"]!;
            var triggerId = trigger.ToString(CultureInfo.InvariantCulture);
            var made = new PagingStormEvent(i, eventId, triggerId, repeatOf is null ? PagingStormKind.NewProblem : PagingStormKind.Repeat, Samples.With(Samples.Problem, o =>
            {
                o["event_id"] = eventId;
                o["trigger_id"] = triggerId;
                o["severity"] = severity;
                o["event_name"] = $"{Checks[trigger % Checks.Length]} on {host}";
                o["host"] = host;
                o["host_name"] = host;
                o["clock"] = now.ToUnixTimeSeconds() - random.Next(60);
                o["tags"]!.AsArray().Single(t => (string?)t!["tag"] == "customer")!["value"] = customer;
            }));
            problems.Add(made);
            events.Add(made);
        }

        return events;
    }

    private static void Copy(string problemBody, JsonObject to)
    {
        var problem = JsonNode.Parse(problemBody)!;
        foreach (var field in ProblemFields)
        {
            to[field] = problem[field]!.DeepClone();
        }
    }
}
