using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using AlertEngine.Ingest;

namespace AlertEngine.IntegrationTests.Support;

/// <summary>
/// Every 2xx the webhook gave during a fuzz run, by inbox key, with the body behind it; then
/// proof from the database that exactly those bodies were stored, byte for byte, and that
/// every ticket change came from one of them.
/// </summary>
internal sealed class IntakeLedger
{
    private readonly ConcurrentDictionary<InboxKey, FuzzBody> _accepted = new();
    private readonly ConcurrentQueue<(InboxKey Key, FuzzBody Body)> _duplicates = new();

    public int Accepted => _accepted.Count;

    public int Duplicates => _duplicates.Count;

    /// <summary>Records a 2xx reply; returns what is wrong with it, or null.</summary>
    public string? Record(string server, int status, string reply, FuzzBody body)
    {
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            using var json = JsonDocument.Parse(reply);
            var root = json.RootElement;
            var key = new InboxKey(server, root.GetProperty("eventId").GetString()!, root.GetProperty("updateKey").GetString()!);
            var said = root.GetProperty("status").GetString();
            switch (status)
            {
                case 202 when said == "accepted":
                    return _accepted.TryAdd(key, body) ? null : $"{key} was answered 202 accepted twice";
                case 200 when said == "duplicate":
                    _duplicates.Enqueue((key, body));
                    return null;
                default:
                    return $"a {status} says '{said}'";
            }
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return $"the {status} reply is not {{status, eventId, updateKey}}: {ex.Message}";
        }
    }

    /// <summary>What is wrong with the database after the run (every event processed by then), one finding per line.</summary>
    public IEnumerable<(string Problem, FuzzBody? Body)> Verify(DatabaseSnapshot before, DatabaseSnapshot after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        foreach (var (key, row) in before.Inbox.Where(r => !Equals(after.Inbox.GetValueOrDefault(r.Key), r.Value)))
        {
            yield return ($"inbox row {row.Id} {key}, stored before the run, changed", null);
        }

        var added = after.Inbox.Where(r => !before.Inbox.ContainsKey(r.Key)).ToDictionary();
        foreach (var key in added.Keys.Where(k => !_accepted.ContainsKey(k)))
        {
            yield return ($"inbox row {added[key].Id} {key} was stored but no request was answered 202 for it", null);
        }

        foreach (var (key, body) in _accepted)
        {
            if (!added.TryGetValue(key, out var row))
            {
                yield return ($"{key} was answered 202 but is not in the inbox", body);
            }
            else if (!Encoding.UTF8.GetBytes(row.Payload).AsSpan().SequenceEqual(body.Bytes))
            {
                yield return ($"{key} was stored, but not as the bytes received", body);
            }
            else if (row.PoisonedReason is not null || !row.Processed)
            {
                yield return ($"{key} was accepted but the pipeline {(row.Processed ? $"set it aside: {row.PoisonedReason}" : "never processed it")}", body);
            }
        }

        foreach (var (key, body) in _duplicates.Where(d => !before.Inbox.ContainsKey(d.Key) && !_accepted.ContainsKey(d.Key)))
        {
            yield return ($"answered 200 duplicate for {key}, which nothing stored", body);
        }

        // Tickets change only through the pipeline, and only for events that were accepted.
        var addedIds = added.Values.Select(r => r.Id).ToHashSet();
        var newLines = after.Timeline.Where(t => !before.Timeline.Contains(t)).ToList();
        foreach (var line in newLines.Where(t => t.InboxId is not { } id || !addedIds.Contains(id)))
        {
            yield return ($"timeline line {line.Id} of ticket {line.TicketId} was not written by an accepted event (inbox id {line.InboxId})", null);
        }

        foreach (var id in after.Tickets.Keys.Where(id => before.Tickets.GetValueOrDefault(id) != after.Tickets[id] && !newLines.Exists(t => t.TicketId == id)))
        {
            yield return ($"ticket {id} changed without a timeline line from an accepted event", null);
        }
    }
}
