using System.Security.Cryptography;
using System.Text;

namespace AlertEngine.Ingest;

/// <summary>
/// What counts as the same delivery: (Zabbix server, problem event id, update key). A second
/// delivery with the same key is a no-op. The update key is <c>problem</c>, <c>recovery:&lt;id&gt;</c>,
/// or <c>update:&lt;hash&gt;</c> over the update's own fields: Zabbix gives an update no id, but
/// a retried alert carries exactly the same resolved macros, while two different updates
/// differ in time, action, user or message.
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
            EventKind.Update => $"update:{UpdateHash(e.Update!)}",
            _ => throw new ArgumentOutOfRangeException(nameof(e), e.Kind, "unknown event kind"),
        };
        return new InboxKey(e.Server, e.EventId, updateKey);
    }

    private static string UpdateHash(ZabbixUpdate u)
    {
        var identity = string.Join('\u001f', u.Date, u.Time, u.Action, u.User, u.Message, u.NewSeverity);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(identity));
        return Convert.ToHexStringLower(hash, 0, 8);
    }
}
