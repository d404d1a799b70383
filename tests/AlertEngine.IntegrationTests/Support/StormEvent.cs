using System.Globalization;
using System.Text.Json.Nodes;

namespace AlertEngine.IntegrationTests.Support;

/// <summary>
/// One webhook body of a storm, made from the samples/zabbix/payloads bodies: a problem event, or an
/// update (a comment, or an acknowledgement) of a problem made before it. Every body is a delivery
/// of its own: problems have unique event ids, updates unique messages.
/// </summary>
internal sealed record StormEvent(int Index, string EventId, string TriggerId, bool IsUpdate, bool Acknowledges, string Body)
{
    private static readonly string[] Customers = ["acme", "nc", "globex"];
    private static readonly string[] Checks = ["App health critical", "Disk space low", "High CPU load", "Replication lag", "Certificate expires soon"];

    /// <summary>What an update repeats of its problem, as the media type sends it.</summary>
    private static readonly string[] ProblemFields = ["event_id", "trigger_id", "severity", "event_name", "host", "host_name", "tags", "clock"];

    /// <summary>
    /// <paramref name="count"/> events on <paramref name="triggers"/> triggers (three customers,
    /// several hosts, severities 2 to 5 so that the runner reorders them), about one in four an
    /// update, half of those acknowledging. Each trigger's problems fold into one ALERT ticket.
    /// </summary>
    public static List<StormEvent> CreateMany(Random random, int count, int triggers)
    {
        ArgumentNullException.ThrowIfNull(random);
        var problem = Samples.Problem;
        var update = Samples.Update;
        var now = TimeProvider.System.GetUtcNow();
        var firstEventId = random.Next(1, 1000) * 1_000_000L;
        var events = new List<StormEvent>(count);
        var problems = new List<StormEvent>();
        for (var i = 0; i < count; i++)
        {
            if (problems.Count > 0 && random.Next(4) == 0)
            {
                var of = problems[random.Next(problems.Count)];
                var acknowledges = random.Next(2) == 0;
                var at = now.AddSeconds(-random.Next(120));
                var problemFields = JsonNode.Parse(of.Body)!;
                var body = Samples.With(update, o =>
                {
                    foreach (var field in ProblemFields)
                    {
                        o[field] = problemFields[field]!.DeepClone();
                    }

                    o["update_action"] = acknowledges ? "acknowledged and commented" : "commented";
                    o["update_message"] = $"storm note {i.ToString(CultureInfo.InvariantCulture)}";
                    o["update_date"] = at.ToString("yyyy.MM.dd", CultureInfo.InvariantCulture);
                    o["update_time"] = at.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
                    o["acknowledged"] = acknowledges;
                });
                events.Add(new StormEvent(i, of.EventId, of.TriggerId, IsUpdate: true, acknowledges, body));
                continue;
            }

            var trigger = random.Next(triggers);
            var customer = Customers[trigger % Customers.Length];
            var host = $"srv-{customer}-web{(trigger % 7) + 1}";
            var eventId = (firstEventId + i).ToString(CultureInfo.InvariantCulture);
            var triggerId = (24_000 + trigger).ToString(CultureInfo.InvariantCulture);
            var made = new StormEvent(i, eventId, triggerId, IsUpdate: false, Acknowledges: false, Samples.With(problem, o =>
            {
                o["event_id"] = eventId;
                o["trigger_id"] = triggerId;
                o["severity"] = 2 + (trigger % 4);
                o["event_name"] = $"{Checks[trigger % Checks.Length]} on {host}";
                o["host"] = host;
                o["host_name"] = host;
                o["clock"] = now.ToUnixTimeSeconds() - random.Next(120);
                o["tags"]!.AsArray().Single(t => (string?)t!["tag"] == "customer")!["value"] = customer;
            }));
            problems.Add(made);
            events.Add(made);
        }

        return events;
    }
}
