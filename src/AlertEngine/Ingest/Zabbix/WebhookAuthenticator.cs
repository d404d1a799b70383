using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace AlertEngine.Ingest.Zabbix;

/// <summary>Who may post events: the configured server names and their shared secrets.</summary>
public enum WebhookAccess
{
    Allowed,
    UnknownServer,
    BadToken,
}

/// <summary>
/// Checks the <c>X-AlertEngine-Token</c> of a webhook call against its server's secret, in
/// constant time (comparing fixed-length SHA-256 digests), before anything in the body is read.
/// </summary>
public sealed class WebhookAuthenticator
{
    private readonly Dictionary<string, (string Name, byte[] Digest)> _servers;

    public WebhookAuthenticator(IOptions<ZabbixOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _servers = options.Value.Servers.ToDictionary(
            s => s.Key,
            s => (s.Key, SHA256.HashData(Encoding.UTF8.GetBytes(s.Value.WebhookSecret))),
            StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Checks a call; <paramref name="serverName"/> is the configured spelling of the server.</summary>
    public WebhookAccess Check(string server, string? token, out string serverName)
    {
        serverName = server;
        if (!_servers.TryGetValue(server, out var entry))
        {
            return WebhookAccess.UnknownServer;
        }

        serverName = entry.Name;
        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(token ?? ""));
        return !string.IsNullOrEmpty(token) && CryptographicOperations.FixedTimeEquals(presented, entry.Digest)
            ? WebhookAccess.Allowed
            : WebhookAccess.BadToken;
    }
}
