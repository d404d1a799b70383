using System.Globalization;
using System.Net;

namespace AlertEngine.Ingest.Zabbix.Api;

/// <summary>
/// The one place that decides whether a Zabbix API failure is retryable or permanent, and words
/// it for a log read at 3 a.m.: <c>Zabbix API main: event.get failed: -32602 Invalid params. (Not authorized.)</c>.
/// Messages carry codes, Zabbix's own texts and option keys, never a token, password or session id.
/// </summary>
internal static class ZabbixApiErrors
{
    /// <summary>Zabbix's answers when the token or session is not (or no longer) accepted (reference B2, D16).</summary>
    private static readonly string[] AuthData = ["Session terminated, re-login, please.", "Not authorized."];

    /// <summary>-32603 internal error and -32400/-32300 system and transport errors may pass; everything else is the request's fault.</summary>
    public static bool IsRetryable(int code) => code is -32603 or -32400 or -32300;

    /// <summary>A -32602 saying the token or session is not accepted: log in again (session) or give up (token).</summary>
    public static bool IsAuthFailure(ZabbixRpcError error) =>
        error is { Code: -32602, Data: { } data } && AuthData.Any(a => data.Trim().Equals(a, StringComparison.OrdinalIgnoreCase));

    /// <summary>A JSON-RPC error reply.</summary>
    public static ZabbixApiException FromRpcError(string server, string method, ZabbixRpcError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new ZabbixApiException(server, method, Prefix(server, method) + Describe(error), IsRetryable(error.Code), error.Code, error.Data);
    }

    /// <summary>Authentication refused for good (after a fresh login, or with a token): names the keys to check.</summary>
    public static ZabbixApiException AuthFailed(string server, string method, ZabbixRpcError error, bool usingToken)
    {
        ArgumentNullException.ThrowIfNull(error);
        var key = $"Zabbix:Servers:{server}:Api";
        var check = usingToken ? $"{key}:Token (missing, expired or revoked?)" : $"{key}:User and {key}:Password";
        return new ZabbixApiException(server, method, $"{Prefix(server, method)}{Describe(error)}; authentication refused, check {check}", retryable: false, error.Code, error.Data);
    }

    /// <summary>An HTTP status other than 200: 5xx, 408 and 429 may pass; other 4xx are a configuration problem.</summary>
    public static ZabbixApiException FromHttpStatus(string server, string method, HttpStatusCode status)
    {
        var code = (int)status;
        var retryable = code >= 500 || status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;
        var hint = status switch
        {
            HttpStatusCode.PreconditionFailed => ": Zabbix refused the Content-Type (it wants application/json); a proxy may rewrite it",
            HttpStatusCode.NotFound => $": check Zabbix:Servers:{server}:Api:Url points at api_jsonrpc.php",
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => ": a web server or proxy in front of Zabbix refused the request (HTTP authentication is not supported)",
            _ when retryable => ": the Zabbix front end or its proxy is failing",
            _ => ": the Zabbix front end refused the request",
        };
        return new ZabbixApiException(server, method, $"{Prefix(server, method)}HTTP {code.ToString(CultureInfo.InvariantCulture)} {status}{hint}", retryable);
    }

    /// <summary>A 200 whose body is not a JSON-RPC reply (an HTML page: wrong URL, login page of a proxy).</summary>
    public static ZabbixApiException BadReply(string server, string method, FormatException reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        return new ZabbixApiException(server, method, $"{Prefix(server, method)}{reason.Message}; check Zabbix:Servers:{server}:Api:Url points at api_jsonrpc.php", retryable: false, innerException: reason);
    }

    /// <summary>No connection, reset, DNS failure: the server is unreachable.</summary>
    public static ZabbixApiException Unreachable(string server, string method, HttpRequestException reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        return new ZabbixApiException(server, method, $"{Prefix(server, method)}unreachable ({reason.Message})", retryable: true, innerException: reason);
    }

    public static ZabbixApiException TimedOut(string server, string method, TimeSpan timeout, Exception? reason = null) =>
        new(server, method, $"{Prefix(server, method)}no answer within {timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s (Zabbix:Servers:{server}:Api:Timeout)", retryable: true, innerException: reason);

    public static ZabbixApiException CircuitOpen(string server, string method, TimeSpan breakDuration, Exception? reason = null) =>
        new(server, method, $"{Prefix(server, method)}not tried, the server failed repeatedly (circuit open for {breakDuration.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s, Zabbix:Servers:{server}:Api:BreakDuration)", retryable: true, innerException: reason);

    private static string Prefix(string server, string method) => $"Zabbix API {server}: {method} failed: ";

    private static string Describe(ZabbixRpcError error) =>
        error.Data is { Length: > 0 } data
            ? $"{error.Code.ToString(CultureInfo.InvariantCulture)} {error.Message} ({data})"
            : $"{error.Code.ToString(CultureInfo.InvariantCulture)} {error.Message}";
}
