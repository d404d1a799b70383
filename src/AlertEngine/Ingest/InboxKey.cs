using System.Security.Cryptography;
using System.Text;

namespace AlertEngine.Ingest;

/// <summary>
/// What counts as the same delivery: (Zabbix server, problem event id, update key). A second
/// delivery with the same key is a no-op, whichever path (webhook or API poller) brought it.
/// The update key is <c>problem</c>, <c>recovery:&lt;id&gt;</c>, or for an update
/// <c>update:&lt;epoch seconds&gt;:&lt;hash of the message&gt;</c>: Zabbix gives an update no id
/// the webhook can see, but the webhook and the API agree on when it was made and what it said.
/// A body without the update's clock (a media type older than 0.6) falls back to
/// <c>update:&lt;hash&gt;</c> over all its fields, which only the webhook can repeat.
/// </summary>
public sealed record InboxKey(string Server, string EventId, string UpdateKey)
{
    public static InboxKey For(ZabbixEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var updateKey = e.Kind switch
        {
            EventKind.Problem => "problem",
            EventKind.Recovery => $"recovery:{e.RecoveryEventId}",
            EventKind.Update => KeyOf(e.Update!),
            _ => throw new ArgumentOutOfRangeException(nameof(e), e.Kind, "unknown event kind"),
        };
        return new InboxKey(e.Server, e.EventId, updateKey);
    }

    private static string KeyOf(ZabbixUpdate u)
    {
        if (u.At is { } at)
        {
            // Trimmed, and no message the same as an empty one: the media type and the API may differ there.
            return $"update:{at.ToUnixTimeSeconds()}:{Hash((u.Message ?? "").Trim())}";
        }

        return $"update:{Hash(string.Join('\u001f', u.Date, u.Time, u.Action, u.User, u.Message, u.NewSeverity))}";
    }

    private static string Hash(string identity) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)), 0, 8);
}
